from django.core.management.base import BaseCommand

from sources.export import export_content
from sources.load import FIXTURES_DIR


class Command(BaseCommand):
    help = "Write the database's content back to fixtures/<app>.json (natural keys, stable order) for review."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=str(FIXTURES_DIR), help="Folder to write to (default: fixtures/)."
        )

    def handle(self, *args, output, **options):
        for path, count in export_content(output).items():
            self.stdout.write(f"{path}: {count} records")
