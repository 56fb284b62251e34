from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.filters import LikeFilterSet
from actors.models import Place
from actors.similarity import in_order
from practices.models import Practice, Theme
from records.filters import ChoiceInFilter, CountryFilter, SearchFilterSet, records_in
from sources.filters import ClaimedFilterSet


class PracticeFilter(LikeFilterSet, ClaimedFilterSet):
    search_fields = Practice.search_fields
    theme = records_in("themes", _("theme"))
    country = CountryFilter(field_name="country", label=_("country"))
    place = records_in("places", _("place"))
    family = ChoiceInFilter(choices=Practice.Family.choices[:2], label=_("family"))
    status = ChoiceInFilter(choices=Practice.Status.choices, label=_("status"))
    network = records_in("networks", _("network"), method="filter_network")
    place_network = records_in("places__memberships__network", _("network of the place"))
    size = ChoiceInFilter(choices=Place.SizeBand.choices, method="filter_size", label=_("size of the place"))

    class Meta:
        model = Practice
        fields = [
            "theme",
            "country",
            "place",
            "family",
            "status",
            "network",
            "place_network",
            "size",
            "like",
            "disputed",
            "search",
        ]

    def filter_size(self, queryset, name, value):
        """Practices run in a place of this size band (from its population, or the editors' estimate)."""
        if not value:
            return queryset
        return queryset.filter(pk__in=Practice.objects.filter(places__size_band__in=value).values("pk"))

    def similar_to(self, queryset, similarities):
        """The fiches of the places like the place, the fiches of the most similar place first (a fiche
        of several places counts its most similar one)."""
        best = {}
        ties = Practice.places.through.objects.filter(place__in=list(similarities)).order_by()
        for practice, place in ties.values_list("practice", "place"):
            best[practice] = max(best.get(practice, 0), similarities[place].score)
        return in_order(queryset, best)

    def filter_network(self, queryset, name, value):
        """Practices tied to the network, or run in a place that belongs to it."""
        if not value:
            return queryset
        matching = Practice.objects.filter(Q(networks__in=value) | Q(places__memberships__network__in=value))
        return queryset.filter(pk__in=matching.values("pk"))


class ThemeFilter(SearchFilterSet):
    search_fields = ("name_fr", "name_en", "slug", "description_fr", "description_en")

    class Meta:
        model = Theme
        fields = ["search"]
