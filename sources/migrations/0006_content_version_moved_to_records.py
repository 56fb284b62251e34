# ContentVersion now belongs to the records app (records/migrations/0001_initial.py), which took
# over its table: only the state changes here, the table and its row stay.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0005_fold_function"),
        ("records", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContentVersion")],
            database_operations=[],
        ),
    ]
