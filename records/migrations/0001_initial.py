# The content version moved here from the sources app: the table it made (sources_contentversion)
# is kept as it is, with its row, so an existing database keeps its version and its cached pages.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("sources", "0004_content_version"),  # the table exists from there
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("value", models.PositiveBigIntegerField(default=1)),
                        ("changed_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "verbose_name": "content version",
                        "db_table": "sources_contentversion",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
