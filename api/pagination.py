"""Pages of every list: `page` and `page_size` checked (400), the envelope with its licence and citation."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination
from rest_framework.response import Response


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

    def check_parameters(self, request):
        """A 400 for a malformed `page` or `page_size` (also where they do not apply: a whole CSV)."""
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and (not is_small_number(raw) or int(raw) < 1):
            message = _("Must be a whole number from 1; got %(value)r.")
            raise exceptions.ValidationError({"page": [message % {"value": raw}]})
        self.get_page_size(request)
        return raw

    def paginate_queryset(self, queryset, request, view=None):
        raw = self.check_parameters(request)
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
