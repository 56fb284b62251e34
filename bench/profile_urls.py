#!/usr/bin/env python
"""Where an uncached request's time goes (docs/performance.md, "Profiles").

For each URL: the median time of in-process requests (Django test client, no page cache), the SQL
queries and their time, and with --breakdown the share of the request spent in SQL round trips,
template rendering, DRF serialisers, model instantiation and gettext (cProfile). Run against a
loaded database with the bench settings, e.g.

    DATABASE_URL=postgres://… DJANGO_SETTINGS_MODULE=bench.settings CACHE_URL=dummy:// \\
        DJANGO_SECRET_KEY=… .venv/bin/python bench/profile_urls.py --breakdown /fr/reseaux/

Without URLs it profiles the benchmark's list (bench/run.py).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("CACHE_URL", "dummy://")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# (label, functions: (file, name) for Python code, its outermost call's cumulative time; for a C
# function such as a cursor's execute, two substrings of cProfile's name for it, own time summed)
PARTS = [
    ("SQL", [("psycopg2", "execute' of"), ("psycopg2", "fetchmany' of"), ("sqlite3", "execute' of")]),
    ("templates", [("django/template/base.py", "render")]),
    ("serialisers", [("rest_framework/serializers.py", "to_representation")]),
    ("model __init__", [("django/db/models/base.py", "__init__")]),
    ("gettext", [("django/utils/translation/trans_real.py", "gettext")]),
]


def share(stats, total, patterns):
    spent = 0.0
    for pattern in patterns:
        for (path, _line, name), (_cc, _nc, own, cumulative, _callers) in stats.items():
            if path == "~":  # a C function: its own time, summed
                if pattern[1] in name and pattern[0] in name:
                    spent += own
            elif path.endswith(pattern[0]) and name == pattern[1]:
                spent = max(spent, cumulative)  # the outermost call's cumulative time
    return spent / total * 100 if total else 0.0


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--breakdown", action="store_true", help="cProfile shares (slower)")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if args.urls:
        urls = args.urls
    else:
        from bench.run import URLS  # noqa: PLC0415 - only without URLs; run.py reads the environment

        urls = [path for _label, path in URLS]
    client = Client(HTTP_HOST="127.0.0.1")
    for url in urls:
        client.get(url)  # warm up
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
        sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
        line = (
            f"{url:60} {response.status_code} {statistics.median(times):7.1f} ms"
            f"  {len(queries)} queries, {sql_ms:.1f} ms of SQL"
        )
        if args.breakdown:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.repeat):
                client.get(url)
            profile.disable()
            stats = pstats.Stats(profile).stats
            total = max(entry[3] for entry in stats.values())
            line += "  |" + "".join(f"  {label} {share(stats, total, p):3.0f}%" for label, p in PARTS)
        print(line, flush=True)


if __name__ == "__main__":
    main()
