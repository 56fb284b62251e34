from django.core.management.base import BaseCommand

from api.datapackage import build_datapackage
from api.dump import content_state


class Command(BaseCommand):
    help = (
        "Write the published content as a Frictionless Data Package (datapackage.json and one CSV per "
        "table, as in the dump's datapackage/ folder) into DIRECTORY."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the folder to write to (made if missing)")

    def handle(self, *args, directory, **options):
        version, changed_at = content_state()
        written = build_datapackage(directory, version, changed_at)
        self.stdout.write(f"{written[0]} (content version {version}, {len(written) - 1} tables)")
