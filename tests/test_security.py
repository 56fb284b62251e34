"""Production configuration, security headers, the curators' admin, health and failure behaviour."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.cache.backends.locmem import LocMemCache
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.http import HttpResponse
from django.test import override_settings
from django.urls import reverse

from config.database_router import ReplicaRouter
from config.logging import JsonFormatter
from config.settings import cache_from_url, database_from_url
from networks import views
from sources.permissions import ensure_curator_group
from tests import factories as f
from web.middleware import PrimaryForCuratorsMiddleware

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7#Kq2!vLr9@pT4zW8&nB1^mC6*hF3$jD5%gS0(aY)eU-iO+Rz=Lk;Vw",
    "DJANGO_ALLOWED_HOSTS": "villes-hospitalieres.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_the_development_secret_key():
    env = {**PRODUCTION}
    env.pop("DJANGO_SECRET_KEY")
    result = manage("check", **env)
    assert result.returncode != 0 and "DJANGO_SECRET_KEY must be set" in result.stderr


def test_every_response_carries_the_security_headers(client):
    f.make_network(slug="anvita")
    for url in ("/fr/", "/fr/reseaux/anvita/", reverse("api:network-list"), "/admin/login/"):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert (
            "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        ), url
        assert "unsafe-inline" not in csp and "http" not in csp.replace("https://", ""), url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert "geolocation=()" in response["Permissions-Policy"], url
        assert response["X-Frame-Options"] == "DENY", url


def test_pages_have_no_inline_script(client):
    f.make_practice(slug="riace")
    for url in ("/fr/", "/fr/fiches/riace/", "/en/places/", reverse("api:docs")):
        html = client.get(url).text
        for script in html.split("<script")[1:]:
            head = script.split(">", 1)[0]
            assert "src=" in head or "application/ld+json" in head, (url, head)


def test_the_admin_needs_a_login_and_locks_out_password_guessing(client, django_user_model):
    django_user_model.objects.create_user("curator", "c@example.org", "the-right-password-1", is_staff=True)
    login = reverse("admin:login")
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login, {"username": "curator", "password": f"guess-{attempt}"})
        assert response.status_code == 200 and "errornote" in response.text
    assert client.post(login, {"username": "curator", "password": "one-guess-too-many"}).status_code == 429
    locked = client.post(login, {"username": "curator", "password": "the-right-password-1"})
    assert locked.status_code == 429 and "Trop de tentatives de connexion échouées" in locked.text
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_curator_group_may_edit_content_but_not_users(db):
    group = ensure_curator_group()
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("networks", "change_network") in codenames and ("sources", "add_citation") in codenames
    assert ("admin", "view_logentry") in codenames
    assert not any(app in {"auth", "axes", "sessions"} for app, _ in codenames)
    assert Group.objects.filter(name="curator").exists()


def test_admin_changes_leave_an_audit_trail_readable_in_the_admin(client, django_user_model):
    curator = django_user_model.objects.create_user(
        "ana", "a@example.org", "a-long-password-1", is_staff=True
    )

    curator.groups.add(ensure_curator_group())
    client.force_login(curator)
    theme = f.make_theme(slug="housing", name_fr="Logement")
    url = reverse("admin:practices_theme_change", args=[theme.pk])
    form = {
        "slug": "housing",
        "is_published": "on",
        "original_language": "fr",
        "name_fr": "Logement digne",
        "name_en": "Decent housing",
        "description_fr": "d",
        "description_en": "d",
    }
    assert client.post(url, form).status_code == 302
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_repr, entry.is_change()) == (curator, "Logement digne", True)
    trail = client.get(reverse("admin:admin_logentry_changelist")).text
    assert "Logement digne" in trail and "ana" in trail
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_healthz_reports_database_and_migrations(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {
        "status": "ok",
        "database": "ok",
        "migrations": "ok",
    }


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["status"] == "unavailable"


LOCMEM = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "security-tests"}
}


@pytest.mark.parametrize("cache", ["dummy", "locmem"])
@pytest.mark.parametrize("url", ["/fr/reseaux/", "/api/v1/networks/"])
def test_a_lost_database_gives_a_fast_503_not_a_500(client, monkeypatch, url, cache):
    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    client.raise_request_exception = False
    with override_settings(**({"CACHES": LOCMEM} if cache == "locmem" else {})):
        response = client.get(url)  # with a page cache, its own database query must not escape as a 500
    assert response.status_code == 503 and response["Retry-After"] == "10"
    if url.startswith("/api/"):
        assert response.json()["detail"]
    else:
        assert "Service momentanément indisponible" in response.text


def test_server_errors_never_leak_a_traceback(client, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views.NetworkListView, "get", boom)
    client.raise_request_exception = False
    with override_settings(DEBUG=False):
        response = client.get("/fr/reseaux/")
    assert response.status_code == 500
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert "Une erreur est survenue" in response.text


def test_each_request_is_logged_once_as_json_with_its_request_id(client, caplog):
    with caplog.at_level(logging.INFO, logger="kb.requests"):
        response = client.get("/fr/", HTTP_X_REQUEST_ID="abc-123")
    assert response["X-Request-ID"] == "abc-123"
    (record,) = [r for r in caplog.records if r.name == "kb.requests"]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abc-123" and line["status"] == 200 and line["path"] == "/fr/"
    assert line["duration_ms"] >= 0


def test_pages_refuse_writes(client):
    assert client.post("/fr/reseaux/").status_code in (403, 405)
    assert client.delete("/fr/").status_code == 405


def test_cache_url_and_replica_settings():
    assert cache_from_url("")["BACKEND"].endswith("LocMemCache")
    redis = cache_from_url("redis://127.0.0.1:6379/1")
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache" and redis["KEY_PREFIX"] == "kb"
    assert redis["LOCATION"] == "redis://127.0.0.1:6379/1" and redis["OPTIONS"]["socket_timeout"] == 1
    replica = database_from_url("postgres://kb:s3cret@replica.internal:5433/kb")
    assert (replica["HOST"], replica["PORT"], replica["PASSWORD"]) == ("replica.internal", "5433", "s3cret")

    with override_settings(DATABASES={**settings.DATABASES, "replica": settings.DATABASES["default"]}):
        router = ReplicaRouter()
        assert router.db_for_read(None) == "replica" and router.db_for_write(None) == "default"
        assert router.allow_migrate("replica", "networks") is False
    assert ReplicaRouter().db_for_read(None) == "default"


def test_static_and_uploads_need_no_local_writes():
    assert Path(settings.STATIC_ROOT).name == "staticfiles"
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_the_swagger_page_is_the_only_csp_exception_and_only_for_styles(client):
    docs = client.get(reverse("api:docs"))["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in docs and "script-src 'self';" in docs + ";"
    assert "unsafe-inline" not in client.get(reverse("api:schema"))["Content-Security-Policy"]


def test_a_failing_shared_cache_serves_pages_uncached_instead_of_failing(client, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    f.make_network(slug="anvita")
    with override_settings(CACHES=LOCMEM):
        monkeypatch.setattr(LocMemCache, "get", down)
        monkeypatch.setattr(LocMemCache, "set", down)
        monkeypatch.setattr(LocMemCache, "add", down)
        assert client.get("/fr/reseaux/anvita/").status_code == 200
        assert client.get(reverse("api:network-list")).status_code == 200


def test_curators_read_from_the_primary_even_with_a_replica(rf):
    seen = {}

    def view(request):
        seen[request.path] = ReplicaRouter().db_for_read(None)

        return HttpResponse()

    middleware = PrimaryForCuratorsMiddleware(view)
    with override_settings(DATABASES={**settings.DATABASES, "replica": settings.DATABASES["default"]}):
        middleware(rf.get("/fr/reseaux/"))
        middleware(rf.get("/admin/networks/network/"))
        with_session = rf.get("/fr/fiches/")
        with_session.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
        middleware(with_session)
    assert seen == {
        "/fr/reseaux/": "replica",
        "/admin/networks/network/": "default",
        "/fr/fiches/": "default",
    }
