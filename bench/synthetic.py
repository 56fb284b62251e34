"""The generator of synthetic content for performance benchmarks (`manage.py generate_synthetic`).

Adds, for every kind of record, about FACTOR times as many records as the real content holds
(counted at run time; synthetic records, whose slugs start with `syn-`, are not counted), with the
shapes of the real content: both languages filled, every typology cell used, countries drawn from
the codes in use, memberships between synthetic and real records, practices with themes and places,
every record cited (existing sources, a locator and a quote), claims, some disputed in pairs. The
records themselves are made in `bench.makers`, their text in `bench.words`.

Speed: records are built in Python and written with bulk_create in batches (many-to-many links as
bulk inserts into the through tables), all in one transaction. Nothing here may ever run on a
curator's database: see `is_benchmark_database`.
"""

import random
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

from actors.models import Organisation, Person, Place, Role
from bench.makers import MAKERS
from bench.makers.base import synthetic
from bench.makers.pools import Pools
from bench.words import Words
from networks.models import Declaration, Event, Forum, Membership, Network
from practices.models import FurtherReading, KeyFigure, Practice, PracticeQuote
from records.search import refresh_search_vectors
from records.versioning import bump
from sources.models import CITED, SUBJECT, Citation, Claim

DEFAULT_SEED = 20240917
BATCH_SIZE = 1000
OVERRIDE_FLAG = "--yes-this-is-a-benchmark-database"
# The many-to-many relations the makers fill, each with about factor × its real number of links.
M2M_FIELDS = [
    (Network, "supporters"),
    (Forum, "organisers"),
    (Forum, "networks"),
    (Event, "organisers"),
    (Event, "organising_networks"),
    (Declaration, "adopted_by_organisations"),
    (Declaration, "adopted_by_networks"),
    (Declaration, "adopted_by_places"),
    (Practice, "themes"),
    (Practice, "places"),
    (Practice, "networks"),
    (Practice, "organisations"),
    (Practice, "people"),
]


def database_label():
    """The database's name (PostgreSQL) or path (SQLite), as configured."""
    return str(connection.settings_dict.get("NAME") or "")


def is_benchmark_database():
    return "bench" in database_label().lower()


@contextmanager
def unlogged_queries():
    """Don't keep every statement in `connection.queries` when DEBUG is on.

    With DEBUG=True Django keeps each INSERT with its parameters inlined (and on SQLite runs one
    more query per statement to quote them): at --factor 100 that is twice the memory (~490 MB
    instead of ~220 MB) and a tenth more time.
    """
    connection.make_debug_cursor = connection.make_cursor
    try:
        yield
    finally:
        del connection.make_debug_cursor


def m2m_label(model, name):
    return f"{model._meta.label_lower}.{name}"


class RowBuilder:
    """Model instances built from positional values, as Model.from_db does.

    Much cheaper than keyword construction (modeltranslation rewrites every keyword); values are
    given by attname (`place_id`, not `place`), and a misspelt name is an error.
    """

    def __init__(self, model):
        self.model = model
        fields = model._meta.concrete_fields
        self.index = {field.attname: i for i, field in enumerate(fields)}
        self.defaults = [None if field.primary_key else field.get_default() for field in fields]

    def __call__(self, values):
        row = list(self.defaults)
        index = self.index
        for name, value in values.items():
            row[index[name]] = value
        return self.model(*row)


class Generator:
    """Runs the makers in order and inserts their rows; `run()` returns {label: rows created}."""

    def __init__(self, factor=1, seed=DEFAULT_SEED, batch_size=BATCH_SIZE, log=None):
        if factor <= 0:
            raise ValueError("factor must be positive")
        self.factor = factor
        self.rng = random.Random(seed)
        self.words = Words(self.rng)
        self.batch_size = batch_size
        self.log = log or (lambda message: None)
        self.created = {}
        self.timings = {}
        self.builders = {}

    # ----- reading the real content

    def real_counts(self):
        """Counts of the real (non-synthetic) content, per model and per relation."""
        counts = {}
        for model in (Place, Organisation, Person, Network, Membership, Forum, Event, Declaration, Practice):
            counts[model._meta.label_lower] = model._default_manager.exclude(synthetic()).count()
        counts["actors.role"] = Role.objects.exclude(synthetic("person__")).count()
        for model in (KeyFigure, PracticeQuote, FurtherReading):
            counts[model._meta.label_lower] = model._default_manager.exclude(synthetic("practice__")).count()
        for field in CITED.fields:
            counts[f"citations.{field}"] = (
                Citation.objects.filter(**{f"{field}__isnull": False})
                .exclude(synthetic(f"{field}__"))
                .count()
            )
        real_claims = Claim.objects.exclude(synthetic())
        for field in SUBJECT.fields:
            counts[f"claims.{field}"] = real_claims.filter(**{f"{field}__isnull": False}).count()
        counts["claims.disputed"] = real_claims.filter(disputed=True).count()
        for model, name in M2M_FIELDS:
            field = model._meta.get_field(name)
            owner = field.m2m_field_name()
            counts[m2m_label(model, name)] = field.remote_field.through.objects.exclude(
                synthetic(f"{owner}__")
            ).count()
        return counts

    def target(self, key):
        return int(round(self.real[key] * self.factor))

    # ----- writing

    def build(self, model, **values):
        builder = self.builders.get(model)
        if builder is None:
            builder = self.builders[model] = RowBuilder(model)
        return builder(values)

    def insert(self, model, objects, label=None):
        label = label or model._meta.label_lower
        started = time.perf_counter()
        created = model._default_manager.bulk_create(objects, batch_size=self.batch_size)
        self.created[label] = self.created.get(label, 0) + len(created)
        self.timings[label] = self.timings.get(label, 0.0) + time.perf_counter() - started
        return created

    def insert_links(self, model, name, links):
        """links: iterable of (owner pk, target pk) for the many-to-many field `name` of `model`."""
        field = model._meta.get_field(name)
        through = field.remote_field.through
        owner = field.m2m_field_name() + "_id"
        other = field.m2m_reverse_field_name() + "_id"
        rows = [self.build(through, **{owner: a, other: b}) for a, b in links]
        self.insert(through, rows, label=m2m_label(model, name))

    # ----- all of it

    def run(self):
        started = time.perf_counter()
        with translation.override(settings.LANGUAGE_CODE), unlogged_queries(), transaction.atomic():
            self.real = self.real_counts()
            self.pools = Pools(self.rng)
            for maker in MAKERS:
                step_started = time.perf_counter()
                maker(self).make()
                self.log(f"  {maker.name}: {time.perf_counter() - step_started:.1f}s")
            # bulk_create sends no post_save signal: search vectors in one UPDATE per model, and a
            # new content version, once, for the page cache.
            step_started = time.perf_counter()
            refresh_search_vectors()
            self.log(f"  search vectors: {time.perf_counter() - step_started:.1f}s")
            bump()
        self.elapsed = time.perf_counter() - started
        return self.created
