from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Trigram similarity for misspelt searches on PostgreSQL (a no-op on SQLite)."""

    dependencies = [("sources", "0002_unaccent_extension")]
    operations = [TrigramExtension()]
