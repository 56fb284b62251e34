"""Search that behaves well on both databases.

PostgreSQL: full-text search with the French configuration on French columns and the English one
on English columns, accents folded with `unaccent` on both sides (`economie` finds « économie »,
`logements` finds « logement »), ranked; when that finds nothing, trigram word similarity catches
misspellings (`grenobel`). SQLite: every word must appear, accent- and case-insensitively
(`KB_FOLD`, a Python function registered on each connection, since SQLite's LOWER is ASCII-only).
"""

import unicodedata
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, FloatField, Func, Q, TextField, Value
from django.db.models.functions import Cast, Coalesce, Greatest

TRIGRAM_THRESHOLD = 0.35


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


class Unaccent(Func):
    function = "UNACCENT"
    output_field = TextField()


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("KB_FOLD", 1, fold, deterministic=True)


def config_for(field):
    if field.endswith("_fr"):
        return "french"
    if field.endswith("_en"):
        return "english"
    return "simple"


def weighted_vector(fields):
    """The first field (the name or title) weighs most; configurations follow each field's language."""
    vectors = [
        SearchVector(
            Unaccent(Coalesce(Cast(field, TextField()), Value(""))),
            config=config_for(field),
            weight="A" if index < 3 else "B",
        )
        for index, field in enumerate(fields)
    ]
    return reduce(lambda left, right: left + right, vectors)


def fulltext_query(query):
    folded = fold(query)
    return (
        SearchQuery(folded, config="french", search_type="websearch")
        | SearchQuery(folded, config="english", search_type="websearch")
        | SearchQuery(folded, config="simple", search_type="websearch")
    )


def search(queryset, query, fields, ranked=False):
    """Records matching the query in one of `fields`; ranked=True annotates `rank` and orders by it."""
    if not (query or "").strip():
        return queryset
    if connection.vendor == "postgresql":
        return postgresql_search(queryset, query, fields, ranked)
    return folded_search(queryset, query, fields, ranked)


def folded_search(queryset, query, fields, ranked):
    words = [fold(word) for word in query.split() if word.strip()]
    annotations = {f"_folded_{i}": Folded(Cast(field, TextField())) for i, field in enumerate(fields)}
    queryset = queryset.alias(**annotations)
    for word in words:
        queryset = queryset.filter(reduce(or_, (Q(**{f"{name}__contains": word}) for name in annotations)))
    if ranked:
        # Matches in the name or title first.
        title_fields = [name for name in annotations][:3]
        in_title = reduce(or_, (Q(**{f"{name}__contains": words[0]}) for name in title_fields))
        from django.db.models import Case, When

        queryset = queryset.annotate(
            rank=Case(When(in_title, then=Value(1.0)), default=Value(0.5), output_field=FloatField())
        ).order_by("-rank", "slug")
    return queryset


def postgresql_search(queryset, query, fields, ranked):
    vector = weighted_vector(fields)
    tsquery = fulltext_query(query)
    matches = queryset.annotate(_vector=vector).filter(_vector=tsquery)
    if matches.exists():
        if ranked:
            return matches.annotate(rank=SearchRank(F("_vector"), tsquery)).order_by("-rank", "slug")
        return matches
    # Nothing found: perhaps a misspelling. Compare with the names and titles by trigram similarity.
    title_fields = fields[:3]
    similarity = (
        Greatest(
            *[
                TrigramWordSimilarity(Value(fold(query)), Unaccent(Coalesce(Cast(f, TextField()), Value(""))))
                for f in title_fields
            ],
            Value(0.0),
        )
        if len(title_fields) > 0
        else Value(0.0)
    )
    similar = queryset.annotate(rank=similarity).filter(rank__gte=TRIGRAM_THRESHOLD)
    return similar.order_by("-rank", "slug") if ranked else similar
