"""Filter pieces shared by every app's FilterSet, and the sources' own FilterSets.

Several values of one filter combine as OR: `?theme=housing,participation`.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from sources.models import Claim, Source
from sources.search import search


@extend_schema_field(OpenApiTypes.INT)
class YearFilter(django_filters.NumberFilter):
    """A year: a whole number (a decimal such as 2018.5 is an error)."""

    field_class = forms.IntegerField
    rejects_empty = True


@extend_schema_field({"type": "string", "enum": ["true", "false"]})
class TrueFalseFilter(django_filters.ChoiceFilter):
    """`true` or `false`; anything else is an error (django-filter's BooleanFilter ignores junk)."""

    rejects_empty = True

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("true", "true"), ("false", "false")])
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in ("", None):
            return qs
        return qs.filter(**{self.field_name: value == "true"})


class ChoiceInFilter(django_filters.BaseInFilter, django_filters.ChoiceFilter):
    """One or several choices, comma-separated; an unknown one is an error naming it."""

    rejects_empty = True


class SlugInFilter(django_filters.BaseInFilter, django_filters.CharFilter):
    """One or several slugs of related records, comma-separated."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", True)
        super().__init__(*args, **kwargs)


class CountryFilter(django_filters.BaseInFilter, django_filters.CharFilter):
    """ISO 3166-1 alpha-2 codes, case-insensitive, comma-separated."""

    def filter(self, qs, value):
        return super().filter(qs, [code.strip().upper() for code in value] if value else value)


class SearchFilterSet(django_filters.FilterSet):
    """A FilterSet with `search`: every word, accent- and case-insensitively, in one of `search_fields`."""

    search_fields = ("slug",)  # the name or title first: they weigh most in the ranking
    search = django_filters.CharFilter(method="filter_search", label=_("search"))

    def filter_search(self, queryset, name, value):
        return search(queryset, value, self.search_fields)


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


class SlugsWidget(django_filters.widgets.CSVWidget):
    """Several slugs, comma-separated (`?theme=a,b`) or repeated (`?theme=a&theme=b`)."""

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            values = [value for value in data.getlist(name) if value != ""]
            if len(values) > 1:
                return [part for value in values for part in value.split(",")]
        return super().value_from_datadict(data, files, name)


@extend_schema_field(OpenApiTypes.STR)
class RecordsFilter(django_filters.ModelMultipleChoiceFilter):
    """Slugs of related records (OR).

    Filtered as a semi-join (`pk IN (SELECT …)`) rather than a join plus DISTINCT: the list keeps
    one row per record, so its count and its facets need no DISTINCT over wide rows.
    """

    names_records = True  # an unknown slug is a 404 in the API (config.api_base.FilterBackend)

    def filter(self, qs, value):
        if not value:
            return qs
        relation = self.field_name.removesuffix("__slug")
        matching = qs.model._base_manager.filter(**{f"{relation}__in": list(value)}).values("pk")
        return qs.filter(pk__in=matching)


def records_in(model, field_name, label, **kwargs):
    """A filter on related records by slug, comma-separated (OR); an unknown slug is an error."""
    return RecordsFilter(
        field_name=field_name if "method" in kwargs else f"{field_name}__slug",
        to_field_name="slug",
        queryset=lambda request: model.objects.all(),
        widget=SlugsWidget,
        label=label,
        **kwargs,
    )
