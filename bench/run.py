#!/usr/bin/env python
"""The benchmark behind `make bench` (see docs/performance.md).

Run by scripts/with_postgres.sh, which provides a throwaway PostgreSQL in DATABASE_URL. Loads the
real content (and SCALE-1 times as much synthetic content), starts gunicorn as in production
(2 workers, --no-control-socket, bench.settings) and measures each URL with wrk at 16
connections, interleaved with a reference view of the same size that touches no database. Every
figure is a ratio to that reference, over ROUNDS rounds (median, min, max), with p50 / p99 latency
and the SQL queries one request costs. Two modes: with the page cache, and without (CACHE_URL=dummy://).

Environment: SCALE (1), DURATION seconds per wrk run (8), ROUNDS (3), CONNECTIONS (16).
Writes bench-results.json (git-ignored).
"""

import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SCALE = int(os.environ.get("SCALE", "1"))
DURATION = int(os.environ.get("DURATION", "8"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "16"))

URLS = [
    ("home", "/fr/"),
    ("network list", "/fr/reseaux/"),
    ("network page", "/fr/reseaux/anvita/"),
    ("fiche list, theme", "/fr/fiches/?theme=housing"),
    ("fiche page", "/fr/fiches/riace/"),
    ("place list + map", "/fr/lieux/"),
    ("search", "/fr/recherche/?q=accueil"),
    ("forums timeline", "/fr/forums/"),
    ("API networks", "/api/v1/networks/"),
    ("API practices, filters", "/api/v1/practices/?theme=housing,participation&country=FR"),
    # Pages of records that the real content fills (60 networks, 148 places), so that the ×1 and
    # ×100 responses carry as many records and growth shows what the content's size costs.
    ("API places GeoJSON", "/api/v1/places.geojson?page_size=100"),
    ("API CSV export", "/api/v1/networks/?format=csv"),
    ("API detail", "/api/v1/practices/riace/"),
]

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "bench-" + "k" * 60,
    "DJANGO_LOG_LEVEL": "WARNING",
}


def manage(*args, env=None):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env or ENV, check=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare():
    print(f"== preparing the database (scale ×{SCALE})", flush=True)
    manage("migrate", "--noinput", "-v0")
    manage("load_content", "--replace")
    if SCALE > 1:
        manage("generate_synthetic", "--factor", str(SCALE), "--yes-this-is-a-benchmark-database")
    manage("collectstatic", "--noinput", "-v0")
    # What autovacuum does in production, at once: statistics for the planner, and visibility maps
    # so the facet indexes answer with index-only scans.
    subprocess.run(
        [
            PYTHON,
            "-c",
            "import django; django.setup(); from django.db import connection; "
            "connection.cursor().execute('VACUUM ANALYZE')",
        ],
        cwd=ROOT,
        env=ENV,
        check=True,
    )


MEASURE_QUERIES = r"""
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
paths, warm = json.loads(sys.argv[1]), sys.argv[2] == "warm"
result = {}
for path in paths:
    if warm:  # what a request costs once the page cache holds the page; right after, so within the
        client.get(path, HTTP_HOST="127.0.0.1")  # second the content version is memoised
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST="127.0.0.1")
        # A streamed response (a list as CSV) runs its queries as it is read: read it in the count.
        body = b"".join(response.streaming_content) if response.streaming else response.content
    result[path] = {"queries": len(queries), "status": response.status_code, "bytes": len(body)}
print(json.dumps(result))
"""


def measure_queries(cache_url):
    env = {**ENV, "CACHE_URL": cache_url}
    paths = json.dumps([path for _label, path in URLS])
    warm = "cold" if cache_url == "dummy://" else "warm"
    output = subprocess.run(
        [PYTHON, "-c", MEASURE_QUERIES, paths, warm],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def start_gunicorn(cache_url):
    port = free_port()
    env = {**ENV, "CACHE_URL": cache_url}
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("gunicorn did not start")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url):
    time.sleep(1)  # let the workers finish what the previous run left in flight
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {
        pct: float(value) * UNITS[unit]
        for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    }
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += (
        sum(
            int(n)
            for n in re.findall(
                r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
            )[0]
        )
        if "Socket errors" in output
        else 0
    )
    return {"rps": rps, "p50": latency.get("50"), "p99": latency.get("99"), "errors": errors}


