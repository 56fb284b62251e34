from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources.load import ContentError, default_fixture_paths, has_content, load_content


class Command(BaseCommand):
    help = "Load the curated content from fixtures/ in one transaction (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="*",
            help="Fixture files, or folders holding one file per app (default: fixtures/<app>.json).",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--if-empty", action="store_true", help="Load only into an empty database; otherwise do nothing."
        )
        mode.add_argument(
            "--replace", action="store_true", help="Replace all existing content (curators' edits included)."
        )

    def handle(self, *args, files, if_empty, replace, **options):
        paths = [
            path
            for name in files
            for path in (default_fixture_paths(name) if Path(name).is_dir() else [Path(name)])
        ] or (default_fixture_paths() if not files else [])
        if not paths:
            raise CommandError(f"No fixture files found in {', '.join(files) or 'fixtures/'}.")
        if has_content():
            if if_empty:
                self.stdout.write(
                    "The database already holds content: nothing loaded (curators' edits are kept)."
                )
                return
            if not replace:
                raise CommandError(
                    "The database already holds content. "
                    "Use --replace to replace it, or --if-empty to keep it."
                )
        try:
            counts = load_content(paths, replace=replace)
        except ContentError as exc:
            raise CommandError(f"Nothing was loaded. {exc}") from exc
        total = sum(counts.values())
        self.stdout.write(self.style.SUCCESS(f"Loaded {total} records from {len(paths)} files."))
        for label, count in sorted(counts.items()):
            self.stdout.write(f"  {label}: {count}")
