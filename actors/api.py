from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from actors import serializers
from actors.compare import MAX_PLACES, MIN_PLACES, compare, requested_slugs
from actors.filters import OrganisationFilter, PersonFilter, PlaceCompareFilter, PlaceFilter
from actors.models import Organisation, Person, Place
from records.viewsets import ApiBehaviour
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


class PlaceCompareView(ApiBehaviour, APIView):
    """Two to four places side by side, as the comparison page shows them: each place with its
    memberships, fiches, events hosted, declarations adopted, people's dated roles and disputed
    claims, and one row per network any of them belongs to with each place's memberships of it."""

    filterset_class = PlaceCompareFilter  # `place` (and its French name `lieu`): strict parameters, cache
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="places_compare",
        parameters=[
            OpenApiParameter(
                "place",
                {
                    "type": "array",
                    "items": {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"},
                    "minItems": MIN_PLACES,
                    "maxItems": MAX_PLACES,
                    "uniqueItems": True,
                },
                required=True,
                explode=True,
                description="A place's slug, two to four times (`?place=grenoble&place=lyon`); also read "
                "comma-separated (`?place=grenoble,lyon`), and as `lieu`. Columns come in this order. "
                "Fewer than two, more than four or a slug named twice is a 400; a slug that names no "
                "published place, a 404 naming it.",
            ),
        ],
        responses=serializers.PlaceComparisonSerializer,
    )
    def get(self, request):
        comparison = compare(requested_slugs(request.query_params, "en"))
        if comparison.errors:
            raise exceptions.ValidationError({"place": comparison.errors})
        if comparison.unknown:  # as a filter naming no record (?member=atlantis): 404
            raise exceptions.NotFound(" ".join(comparison.messages))
        if comparison.too_few:
            raise exceptions.ValidationError({"place": [comparison.too_few_message()]})
        context = {"request": request, "lang": request.query_params.get("lang")}
        return Response(serializers.PlaceComparisonSerializer(comparison, context=context).data)
