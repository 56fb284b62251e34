from django.db.models import Prefetch

from networks import serializers
from networks.filters import DeclarationFilter, EventFilter, ForumFilter, MembershipFilter, NetworkFilter
from networks.models import Declaration, Event, Forum, Membership, Network, memberships_prefetch
from records.viewsets import RecordViewSet
from sources.api import ClaimedRecordViewSet


class NetworkViewSet(ClaimedRecordViewSet):
    """Networks with Lacroix's typology (scale, origin, scope)."""

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
            return (
                Network.objects.published()
                .for_detail()
                .with_members_listed()
                .prefetch_related(memberships_prefetch())
            )
        return Network.objects.published().select_related("parent").with_coverage()


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
