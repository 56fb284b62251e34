from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions

from networks import serializers
from networks.filters import DeclarationFilter, EventFilter, ForumFilter, MembershipFilter, NetworkFilter
from networks.models import Declaration, Event, Forum, Membership, Network
from records.viewsets import RecordViewSet
from sources.api import ClaimedRecordViewSet

AS_OF = OpenApiParameter(
    "as_of",
    OpenApiTypes.INT,
    description="Only the embedded `memberships` held in that year: begun by then and not ended before "
    "it (memberships without a start year are left out; `member_of` and `members_listed` are unchanged).",
)


@extend_schema_view(retrieve=extend_schema(parameters=[AS_OF]))
class NetworkViewSet(ClaimedRecordViewSet):
    """Networks with Lacroix's typology (scale, origin, scope)."""

    detail_parameters = {"as_of"}

    serializer_class = serializers.NetworkSerializer
    detail_serializer_class = serializers.NetworkDetailSerializer
    filterset_class = NetworkFilter
    ordering_fields = [
        "slug",
        "name_fr",
        "name_en",
        "founded_year",
        "scale",
        "origin",
        "scope",
        "members_listed",
    ]

    def get_queryset(self):
        if self.action == "retrieve":
            memberships = Prefetch("memberships", queryset=self.embedded_memberships())
            return (
                Network.objects.published().for_detail().with_members_listed().prefetch_related(memberships)
            )
        return Network.objects.published().select_related("parent").with_coverage()

    def embedded_memberships(self):
        """The detail's memberships: all the published ones, or with `?as_of=YEAR` those held in that
        year, by the memberships' own `as_of` filter (a bad year is a 400 naming it)."""
        memberships = Membership.objects.published().for_listing()
        year = self.request.query_params.get("as_of")
        if year is None:
            return memberships
        if year == "":
            raise exceptions.ValidationError({"as_of": [_("A value is required.")]})
        filterset = MembershipFilter({"as_of": year}, queryset=memberships)
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        return filterset.qs


class MembershipViewSet(RecordViewSet):
    """Who belongs to which network, in which role, since and until when."""

    serializer_class = serializers.MembershipSerializer
    detail_serializer_class = serializers.MembershipDetailSerializer
    filterset_class = MembershipFilter
    ordering_fields = ["slug", "start_year", "end_year", "role", "status"]

    def get_queryset(self):
        if self.action == "retrieve":
            return Membership.objects.published().for_detail()
        return Membership.objects.published().for_listing()


class ForumViewSet(ClaimedRecordViewSet):
    """Forum series: the Global Mayoral Forum, the GFMD, the Rabat Process…"""

    serializer_class = serializers.ForumSerializer
    detail_serializer_class = serializers.ForumDetailSerializer
    filterset_class = ForumFilter
    ordering_fields = ["slug", "founded_year", "name_fr", "name_en"]

    def get_queryset(self):
        if self.action == "retrieve":
            events = Prefetch("events", queryset=Event.objects.published())
            return Forum.objects.published().for_detail().prefetch_related(events)
        return Forum.objects.published()


class EventViewSet(ClaimedRecordViewSet):
    """Editions of forums, summits, conventions and meetings."""

    serializer_class = serializers.EventSerializer
    detail_serializer_class = serializers.EventDetailSerializer
    filterset_class = EventFilter
    ordering_fields = ["slug", "year", "name_fr", "name_en"]
    ordering = ["year", "slug"]

    def get_queryset(self):
        if self.action == "retrieve":
            return Event.objects.published().for_detail()
        return Event.objects.published().for_listing()


class DeclarationViewSet(ClaimedRecordViewSet):
    """Declarations, charters, pacts, strategies, laws and tools."""

    serializer_class = serializers.DeclarationSerializer
    detail_serializer_class = serializers.DeclarationDetailSerializer
    filterset_class = DeclarationFilter
    ordering_fields = ["slug", "year", "name_fr", "name_en"]

    def get_queryset(self):
        if self.action == "retrieve":
            return Declaration.objects.published().for_detail()
        return Declaration.objects.published().for_listing()
