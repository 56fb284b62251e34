from urllib.parse import urlencode

import django_filters
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actors.filters import LikeFilterSet
from actors.models import Place
from actors.similarity import in_order
from practices.models import Practice, Theme
from records.filters import (
    ChoiceInFilter,
    CountryFilter,
    SearchFilterSet,
    SlugInFilter,
    SlugsWidget,
    records_in,
    without_nul,
)
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


class BriefFilter(django_filters.FilterSet):
    """The fiches of a council brief by slug, repeated or comma-separated (`?fiche=riace&fiche=idnyc`).

    The brief page names a slug that matches no published fiche rather than refusing the whole page, so
    the filter only reads the slugs; declaring it here is what makes the page cache and the fuzzer read
    `fiche` as the page's parameter."""

    fiche = SlugInFilter(field_name="slug", widget=SlugsWidget, label=_("fiche"))

    class Meta:
        model = Practice
        fields = ["fiche"]

    def selection(self):
        """The slugs asked for, in the reader's order, each once."""
        if not self.is_bound or not self.is_valid():
            return []
        slugs = (slug.strip() for slug in self.form.cleaned_data.get("fiche") or [])
        return list(dict.fromkeys(slug for slug in slugs if slug))


def brief_selection(query):
    return BriefFilter(without_nul(query) or None, queryset=Practice.objects.none()).selection()


def brief_url(slugs):
    """The brief of these fiches, in this order (the reader's own link to it, or one to share)."""
    url = reverse("practices:brief")
    return f"{url}?{urlencode([('fiche', slug) for slug in slugs])}" if slugs else url
