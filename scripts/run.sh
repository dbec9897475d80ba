#!/usr/bin/env bash
# One command: installs everything, then runs the API (port 8000, SQLite, demo data)
# and the portal (port 3000) together. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/portal-env.sh
export PORTICO_ENV="${PORTICO_ENV:-development}"
export DATABASE_URL="${DATABASE_URL:-sqlite://portico.sqlite3}"
export API_PORT="${API_PORT:-8000}"
export PORTAL_PORT="${PORTAL_PORT:-3000}"
# Development listens on this machine only; API_HOST=0.0.0.0 / PORTAL_HOST=0.0.0.0 to share it.
export API_HOST="${API_HOST:-127.0.0.1}" PORTAL_HOST="${PORTAL_HOST:-127.0.0.1}"
export API_URL="${API_URL:-http://localhost:${API_PORT}}"
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:${PORTAL_PORT}}"
.venv/bin/portico migrate
.venv/bin/portico seed

for port in "$API_PORT" "$PORTAL_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use; stop what is running there (or set API_PORT / PORTAL_PORT)." >&2
    exit 1
  fi
done

# Each server runs in its own process group so one kill stops it and its children.
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 130' INT TERM

# Development mail: unless an SMTP server already listens there, a local mailbox prints
# every email's links (invitations, resets) here and keeps the messages in ./mail/.
export SMTP_HOST="${SMTP_HOST:-localhost}" SMTP_PORT="${SMTP_PORT:-1025}"
mailbox_note="Mail goes to ${SMTP_HOST}:${SMTP_PORT}."
if [ "$SMTP_HOST" = localhost ] || [ "$SMTP_HOST" = 127.0.0.1 ]; then
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; then
    setsid .venv/bin/portico dev-mailbox --port "$SMTP_PORT" &
    pids+=($!)
    mailbox_note="Emails are printed below with their links, and saved in ./mail/."
  fi
fi

setsid .venv/bin/portico serve --host "$API_HOST" --port "$API_PORT" &
pids+=($!)
echo "==> building and starting the portal (about 15 s)"
# Production mode serves page, websocket and ping on one port (rxconfig's backend_port
# 8001 is only for `reflex run` in development).
setsid .venv/bin/reflex run --env prod --frontend-port "$PORTAL_PORT" --backend-port "$PORTAL_PORT" \
  --backend-host "$PORTAL_HOST" --loglevel warning &
pids+=($!)

alive() { for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || return 1; done; }
for _ in $(seq 1 120); do
  alive || { echo "A server failed to start (see above)." >&2; exit 1; }
  if curl -fs "http://127.0.0.1:${PORTAL_PORT}/ping" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:${API_PORT}/healthz" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done
cat <<INFO

  Portico portal   http://localhost:${PORTAL_PORT}        <- open this
  Portico API      http://localhost:${API_PORT}/graphql   (GraphiQL in the browser)
  Health check     http://localhost:${API_PORT}/healthz

  Sign in with (password portico-demo-2026 for all):
    admin@demo.portico.dev   admin of Riverside Gymnastics, seat admin of its subscription
    staff@demo.portico.dev   office staff (families)
    maria@demo.portico.dev   primary guardian of the Garcia family
    jose@demo.portico.dev    secondary user: full ledger, payments
    nana@demo.portico.dev    secondary user in two families (family switcher)

  ${mailbox_note} Undelivered mail waits in the outbox
  and is retried until a server answers.
  Ctrl-C stops both servers.

INFO
wait -n "${pids[@]}" || true
echo "A server stopped; stopping the other." >&2
