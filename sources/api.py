from django.db.models import Prefetch

from config.viewsets import RecordViewSet
from sources import serializers
from sources.filters import ClaimFilter, SourceFilter
from sources.models import Citation, Claim, Source


class SourceViewSet(RecordViewSet):
    """The five source documents; a source's detail lists every record that cites it."""

    serializer_class = serializers.SourceSerializer
    detail_serializer_class = serializers.SourceDetailSerializer
    filterset_class = SourceFilter
    ordering_fields = ["slug", "year"]
    ordering = ["slug"]

    def get_queryset(self):
        queryset = Source.objects.published()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("citations", queryset=Citation.objects.with_targets())
            )
        return queryset


class ClaimViewSet(RecordViewSet):
    """Dated, sourced values; disagreeing sources give several claims, all kept."""

    serializer_class = serializers.ClaimSerializer
    filterset_class = ClaimFilter
    ordering_fields = ["slug", "kind", "as_of_year"]
    ordering = ["slug"]

    def get_queryset(self):
        return Claim.objects.published().for_listing()
