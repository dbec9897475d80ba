"""The API process stays small when idle: heavy libraries load when first used, not at start-up."""

import json
import subprocess
import sys

HEAVY = ["authlib", "zxcvbn", "openpyxl", "xlsxwriter", "reportlab", "phonenumbers", "httpx", "limits", "aiosmtplib",
         "disposable_email_domains", "schemathesis"]

SCRIPT = f"""
import json, sys
from backend.app import create_app
create_app()
print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))
"""


def test_create_app_imports_no_heavy_library() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
