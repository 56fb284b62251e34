"""Places like a given place: a score from what two places share, and the reasons in words.

Two places of the same level (local: city, town, village, arrondissement, district, metropolitan
area; territorial: department, region, province, state; or two countries) score the sum of WEIGHTS
over what they share: the size band, the country, the kind of place, the place they are part of,
each network both are members of, each theme both have fiches on (at most MAX_THEMES of them) and
being less than NEARBY_KM apart. A place scoring less than MIN_SCORE is not similar. The method,
the weights and their limits are explained in docs/similarity.md.

`compare` and `rank` are pure (profiles in, scores and reasons out); `load_profiles` reads what they
need for every published place in three queries (places, memberships, themes of their fiches),
whatever the number of places; scoring the ~150 places of the content against one takes about a
millisecond.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Value, When
from django.utils import translation
from django.utils.translation import get_language, gettext, ngettext

from actors.models import Place
from networks.models import Membership
from records.countries import country_name
from records.record_urls import record_url

WEIGHTS = {
    "size_band": 3,  # the first thing a mayor asks of "a city like mine"
    "country": 2,  # the same laws, the same State to deal with
    "network": 2,  # each network both belong to: they chose the same allies
    "nearby": 2,  # less than NEARBY_KM apart: the same region, often the same routes of migration
    "kind": 1,  # town and town, region and region
    "parent": 1,  # part of the same place (the same department, the same city)
    "theme": 1,  # each theme both have fiches on, at most MAX_THEMES counted
}
MAX_THEMES = 3
NEARBY_KM = 100
MIN_SCORE = 3  # the same country alone, or one theme and the same kind, is not enough
SHOWN = 6  # on a place's page

LEVELS = {
    Place.Kind.CITY: "local",
    Place.Kind.TOWN: "local",
    Place.Kind.VILLAGE: "local",
    Place.Kind.ARRONDISSEMENT: "local",
    Place.Kind.DISTRICT: "local",
    Place.Kind.METROPOLIS: "local",
    Place.Kind.DEPARTMENT: "territorial",
    Place.Kind.REGION: "territorial",
    Place.Kind.PROVINCE: "territorial",
    Place.Kind.STATE: "territorial",
    Place.Kind.COUNTRY: "country",
}


@dataclass(frozen=True)
class Named:
    """A record two places can share (a network, a theme, a parent place): its id and its names."""

    pk: int
    fr: str = field(default="", compare=False)
    en: str = field(default="", compare=False)

    def __str__(self):
        return (self.en if (get_language() or "fr")[:2] == "en" else self.fr) or self.fr


@dataclass(frozen=True)
class Profile:
    """What the similarity reads of a published place."""

    pk: int
    slug: str
    name: Named
    kind: str
    country: str
    size_band: str = ""
    parent: Named | None = None
    latitude: float | None = None
    longitude: float | None = None
    networks: frozenset = frozenset()  # Named networks the place is (or was) a member of
    ended_networks: frozenset = frozenset()  # those whose every membership of the place has ended
    themes: frozenset = frozenset()  # Named themes of the place's published fiches

    def get_absolute_url(self):
        return record_url("actors:place-detail", self.slug)

    def __str__(self):
        return str(self.name)


def _lower_first(text):
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Reason:
    """One thing two places share, with what it adds to their score; `str()` says it in the active
    language."""

    code: str  # a key of WEIGHTS
    weight: int
    size_band: str = ""
    country: str = ""
    kind: str = ""
    names: tuple = ()  # Named: the parent place, the network, or the themes
    ended: bool = False  # a network: one of the two memberships has ended
    km: int = 0

    def __str__(self):
        if self.code == "size_band":
            return gettext("same size band (%(band)s)") % {"band": Place.SizeBand(self.size_band).label}
        if self.code == "country":
            return gettext("same country (%(country)s)") % {"country": country_name(self.country)}
        if self.code == "kind":
            return gettext("same kind of place (%(kind)s)") % {"kind": Place.Kind(self.kind).label}
        if self.code == "parent":
            return gettext("both part of %(place)s") % {"place": self.names[0]}
        if self.code == "network":
            if self.ended:
                return gettext("both members of %(network)s at some time") % {"network": self.names[0]}
            return gettext("both members of %(network)s") % {"network": self.names[0]}
        if self.code == "theme":
            themes = ", ".join(_lower_first(str(theme)) for theme in self.names)
            return ngettext(
                "both have fiches on %(themes)s", "both have fiches on %(themes)s", len(self.names)
            ) % {"themes": themes}
        if self.code == "nearby":
            return gettext("%(km)s km apart") % {"km": self.km}
        raise ValueError(self.code)

    def texts(self):
        """{"fr": …, "en": …}."""
        texts = {}
        for language in ("fr", "en"):
            with translation.override(language):
                texts[language] = str(self)
        return texts


@dataclass(frozen=True)
class Similarity:
    place: Profile
    score: int
    reasons: tuple


def distance_km(a, b):
    """Great-circle distance between two profiles with coordinates (haversine, Earth radius 6371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def compare(place, other):
    """What `other` shares with `place`: (score, reasons from the weightiest). Places of different
    levels (a town and a region, a region and a country) share nothing."""
    if place.pk == other.pk or LEVELS.get(place.kind) != LEVELS.get(other.kind):
        return 0, ()
    reasons = []
    if place.size_band and place.size_band == other.size_band:
        reasons.append(Reason("size_band", WEIGHTS["size_band"], size_band=place.size_band))
    if place.country and place.country == other.country:
        reasons.append(Reason("country", WEIGHTS["country"], country=place.country))
    for network in sorted(place.networks & other.networks, key=lambda named: named.pk):
        ended = network in place.ended_networks or network in other.ended_networks
        reasons.append(Reason("network", WEIGHTS["network"], names=(network,), ended=ended))
    if None not in (place.latitude, other.latitude):
        km = distance_km(place, other)
        if km < NEARBY_KM:
            reasons.append(Reason("nearby", WEIGHTS["nearby"], km=round(km)))
    if place.kind == other.kind:
        reasons.append(Reason("kind", WEIGHTS["kind"], kind=place.kind))
    if place.parent is not None and place.parent == other.parent:
        reasons.append(Reason("parent", WEIGHTS["parent"], names=(place.parent,)))
    themes = sorted(place.themes & other.themes, key=lambda named: named.fr)
    if themes:
        counted = min(len(themes), MAX_THEMES)
        reasons.append(Reason("theme", WEIGHTS["theme"] * counted, names=tuple(themes)))
    reasons.sort(key=lambda reason: -reason.weight)  # stable: equal weights keep the order above
    return sum(reason.weight for reason in reasons), tuple(reasons)


def rank(place, profiles, limit=None):
    """The places of `profiles` similar to `place` (a score of MIN_SCORE or more), most similar
    first, ties by name in the active language."""
    found = []
    for other in profiles:
        score, reasons = compare(place, other)
        if score >= MIN_SCORE:
            found.append(Similarity(other, score, reasons))
    found.sort(
        key=lambda similarity: (-similarity.score, str(similarity.place).casefold(), similarity.place.slug)
    )
    return found[:limit] if limit else found


def load_profiles():
    """{pk: Profile} for every published place, in three queries: the places; their memberships of
    published networks (as members: a partner or an observer is not one); the published themes of
    their published fiches."""
    rows = list(
        Place.objects.published()
        .order_by()
        .values_list(
            "pk",
            "slug",
            "name_fr",
            "name_en",
            "kind",
            "country",
            "size_band",
            "parent",
            "latitude",
            "longitude",
        )
    )
    names = {pk: Named(pk, name_fr, name_en) for pk, _slug, name_fr, name_en, *_rest in rows}
    # A parent that is a country says no more than the country.
    parents = {pk: names[pk] for pk, _slug, _fr, _en, kind, *_rest in rows if kind != Place.Kind.COUNTRY}
    networks, held = {}, {}
    memberships = (
        Membership.objects.published()
        .filter(place__isnull=False, role__in=Membership.MEMBER_ROLES)
        .order_by()
        .values_list("place", "network", "network__acronym", "network__name_fr", "network__name_en", "status")
    )
    for place, network, acronym, name_fr, name_en, status in memberships:
        named = Named(network, acronym or name_fr, acronym or name_en)
        networks.setdefault(place, set()).add(named)
        if status != Membership.Status.ENDED:
            held.setdefault(place, set()).add(named)
    themes = {}
    # One filter() call: the fiche and the theme it checks are the ones values_list reads.
    fiche_themes = (
        Place.objects.published()
        .filter(practices__is_published=True, practices__themes__is_published=True)
        .order_by()
        .values_list("pk", "practices__themes", "practices__themes__name_fr", "practices__themes__name_en")
        .distinct()
    )
    for place, theme, name_fr, name_en in fiche_themes:
        themes.setdefault(place, set()).add(Named(theme, name_fr, name_en))
    profiles = {}
    for pk, slug, _fr, _en, kind, country, size_band, parent, latitude, longitude in rows:
        place_networks = frozenset(networks.get(pk, ()))
        profiles[pk] = Profile(
            pk=pk,
            slug=slug,
            name=names[pk],
            kind=kind,
            country=country,
            size_band=size_band,
            parent=parents.get(parent),  # a parent in preparation is not shared
            latitude=None if latitude is None else float(latitude),
            longitude=None if longitude is None else float(longitude),
            networks=place_networks,
            ended_networks=place_networks - held.get(pk, set()),
            themes=frozenset(themes.get(pk, ())),
        )
    return profiles


def similar_places(place, limit=SHOWN):
    """The published places most like `place` (a published Place), most similar first."""
    profiles = load_profiles()
    target = profiles.get(place.pk)
    if target is None:
        return []
    return rank(target, profiles.values(), limit=limit)


def ranked_pks(place):
    """{pk: score} of every published place like `place`, most similar first (dicts keep order)."""
    return {similarity.place.pk: similarity.score for similarity in similar_places(place, limit=None)}


def in_order(queryset, scores):
    """The records of `queryset` whose pk is a key of `scores` ({pk: score}), highest score first,
    then in the model's order."""
    if not scores:
        return queryset.none()
    score = Case(
        *[When(pk=pk, then=Value(value)) for pk, value in scores.items()], output_field=IntegerField()
    )
    return queryset.filter(pk__in=list(scores)).order_by(score.desc(), *queryset.model._meta.ordering)
