from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView, ListView

from config.api_base import without_nul
from sources.facets import facets_context
from sources.models import SlugRedirect, Source


class RecordDetailView(DetailView):
    """A record page by slug; a renamed record's former slug redirects (301) to the current one."""

    def get_queryset(self):
        return self.model.objects.published()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            redirect = SlugRedirect.objects.filter(
                model=self.model._meta.label_lower, old_slug=kwargs.get("slug")
            ).first()
            if redirect is None:
                raise
            target = self.get_queryset().filter(slug=redirect.new_slug).first()
            if target is None:
                raise
            return HttpResponsePermanentRedirect(target.get_absolute_url())


class FilteredListView(ListView):
    """A list page driven by the model's FilterSet (the same one the API uses), with facets and counts."""

    filterset_class = None
    paginate_by = 50

    def get_facets(self):
        return []

    def get_base_queryset(self):
        return self.model.objects.published().for_listing()

    def get_queryset(self):
        self.filterset = self.filterset_class(
            without_nul(self.request.GET) or None, queryset=self.get_base_queryset(), request=self.request
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            return self.get_base_queryset().none()
        return self.filterset.qs

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.filterset.is_bound and not self.filterset.is_valid():
            response.status_code = 400  # the page shows which parameter is wrong
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filterset"] = self.filterset
        valid = not self.filterset.is_bound or self.filterset.is_valid()
        filtered = self.filterset.qs if valid else self.model.objects.none()
        context["facets"] = facets_context(
            self.get_facets(), self.filterset_class, self.request, self.model.objects.published(), filtered
        )
        context["search_query"] = self.request.GET.get("search", "")
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class SourceListView(ListView):
    model = Source
    template_name = "sources/source_list.html"

    def get_queryset(self):
        return Source.objects.published()


class SourceDetailView(RecordDetailView):
    model = Source

    def get_context_data(self, **kwargs):
        from sources.models import Citation

        context = super().get_context_data(**kwargs)
        context["citations"] = Citation.objects.filter(source=self.object).with_targets()
        return context
