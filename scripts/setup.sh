#!/usr/bin/env bash
# Installs what Portico needs (idempotent): .venv (and .venv/codegen), bun for the portal, chromium for the
# browser tests, the portal's web build. Used by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Portico needs Python 3.11 or newer")'
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.portico-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "==> installing Python packages"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[dev,portal,tracing]'
  touch "$stamp"
fi
# The portal's client generator (./scripts/codegen.sh, and the test that checks the
# committed client): ariadne-codegen needs graphql-core 3.2, Strawberry 3.3, so it gets
# its own venv with pyproject.toml's `codegen` dependency group.
codegen_stamp=.venv/codegen/.portico-installed
if [ ! -f "$codegen_stamp" ] || [ pyproject.toml -nt "$codegen_stamp" ]; then
  echo "==> installing the portal's client generator (.venv/codegen)"
  [ -x .venv/codegen/bin/python ] || .venv/bin/python -m venv .venv/codegen
  .venv/codegen/bin/python -m pip install --quiet --upgrade pip
  .venv/codegen/bin/python -m pip install --quiet --group codegen
  touch "$codegen_stamp"
fi

# The portal (Reflex): bun comes from npm, so Reflex never downloads it.
if [ ! -x node_modules/.bin/bun ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> installing bun (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
# The OpenID provider the enterprise sign-in tests run (tests/enterprise/oidc).
oidc=tests/enterprise/oidc
if [ ! -d "$oidc/node_modules/oidc-provider" ] || [ "$oidc/package-lock.json" -nt "$oidc/node_modules/.package-lock.json" ]; then
  echo "==> installing the test OpenID provider (npm ci)"
  npm ci --prefix "$oidc" --no-audit --no-fund --loglevel=error
fi
# A browser for the end-to-end tests; never `playwright install` (it downloads).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> installing chromium (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
# nginx and Redis for the scale test (tests/ops/test_scale.py), from the system packages.
missing=()
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing+=(nginx)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> installing ${missing[*]} (apt)"
  # Installed as programs the tests start themselves: never started as system services.
  own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  if [ -n "$own_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
fi
if [ ! -d .web/node_modules ] || [ reflex.lock/bun.lock -nt .web/node_modules ]; then
  echo "==> preparing the portal's web build (reflex export)"
  # shellcheck source=portal-env.sh
  source scripts/portal-env.sh
  .venv/bin/reflex export --frontend-only --no-zip --loglevel warning >/dev/null
fi
