"""The comparison of two to four places, side by side: which places a query names, what is wrong
with it, and the networks any of them belongs to as rows that line up (the page and its API twin).

A comparison costs the same number of queries whatever the number of places
(`PlaceQuerySet.for_comparison`: seven), and nothing when the query names none."""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from actors.models import Place
from records.filters import without_nul

MIN_PLACES, MAX_PLACES = 2, 4
# The query parameter naming a place, in each page's language; both are read everywhere, so that a
# link keeps working when the language switch carries its query string to the other language.
PARAMETERS = {"fr": "lieu", "en": "place"}
LOOKED_UP = 12  # distinct slugs read and reported on at most (a longer list is refused anyway)
SHOWN_SLUG = 60  # characters of an unknown slug repeated in a message


def parameter_name(language=None):
    """`lieu` on the French pages, `place` on the English ones (and in the API)."""
    return PARAMETERS.get((language or get_language() or "fr")[:2], PARAMETERS["en"])


def requested_slugs(query, language=None):
    """The slugs a query names, in order: repeated (`?lieu=a&lieu=b`) or comma-separated
    (`?lieu=a,b`), the language's own parameter first, then the other's; empty values skipped."""
    query = without_nul(query)
    own = parameter_name(language)
    names = [own, *(name for name in PARAMETERS.values() if name != own)]
    return [
        part.strip()
        for name in names
        for value in query.getlist(name)
        for part in value.split(",")
        if part.strip()
    ]


def compare_url(slugs, language=None):
    """The comparison page of these places, in the active language (with its parameter's name)."""
    path = reverse("actors:place-compare")
    if not slugs:
        return path
    return f"{path}?{urlencode([(parameter_name(language), slug) for slug in slugs])}"


def shown(slug):
    return slug if len(slug) <= SHOWN_SLUG else slug[:SHOWN_SLUG] + "…"


@dataclass
class NetworkRow:
    """A network one of the places belongs to, and each place's memberships of it (in column order;
    an empty list where the place is not a member)."""

    network: object
    cells: list
    slugs: list  # the places' slugs, in column order

    @property
    def by_place(self):
        return dict(zip(self.slugs, self.cells, strict=True))

    @property
    def shared(self):
        return sum(1 for cell in self.cells if cell)


@dataclass
class Comparison:
    slugs: list  # as the query gives them
    places: list = field(default_factory=list)  # the published ones, each once, in the query's order
    errors: list = field(default_factory=list)  # what makes the query malformed, one message each
    unknown: list = field(default_factory=list)  # the slugs that name no published place

    @property
    def too_many(self):
        return len(dict.fromkeys(self.slugs)) > MAX_PLACES

    @property
    def too_few(self):
        return len(self.places) < MIN_PLACES

    @property
    def messages(self):
        """Everything wrong with the query, as the page says it: malformed, then each unknown slug."""
        unknown = [_("Unknown place: “%(slug)s”.") % {"slug": shown(slug)} for slug in self.unknown]
        return [*self.errors, *unknown]

    @property
    def shown_places(self):
        """The columns of the table: none when more than four places are asked for."""
        return [] if self.too_many else self.places

    def network_rows(self):
        """One row per network any of the shown places belongs to, those shared by the most places
        first (then by name), so that two members of the same network line up."""
        rows, slugs = {}, [place.slug for place in self.shown_places]
        for index, place in enumerate(self.shown_places):
            for membership in place.memberships.all():
                row = rows.setdefault(
                    membership.network_id,
                    NetworkRow(membership.network, [[] for _ in self.shown_places], slugs),
                )
                row.cells[index].append(membership)
        return sorted(
            rows.values(), key=lambda row: (-row.shared, row.network.name.casefold(), row.network.slug)
        )

    def too_few_message(self):
        return _("Name at least %(min)s places to compare.") % {"min": MIN_PLACES}

    def slugs_without(self, place):
        return [other.slug for other in self.places if other.pk != place.pk]


def compare(slugs):
    """The places `slugs` name (published ones only: a draft's slug is unknown, as everywhere), what
    makes the query malformed (more than four places, a place named twice) and the unknown slugs."""
    comparison = Comparison(slugs=list(slugs))
    distinct = list(dict.fromkeys(slugs))
    if comparison.too_many:
        comparison.errors.append(
            _("Compare at most %(max)s places: %(count)s are asked for; remove some.")
            % {"max": MAX_PLACES, "count": len(distinct)}
        )
    counts = Counter(slugs)
    for slug in distinct[:LOOKED_UP]:
        if counts[slug] > 1:
            comparison.errors.append(
                _("The place “%(slug)s” is named more than once.") % {"slug": shown(slug)}
            )
    if not distinct:
        return comparison
    looked_up = distinct[:LOOKED_UP]
    queryset = Place.objects.published().filter(slug__in=looked_up)
    found = {place.slug: place for place in (queryset if comparison.too_many else queryset.for_comparison())}
    comparison.places = [found[slug] for slug in looked_up if slug in found]
    if not comparison.too_many:
        for place in comparison.places:  # what disputed_fields_of reads; the page lists them
            place.disputed_claims = [claim for claim in place.claims.all() if claim.disputed]
    comparison.unknown = [slug for slug in looked_up if slug not in found]
    return comparison
