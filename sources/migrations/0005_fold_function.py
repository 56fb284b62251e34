from django.db import migrations

FOLD = """
CREATE OR REPLACE FUNCTION kb_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FOLD)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS kb_fold(text)")


class Migration(migrations.Migration):
    """kb_fold(text): lower case, accents removed; immutable, so trigram indexes can be built on it.

    (unaccent() itself is only stable, because its dictionary could change; this one names it.)
    """

    dependencies = [("sources", "0004_content_version")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
