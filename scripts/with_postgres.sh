#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: started as a non-root user in a temporary
# directory on a free loopback port, removed afterwards. With DATABASE_URL already set, the command
# runs on that database. Without PostgreSQL it runs on SQLite, except under CI=true (an error there).
set -euo pipefail

if [[ -n "${DATABASE_URL:-}" ]]; then
  exec "$@"
fi

find_pg_bin() {
  if [[ -z "${KB_PG_BIN_GLOB:-}" ]] && command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  local candidate
  # KB_PG_BIN_GLOB lets tests pretend PostgreSQL is absent.
  for candidate in $(ls -d ${KB_PG_BIN_GLOB:-/usr/lib/postgresql/*/bin} 2>/dev/null | sort -V -r); do
    [[ -x "$candidate/pg_ctl" ]] && { echo "$candidate"; return; }
  done
}

PG_BIN=$(find_pg_bin || true)
if [[ -z "$PG_BIN" ]]; then
  if [[ "${CI:-}" == "true" ]]; then
    echo "error: PostgreSQL (initdb, pg_ctl) not found and CI=true: the suite must run on PostgreSQL." >&2
    exit 1
  fi
  echo "warning: PostgreSQL not found; running the suite on SQLite (PostgreSQL-only tests are skipped)." >&2
  exec "$@"
fi

as_pg_user() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$PG_USER" -- "$@"
  else
    "$@"
  fi
}

if [[ $(id -u) -eq 0 ]]; then
  PG_USER=${PG_USER:-postgres}
  if ! id "$PG_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kb-pg.XXXXXX")
chmod 755 "$WORK"
[[ $(id -u) -eq 0 ]] && chown "$PG_USER" "$WORK"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  as_pg_user "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

as_pg_user "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }
as_pg_user "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null \
  || { cat "$WORK/server.log" >&2; exit 1; }

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (throwaway, $WORK)" >&2
"$@"
