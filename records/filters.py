"""Filter pieces every app's FilterSet is built from (the pages and the API use the same FilterSets).

Several values of one filter combine as OR: `?theme=housing,participation`.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from records.search import search


def without_nul(query):
    """The query parameters with NUL characters removed: no text here can contain one, and
    PostgreSQL refuses them in a query (an error, not an empty result)."""
    if not any("\x00" in key or "\x00" in value for key, values in query.lists() for value in values):
        return query
    cleaned = query.copy()
    for key, values in query.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    return cleaned


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

    names_records = True  # an unknown slug is a 404 in the API (api.filtering.FilterBackend)

    def filter(self, qs, value):
        if not value:
            return qs
        relation = self.field_name.removesuffix("__slug")
        matching = qs.model._base_manager.filter(**{f"{relation}__in": list(value)}).values("pk")
        return qs.filter(pk__in=matching)

    def records_model(self, model):
        """The model of the records at the end of the relation path, walked from `model` (the
        FilterSet's): a filter names a relation, never imports the model of another app."""
        for name in self.relation_path.split("__"):
            model = model._meta.get_field(name).related_model
        return model

    def get_queryset(self, request):
        """Published records only: a draft's slug is answered like one that names nothing (404)."""
        return self.records_model(self.model).objects.published()


def records_in(relation_path, label, **kwargs):
    """A filter on related records by slug, comma-separated (OR); an unknown slug is an error.

    `relation_path` runs from the filtered model to the related records (`memberships__place`); with
    `method=` the method receives the records and the path only says which records they are."""
    field_name = relation_path if "method" in kwargs else f"{relation_path}__slug"
    records_filter = RecordsFilter(
        field_name=field_name, to_field_name="slug", widget=SlugsWidget, label=label, **kwargs
    )
    records_filter.relation_path = relation_path
    return records_filter
