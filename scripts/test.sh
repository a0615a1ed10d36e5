#!/usr/bin/env bash
# The one test command (`npm test`): installs what the tests need when it is missing, starts the
# services they talk to, type-checks, lints, then runs every unit and end-to-end test.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

bash scripts/ensure-test-services.sh

step "type-checking (tsc --noEmit)"
npx tsc -p tsconfig.json --noEmit

step "linting (eslint) and checking the formatting (prettier)"
npx eslint --max-warnings 0 .
npx prettier --check --log-level warn "**/*.ts"

step "running the tests (jest)"
# PGlite loads its WebAssembly through dynamic import(), which jest's module sandbox allows only with this flag.
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}" \
  npx jest --ci --runInBand --forceExit "$@"
