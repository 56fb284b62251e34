from actors import serializers
from actors.filters import OrganisationFilter, PersonFilter, PlaceFilter
from actors.models import Organisation, Person, Place
from sources.api import ClaimedRecordViewSet


class PlaceViewSet(ClaimedRecordViewSet):
    """Cities, towns, villages, arrondissements, regions… (coordinates are editors' reference data)."""

    serializer_class = serializers.PlaceSerializer
    detail_serializer_class = serializers.PlaceDetailSerializer
    filterset_class = PlaceFilter
    ordering_fields = ["slug", "name_fr", "name_en", "country", "kind", "size_band", "population"]

    def get_queryset(self):
        if self.action == "retrieve":
            return Place.objects.published().for_detail()
        return Place.objects.published().for_listing()


class OrganisationViewSet(ClaimedRecordViewSet):
    """International organisations, UN agencies, NGOs, donors, research bodies, parties."""

    serializer_class = serializers.OrganisationSerializer
    detail_serializer_class = serializers.OrganisationDetailSerializer
    filterset_class = OrganisationFilter
    ordering_fields = ["slug", "name_fr", "name_en", "kind", "country"]

    def get_queryset(self):
        if self.action == "retrieve":
            return Organisation.objects.published().for_detail()
        return Organisation.objects.published()


class PersonViewSet(ClaimedRecordViewSet):
    """Mayors, officials and activists named as actors, with dated roles."""

    serializer_class = serializers.PersonSerializer
    detail_serializer_class = serializers.PersonDetailSerializer
    filterset_class = PersonFilter
    ordering_fields = ["slug", "name"]

    def get_queryset(self):
        if self.action == "retrieve":
            return Person.objects.published().for_detail()
        return Person.objects.published()  # the list shows no roles: not `for_listing`
