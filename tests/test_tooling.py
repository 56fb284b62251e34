"""The test wrapper and the database the suite runs on."""

import importlib.util
import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "with_postgres.sh"


def run_without_postgres(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CI"}}
    environment.update(KB_PG_BIN_GLOB="/nonexistent/*/bin", **env)
    command = [str(SCRIPT), "echo", "ran"]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)


def test_without_postgresql_the_suite_falls_back_to_sqlite_and_says_so():
    result = run_without_postgres()
    assert result.returncode == 0 and result.stdout.strip() == "ran"
    assert "running the suite on SQLite" in result.stderr


def test_without_postgresql_ci_fails():
    result = run_without_postgres(CI="true")
    assert result.returncode == 1 and result.stdout == ""
    assert "CI=true" in result.stderr


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="only CI promises PostgreSQL")
def test_ci_runs_the_suite_on_postgresql():
    assert connection.vendor == "postgresql"


def test_the_bench_growth_table_compares_ratios_and_flags_changed_query_counts():
    spec = importlib.util.spec_from_file_location("bench_run", Path(settings.BASE_DIR) / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    def row(path, mode, ratio, queries):
        return {"label": path, "path": path, "mode": mode, "ratio_median": ratio, "sql_queries": queries}

    base = [row("/a", "cached", 1.2, 0), row("/b", "uncached", 0.05, 9)]
    scaled = [row("/a", "cached", 1.14, 0), row("/b", "uncached", 0.02, 10), row("/new", "cached", 1.0, 0)]
    lines = bench.growth_table(base, scaled).splitlines()
    assert len(lines) == 4  # header, rule, the two URLs measured at both scales
    assert "**0.95**" in lines[2] and "0 → 0 (same)" in lines[2]
    assert "**0.40**" in lines[3] and "9 → 10 (**differs**)" in lines[3]
