from practices import serializers
from practices.filters import PracticeFilter, ThemeFilter
from practices.models import Practice, Theme
from records.viewsets import RecordViewSet
from sources.api import ClaimedRecordViewSet


class PracticeViewSet(ClaimedRecordViewSet):
    """Good-practice fiches: what, how, outcome, takeaways, figures, quotes, links."""

    serializer_class = serializers.PracticeSerializer
    detail_serializer_class = serializers.PracticeDetailSerializer
    filterset_class = PracticeFilter
    ordering_fields = ["slug", "number", "title_fr", "title_en", "period_start", "status"]

    def get_queryset(self):
        if self.action == "retrieve":
            return Practice.objects.published().for_detail()
        return Practice.objects.published().for_listing()


class ThemeViewSet(RecordViewSet):
    """The controlled list of themes that classify the fiches."""

    serializer_class = serializers.ThemeSerializer
    filterset_class = ThemeFilter
    ordering_fields = ["slug", "name_fr", "name_en"]

    def get_queryset(self):
        return Theme.objects.published()
