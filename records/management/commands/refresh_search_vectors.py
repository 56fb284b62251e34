from django.core.management.base import BaseCommand
from django.db import connection

from records.search import refresh_search_vectors, searchable_models, stale_search_vectors


class Command(BaseCommand):
    help = (
        "Recompute the stored search vectors (PostgreSQL), e.g. after records were changed by raw SQL; "
        "--check only counts the stale ones and fails if there are any."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="report stale vectors, change nothing")

    def handle(self, *args, check, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("SQLite searches the columns themselves: nothing to refresh.")
            return
        if check:
            stale = {model._meta.label: stale_search_vectors(model).count() for model in searchable_models()}
            for label, count in stale.items():
                self.stdout.write(f"{label}: {count} stale")
            if any(stale.values()):
                raise SystemExit(1)
            return
        self.stdout.write(f"{refresh_search_vectors()} search vectors recomputed.")
