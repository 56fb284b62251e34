"""The pages of the sources."""

from django.views.generic import ListView

from records.views import RecordDetailView
from sources.models import Source


class SourceListView(ListView):
    model = Source
    template_name = "sources/source_list.html"

    def get_queryset(self):
        return Source.objects.published()


class SourceDetailView(RecordDetailView):
    model = Source

    def get_queryset(self):
        return super().get_queryset().for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["citations"] = self.object.citations.all()
        return context
