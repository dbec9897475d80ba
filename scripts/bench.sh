#!/usr/bin/env bash
# Runs the benchmark that compares Portico with bare Strawberry (benchmarks/compare.py).
# Needs PostgreSQL (PORTICO_BENCH_PG, default postgres://postgres@127.0.0.1:5432/postgres) and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> installing wrk (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
exec .venv/bin/python -m benchmarks.compare "$@"
