"""Filtering and ordering of every list: an unknown related record is a 404, a bad value a 400."""

from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, filters

from records.filters import without_nul


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
            tie_breaker = "slug" if any(f.name == "slug" for f in queryset.model._meta.fields) else "pk"
            return [*fields, tie_breaker]  # a stable order
        return self.get_default_ordering(view)

    def get_default_ordering(self, view):
        """A list that one of its filters orders (the FilterSet's `ordering_filters`: `?like=` orders by
        similarity) keeps that order when `?ordering=` is not given."""
        request = getattr(view, "request", None)
        ordering_filters = getattr(getattr(view, "filterset_class", None), "ordering_filters", ())
        if request is not None and any(request.query_params.get(name) for name in ordering_filters):
            return None
        return super().get_default_ordering(view)

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
