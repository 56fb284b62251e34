"""The base of every resource's viewset: `?lang=` and `?format=` checked, Link and caching headers."""

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework import exceptions, viewsets
from rest_framework.renderers import JSONRenderer

from records.serializers import LANGUAGES, TranslatedField
from records.tabular import csv_lines, flatten

CSV_CHUNK = 500  # records serialised per batch of queries when a whole list is written as CSV


class ApiBehaviour:
    """What every API view shares: `?lang=` and `?format=` checked (400), an unknown query parameter
    refused (400, naming it and the accepted ones: a misspelt filter must not read as a filtered
    result), licence and docs in a Link header, public caching of successful responses."""

    # False where a view takes parameters of its own that it documents elsewhere (the schema view).
    strict_parameters = True

    def accepted_parameters(self):
        """The query parameters this view reads: its FilterSet's, its pages', ordering, format, lang."""
        accepted = {"format", "lang", "bom"}
        filterset = getattr(self, "filterset_class", None)
        if filterset is not None:
            accepted |= set(filterset.base_filters)
        paginator = getattr(self, "paginator", None)
        if paginator is not None:
            accepted |= {paginator.page_query_param, paginator.page_size_query_param}
        if getattr(self, "ordering_fields", None):
            accepted.add("ordering")
        return accepted

    def dispatch(self, request, *args, **kwargs):
        """`?lang=` sets the language of the whole response, errors and Content-Language included
        (before throttling, so a 429 speaks it too); otherwise Accept-Language decides."""
        lang = request.GET.get("lang")
        if lang in LANGUAGES:
            translation.activate(lang)
            request.LANGUAGE_CODE = lang
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.strict_parameters:
            accepted = self.accepted_parameters()
            unknown = sorted(name for name in request.query_params if name not in accepted)
            if unknown:
                message = _("Unknown parameter; this resource accepts: %(choices)s.") % {
                    "choices": ", ".join(sorted(accepted))
                }
                raise exceptions.ValidationError({name: [message] for name in unknown})
        lang = request.query_params.get("lang")
        if lang is not None and lang not in LANGUAGES:  # an empty ?lang= is an error too
            message = _("Unknown language %(value)r; use one of: %(choices)s.") % {
                "value": lang,
                "choices": ", ".join(LANGUAGES),
            }
            raise exceptions.ValidationError({"lang": [message]})
        bom = request.query_params.get("bom")
        if bom is not None and bom not in ("0", "1"):
            raise exceptions.ValidationError(
                {"bom": [_("Use bom=1 (a byte-order mark for Excel) or bom=0.")]}
            )

    def perform_content_negotiation(self, request, force=False):
        requested = request.query_params.get("format")
        known = {renderer.format for renderer in self.get_renderers()}
        if (
            force and requested is not None and requested not in known
        ):  # rendering the error: fall back to JSON
            renderer = next((r for r in self.get_renderers() if r.format == "json"), JSONRenderer())
            return renderer, renderer.media_type
        if requested is not None and requested not in known:
            formats = ", ".join(renderer.format for renderer in self.get_renderers())
            message = _("Unknown format %(value)r; use one of: %(choices)s.") % {
                "value": requested,
                "choices": formats,
            }
            raise exceptions.ValidationError({"format": [message]})
        return super().perform_content_negotiation(request, force)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        licence = f'<{settings.KB_LICENCE_URL}>; rel="license"'
        docs = f'<{request.build_absolute_uri(reverse("api:docs"))}>; rel="service-doc"'
        next_page = getattr(response, "next_link", None)  # paginated GeoJSON (FeaturePagination)
        response["Link"] = ", ".join([licence, docs, *([f'<{next_page}>; rel="next"'] if next_page else [])])
        if response.status_code < 400:
            response["Cache-Control"] = "public, max-age=300"
        elif (
            getattr(response, "accepted_renderer", None) is not None
            and response.accepted_renderer.format != "json"
        ):
            response.accepted_renderer = JSONRenderer()  # errors are always JSON, whatever format was asked
            response.accepted_media_type = JSONRenderer.media_type
        response["Vary"] = "Accept"
        return response


class CSVLists:
    """A list asked as CSV is the whole filtered list, streamed (see csv_list)."""

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == "csv":
            return self.csv_list(request)
        return super().list(request, *args, **kwargs)

    def csv_columns(self, serializer):
        """The CSV header from the serializer's fields: a translated one gives name_fr and name_en."""
        columns = []
        for name, field in serializer.fields.items():
            if isinstance(field, TranslatedField) or name == "html_url":
                columns += [f"{name}_{language}" for language in LANGUAGES]
            else:
                columns.append(name)
        return columns

    def csv_list(self, request):
        """Every row of the filtered list (no pages), streamed in batches of CSV_CHUNK records with
        a constant number of queries per batch; the row count in X-Total-Count; both languages
        whatever ?lang says, so that the columns are the same in every request."""
        if self.paginator is not None and hasattr(self.paginator, "check_parameters"):
            self.paginator.check_parameters(request)  # malformed values are errors even when unused
        queryset = self.filter_queryset(self.get_queryset())
        total = queryset.count()
        context = {**self.get_serializer_context(), "lang": None}
        serializer_class = self.get_serializer_class()
        columns = self.csv_columns(serializer_class(context=context))

        def rows():
            for start in range(0, total, CSV_CHUNK):
                batch = serializer_class(queryset[start : start + CSV_CHUNK], many=True, context=context)
                yield from (flatten(row) for row in batch.data)

        def lines():
            if request.query_params.get("bom") == "1":
                yield "\ufeff"
            yield from csv_lines(columns, rows())

        content_type = "text/csv; charset=utf-8"
        if total <= CSV_CHUNK:  # one batch: a plain response, which the page cache can keep
            response = HttpResponse("".join(lines()).encode("utf-8"), content_type=content_type)
        else:
            response = StreamingHttpResponse(
                (line.encode("utf-8") for line in lines()), content_type=content_type
            )
        response["X-Total-Count"] = str(total)
        response["Content-Disposition"] = (
            f'attachment; filename="{request.path.rstrip("/").rsplit("/", 1)[-1]}.csv"'
        )
        return response


class RecordViewSet(CSVLists, ApiBehaviour, viewsets.ReadOnlyModelViewSet):
    """Read-only list and detail by slug, listed in slug order unless `?ordering=` says otherwise."""

    lookup_field = "slug"
    ordering = ["slug"]
    detail_serializer_class = None
    # Query parameters a detail reads besides the common ones (the page cache keys on them too).
    detail_parameters = frozenset()

    def accepted_parameters(self):
        accepted = super().accepted_parameters()
        if (self.lookup_url_kwarg or self.lookup_field) in self.kwargs:  # a detail, whatever the method
            accepted |= set(self.detail_parameters)
        return accepted

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["lang"] = self.request.query_params.get("lang") if self.request else None
        return context
