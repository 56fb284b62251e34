"""Reads go to the replica when one is configured (DATABASE_REPLICA_URL); writes to the primary.

Curators (the admin, or any request with a session) read from the primary too, so they see their
own edits at once whatever the replica's lag.
"""

from contextvars import ContextVar

from django.conf import settings

_primary_only = ContextVar("primary_only", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if "replica" in settings.DATABASES and not _primary_only.get():
            return "replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PrimaryForCuratorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        curator = request.path.startswith("/admin/") or settings.SESSION_COOKIE_NAME in request.COOKIES
        token = _primary_only.set(curator)
        try:
            return self.get_response(request)
        finally:
            _primary_only.reset(token)
