#!/usr/bin/env bash
# `npm start`: installs npm packages on a fresh clone, then runs the gateway (with the agent in process unless REDIS_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
if [ -f .env ]; then set -a; . ./.env; set +a; fi
exec node -r ts-node/register/transpile-only -r tsconfig-paths/register apps/gateway/src/main.ts
