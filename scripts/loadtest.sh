#!/usr/bin/env bash
# `make loadtest`: the production stack under load, then with its database taken away.
#
# Starts a throwaway PostgreSQL (as with scripts/with_postgres.sh: a non-root user, a temporary
# directory, a free loopback port), migrates, loads the real content, collects the static files and
# serves the site with gunicorn as in production (DJANGO_DEBUG=0, 2 workers) on a free loopback port.
#
#   phase 1  wrk holds $CONNECTIONS connections (64) for $DURATION seconds (60) over the URL mix of
#            scripts/loadtest.lua; reports requests/s, p50/p99 latency, non-2xx/3xx answers and
#            socket errors.
#   phase 2  "the database goes away": while wrk runs ($OUTAGE_PHASE seconds: 30, or DURATION when
#            shorter but at least 20), PostgreSQL is stopped (pg_ctl stop -m fast) for
#            $OUTAGE_SECONDS (5) and started again. Requests must fail fast with 503 during the
#            outage (timed with curl; a page still in a worker's cache may answer 200), nothing may
#            answer another status or drop the connection, and the site must answer 200 again
#            without restarting gunicorn.
#
# The API throttle is raised (API_ANON_RATE=100000/second) so that wrk, one anonymous client, is
# not answered 429. Static files are collected into the temporary directory (a settings module
# there sets STATIC_ROOT and nothing else), so the run leaves the working tree untouched.
# Exits non-zero if any request failed; gunicorn, wrk and PostgreSQL are stopped and the temporary
# directory removed on every exit. Quick run: DURATION=10 make loadtest.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WORKERS=${WORKERS:-2}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-5}
OUTAGE_PHASE=${OUTAGE_PHASE:-$((DURATION >= 30 ? 30 : (DURATION >= 20 ? DURATION : 20)))}
WRK_TIMEOUT=${WRK_TIMEOUT:-5s}
PY=${PY:-.venv/bin/python}
GUNICORN=${GUNICORN:-.venv/bin/gunicorn}
LUA=scripts/loadtest.lua

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'loadtest: error: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

[[ -x $PY && -x $GUNICORN ]] || die "no virtual environment: run through \`make loadtest\`"

# --- wrk (Debian package)
if ! command -v wrk >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 || die "wrk is not installed (apt-get install wrk)"
  say "Installing wrk (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 \
    || { timeout 300 apt-get update -qq && timeout 300 apt-get install -y -qq --no-install-recommends wrk >/dev/null; } \
    || die "could not install wrk"
fi

# --- PostgreSQL binaries and user, as in scripts/with_postgres.sh
find_pg_bin() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x "$candidate/pg_ctl" ]] && { echo "$candidate"; return; }
  done
}
PG_BIN=$(find_pg_bin || true)
[[ -n $PG_BIN ]] || die "PostgreSQL (initdb, pg_ctl) not found: apt-get install postgresql"

if [[ $(id -u) -eq 0 ]]; then
  PG_USER=${PG_USER:-postgres}
  id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
fi
as_pg_user() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kb-loadtest.XXXXXX")
chmod 755 "$WORK"
mkdir -p "$WORK/pg" "$WORK/app"
[[ $(id -u) -eq 0 ]] && chown "$PG_USER" "$WORK/pg"
PG_DATA=$WORK/pg/data
PG_LOG=$WORK/pg/server.log
APP_LOG=$WORK/gunicorn.log
GUNICORN_PID=""
WRK_PID=""

