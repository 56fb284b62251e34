"""The test wrapper and the database the suite runs on."""

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
