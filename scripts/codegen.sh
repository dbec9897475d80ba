#!/usr/bin/env bash
# Regenerates the portal's typed GraphQL client (frontend/api/generated) from schema.graphql
# and frontend/api/graphql/*.graphql, and persisted-queries.json from it. Run it after
# changing an operation, or after `portico export-schema` changed schema.graphql.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m frontend.api.codegen
