from rest_framework import viewsets

from records.viewsets import ApiBehaviour, CSVLists, RecordViewSet
from sources import serializers
from sources.filters import CitationFilter, ClaimFilter, SourceFilter
from sources.models import Citation, Claim, Source, disputed_claims_prefetch


class ClaimedRecordViewSet(RecordViewSet):
    """The resource of a kind claims can be about: a list reads its records' disputed claims in one
    more query, for `disputed_fields` (a detail has them among its claims)."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.action == "list":
            queryset = queryset.prefetch_related(disputed_claims_prefetch())
        return queryset


class SourceViewSet(RecordViewSet):
    """The five source documents; a source's detail lists every record that cites it."""

    serializer_class = serializers.SourceSerializer
    detail_serializer_class = serializers.SourceDetailSerializer
    filterset_class = SourceFilter
    ordering_fields = ["slug", "year"]

    def get_queryset(self):
        if self.action == "retrieve":
            return Source.objects.published().for_detail()
        return Source.objects.published()


class ClaimViewSet(RecordViewSet):
    """Dated, sourced values; disagreeing sources give several claims, all kept."""

    serializer_class = serializers.ClaimSerializer
    filterset_class = ClaimFilter
    ordering_fields = ["slug", "kind", "as_of_year"]

    def get_queryset(self):
        return Claim.objects.published().for_listing()


class CitationViewSet(CSVLists, ApiBehaviour, viewsets.ReadOnlyModelViewSet):
    """Every citation of a published record, in one list: the record, the source, the locator, the
    verbatim quote with its language and translation, and the field it supports where it supports one."""

    serializer_class = serializers.CitationRecordSerializer
    filterset_class = CitationFilter
    ordering = ["id"]
    ordering_fields = ["id"]

    def get_queryset(self):
        return Citation.objects.for_listing()
