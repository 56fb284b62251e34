"""The FilterSets of sources and claims."""

from django.utils.translation import gettext_lazy as _

from records.filters import ChoiceInFilter, SearchFilterSet, SlugInFilter, TrueFalseFilter
from sources.models import Claim, Source


class SourceFilter(SearchFilterSet):
    search_fields = ("title", "authors", "slug", "series", "publisher")

    class Meta:
        model = Source
        fields = ["search"]


class ClaimFilter(SearchFilterSet):
    search_fields = ("value_fr", "value_en", "slug", "quote", "note_fr", "note_en")
    kind = ChoiceInFilter(choices=Claim.Kind.choices, label=_("kind of fact"))
    source = SlugInFilter(field_name="source__slug", label=_("source"))
    disputed = TrueFalseFilter(label=_("disputed"))
    network = SlugInFilter(field_name="network__slug", label=_("network"))
    place = SlugInFilter(field_name="place__slug", label=_("place"))

    class Meta:
        model = Claim
        fields = ["kind", "source", "disputed", "network", "place", "search"]
