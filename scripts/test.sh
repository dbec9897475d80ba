#!/usr/bin/env bash
# Installs everything and runs the whole test suite on SQLite and on PostgreSQL.
# The browser tests (tests/e2e, marked e2e) run once, in the SQLite pass; they start the
# API and the portal themselves and drive headless Chromium (/usr/bin/chromium).
#   PORTICO_TEST_DATABASES="sqlite"       only SQLite (no PostgreSQL at hand)
#   PORTICO_TEST_PG=postgres://...        the PostgreSQL server to create test databases on
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PORTICO_TEST_PG="${PORTICO_TEST_PG:-postgres://postgres@127.0.0.1:5432/postgres}"
echo "==> lint (ruff)"
.venv/bin/ruff check backend tests benchmarks frontend
echo "==> types (mypy)"
.venv/bin/mypy
status=0
for database in ${PORTICO_TEST_DATABASES:-sqlite postgres}; do
  echo "==> tests on $database"
  only=()
  if [ "$database" != sqlite ]; then only=(-m "not e2e"); fi
  PORTICO_TEST_DB="$database" timeout --kill-after=30 1800 .venv/bin/python -m pytest -q -p no:cacheprovider "${only[@]}" "$@" || status=$?
done
exit $status
