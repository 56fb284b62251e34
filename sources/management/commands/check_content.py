from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sources.check import content_problems


class Command(BaseCommand):
    help = (
        "List every published record lacking a citation, a locator, a quote or an English text; "
        "with a folder of source texts, also every quote not found in its source."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sources-dir",
            default=settings.KB_SOURCE_TEXTS_DIR,
            help="Folder of the plain-text source documents (default: $KB_SOURCE_TEXTS_DIR).",
        )

    def handle(self, *args, sources_dir, **options):
        problems = content_problems(sources_dir or None)
        for problem in problems:
            self.stdout.write(str(problem))
        if problems:
            raise CommandError(f"{len(problems)} content problems.")
        checked = (
            "quotes checked against " + sources_dir
            if sources_dir
            else "quotes not checked (no --sources-dir)"
        )
        self.stdout.write(self.style.SUCCESS(f"Content check passed; {checked}."))
