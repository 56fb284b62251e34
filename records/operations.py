"""Migration operations for PostgreSQL-only search structures (no-ops on SQLite).

Django's `GinIndex` in `Meta.indexes` would emit `USING gin` on SQLite too, so search indexes are
made here instead: a GIN index on the stored `search_vector` (filled at once), and trigram GIN
indexes on the folded names and titles (`kb_fold`, sources migration 0005) for the misspelling
fallback.
"""

from django.db import migrations

from records.search import weighted_vector


def index_name(model, suffix):
    return f"{model._meta.db_table}_{suffix}"[:63]


class SearchIndexes(migrations.operations.base.Operation):
    """Search indexes for `model_name`: full text over `fields`, trigrams over `fields[:3]`."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, model_name, fields):
        self.model_name = model_name
        self.fields = tuple(fields)

    def state_forwards(self, app_label, state):
        pass

    def statements(self, model, quote):
        yield index_name(model, "search_gin"), "USING gin (search_vector)"
        for field in self.fields[:3]:
            column = quote(model._meta.get_field(field).column)
            yield index_name(model, f"{field}_trgm"), f"USING gin (kb_fold({column}) gin_trgm_ops)"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        quote = schema_editor.quote_name
        for name, definition in self.statements(model, quote):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(model._meta.db_table)} {definition}"
            )
        model._base_manager.using(schema_editor.connection.alias).update(
            search_vector=weighted_vector(self.fields)
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = from_state.apps.get_model(app_label, self.model_name)
        for name, _definition in self.statements(model, schema_editor.quote_name):
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    def describe(self):
        return f"Search indexes on {self.model_name} (PostgreSQL)"

    def deconstruct(self):
        return self.__class__.__name__, [self.model_name, self.fields], {}
