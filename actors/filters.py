import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from actors.models import Organisation, Person, Place
from actors.similarity import in_order, similar_places
from records.filters import ChoiceInFilter, CountryFilter, SlugInFilter, records_in
from sources.filters import ClaimedFilterSet


@extend_schema_field({"type": "string", "minLength": 1, "pattern": "^[-a-zA-Z0-9_]+$"})
class LikeFilter(django_filters.ModelChoiceFilter):
    """`?like=<slug of a published place>`: the records of the places like it (actors.similarity),
    most similar first. An unknown slug is a 400 naming it (a similarity needs a place, it does not
    name a related record that might be missing); the FilterSet's `similar_to(place)` filters."""

    rejects_empty = True

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "label", _("like this place: the slug of a place (the list is then most similar first)")
        )
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("No place has the slug “%(value)s”; give the slug of a published place.")},
        )
        super().__init__(to_field_name="slug", queryset=Place.objects.published(), **kwargs)

    def filter(self, qs, value):
        if value is None:
            return qs
        self.parent.like = value
        self.parent.similarities = {
            similarity.place.pk: similarity for similarity in similar_places(value, None)
        }
        return self.parent.similar_to(qs, self.parent.similarities)


class LikeFilterSet(django_filters.FilterSet):
    """A FilterSet with `?like=`: `like` (the place) and `similarities` ({pk: Similarity}) are set once
    it has filtered. `ordering_filters`: the API keeps the order they give unless `?ordering=` is set."""

    like = LikeFilter()
    ordering_filters = ("like",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.like = None
        self.similarities = {}

    def similar_to(self, queryset, similarities):
        raise NotImplementedError

    def like_context(self):
        """For a list page: the place of an active `?like=`, its similarities, the link that removes it."""
        if self.is_bound and not self.is_valid():
            return {}
        self.qs  # noqa: B018 -- filtering is what sets `like`
        if self.like is None:
            return {}
        query = self.request.GET.copy()
        for name in ("like", "page"):
            query.pop(name, None)
        return {
            "like_place": self.like,
            "similarities": self.similarities,
            "like_clear_url": f"?{query.urlencode()}",
        }


class PlaceFilter(LikeFilterSet, ClaimedFilterSet):
    search_fields = Place.search_fields
    country = CountryFilter(field_name="country", label=_("country"))
    kind = ChoiceInFilter(choices=Place.Kind.choices, label=_("kind"))
    network = records_in("memberships__network", _("network"))
    parent = records_in("parent", _("parent place"))
    size = ChoiceInFilter(
        field_name="size_band",
        choices=[choice for choice in Place.SizeBand.choices if choice[0]],
        label=_("size band (from the population, or the editors' estimate)"),
    )

    class Meta:
        model = Place
        fields = ["country", "kind", "size", "network", "parent", "like", "disputed", "search"]

    def similar_to(self, queryset, similarities):
        """The places like the place, most similar first."""
        return in_order(queryset, {pk: similarity.score for pk, similarity in similarities.items()})


class OrganisationFilter(ClaimedFilterSet):
    search_fields = Organisation.search_fields
    kind = ChoiceInFilter(choices=Organisation.Kind.choices, label=_("kind"))
    country = CountryFilter(field_name="country", label=_("country"))

    class Meta:
        model = Organisation
        fields = ["kind", "country", "disputed", "search"]


class PersonFilter(ClaimedFilterSet):
    search_fields = Person.search_fields

    class Meta:
        model = Person
        fields = ["disputed", "search"]


class PlaceCompareFilter(django_filters.FilterSet):
    """The parameters of the comparison of places (page and API): `place` and its French name `lieu`,
    one slug each, repeated or comma-separated. Declared here so that what reads a view's FilterSet
    knows them (the page cache's key, the API's refusal of unknown parameters, the fuzzer); the
    places are read, in the order given, and checked by actors.compare."""

    place = SlugInFilter(field_name="slug", label=_("place (slug; two to four, repeated or comma-separated)"))
    lieu = SlugInFilter(field_name="slug", label=_("place (French name of the parameter)"))

    class Meta:
        model = Place
        fields = ["place", "lieu"]
