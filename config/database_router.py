"""Reads go to the replica when one is configured (DATABASE_REPLICA_URL); writes to the primary.

Curators read from the primary too (web.middleware.PrimaryForCuratorsMiddleware).
"""

from contextvars import ContextVar

from django.conf import settings

# Set by web.middleware.PrimaryForCuratorsMiddleware for the length of a curator's request.
primary_only = ContextVar("primary_only", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if "replica" in settings.DATABASES and not primary_only.get():
            return "replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
