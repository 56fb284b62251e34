"""A real read replica: writes go to the primary, reads to a streaming standby
(config.database_router.ReplicaRouter).

scripts/replica_cluster.sh starts a throwaway primary (wal_level=replica) and a hot standby made with
`pg_basebackup -R`, each on its own free loopback port; Django runs in a subprocess with DATABASE_URL
(the primary) and DATABASE_REPLICA_URL (the standby). The suite's own database is neither used nor
touched.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "replica_cluster.sh"


def postgres_server_binaries():
    """The folder holding initdb, pg_ctl and pg_basebackup, found as scripts/replica_cluster.sh does."""
    wanted = ("initdb", "pg_ctl", "pg_basebackup")
    if all(shutil.which(name) for name in wanted):
        return Path(os.path.realpath(shutil.which("pg_ctl"))).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if all(os.access(Path(folder) / name, os.X_OK) for name in wanted):
            return Path(folder)
    return None


# Runs in the subprocess, under scripts/replica_cluster.sh; prints one JSON object of observations.
CHECK = r"""
import json, os, time
import django

django.setup()
from django.core.management import call_command
from django.db import DatabaseError, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practices.models import Theme

out = {}
call_command("migrate", "--noinput", verbosity=0)  # the router allows migrations on the primary only


def server(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT pg_is_in_recovery(), inet_server_port(), current_setting('transaction_read_only')"
        )
        return list(cursor.fetchone())


def wait_for_replay():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        lsn = cursor.fetchone()[0]
    started = time.monotonic()
    while time.monotonic() - started < 20:
        with connections["replica"].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])
            if cursor.fetchone()[0]:
                return round((time.monotonic() - started) * 1000, 1)
        time.sleep(0.02)
    raise SystemExit("the standby did not replay the primary's WAL within 20 s")


out["ports"] = {alias: int(connections[alias].settings_dict["PORT"]) for alias in ("default", "replica")}
out["servers"] = {alias: server(alias) for alias in ("default", "replica")}

# A write through the ORM: the primary.
with CaptureQueriesContext(connections["default"]) as on_primary, \
        CaptureQueriesContext(connections["replica"]) as on_replica:
    theme = Theme.objects.create(slug="replica-check", name_fr="Vérification de la réplique",
                                 name_en="Replica check", description_fr="d", description_en="d")
out["write"] = {
    "db": theme._state.db,
    "primary_queries": len(on_primary),
    "replica_queries": len(on_replica),
    "insert_on_primary": any("INSERT" in q["sql"] and "practices_theme" in q["sql"] for q in on_primary),
}
out["replay_ms"] = wait_for_replay()

# A read through the ORM: the standby, on the connection connections["replica"] holds.
before = connections["replica"].connection
with CaptureQueriesContext(connections["default"]) as on_primary, \
        CaptureQueriesContext(connections["replica"]) as on_replica:
    found = Theme.objects.get(slug="replica-check")
out["read"] = {"db": found._state.db, "name_en": found.name_en, "primary_queries": len(on_primary),
               "replica_queries": [q["sql"][:120] for q in on_replica],
               "same_connection": connections["replica"].connection is before}
with connections["replica"].cursor() as cursor:
    cursor.execute("SELECT pg_is_in_recovery(), inet_server_port(), pg_last_wal_replay_lsn() IS NOT NULL")
    out["read"]["served_by"] = list(cursor.fetchone())
if connections["replica"].connection is not before:
    out["read"]["same_connection"] = False

# A write straight on the replica connection: refused, the standby is read-only.
refusals = {}
for label, attempt in {
    "orm_update": lambda: Theme.objects.using("replica").filter(slug="replica-check").update(name_en="x"),
    "raw_insert": lambda: connections["replica"].cursor().execute(
        "INSERT INTO django_content_type (app_label, model) VALUES ('replica', 'check')"),
}.items():
    try:
        attempt()
        refusals[label] = None
    except DatabaseError as error:
        refusals[label] = [type(error).__name__, getattr(error.__cause__, "pgcode", None), str(error).strip()]
out["replica_writes"] = refusals
out["unchanged_on_primary"] = Theme.objects.using("default").get(slug="replica-check").name_en

# An API page through the whole stack (middleware, cache, router).
with CaptureQueriesContext(connections["default"]) as on_primary, \
        CaptureQueriesContext(connections["replica"]) as on_replica:
    response = Client().get("/api/v1/themes/", {"search": "replica"})
out["api"] = {
    "status": response.status_code,
    "slugs": [row["slug"] for row in response.json()["results"]] if response.status_code == 200 else [],
    "primary_queries": [q["sql"][:120] for q in on_primary],
    "replica_queries": len(on_replica),
}
print(json.dumps(out))
"""


@pytest.mark.requires_postgres
@pytest.mark.skipif(postgres_server_binaries() is None, reason="initdb / pg_basebackup not found")
def test_reads_are_served_by_a_streaming_replica_and_writes_by_the_primary():
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "CACHE_")) and k != "PYTHONPATH"
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", DJANGO_ALLOWED_HOSTS="testserver")
    result = subprocess.run(
        [str(SCRIPT), sys.executable, "-c", CHECK],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])

    primary_port, replica_port = out["ports"]["default"], out["ports"]["replica"]
    assert primary_port != replica_port
    assert out["servers"]["default"] == [False, primary_port, "off"]
    assert out["servers"]["replica"] == [True, replica_port, "on"]  # a hot standby, read-only

    assert out["write"] == {
        "db": "default",
        "primary_queries": out["write"]["primary_queries"],
        "replica_queries": 0,
        "insert_on_primary": True,
    }
    assert out["replay_ms"] < 20_000

    read = out["read"]
    assert read["db"] == "replica" and read["name_en"] == "Replica check"
    assert read["primary_queries"] == 0
    assert len(read["replica_queries"]) == 1 and "practices_theme" in read["replica_queries"][0]
    assert read["same_connection"] and read["served_by"] == [True, replica_port, True]

    for label, refusal in out["replica_writes"].items():
        assert refusal is not None, f"{label}: the replica accepted a write"
        name, pgcode, message = refusal
        assert pgcode == "25006" and "read-only transaction" in message, (label, refusal)
    assert out["unchanged_on_primary"] == "Replica check"

    api = out["api"]
    assert api["status"] == 200 and api["slugs"] == ["replica-check"], api
    assert api["replica_queries"] >= 1 and api["primary_queries"] == [], api
