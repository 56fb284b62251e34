from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from actors.compare import MAX_PLACES, MIN_PLACES, compare, compare_url, parameter_name, requested_slugs
from actors.filters import OrganisationFilter, PersonFilter, PlaceCompareFilter, PlaceFilter
from actors.models import Organisation, Person, Place, Role
from actors.similarity import similar_places
from records.countries import country_name
from records.facets import Facet
from records.models import without_drafts_in
from records.views import FilteredListView, RecordDetailView


class PlaceListView(FilteredListView):
    model = Place
    filterset_class = PlaceFilter

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.filterset.like_context())
        if context.get("similarities"):  # the reasons beside each place
            for place in context["object_list"]:
                place.similarity = context["similarities"].get(place.pk)
        query = self.request.GET.copy()
        for name in list(query):  # the API refuses what it does not read (a page's ?utm_source=)
            if name not in PlaceFilter.base_filters:
                query.pop(name)
        context["map_url"] = reverse("api:places-geojson") + (f"?{query.urlencode()}" if query else "")
        return context

    def get_facets(self):
        return [
            Facet("country", _("country"), "country", label_function=country_name),
            Facet("kind", _("kind"), "kind", choices=dict(Place.Kind.choices)),
            Facet("size", _("size of the place"), "size_band", choices=dict(Place.SizeBand.choices)),
            Facet(
                "network",
                _("network"),
                "memberships__network__slug",
                label_field="memberships__network__name",
            ),
        ]


class PlaceDetailView(RecordDetailView):
    model = Place

    def get_queryset(self):
        # A role of a person in preparation is not listed (a public request reads the person as None).
        roles = Prefetch(
            "roles", queryset=without_drafts_in(Role.objects.select_related("person"), ["person"])
        )
        return super().get_queryset().for_detail().prefetch_related(roles, "practices", "events")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["similar_places"] = similar_places(self.object)
        return context


class OrganisationDetailView(RecordDetailView):
    model = Organisation

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .for_detail()
            .prefetch_related("supported_networks", "forums", "events", "practices")
        )


class PersonDetailView(RecordDetailView):
    model = Person

    def get_queryset(self):
        return super().get_queryset().for_detail().prefetch_related("practices")


class OrganisationListView(FilteredListView):
    model = Organisation
    filterset_class = OrganisationFilter

    def get_facets(self):
        return [
            Facet("kind", _("kind"), "kind", choices=dict(Organisation.Kind.choices)),
            Facet("country", _("country"), "country", label_function=country_name),
        ]


class PersonListView(FilteredListView):
    model = Person
    filterset_class = PersonFilter

    def get_base_queryset(self):
        return Person.objects.published().prefetch_related(
            Prefetch("roles", queryset=Role.objects.select_related("place", "organisation", "network"))
        )


class PlaceCompareView(TemplateView):
    """Two to four places side by side (?lieu=grenoble&lieu=lyon, ?place= in English; both read), a
    row per fact; each column's "remove" link and the form that adds a place work without JavaScript.
    Fewer than two places is the page asking for more (200); more than four, a place named twice or
    an unknown one is a 400 that says which, above the same form."""

    template_name = "actors/place_compare.html"
    filterset_class = PlaceCompareFilter  # its parameters: the page cache keys on them

    def get(self, request, *args, **kwargs):
        self.comparison = compare(requested_slugs(request.GET))
        response = super().get(request, *args, **kwargs)
        if self.comparison.messages:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comparison = self.comparison
        chosen = [place.slug for place in comparison.places]
        can_add = len(chosen) < MAX_PLACES and not comparison.too_many
        context.update(
            comparison=comparison,
            columns=[
                {"place": place, "remove_url": compare_url(comparison.slugs_without(place))}
                for place in comparison.places
            ],
            network_rows=comparison.network_rows(),
            parameter=parameter_name(),
            chosen=chosen,
            # Two pickers on an empty page (a comparison needs two places), one otherwise.
            pickers=range(max(1, MIN_PLACES - len(chosen))) if can_add else range(0),
            choices=(
                Place.objects.published()
                .exclude(slug__in=chosen)
                .only("slug", "name_fr", "name_en", "country")
                .order_by("name", "slug")
                if can_add
                else []
            ),
            names=", ".join(place.name for place in comparison.shown_places),
            permalink=self.request.build_absolute_uri(compare_url(chosen)),
            selection_path=compare_url(chosen),  # hreflang and canonical keep the places
            max_places=MAX_PLACES,
        )
        return context
