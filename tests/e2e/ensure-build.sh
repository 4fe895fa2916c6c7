#!/usr/bin/env bash
# Before the browser tests: build the SPA when frontend/dist is missing or older than the sources,
# so `npm run e2e` never tests a stale build (and does not rebuild needlessly after `npm run build`).
set -euo pipefail
cd "$(dirname "$0")/../.."
stamp=frontend/dist/index.html
if [[ ! -f "$stamp" ]] || [[ -n "$(find frontend/src frontend/index.html frontend/public frontend/vite.config.ts \
    package-lock.json -newer "$stamp" -print -quit)" ]]; then
  echo "ensure-build: frontend/dist is missing or stale; building it (npm run build)"
  npm run build
fi
