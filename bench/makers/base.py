"""What every maker builds on: the `Maker` class, the `syn-` mark of synthetic records, real frequencies.

A maker builds the rows of one kind of record and hands them to the generator (`bench.synthetic`)
to insert. All makers draw from the generator's one seeded random generator, in a fixed order, so
a seed always gives the same content: moving a draw changes everything drawn after it.
"""

from collections import Counter

from django.db.models import Count, Q
from django.utils.text import slugify

from bench.makers.draws import spread

PREFIX = "syn-"


def synthetic(prefix=""):
    """Q matching synthetic records (`prefix` is a lookup path to the record, e.g. 'practice__')."""
    return Q(**{f"{prefix}slug__startswith": PREFIX})


def choice_weights(model, field, smoothing=None):
    """The real frequencies of a choice field, smoothed so every valid choice appears."""
    choices = [value for value, _label in model._meta.get_field(field).choices]
    real = Counter(
        dict(
            model._default_manager.exclude(synthetic())
            .values_list(field)
            .annotate(n=Count("pk"))
            .order_by()  # no default ordering in the GROUP BY
            .values_list(field, "n")
        )
    )
    total = sum(real.values())
    floor = smoothing if smoothing is not None else max(1.0, total / (4 * len(choices)))
    return {value: real.get(value, 0) + floor for value in choices}


class Maker:
    """One kind of record: `make()` builds its rows, the generator inserts them.

    `pools` holds the records to link to (`bench.makers.pools`); a maker adds the records it creates,
    for the makers after it. Many-to-many links are made by their owner's maker, right after the
    owners are inserted.
    """

    name = ""  # the step's name in the generator's log

    def __init__(self, generator):
        self.generator = generator
        self.rng = generator.rng
        self.words = generator.words
        self.pools = generator.pools
        self.real = generator.real

    def make(self):
        raise NotImplementedError

    # ----- through the generator

    def target(self, key):
        """How many rows to make: factor × the real count `key` (e.g. 'actors.place')."""
        return self.generator.target(key)

    def build(self, model, **values):
        return self.generator.build(model, **values)

    def insert(self, model, objects, label=None):
        return self.generator.insert(model, objects, label=label)

    def insert_links(self, model, name, links):
        self.generator.insert_links(model, name, links)

    # ----- shared draws

    def unique_slugs(self, model, kind, names):
        """syn-<kind>-<name>-<n>, numbered after any synthetic records already there."""
        taken = set(model._default_manager.filter(synthetic()).values_list("slug", flat=True))
        start = len(taken) + 1
        slugs = []
        for offset, name in enumerate(names):
            number = start + offset
            stem = "-".join(part for part in (kind, slugify(name)[:50].strip("-")) if part)
            slug = f"{PREFIX}{stem}-{number}"
            while slug in taken:
                number += len(names)
                slug = f"{PREFIX}{stem}-{number}"
            taken.add(slug)
            slugs.append(slug)
        return slugs

    def record_fields(self):
        return {"is_published": True, "original_language": "fr" if self.rng.random() < 0.85 else "en"}

    def country(self, k=1):
        return self.pools.country_picker.draw(k)

    def year(self, low=1990, high=2024):
        return self.rng.randint(low, high)

    def source(self):
        return self.pools.source_picker.one()

    def spread_links(self, owners, pool, key, minimum=0, maximum=None):
        """(owner, target) pairs: about factor × the real number of links, distinct per owner."""
        if not owners or not pool:
            return []
        total = self.target(key)
        maximum = min(maximum or len(pool), len(pool))
        counts = spread(self.rng, total, len(owners), min(minimum, maximum), maximum)
        links = []
        for owner, count in zip(owners, counts, strict=True):
            links.extend((owner, target) for target in self.rng.sample(pool, count))
        return links