def run_mode(mode, cache_url, sizes, queries):
    print(f"== {mode}: gunicorn (2 workers), wrk -c{CONNECTIONS} -d{DURATION}s × {ROUNDS} rounds", flush=True)
    process, base = start_gunicorn(cache_url)
    try:
        for _label, path in URLS:  # warm up (and fill the cache)
            urllib.request.urlopen(base + path, timeout=30).read()
        samples = {path: [] for _label, path in URLS}
        for round_number in range(1, ROUNDS + 1):
            for label, path in URLS:
                reference = wrk(f"{base}/bench/reference/?size={sizes[path]}")
                measured = wrk(base + path)
                if not reference["rps"]:
                    raise SystemExit(
                        f"the reference answered nothing around {path}: is the machine overloaded?"
                    )
                samples[path].append(
                    {"ratio": measured["rps"] / reference["rps"], "ref_rps": reference["rps"], **measured}
                )
                print(
                    f"   round {round_number} {label:24} {measured['rps']:8.0f} req/s "
                    f"(reference {reference['rps']:6.0f}) ratio {measured['rps'] / reference['rps']:.2f}",
                    flush=True,
                )
    finally:
        stop(process)
    results = []
    for label, path in URLS:
        runs = samples[path]
        ratios = [run["ratio"] for run in runs]
        results.append(
            {
                "label": label,
                "path": path,
                "mode": mode,
                "scale": SCALE,
                "ratio_median": round(statistics.median(ratios), 3),
                "ratio_min": round(min(ratios), 3),
                "ratio_max": round(max(ratios), 3),
                "rps_median": round(statistics.median(run["rps"] for run in runs), 1),
                "reference_rps_median": round(statistics.median(run["ref_rps"] for run in runs), 1),
                "p50_ms": round(statistics.median(run["p50"] for run in runs), 2),
                "p99_ms": round(statistics.median(run["p99"] for run in runs), 2),
                "errors": sum(run["errors"] for run in runs),
                "sql_queries": queries[path]["queries"],
                "bytes": sizes[path],
            }
        )
    return results


def table(results):
    lines = [
        "| URL | mode | ratio median (min–max) | req/s | p50 ms | p99 ms | SQL/request | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['label']} `{r['path']}` | {r['mode']} | **{r['ratio_median']:.2f}** "
            f"({r['ratio_min']:.2f}–{r['ratio_max']:.2f}) | {r['rps_median']:.0f} | {r['p50_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['sql_queries']} | {r['errors']} |"
        )
    return "\n".join(lines)


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("make bench runs on PostgreSQL: start it through scripts/with_postgres.sh")
    prepare()
    uncached = measure_queries("dummy://")
    cached = measure_queries("")
    sizes = {path: info["bytes"] for path, info in uncached.items()}
    bad = {path: info["status"] for path, info in uncached.items() if info["status"] != 200}
    if bad:
        raise SystemExit(f"these URLs do not answer 200: {bad}")
    results = run_mode("cached", "", sizes, cached) + run_mode("uncached", "dummy://", sizes, uncached)
    output = ROOT / "bench-results.json"
    previous = json.loads(output.read_text()) if output.exists() else {}
    previous[f"scale-{SCALE}"] = {
        "duration_s": DURATION,
        "rounds": ROUNDS,
        "connections": CONNECTIONS,
        "results": results,
    }
    output.write_text(json.dumps(previous, indent=2) + "\n")
    print(f"\n### Scale ×{SCALE} — wrk -c{CONNECTIONS}, {ROUNDS} rounds of {DURATION} s\n")
    print(table(results))
    if SCALE > 1 and "scale-1" in previous:
        print(f"\n### Growth: ×{SCALE} against the last ×1 run (ratio to the reference, ×{SCALE} / ×1)\n")
        print(growth_table(previous["scale-1"]["results"], results))
    print(f"\nWritten to {output}")


def growth_table(base_results, results):
    """Throughput at this scale as a share of its ×1 value (each as a ratio to its own reference,
    so the two runs compare even if the machine's speed moved between them), and the SQL queries."""
    base = {(r["path"], r["mode"]): r for r in base_results}
    lines = [
        "| URL | mode | ×1 ratio | this ratio | growth (target ≥ 0.7) | SQL ×1 → this |",
        "|---|---|---:|---:|---:|---|",
    ]
    for r in results:
        b = base.get((r["path"], r["mode"]))
        if b is None:
            continue
        growth = r["ratio_median"] / b["ratio_median"] if b["ratio_median"] else 0.0
        same = "same" if b["sql_queries"] == r["sql_queries"] else "**differs**"
        lines.append(
            f"| {r['label']} | {r['mode']} | {b['ratio_median']:.2f} | {r['ratio_median']:.2f} | "
            f"**{growth:.2f}** | {b['sql_queries']} → {r['sql_queries']} ({same}) |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
