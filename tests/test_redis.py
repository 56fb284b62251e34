"""A real shared cache: the full-page cache (web.cache.ContentCacheMiddleware) in Redis.

A throwaway redis-server (no persistence) runs on a free loopback port; Django runs in separate
subprocesses with CACHE_URL=redis://127.0.0.1:<port>/0 on a SQLite file of their own, so the suite's
database is neither used nor touched. Skipped when redis-server is missing, except under CI=true
(make test installs it).
"""

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings

URLS = ["/fr/reseaux/", "/en/networks/anvita/", "/api/v1/networks/"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_server(tmp_path):
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server not found and CI=true: make test installs the redis-server package")
        pytest.skip("redis-server not found (Debian package redis-server)")
    port = free_port()
    log = open(tmp_path / "redis.log", "w")
    process = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
            "--daemonize",
            "no",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    client = redis.Redis(host="127.0.0.1", port=port, db=0, socket_timeout=5)
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"redis-server did not start: {(tmp_path / 'redis.log').read_text()[-2000:]}")
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0", client
    finally:
        client.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def run_django(code, tmp_path, cache_url):
    """One separate Django process (its own interpreter and cache client) on the test's SQLite file."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "CACHE_")) and k != "PYTHONPATH"
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path}/kb.sqlite3",
        CACHE_URL=cache_url,
    )
    prelude = (
        "import hashlib, json, django\n"
        "django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        f"URLS = {URLS!r}\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", prelude + code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


# Process A: migrate, add a network, fetch each URL twice.
FIRST = """
from django.core.management import call_command
from django.utils import translation
call_command("migrate", "--noinput", verbosity=0)
from tests import factories as f
with translation.override("fr"):
    f.make_network(slug="anvita", name_fr="Villes accueillantes", name_en="Welcoming towns")
client, out = Client(), {}
for url in URLS:
    first, second = client.get(url), client.get(url)
    out[url] = {
        "status": first.status_code,
        "first": first.get("X-Cache"),
        "second": second.get("X-Cache"),
        "same_body": first.content == second.content,
        "sha": hashlib.sha256(first.content).hexdigest(),
    }
print(json.dumps(out))
"""

# Process B: fetch each URL once, counting its database queries.
SECOND = """
client, out = Client(), {}
for url in URLS:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    out[url] = {"status": response.status_code, "cache": response.get("X-Cache"), "queries": len(queries),
                "sha": hashlib.sha256(response.content).hexdigest()}
print(json.dumps(out))
"""


def page_key_digest(path):
    """The hash part of ContentCacheMiddleware's key for a page the test client asked for (scheme,
    host, path and the known query parameters; no Accept / Accept-Language for a page)."""
    return hashlib.sha256(f"http://testserver{path}?||".encode()).hexdigest()


def test_the_page_cache_lives_in_redis_and_is_shared_by_processes(redis_server, tmp_path):
    url, client = redis_server
    assert client.dbsize() == 0

    first = run_django(FIRST, tmp_path, url)
    for path, seen in first.items():
        assert seen["status"] == 200 and (seen["first"], seen["second"]) == ("miss", "hit"), (path, seen)
        assert seen["same_body"], path

    keys = sorted(key.decode() for key in client.keys("*"))
    page_keys = [key for key in keys if key.startswith("kb:1:page:")]
    assert len(page_keys) == len(URLS), keys
    assert all(key.startswith("kb:") for key in keys), keys  # KEY_PREFIX of cache_from_url

    # Take one page out of Redis: the other process must miss it and hit the others.
    (dropped,) = client.keys(f"kb:1:page:*:{page_key_digest('/en/networks/anvita/')}")
    client.delete(dropped)

    second = run_django(SECOND, tmp_path, url)
    for path, seen in second.items():
        assert seen["status"] == 200, (path, seen)
        if path == "/en/networks/anvita/":
            assert seen["cache"] == "miss", seen
        else:
            assert seen["cache"] == "hit", (path, seen)
            assert seen["queries"] <= 1, seen  # at most the content version: the page came from Redis
            assert seen["sha"] == first[path]["sha"], path
    assert client.exists(dropped)  # and B put it back for everyone
