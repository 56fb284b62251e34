import django_filters
from django.utils.translation import gettext_lazy as _

from actors.models import Organisation, Person, Place
from records.filters import ChoiceInFilter, CountryFilter, SlugInFilter, records_in
from sources.filters import ClaimedFilterSet


class PlaceFilter(ClaimedFilterSet):
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
        fields = ["country", "kind", "size", "network", "parent", "disputed", "search"]


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
