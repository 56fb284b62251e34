from django.core.management.base import BaseCommand

from sources.check import counts_table


class Command(BaseCommand):
    help = "Print the number of records per kind as a Markdown table (pasted into docs/content.md)."

    def handle(self, *args, **options):
        self.stdout.write(counts_table())
