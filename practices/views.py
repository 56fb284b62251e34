from django.db.models import Case, CharField, Q, Value, When
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

    def get_facets(self):
        population = "places__population"
        size = Case(
            When(**{f"{population}__lt": 10_000}, then=Value(Place.SizeBand.SMALL)),
            When(**{f"{population}__lt": 100_000}, then=Value(Place.SizeBand.MEDIUM)),
            When(**{f"{population}__lt": 1_000_000}, then=Value(Place.SizeBand.LARGE)),
            When(**{f"{population}__isnull": False}, then=Value(Place.SizeBand.VERY_LARGE)),
            default=Value(""),
            output_field=CharField(),
        )
        return [
            Facet("theme", _("theme"), "themes__slug", label_field="themes__name"),
            Facet("country", _("country"), "country", label_function=country_name),
            Facet(
                "size",
                _("size of the place"),
                size,
                alias="size_band",
                choices=dict(Place.SizeBand.choices),
                # Few places have a population (editors' reference data): count from those.
                only=Q(**{f"{population}__isnull": False}),
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
