from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actors.filters import OrganisationFilter, PersonFilter, PlaceFilter
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
