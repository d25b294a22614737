#!/usr/bin/env bash
# `npm test`: everything CI runs, in order of cost. Lint and types, unit tests, the database tier,
# a production build, then the browser suite. With TEST_DATABASE_URL (and E2E_POSTGRES_URL) set,
# the database tier (and e2e servers) run on that PostgreSQL server instead of the embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
reports=.test-reports
rm -rf "$reports" && mkdir -p "$reports"

step() { printf '\n== %s\n' "$*"; }

step "lint";       npx eslint --max-warnings=0 .
step "typecheck";  npx tsc --noEmit
step "unit tests"; npx vitest run --project unit --reporter=default --reporter=json --outputFile="$reports/unit.json"
step "database tests (${TEST_DATABASE_URL:+PostgreSQL}${TEST_DATABASE_URL:-embedded PGlite})"
npx vitest run --project db --reporter=default --reporter=json --outputFile="$reports/db.json"
step "build";      npm run -s build   # next build, then the compiled server (scripts/bundle.mjs)
step "end-to-end (${E2E_POSTGRES_URL:+PostgreSQL}${E2E_POSTGRES_URL:-embedded PGlite})"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" npx playwright test --reporter=list,json

node scripts/test-summary.mjs "$reports"
