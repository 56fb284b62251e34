from django.db.models import Prefetch

from practices.filters import PracticeFilter
from practices.models import Practice, PracticeQuote
from sources.models import Citation, Claim
from sources.views import FilteredListView, RecordDetailView


class PracticeListView(FilteredListView):
    model = Practice
    filterset_class = PracticeFilter


class PracticeDetailView(RecordDetailView):
    model = Practice

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "places",
                "themes",
                "networks",
                "organisations",
                "people",
                "key_figures",
                "further_reading",
                Prefetch("quotes", queryset=PracticeQuote.objects.select_related("source", "speaker")),
                Prefetch("citations", queryset=Citation.objects.select_related("source")),
                Prefetch("claims", queryset=Claim.objects.published().select_related("source")),
            )
        )
