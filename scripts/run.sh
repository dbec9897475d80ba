#!/usr/bin/env bash
# Installs everything and runs Portico on an embedded SQLite database with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PORTICO_ENV="${PORTICO_ENV:-development}"
export DATABASE_URL="${DATABASE_URL:-sqlite://portico.sqlite3}"
export API_PORT="${API_PORT:-8000}"
.venv/bin/portico migrate
.venv/bin/portico seed
cat <<INFO

  Portico API      http://localhost:${API_PORT}/graphql   (GraphiQL in the browser)
  Health check     http://localhost:${API_PORT}/healthz
  Mail goes to SMTP_HOST:SMTP_PORT (default localhost:1025). Queued mail waits
  in the outbox and is retried until a server answers.

INFO
exec .venv/bin/portico serve --host 0.0.0.0 --port "$API_PORT"
