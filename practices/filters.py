from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.models import Place
from networks.models import Network
from practices.models import Practice, Theme
from sources.filters import ChoiceInFilter, CountryFilter, SearchFilterSet, records_in


class PracticeFilter(SearchFilterSet):
    search_fields = ("title_fr", "title_en", "slug", "summary_fr", "summary_en", "steps_fr", "steps_en")
    theme = records_in(Theme, "themes", _("theme"))
    country = CountryFilter(field_name="country", label=_("country"))
    place = records_in(Place, "places", _("place"))
    family = ChoiceInFilter(choices=Practice.Family.choices[:2], label=_("family"))
    status = ChoiceInFilter(choices=Practice.Status.choices, label=_("status"))
    network = records_in(Network, "networks", _("network"), method="filter_network")

    class Meta:
        model = Practice
        fields = ["theme", "country", "place", "family", "status", "network", "search"]

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
