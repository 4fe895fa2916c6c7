#!/bin/sh
# Migrations run once here, before the workers start (never inside the app factory).
set -eu
case "${1:-serve}" in
  serve)
    crm db upgrade
    if [ "${CRM_SEED_DEMO:-0}" = "1" ]; then crm seed --if-empty; fi
    exec gunicorn --bind "${HOST}:${PORT}" --worker-class gthread \
      --workers "${WEB_WORKERS}" --threads "${WEB_THREADS}" \
      --access-logfile - --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
      "crm:create_app()"
    ;;
  sweep-every)
    # A failed sweep (database restarting) is retried at the next round, not fatal.
    while true; do
      crm attachments sweep || echo "attachment sweep failed; retrying in ${2:-3600} s" >&2
      sleep "${2:-3600}"
    done
    ;;
  *)
    exec crm "$@"
    ;;
esac
