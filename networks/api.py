from django.db.models import Prefetch

from config.viewsets import RecordViewSet
from networks import serializers
from networks.filters import DeclarationFilter, EventFilter, ForumFilter, MembershipFilter, NetworkFilter
from networks.models import Declaration, Event, Forum, Membership, Network
from sources.models import citations_prefetch as citations
from sources.models import claims_prefetch as claims


def memberships(field="memberships"):
    return Prefetch(
        field,
        queryset=Membership.objects.published().select_related(
            "network", "place", "organisation", "member_network"
        ),
    )


class NetworkViewSet(RecordViewSet):
    """Networks with Lacroix's typology (scale, origin, scope)."""

    serializer_class = serializers.NetworkSerializer
    detail_serializer_class = serializers.NetworkDetailSerializer
    filterset_class = NetworkFilter
    ordering_fields = ["slug", "name_fr", "name_en", "founded_year", "scale", "origin", "scope"]
    ordering = ["slug"]

    def get_queryset(self):
        queryset = Network.objects.published().select_related("parent")
        if self.action == "retrieve":
            queryset = queryset.select_related("founded_place").prefetch_related(
                "supporters",
                "children",
                memberships(),
                memberships("network_memberships"),
                citations(),
                claims(),
            )
        return queryset


class MembershipViewSet(RecordViewSet):
    """Who belongs to which network, in which role, since and until when."""

    serializer_class = serializers.MembershipSerializer
    detail_serializer_class = serializers.MembershipDetailSerializer
    filterset_class = MembershipFilter
    ordering_fields = ["slug", "start_year", "end_year", "role"]
    ordering = ["slug"]

    def get_queryset(self):
        queryset = Membership.objects.published().for_listing()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(citations())
        return queryset


class ForumViewSet(RecordViewSet):
    """Forum series: the Global Mayoral Forum, the GFMD, the Rabat Process…"""

    serializer_class = serializers.ForumSerializer
    detail_serializer_class = serializers.ForumDetailSerializer
    filterset_class = ForumFilter
    ordering_fields = ["slug", "founded_year", "name_fr", "name_en"]
    ordering = ["slug"]

    def get_queryset(self):
        queryset = Forum.objects.published()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("organisers", "networks", "events", citations(), claims())
        return queryset


class EventViewSet(RecordViewSet):
    """Editions of forums, summits, conventions and meetings."""

    serializer_class = serializers.EventSerializer
    detail_serializer_class = serializers.EventDetailSerializer
    filterset_class = EventFilter
    ordering_fields = ["slug", "year", "name_fr", "name_en"]
    ordering = ["year", "slug"]

    def get_queryset(self):
        queryset = Event.objects.published().for_listing()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                "organisers", "organising_networks", "declarations", citations(), claims()
            )
        return queryset


class DeclarationViewSet(RecordViewSet):
    """Declarations, charters, pacts, strategies, laws and tools."""

    serializer_class = serializers.DeclarationSerializer
    detail_serializer_class = serializers.DeclarationDetailSerializer
    filterset_class = DeclarationFilter
    ordering_fields = ["slug", "year", "name_fr", "name_en"]
    ordering = ["slug"]

    def get_queryset(self):
        queryset = Declaration.objects.published().for_listing()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                "adopted_by_organisations", "adopted_by_networks", "adopted_by_places", citations(), claims()
            )
        return queryset
