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

from django.apps import apps
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity
from django.db import connection, connections
from django.db.models import Case, F, FloatField, Func, Q, TextField, Value, When
from django.db.models.functions import Cast, Coalesce, Greatest

from records.models import Searchable

TRIGRAM_THRESHOLD = 0.35
# What a search uses of what it is given: every word costs a condition per searched column (or a
# branch of the tsquery), so 99 words made a cached page wait 1.1 s behind six such searches.
MAX_WORDS = 10
MAX_LENGTH = 200


def limited(query):
    """The first MAX_WORDS words of the query, at most MAX_LENGTH characters, without NUL."""
    return " ".join((query or "").replace("\x00", "").split()[:MAX_WORDS])[:MAX_LENGTH]


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


class KbFold(Func):
    """Lower case, accents removed: the immutable SQL function the trigram indexes are built on."""

    function = "kb_fold"
    output_field = TextField()


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


FULLTEXT_CONFIGS = ("french", "english", "simple")


class ParsedQuery(SearchQuery):
    """A tsquery already parsed (`parse_fulltext`), sent as a literal so the planner can estimate it."""

    def __init__(self, tsquery):
        super().__init__(tsquery)
        self.tsquery = tsquery

    def as_sql(self, compiler, connection, function=None, template=None):
        return "%s::tsquery", [self.tsquery]


def parse_fulltext(query, using="default"):
    """The query parsed with the French, English and simple configurations, ORed, duplicates dropped.

    One small query. `accueil` gives the same lexeme in all three configurations: testing it once
    rather than three times per row matters when a common word matches thousands of rows, and a
    literal (not an expression) lets PostgreSQL estimate from its statistics whether to use the GIN
    index. None when nothing is left to search for (punctuation only: the simple configuration
    keeps stop words).
    """
    parsed = " UNION ".join(
        f"SELECT websearch_to_tsquery('{config}'::regconfig, %s) AS q" for config in FULLTEXT_CONFIGS
    )
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT string_agg(DISTINCT '(' || q::text || ')', ' | ' ORDER BY '(' || q::text || ')') "
            f"FROM ({parsed}) AS parsed WHERE q::text <> ''",
            [fold(query)] * len(FULLTEXT_CONFIGS),
        )
        return cursor.fetchone()[0]


class Prepared(str):
    """A search query with its parsed tsquery, so a page searching several kinds parses it once."""

    tsquery = None


def prepare(query, using="default"):
    prepared = Prepared(limited(query))
    if connections[using].vendor == "postgresql" and query.strip():
        prepared.tsquery = parse_fulltext(query, using)
    return prepared


def searchable_models():
    return [model for model in apps.get_models() if issubclass(model, Searchable)]


def uses_stored_vector(model, fields):
    return tuple(fields) == getattr(model, "search_fields", None) and any(
        field.name == "search_vector" for field in model._meta.concrete_fields
    )


def refresh_search_vectors(models=None, using="default", **filters):
    """Recompute the stored search vectors (PostgreSQL only): every row, or those matching `filters`.

    One UPDATE per model, so it suits bulk loads (load_content, generate_synthetic); saves through
    the ORM refresh their own row (records/signals.py).
    """
    if connections[using].vendor != "postgresql":
        return 0
    updated = 0
    for model in models or searchable_models():
        rows = model._base_manager.using(using).filter(**filters)
        updated += rows.update(search_vector=weighted_vector(model.search_fields))
    return updated


def stale_search_vectors(model, using="default"):
    """Rows whose stored vector differs from what their columns give now (PostgreSQL; else none)."""
    if connections[using].vendor != "postgresql":
        return model._base_manager.none()
    return (
        model._base_manager.using(using)
        .alias(
            _stored=Cast("search_vector", TextField()),
            _fresh=Cast(weighted_vector(model.search_fields), TextField()),
        )
        .filter(Q(_stored__isnull=True) | ~Q(_stored=F("_fresh")))
    )


def search(queryset, query, fields, ranked=False):
    """Records matching the query in one of `fields`; ranked=True annotates `rank` and orders by it.

    On PostgreSQL, a searchable model searched on its own `search_fields` uses its stored,
    GIN-indexed vector; other field lists (API search on memberships, sources, claims) compute it.
    """
    if not isinstance(query, Prepared):
        query = limited(query)
    if not query.strip():
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
        queryset = queryset.annotate(
            rank=Case(When(in_title, then=Value(1.0)), default=Value(0.5), output_field=FloatField())
        ).order_by("-rank", "slug")
    return queryset


def postgresql_search(queryset, query, fields, ranked):
    if not isinstance(query, Prepared):
        query = prepare(query, queryset.db)
    if query.tsquery is not None:  # None: nothing to match in full text
        tsquery = ParsedQuery(query.tsquery)
        if uses_stored_vector(queryset.model, fields):
            vector = F("search_vector")
            matches = queryset.filter(search_vector=tsquery)
        else:
            vector = F("_vector")
            matches = queryset.annotate(_vector=weighted_vector(fields)).filter(_vector=tsquery)
        if matches.exists():
            if ranked:
                return matches.annotate(rank=SearchRank(vector, tsquery)).order_by("-rank", "slug")
            return matches
    # Nothing found: perhaps a misspelling. Compare with the names and titles by trigram word
    # similarity: `%>` on the folded columns (GIN trigram indexes, records/operations.py; its
    # threshold is the connection's pg_trgm.word_similarity_threshold, config/settings.py), then
    # the similarity itself for the rank and for connections without that setting.
    folded = fold(query)
    title_fields = fields[:3]
    names = {f"_folded_{i}": KbFold(field) for i, field in enumerate(title_fields)}
    similarity = Greatest(*[TrigramWordSimilarity(Value(folded), F(name)) for name in names], Value(0.0))
    similar = (
        queryset.alias(**names)
        .filter(reduce(or_, (Q(**{f"{name}__trigram_word_similar": folded}) for name in names)))
        .annotate(rank=similarity)
        .filter(rank__gte=TRIGRAM_THRESHOLD)
    )
    return similar.order_by("-rank", "slug") if ranked else similar
