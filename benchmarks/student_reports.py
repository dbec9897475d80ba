"""The three student PDF reports for a school of N students, through the real app.

    .venv/bin/python -m benchmarks.student_reports [--students 1000]

Builds a throw-away SQLite database with the real migrations, one school with N students
(one family per four students, personal e-mails ticked) and times each report request
end to end: Student Account Info, User Account Info, the credentials preview (nothing
issued) and the printed credentials (a fresh argon2id one-time password for every student).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import tempfile
import time
from pathlib import Path


async def main(students: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="portico-bench-"))
    os.environ.update(DATABASE_URL=f"sqlite://{tmp / 'bench.sqlite3'}", MAIL_WORKER="off", SMS_WORKER="off",
                      PORTICO_ENV="development")
    from httpx import ASGITransport, AsyncClient
    from pypdf import PdfReader

    from backend.accounts import service as accounts
    from backend.accounts.models import User
    from backend.app import create_app
    from backend.auth import service as auth
    from backend.core import db
    from backend.core.security import hash_password
    from backend.families import service as families
    from backend.families.models import Student
    from backend.students.models import StudentSignIn

    await db.migrate()
    await db.init_db()
    admin = await User.create(email="admin@bench.test", password_hash=hash_password("benchmark-password-1"))
    school = await accounts.create_account(name="Bench School", creator=admin)
    for f in range(0, students, 4):
        parent = await User.create(email=f"parent{f}@bench.test", first_name="Parent", last_name=f"F{f}")
        family = await families.create_family(account=school, primary=parent, name=f"F{f:04d}")
        kids = await Student.bulk_create([Student(family=family, first_name=f"Kid{i}", last_name=f"F{f:04d}")
                                          for i in range(min(4, students - f))])
        kids = await Student.filter(family=family)
        await StudentSignIn.bulk_create([StudentSignIn(student=k, use_personal_email=True, personal_email=f"kid{k.id}@bench.test")
                                         for k in kids])
    token = (await auth.start_session(user=admin)).access_token
    headers = {"Authorization": f"Bearer {token}"}
    base = f"/reports/accounts/{school.id}"
    async with AsyncClient(transport=ASGITransport(app=create_app(manage_db=False)), base_url="http://bench", timeout=600) as client:
        for label, method, path in (
            ("Student Account Info", "GET", f"{base}/student-account-info.pdf"),
            ("User Account Info", "GET", f"{base}/user-account-info.pdf"),
            ("Credentials preview (nothing issued)", "GET", f"{base}/user-account-credentials.pdf?who=students"),
            ("Credentials printed (fresh passwords)", "POST", f"{base}/user-account-credentials.pdf?who=students"),
        ):
            started = time.perf_counter()
            response = await client.request(method, path, headers=headers)
            elapsed = time.perf_counter() - started
            pages = len(PdfReader(io.BytesIO(response.content)).pages)
            print(f"{label:40s} {students} students: {elapsed:6.2f} s, {pages} pages, {len(response.content) // 1024} KiB")
    await db.close_db()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=1000)
    asyncio.run(main(parser.parse_args().students))
