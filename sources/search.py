"""Accent- and case-insensitive matching that behaves the same on PostgreSQL and SQLite.

On PostgreSQL `Folded(x)` is LOWER(UNACCENT(x)) (the unaccent extension is created by a migration);
on SQLite it calls KB_FOLD, a Python function registered on every connection, because SQLite's
own LOWER/LIKE only fold ASCII.
"""

import unicodedata
from functools import reduce
from operator import or_

from django.db.models import Func, Q, TextField
from django.db.models.functions import Cast


def fold(text):
    """'Économie' -> 'economie'; None stays None."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Folded(Func):
    arity = 1
    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="KB_FOLD", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, template="LOWER(UNACCENT(%(expressions)s))", **extra_context
        )


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("KB_FOLD", 1, fold, deterministic=True)


def search(queryset, query, fields):
    """Records where every word of the query appears, accent- and case-insensitively, in one of the fields."""
    words = [fold(word) for word in (query or "").split() if word.strip()]
    if not words:
        return queryset
    annotations = {f"_folded_{i}": Folded(Cast(field, TextField())) for i, field in enumerate(fields)}
    queryset = queryset.alias(**annotations)
    for word in words:
        queryset = queryset.filter(reduce(or_, (Q(**{f"{name}__contains": word}) for name in annotations)))
    return queryset
