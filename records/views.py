"""The views every record's pages are built on: a detail page by slug, a filtered list with facets."""

from django.views.generic import DetailView, ListView

from records.facets import facets_context
from records.filters import without_nul


class RecordDetailView(DetailView):
    """A published record's page by slug (a renamed record's former slug is redirected to the current
    one by sources.middleware.SlugRedirectMiddleware)."""

    def get_queryset(self):
        return self.model.objects.published()


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
