"""Facets with counts for the list pages: one GROUP BY query per facet, whatever the number of records.

A facet counts the records matching every *other* active filter, so the reader sees the
alternatives to the value chosen.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.utils.translation import get_language


@dataclass
class Facet:
    param: str  # the FilterSet parameter it sets
    label: str
    group_by: object  # a field path, or an expression (then `alias` names it)
    alias: str = ""
    label_field: str = ""  # a translated field path without its suffix, e.g. "themes__name"
    choices: dict = field(default_factory=dict)  # value -> label
    label_function: object = None  # value -> label
    limit: int = 30
    only: object = None  # a Q for the rows that can have a value: counted rows only, e.g. sizes known


def facet_values(facet, filterset_class, data, base_queryset, request, filtered=None):
    if facet.param in data or filtered is None:
        # The facet counts what the *other* filters select: a FilterSet without this facet's own value.
        data = data.copy()
        data.pop(facet.param, None)
        data.pop("page", None)
        filterset = filterset_class(data or None, queryset=base_queryset, request=request)
        queryset = filterset.qs if not filterset.is_bound or filterset.is_valid() else base_queryset.none()
    else:
        queryset = filtered  # this facet is not in use: the page's own filtered list is what it counts
    key = facet.alias or facet.group_by
    queryset = queryset.order_by()
    if facet.only is not None:
        queryset = queryset.filter(facet.only)
    if facet.label_field:  # values named after a related record: never a record in preparation
        queryset = queryset.filter(**{f"{facet.label_field.rsplit('__', 1)[0]}__is_published": True})
    if facet.alias:
        queryset = queryset.annotate(**{facet.alias: facet.group_by})
    label_path = f"{facet.label_field}_{(get_language() or 'fr')[:2]}" if facet.label_field else None
    label_fallback = f"{facet.label_field}_fr" if facet.label_field else None
    values = [key, *([label_path, label_fallback] if label_path else [])]
    # A facet over a column of the record itself counts rows (filters are semi-joins, one row per
    # record); one across a relation, or an expression that may follow one, counts distinct records.
    crosses_relation = not isinstance(facet.group_by, str) or "__" in facet.group_by
    rows = (
        queryset.values(*values)
        .annotate(count=Count("pk", distinct=crosses_relation or queryset.query.distinct))
        .order_by("-count", key)[: facet.limit]
    )
    result = []
    for row in rows:
        value = row[key]
        if value in (None, ""):
            continue
        if label_path:
            label = row[label_path] or row[label_fallback]
        elif facet.choices:
            label = facet.choices.get(value, value)
        elif facet.label_function:
            label = facet.label_function(value)
        else:
            label = value
        result.append({"value": str(value), "label": label, "count": row["count"]})
    return result


def facets_context(facets, filterset_class, request, base_queryset, filtered=None):
    """[{param, label, values: [{value, label, count, url, active}], clear_url}] for the template."""
    data = request.GET.copy()
    # Links are built from plain lists (a QueryDict copy per link deep-copies the whole query).
    params = {key: given for key, given in data.lists() if key != "page"}
    context = []
    for facet in facets:
        chosen = {value for value in data.get(facet.param, "").split(",") if value}
        values = facet_values(facet, filterset_class, data, base_queryset, request, filtered)
        for value in values:
            value["url"] = "?" + urlencode({**params, facet.param: [value["value"]]}, doseq=True)
            value["active"] = value["value"] in chosen
        cleared = {key: given for key, given in params.items() if key != facet.param}
        context.append(
            {
                "param": facet.param,
                "label": facet.label,
                "values": values,
                "active": bool(chosen),
                "clear_url": "?" + urlencode(sorted(cleared.items()), doseq=True),
            }
        )
    return context
