from django.core.management.base import BaseCommand

from api.dump import content_version, current_dump, dump_path


class Command(BaseCommand):
    help = (
        "Build the downloadable dump (/api/v1/dump/) of the current content into KB_DUMP_DIR, unless it "
        "is already there: run it after a deploy or from cron so no reader waits for a build."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="", help="the dump's public URL, named in its README")

    def handle(self, *args, url, **options):
        existed = dump_path(content_version()).exists()
        path = current_dump(url)
        self.stdout.write(
            f"{path} ({'already current' if existed else 'built'}, {path.stat().st_size:,} bytes)"
        )
