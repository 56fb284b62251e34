#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL primary and a streaming read replica of it.
#
# The primary (wal_level=replica) and a hot standby made from it with `pg_basebackup -R` run as a
# non-root user (`postgres` when run as root) in a temporary directory, each on a free loopback
# port. The command gets DATABASE_URL (the primary) and DATABASE_REPLICA_URL (the standby: read-only,
# replaying the primary's WAL), so the settings add DATABASES["replica"] and config.database_router.ReplicaRouter
# sends reads there. Both servers and the directory are removed afterwards, whatever happens.
#
#   scripts/replica_cluster.sh .venv/bin/python manage.py migrate     # the schema goes to the primary
#   scripts/replica_cluster.sh bash -c '.venv/bin/python manage.py migrate && make run'
#
# tests/test_replica.py uses it. Exits 3 when initdb, pg_ctl or pg_basebackup cannot be found.
set -euo pipefail

find_pg_bin() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    local dir
    dir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    [[ -x $dir/pg_basebackup ]] && { echo "$dir"; return; }
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x $candidate/pg_ctl && -x $candidate/initdb && -x $candidate/pg_basebackup ]] && { echo "$candidate"; return; }
  done
}
PG_BIN=$(find_pg_bin || true)
if [[ -z $PG_BIN ]]; then
  echo "error: PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found." >&2
  exit 3
fi

if [[ $(id -u) -eq 0 ]]; then
  PG_USER=${PG_USER:-postgres}
  id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
fi
as_pg_user() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kb-replica.XXXXXX")
chmod 755 "$WORK"
[[ $(id -u) -eq 0 ]] && chown "$PG_USER" "$WORK"

cleanup() {
  local status=$?
  as_pg_user "$PG_BIN/pg_ctl" -D "$WORK/standby" -m immediate stop >/dev/null 2>&1 || true
  as_pg_user "$PG_BIN/pg_ctl" -D "$WORK/primary" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PRIMARY_PORT=$(free_port)
STANDBY_PORT=$(free_port)
FAST="-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
fail() { echo "error: $1" >&2; [[ -f $2 ]] && cat "$2" >&2; exit 1; }

# The primary: trust on loopback, replication connections included (initdb's default pg_hba.conf).
as_pg_user "$PG_BIN/initdb" -D "$WORK/primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync \
  >"$WORK/initdb.log" 2>&1 || fail "initdb failed" "$WORK/initdb.log"
as_pg_user "$PG_BIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w -t 60 \
  -o "-p $PRIMARY_PORT -k $WORK -c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=4 $FAST" \
  start >/dev/null || fail "the primary did not start" "$WORK/primary.log"

# The standby: a base backup with -R (standby.signal and primary_conninfo), then a hot standby.
as_pg_user timeout 120 "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$WORK/standby" \
  -R -X stream -c fast --no-sync >"$WORK/basebackup.log" 2>&1 || fail "pg_basebackup failed" "$WORK/basebackup.log"
as_pg_user "$PG_BIN/pg_ctl" -D "$WORK/standby" -l "$WORK/standby.log" -w -t 60 \
  -o "-p $STANDBY_PORT -k $WORK -c listen_addresses=127.0.0.1 -c hot_standby=on $FAST" \
  start >/dev/null || fail "the standby did not start" "$WORK/standby.log"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/postgres"
export DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$STANDBY_PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'): primary on 127.0.0.1:$PRIMARY_PORT," \
  "streaming standby on 127.0.0.1:$STANDBY_PORT (throwaway, $WORK)" >&2
"$@"
