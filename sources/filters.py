"""The FilterSets of sources and claims."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from records.filters import ChoiceInFilter, SearchFilterSet, SlugInFilter, TrueFalseFilter
from records.models import Language
from sources.models import CITED, Citation, Claim, Source, with_disputed_claims


class DisputedFilter(TrueFalseFilter):
    """`true`: the records some of whose claims are disputed; `false`: the others."""

    def filter(self, qs, value):
        if value in ("", None):
            return qs
        return with_disputed_claims(qs, value == "true")


class ClaimedFilterSet(SearchFilterSet):
    """The FilterSet of a kind claims can be about: `?disputed=` besides its own filters."""

    disputed = DisputedFilter(label=_("with a disputed claim"))


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
    field = django_filters.CharFilter(field_name="field", label=_("field it bears on (blank: none)"))
    network = SlugInFilter(field_name="network__slug", label=_("network"))
    place = SlugInFilter(field_name="place__slug", label=_("place"))

    class Meta:
        model = Claim
        fields = ["kind", "source", "disputed", "field", "network", "place", "search"]


class CitationFilter(SearchFilterSet):
    search_fields = ("quote", "quote_translation", "locator_fr", "locator_en")
    record_kind = ChoiceInFilter(
        choices=[(name, name) for name in CITED.fields],
        method="filter_record_kind",
        label=_("kind of record"),
    )
    record = SlugInFilter(method="filter_record", label=_("record (slug)"))
    source = SlugInFilter(field_name="source__slug", label=_("source"))
    field = django_filters.CharFilter(field_name="field", label=_("field supported (blank: the record)"))
    quote_language = ChoiceInFilter(choices=Language.choices, label=_("language of the quote"))

    class Meta:
        model = Citation
        fields = ["record_kind", "record", "source", "field", "quote_language", "search"]

    def filter_record_kind(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(*[Q(**{f"{kind}__isnull": False}) for kind in value], _connector=Q.OR))

    def filter_record(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(*[Q(**{f"{kind}__slug__in": value}) for kind in CITED.fields], _connector=Q.OR)
        )
