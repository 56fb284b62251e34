"""Reads go to the replica when one is configured (DATABASE_REPLICA_URL); writes to the primary."""

from django.conf import settings


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return "replica" if "replica" in settings.DATABASES else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
