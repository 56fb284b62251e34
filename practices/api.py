from django.db.models import Prefetch

from config.viewsets import RecordViewSet
from practices import serializers
from practices.filters import PracticeFilter, ThemeFilter
from practices.models import KeyFigure, Practice, PracticeQuote, Theme
from sources.models import citations_prefetch as citations
from sources.models import claims_prefetch as claims


class PracticeViewSet(RecordViewSet):
    """Good-practice fiches: what, how, outcome, takeaways, figures, quotes, links."""

    serializer_class = serializers.PracticeSerializer
    detail_serializer_class = serializers.PracticeDetailSerializer
    filterset_class = PracticeFilter
    ordering_fields = ["slug", "number", "title_fr", "title_en", "period_start", "status"]
    ordering = ["slug"]

    def get_queryset(self):
        queryset = Practice.objects.published().prefetch_related("places", "themes")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                "networks",
                "organisations",
                "people",
                "further_reading",
                Prefetch("key_figures", queryset=KeyFigure.objects.select_related("source")),
                Prefetch("quotes", queryset=PracticeQuote.objects.select_related("source", "speaker")),
                citations(),
                claims(),
            )
        return queryset


class ThemeViewSet(RecordViewSet):
    """The controlled list of themes that classify the fiches."""

    serializer_class = serializers.ThemeSerializer
    filterset_class = ThemeFilter
    ordering_fields = ["slug", "name_fr", "name_en"]
    ordering = ["slug"]

    def get_queryset(self):
        return Theme.objects.published()
