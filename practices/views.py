from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.models import Place
from practices.filters import PracticeFilter
from practices.models import Practice
from records.countries import country_name
from records.facets import Facet
from records.views import FilteredListView, RecordDetailView


class PracticeListView(FilteredListView):
    model = Practice
    filterset_class = PracticeFilter

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.filterset.like_context())
        return context

    def get_facets(self):
        return [
            Facet("theme", _("theme"), "themes__slug", label_field="themes__name"),
            Facet("country", _("country"), "country", label_function=country_name),
            Facet(
                "size",
                _("size of the place"),
                "places__size_band",
                choices=dict(Place.SizeBand.choices),
                # Places whose size is known or estimated by the editors: count from those.
                only=~Q(places__size_band=""),
            ),
            Facet("family", _("family"), "family", choices=dict(Practice.Family.choices)),
            Facet("status", _("status"), "status", choices=dict(Practice.Status.choices)),
            Facet(
                "place_network",
                _("network of the place"),
                "places__memberships__network__slug",
                label_field="places__memberships__network__name",
            ),
        ]


class PracticeDetailView(RecordDetailView):
    model = Practice

    def get_queryset(self):
        return super().get_queryset().for_detail()
