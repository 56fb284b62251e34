#!/usr/bin/env bash
# Run the site as in production, on loopback: gunicorn, DJANGO_DEBUG=0, collected static files,
# PostgreSQL when DATABASE_URL is set (SQLite otherwise). Only the HTTPS redirect is relaxed, so the
# headers and behaviour can be checked over plain HTTP on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_DEBUG=0
export DJANGO_SECURE_SSL_REDIRECT=0
export DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}"
if [[ -z "${DJANGO_SECRET_KEY:-}" ]]; then
  DJANGO_SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')
  export DJANGO_SECRET_KEY
  echo "No DJANGO_SECRET_KEY given: generated one for this run (sessions end when it stops)." >&2
fi
PORT="${PORT:-8000}"
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py load_content --if-empty
echo "Serving on http://127.0.0.1:${PORT}/ (production settings, HTTP only for this local run)" >&2
exec .venv/bin/gunicorn -c config/gunicorn.py config.wsgi:application --bind "${BIND:-127.0.0.1:${PORT}}" --workers "${WORKERS:-2}" \
  --no-control-socket --error-logfile - --timeout 30
