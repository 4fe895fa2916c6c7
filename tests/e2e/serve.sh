#!/usr/bin/env bash
# The real CRM (Flask API + the built SPA) on a FRESH database, for the browser tests.
# Playwright starts it (webServer in playwright.config.ts); by hand:  bash tests/e2e/serve.sh
#
#   E2E_PORT           port to listen on (default 8123)
#   VENV               Python virtualenv with the backend installed (default .venv)
#   CRM_DEMO_PASSWORD  password of the seeded demo users (default demo-pass-2026)
#   E2E_STORE          where attachment bytes go: gridfs (default when the venv has nx-27017, a
#                      MongoDB wire-protocol server started here for this run) or local
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${E2E_PORT:-8123}"
VENV="${VENV:-.venv}"
if [[ ! -x "$VENV/bin/gunicorn" || ! -x "$VENV/bin/crm" ]]; then
  echo "serve.sh: $VENV/bin/crm and gunicorn are missing; install the backend first (make install)." >&2
  exit 1
fi
if [[ ! -f frontend/dist/index.html ]]; then
  echo "serve.sh: frontend/dist is missing; run 'npm run build' first." >&2
  exit 1
fi

INSTANCE="$(mktemp -d "${TMPDIR:-/tmp}/crm-e2e.XXXXXX")"
server_pid=""
mongo_pid=""
cleanup() {
  for pid in $server_pid $mongo_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$INSTANCE"
}
trap cleanup EXIT
trap 'exit 0' TERM INT

# Everything lives in the temp instance folder: a SQLite file, attachments, the generated secret.
# Variables are set (empty = embedded default) so that a developer's .env cannot point the tests
# at a real database.
export INSTANCE_PATH="$INSTANCE"
export DATABASE_URL="" MONGODB_URI="" REDIS_URL="" SECRET_KEY="" JWT_SECRET_KEY=""
export ATTACHMENTS_DIR="$INSTANCE/attachments"
export FRONTEND_DIST="$PWD/frontend/dist"
export CRM_DEMO_PASSWORD="${CRM_DEMO_PASSWORD:-demo-pass-2026}"
export COOKIE_SECURE=0

STORE="${E2E_STORE:-$([[ -x "$VENV/bin/nx-27017" ]] && echo gridfs || echo local)}"
if [[ "$STORE" == gridfs ]]; then
  mongo_port="$("$VENV/bin/python" -c 'from tests.mongo_server import free_port; print(free_port())')"
  "$VENV/bin/nx-27017" --host 127.0.0.1 -p "$mongo_port" --db "$INSTANCE/mongo.db" \
    --log-file "$INSTANCE/nx-27017.log" --pid-file "$INSTANCE/nx-27017.pid" >/dev/null 2>&1 &
  mongo_pid=$!
  export MONGODB_URI="mongodb://127.0.0.1:$mongo_port/?directConnection=true"
  "$VENV/bin/python" - <<'PY' || { echo "serve.sh: nx-27017 did not start" >&2; exit 1; }
import os, sys, time
from tests.mongo_server import ping
deadline = time.monotonic() + 30
while not ping(os.environ["MONGODB_URI"]):
    if time.monotonic() > deadline:
        sys.exit(1)
    time.sleep(0.2)
PY
fi

"$VENV/bin/crm" db upgrade >/dev/null 2>&1 || { echo "serve.sh: crm db upgrade failed" >&2; "$VENV/bin/crm" db upgrade; exit 1; }
"$VENV/bin/crm" seed >/dev/null
echo "serve.sh: fresh CRM in $INSTANCE on http://127.0.0.1:$PORT (attachments: $STORE)"

# One worker: login throttling is counted in memory, per process.
"$VENV/bin/gunicorn" --bind "127.0.0.1:$PORT" --worker-class gthread --workers 1 --threads 8 \
  --log-level warning "crm:create_app()" &
server_pid=$!
wait "$server_pid"
