"""The API's shared plumbing named in settings: pagination, renderers, ordering, errors.

Everything here is about HTTP behaviour every resource shares; what each resource returns lives
in its app's serializers.py and api.py.
"""

import csv
import io

from django.conf import settings
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, filters, pagination, renderers, throttling
from rest_framework.response import Response

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def is_small_number(raw):
    """ASCII digits only (str.isdigit() also accepts '²'), and few enough for int() and for a page."""
    return raw.isascii() and raw.isdigit() and len(raw) <= 9


class Pagination(pagination.PageNumberPagination):
    """`page` and `page_size` (default 50, at most 500). Bad values are a 400, not a silent clamp."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not is_small_number(raw) or not 1 <= int(raw) <= self.max_page_size:
            message = _("Must be a whole number from 1 to %(max)s; got %(value)r.")
            raise exceptions.ValidationError(
                {"page_size": [message % {"max": self.max_page_size, "value": raw}]}
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and (not is_small_number(raw) or int(raw) < 1):
            message = _("Must be a whole number from 1; got %(value)r.")
            raise exceptions.ValidationError({"page": [message % {"value": raw}]})
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound:
            message = _("Page %(number)s does not exist: this list has fewer pages.")
            raise exceptions.NotFound(message % {"number": raw}) from None

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "meta": api_meta(self.request),
                "results": data,
            }
        )

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update(minimum=1, maximum=999_999_999)
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size, default=self.page_size)
        return parameters

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["meta"] = META_SCHEMA
        return response


class FeaturePagination(Pagination):
    """GeoJSON pages: a FeatureCollection with `count`, `next` and `previous` as foreign members and
    the next page in a `Link` header. A map wants many points, so pages default to the cap (500)."""

    page_size = settings.API_MAX_PAGE_SIZE

    def get_paginated_response(self, collection):
        response = Response(
            {
                **collection,
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "meta": api_meta(self.request),
            }
        )
        if response.data["next"]:
            response.next_link = response.data["next"]
        return response


META_SCHEMA = {
    "type": "object",
    "properties": {
        "licence": {"type": "string"},
        "licence_url": {"type": "string", "format": "uri"},
        "cite_as": {"type": "string"},
    },
}


def api_meta(request):
    return {
        "licence": settings.KB_LICENCE,
        "licence_url": settings.KB_LICENCE_URL,
        "cite_as": f"{settings.KB_CITATION}, {request.build_absolute_uri(request.get_full_path())}",
    }


def without_nul(query):
    """The query parameters with NUL characters removed: no text here can contain one, and
    PostgreSQL refuses them in a query (an error, not an empty result)."""
    if not any("\x00" in key or "\x00" in value for key, values in query.lists() for value in values):
        return query
    cleaned = query.copy()
    for key, values in query.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    return cleaned


class FilterBackend(DjangoFilterBackend):
    """django-filter, with an unknown related record (a slug that names nothing) answered by a 404.

    A malformed value or an unknown choice of a fixed list is a 400; a well-formed slug of a record
    that does not exist is a 404 naming the parameter and the slug.
    """

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        kwargs["data"] = without_nul(kwargs["data"])
        return kwargs

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        empty = {
            name: [_("A value is required.")]
            for name, filter_ in filterset.filters.items()
            if getattr(filter_, "rejects_empty", False)
            and any("" in value.split(",") for value in request.query_params.getlist(name))
        }
        if empty:
            raise exceptions.ValidationError(empty)
        if not filterset.is_valid():
            errors = filterset.form.errors.as_data()
            unknown = {
                name: [str(message) for error in field_errors for message in error.messages]
                for name, field_errors in errors.items()
                if getattr(filterset.filters.get(name), "names_records", False)
            }
            if unknown and len(unknown) == len(errors):
                names = ", ".join(unknown)
                raise exceptions.NotFound(
                    {"detail": _("No such record for: %(names)s.") % {"names": names}, "errors": unknown}
                )
            raise exceptions.ValidationError(filterset.errors)
        return filterset.qs


class StrictOrderingFilter(filters.OrderingFilter):
    """`ordering` on the documented fields only; anything else is a 400 naming the field."""

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params is not None and not params.strip(","):
            raise exceptions.ValidationError({self.ordering_param: [_("A value is required.")]})
        if params:
            fields = [param.strip() for param in params.split(",") if param.strip()]
            allowed = {name for name, _label in self.get_valid_fields(queryset, view, {"request": request})}
            wrong = [field for field in fields if field.lstrip("-") not in allowed]
            if wrong:
                choices = ", ".join(sorted(allowed))
                message = _("Cannot order by %(fields)s; use one of: %(choices)s.")
                raise exceptions.ValidationError(
                    {"ordering": [message % {"fields": ", ".join(wrong), "choices": choices}]}
                )
            return [*fields, "slug"]  # a stable tie-breaker
        return self.get_default_ordering(view)

    def get_schema_operation_parameters(self, view):
        fields = (
            [name for name, _label in self.get_valid_fields(None, view, {})] if view.ordering_fields else []
        )
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": _("Fields to order by, comma-separated; prefix with - for descending."),
                "schema": {
                    "type": "array",
                    "items": {"type": "string", "enum": [*fields, *(f"-{f}" for f in fields)]},
                },
                "style": "form",
                "explode": False,
            }
        ]


def flatten(row, prefix=""):
    """One CSV row from a nested record: {"fr","en"} objects become _fr/_en columns, lists are joined by |."""
    flat = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = "|".join(
                str(item.get("slug", item)) if isinstance(item, dict) else str(item) for item in value
            )
        else:
            flat[name] = "" if value is None else value
    return flat


class CSVRenderer(renderers.BaseRenderer):
    """UTF-8 CSV with one header row; a list page's records (without the envelope)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        flat = [flatten(row) if isinstance(row, dict) else {"value": row} for row in rows]
        columns = []
        for row in flat:
            columns.extend(key for key in row if key not in columns)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return out.getvalue().encode("utf-8")


class GeoJSONRenderer(renderers.JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle, which lets requests through when the cache it counts in is down."""

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:  # noqa: BLE001 - a cache outage must not fail the API
            return True
