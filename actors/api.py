from django.db.models import Prefetch

from actors import serializers
from actors.filters import OrganisationFilter, PersonFilter, PlaceFilter
from actors.models import Organisation, Person, Place, Role
from config.viewsets import RecordViewSet
from networks.api import memberships
from sources.models import citations_prefetch as citations
from sources.models import claims_prefetch as claims


class PlaceViewSet(RecordViewSet):
    """Cities, towns, villages, arrondissements, regions… (coordinates are editors' reference data)."""

    serializer_class = serializers.PlaceSerializer
    detail_serializer_class = serializers.PlaceDetailSerializer
    filterset_class = PlaceFilter
    ordering_fields = ["slug", "name_fr", "name_en", "country", "kind", "population"]
    ordering = ["slug"]

    def get_queryset(self):
        queryset = Place.objects.published().select_related("parent")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("children", memberships(), citations(), claims())
        return queryset


class OrganisationViewSet(RecordViewSet):
    """International organisations, UN agencies, NGOs, donors, research bodies, parties."""

    serializer_class = serializers.OrganisationSerializer
    detail_serializer_class = serializers.OrganisationDetailSerializer
    filterset_class = OrganisationFilter
    ordering_fields = ["slug", "name_fr", "name_en", "kind", "country"]
    ordering = ["slug"]

    def get_queryset(self):
        queryset = Organisation.objects.published()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(memberships(), citations(), claims())
        return queryset


class PersonViewSet(RecordViewSet):
    """Mayors, officials and activists named as actors, with dated roles."""

    serializer_class = serializers.PersonSerializer
    detail_serializer_class = serializers.PersonDetailSerializer
    filterset_class = PersonFilter
    ordering_fields = ["slug", "name"]
    ordering = ["slug"]

    def get_queryset(self):
        queryset = Person.objects.published()
        if self.action == "retrieve":
            roles = Prefetch(
                "roles", queryset=Role.objects.select_related("place", "organisation", "network", "source")
            )
            queryset = queryset.prefetch_related(roles, citations(), claims())
        return queryset