cleanup() {
  local status=$?
  set +e
  trap - EXIT INT TERM
  [[ -n $WRK_PID ]] && kill "$WRK_PID" 2>/dev/null
  if [[ -n $GUNICORN_PID ]] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
    kill -TERM "$GUNICORN_PID"
    for _ in $(seq 100); do kill -0 "$GUNICORN_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$GUNICORN_PID" 2>/dev/null
  fi
  if ((status != 0)); then
    [[ -s $APP_LOG ]] && { echo "--- last lines of the gunicorn log"; tail -n 15 "$APP_LOG"; } >&2
    [[ -s $PG_LOG ]] && { echo "--- last lines of the PostgreSQL log"; tail -n 10 "$PG_LOG"; } >&2
  fi
  as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- throwaway PostgreSQL
PG_PORT=$(free_port)
PG_OPTS="-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
pg_start() { as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -o "$PG_OPTS" start >/dev/null; }
say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (throwaway, $WORK)"
as_pg_user "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync \
  >"$WORK/pg/initdb.log" 2>&1 || { cat "$WORK/pg/initdb.log" >&2; exit 1; }
pg_start || { cat "$PG_LOG" >&2; exit 1; }

# --- the production configuration
unset DATABASE_REPLICA_URL CACHE_URL DJANGO_SECURE_PROXY_SSL_HEADER DJANGO_CSRF_TRUSTED_ORIGINS
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export DJANGO_DEBUG=0
DJANGO_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_SECURE_SSL_REDIRECT=0
export API_ANON_RATE=${API_ANON_RATE:-100000/second}
export KB_SEARCH_RATE=${KB_SEARCH_RATE:-100000/second}
cat >"$WORK/app/loadtest_settings.py" <<EOF
# The production settings; static files collected into the load test's temporary directory.
from config.settings import *  # noqa: F403

STATIC_ROOT = "$WORK/static"
EOF
export PYTHONPATH="$WORK/app${PYTHONPATH:+:$PYTHONPATH}"
export DJANGO_SETTINGS_MODULE=loadtest_settings

say "Migrating, loading the content, collecting static files"
timeout 300 "$PY" manage.py migrate --noinput -v0
timeout 300 "$PY" manage.py load_content >"$WORK/load_content.log" || { cat "$WORK/load_content.log"; exit 1; }
head -n 1 "$WORK/load_content.log"
timeout 300 "$PY" manage.py collectstatic --noinput -v0

# --- gunicorn, as in production
APP_PORT=$(free_port)
BASE=http://127.0.0.1:$APP_PORT
"$GUNICORN" config.wsgi:application --bind "127.0.0.1:$APP_PORT" --workers "$WORKERS" --no-control-socket \
  --timeout 30 --graceful-timeout 10 >>"$APP_LOG" 2>&1 &
GUNICORN_PID=$!
for _ in $(seq 300); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' -m 5 "$BASE/healthz" || true) == 200 ]] && break
  kill -0 "$GUNICORN_PID" 2>/dev/null || die "gunicorn exited"
  sleep 0.1
done
[[ $(curl -s -o /dev/null -w '%{http_code}' -m 5 "$BASE/healthz") == 200 ]] || die "gunicorn did not answer /healthz"
say "gunicorn $("$GUNICORN" --version | tr -dc '0-9.'): $WORKERS workers on $BASE (pid $GUNICORN_PID), DJANGO_DEBUG=0," \
  "API_ANON_RATE=$API_ANON_RATE"

# --- every URL of the mix answers 200 (this also fills the page cache of whichever worker answers)
mapfile -t URLS < <(grep -oE '^ *"/[^"]*"' "$LUA" | tr -d ' "')
((${#URLS[@]} > 0)) || die "no paths found in $LUA"
say "The URL mix (${#URLS[@]} URLs): status, size, time of a first request"
for path in "${URLS[@]}"; do
  read -r code size seconds < <(curl -s -o /dev/null -m 30 -w '%{http_code} %{size_download} %{time_total}\n' "$BASE$path")
  printf '  %s %8s B %6.3f s  %s\n' "$code" "$size" "$seconds" "$path"
  [[ $code == 200 ]] || die "$path answered $code"
done

result() { sed -n "s/^$2=//p" "$1"; }
FAILURES=()

# --- phase 1: throughput and latency
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "Phase 1: $CONNECTIONS connections for ${DURATION}s ($THREADS wrk threads, timeout $WRK_TIMEOUT);" \
  "$(nproc) CPUs, load average $LOAD_BEFORE before the run (wrk, gunicorn and PostgreSQL share them)"
# wrk runs in the background so that a signal reaches the cleanup at once (bash defers traps while a
# foreground command runs).
WRK_RESULTS=$WORK/phase1.txt timeout $((DURATION + 60)) \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "$WRK_TIMEOUT" -s "$LUA" "$BASE" >"$WORK/phase1.out" 2>&1 &
WRK_PID=$!
wait "$WRK_PID" || { cat "$WORK/phase1.out"; die "wrk failed"; }
WRK_PID=""
sed -n '/^------/,$p' "$WORK/phase1.out"
P1=$WORK/phase1.txt
[[ -s $P1 ]] || die "wrk wrote no results (scripts/loadtest.lua)"
(($(result "$P1" not_2xx_3xx) == 0)) || FAILURES+=("phase 1: $(result "$P1" not_2xx_3xx) non-2xx/3xx responses")
(($(result "$P1" socket_errors) == 0)) || FAILURES+=("phase 1: $(result "$P1" socket_errors) socket errors")
P1_LOG_LINES=$(wc -l <"$APP_LOG")

# --- phase 2: the database goes away while wrk runs
say "Phase 2: ${OUTAGE_PHASE}s of load; PostgreSQL stopped (-m fast) for ${OUTAGE_SECONDS}s, then started again"
WORKERS_BEFORE=$(pgrep -P "$GUNICORN_PID" | sort | xargs)
WRK_RESULTS=$WORK/phase2.txt timeout $((OUTAGE_PHASE + 60)) \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${OUTAGE_PHASE}s" --timeout "$WRK_TIMEOUT" -s "$LUA" "$BASE" >"$WORK/phase2.out" 2>&1 &
WRK_PID=$!
PHASE2_START=$(now)
sleep 3

STOP_ISSUED=$(now)
as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null
STOPPED=$(now)
echo "  t=$(elapsed "$PHASE2_START" "$STOP_ISSUED")s pg_ctl stop -m fast; stopped in $(elapsed "$STOP_ISSUED" "$STOPPED")s"

# During the outage, time requests with curl (they queue behind wrk's connections like any client).
PROBES=("/fr/reseaux/" "/en/networks/anvita/" "/api/v1/networks/?lang=en" "/api/v1/graph/" "/healthz")
: >"$WORK/outage_probes.txt"
outage_left() { (($(awk -v a="$STOPPED" -v b="$(now)" -v d="$OUTAGE_SECONDS" 'BEGIN { print (b - a < d) }'))); }
while outage_left; do
  for path in "${PROBES[@]}"; do
    outage_left || break
    printf '%s %s\n' "$path" "$(curl -s -o /dev/null -m 15 -w '%{http_code} %{time_total}' "$BASE$path" || echo "000 15")" \
      >>"$WORK/outage_probes.txt"
  done
  sleep 0.2
done

START_ISSUED=$(now)
pg_start
STARTED=$(now)
echo "  t=$(elapsed "$PHASE2_START" "$START_ISSUED")s pg_ctl start; accepting connections after $(elapsed "$START_ISSUED" "$STARTED")s" \
  "(database down for $(elapsed "$STOP_ISSUED" "$STARTED")s in all)"

# Recovery: /healthz and a page both 200 again, gunicorn untouched.
RECOVERED=""
for _ in $(seq 300); do
  health=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE/healthz" || true)
  page=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE/en/networks/anvita/" || true)
  if [[ $health == 200 && $page == 200 ]]; then RECOVERED=$(now); break; fi
  sleep 0.1
done
if [[ -n $RECOVERED ]]; then
  echo "  t=$(elapsed "$PHASE2_START" "$RECOVERED")s /healthz and a page answer 200 again:" \
    "$(elapsed "$STARTED" "$RECOVERED")s after PostgreSQL accepted connections"
else
  FAILURES+=("phase 2: /healthz or a page still not 200 30 s after PostgreSQL came back")
fi

wait "$WRK_PID" || { cat "$WORK/phase2.out"; die "wrk failed in phase 2"; }
WRK_PID=""
sed -n '/^------/,$p' "$WORK/phase2.out"
P2=$WORK/phase2.txt
[[ -s $P2 ]] || die "wrk wrote no results (scripts/loadtest.lua)"
WORKERS_AFTER=$(pgrep -P "$GUNICORN_PID" | sort | xargs)

# Outage probes (curl) and the app's own view of phase 2 (its JSON request log).
set +e
"$PY" - "$WORK/outage_probes.txt" "$APP_LOG" "$P1_LOG_LINES" >"$WORK/phase2-analysis.txt" <<'EOF'
import collections, json, re, statistics, sys

probes, log, skip = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [line.split() for line in open(probes) if line.strip()]
codes = collections.Counter(code for _, code, _ in rows)
times = sorted(float(t) for _, code, t in rows if code == "503")
print(f"  curl during the outage: {len(rows)} requests, by status {dict(sorted(codes.items()))}"
      + (" (200: served from the page cache)" if codes.get("200") else ""))
if times:
    print(f"  time to a 503 (curl, under load): median {statistics.median(times) * 1000:.0f} ms,"
          f" max {times[-1] * 1000:.0f} ms")
for path in sorted({p for p, _, _ in rows}):
    mine = [(c, float(t)) for p, c, t in rows if p == path]
    print(f"    {path:28} {dict(collections.Counter(c for c, _ in mine))} max {max(t for _, t in mine) * 1000:.0f} ms")


def exception_line(lines):
    """The exception's type and message: from the last line naming an exception to the end."""
    named = [i for i, text in enumerate(lines) if re.match(r"^[\w.]+(Error|Exception)\b", text)]
    return " ".join(lines[named[-1]:]) if named else (lines[-1] if lines else "")


statuses, durations_503, errors = collections.Counter(), [], collections.Counter()
first_traceback = []
with open(log, errors="replace") as handle:
    for number, line in enumerate(handle):
        if number < skip:
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("logger") == "kb.requests" and "status" in entry:
            statuses[entry["status"]] += 1
            if entry["status"] == 503:
                durations_503.append(entry["duration_ms"])
        elif entry.get("level") in ("ERROR", "CRITICAL"):
            cause = (entry.get("exception") or "").strip().splitlines()
            for separator in ("The above exception was the direct cause", "During handling of the above"):
                cut = [i for i, text in enumerate(cause) if text.startswith(separator)]
                cause = cause[cut[-1] + 1:] if cut else cause
            if cause and not first_traceback and entry["logger"] == "django.request":
                frame = re.compile(r'File "(?:.*site-packages/)?([^"]+)", line (\d+), in (\S+)')
                for i, text in enumerate(cause):
                    match = frame.search(text)
                    if match and ("/python3." not in text or ("site-packages" in text and "django/db/" not in text
                                                               and "django/utils/asyncio" not in text)):
                        code = cause[i + 1].strip() if i + 1 < len(cause) else ""
                        first_traceback.append(f"{match[1]}:{match[2]} in {match[3]}: {code}")
                first_traceback.append(" ".join(exception_line(cause).split())[:200])
            errors[(entry["logger"], entry["message"][:90], " ".join(exception_line(cause).split())[:160])] += 1
print(f"  app log, phase 2: responses by status {dict(sorted(statuses.items()))}")
if durations_503:
    durations_503.sort()
    print(f"  time to a 503 inside the app: median {statistics.median(durations_503):.1f} ms,"
          f" p99 {durations_503[int(len(durations_503) * 0.99) - 1]:.1f} ms, max {durations_503[-1]:.1f} ms")
for (logger, message, cause), count in errors.most_common(8):
    print(f"  {count:6} x {logger}: {message}" + (f"\n           {cause}" if cause else ""))
if first_traceback:
    print("  where the first non-503 server error came from (frames outside the standard library and django.db):")
    for line in first_traceback:
        print("    " + line)
bad_probes = sum(n for code, n in codes.items() if code not in ("200", "503"))  # 200: a page still in the cache
slow = sum(1 for t in times if t > 3.5)
print(f"RESULT bad_probes={bad_probes} slow_probes={slow} app_5xx_not_503="
      f"{sum(n for s, n in statuses.items() if s >= 500 and s != 503)}")
EOF
set -e
grep -v '^RESULT' "$WORK/phase2-analysis.txt"
read -r bad_probes slow_probes app_5xx < <(sed -n 's/^RESULT bad_probes=\([0-9]*\) slow_probes=\([0-9]*\) app_5xx_not_503=\([0-9]*\)/\1 \2 \3/p' "$WORK/phase2-analysis.txt")

if kill -0 "$GUNICORN_PID" 2>/dev/null && [[ $WORKERS_BEFORE == "$WORKERS_AFTER" ]]; then
  echo "  gunicorn was not restarted: same master (pid $GUNICORN_PID), same workers ($WORKERS_AFTER)"
else
  FAILURES+=("phase 2: gunicorn workers changed ($WORKERS_BEFORE -> ${WORKERS_AFTER:-none})")
fi
for path in /healthz /fr/ /api/v1/networks/; do
  code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE$path" || true)
  [[ $code == 200 ]] || FAILURES+=("phase 2: $path answers $code after the outage")
done
(($(result "$P2" status_other) == 0)) || FAILURES+=("phase 2: $(result "$P2" status_other) responses neither 200 nor 503")
(($(result "$P2" socket_errors) == 0)) || FAILURES+=("phase 2: $(result "$P2" socket_errors) socket errors")
(($(result "$P2" status_503) > 0)) || FAILURES+=("phase 2: no 503 during the outage")
((${bad_probes:-1} == 0)) || FAILURES+=("phase 2: ${bad_probes:-?} requests during the outage answered neither 503 nor 200")
((${slow_probes:-1} == 0)) || FAILURES+=("phase 2: ${slow_probes:-?} 503s took longer than 3.5 s")
((${app_5xx:-1} == 0)) || FAILURES+=("phase 2: the app answered ${app_5xx:-?} 5xx other than 503")

say "Summary"
printf '  phase 1: %s requests/s, p50 %s ms, p99 %s ms; %s requests, %s non-2xx/3xx, %s socket errors' \
  "$(result "$P1" rps)" "$(result "$P1" p50_ms)" "$(result "$P1" p99_ms)" "$(result "$P1" requests)" \
  "$(result "$P1" not_2xx_3xx)" "$(result "$P1" socket_errors)"
printf ' (%s CPUs, load average %s before)\n' "$(nproc)" "$LOAD_BEFORE"
printf '  phase 2: %s requests: %s x 200, %s x 503, %s other, %s socket errors; recovered %s s after PostgreSQL was back\n' \
  "$(result "$P2" requests)" "$(result "$P2" status_200)" "$(result "$P2" status_503)" "$(result "$P2" status_other)" \
  "$(result "$P2" socket_errors)" "${RECOVERED:+$(elapsed "$STARTED" "$RECOVERED")}"
if ((${#FAILURES[@]})); then
  printf '  FAILED: %s\n' "${FAILURES[@]}" >&2
  exit 1
fi
echo "  OK"
