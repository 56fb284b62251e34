from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from networks.models import Declaration, Event, Forum, Membership, Network
from records.serializers import RecordSerializer, TranslatedField, record_fields, slug_field
from sources.models import Claim
from sources.serializers import ClaimedRecordSerializer, SourcedRecordSerializer


class MemberMixin(serializers.Serializer):
    member_type = serializers.SerializerMethodField()
    member = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "enum": ["place", "organisation", "network"]})
    def get_member_type(self, obj):
        return "place" if obj.place_id else "organisation" if obj.organisation_id else "network"

    @extend_schema_field(OpenApiTypes.STR)
    def get_member(self, obj):
        return obj.member.slug


# What a membership is, in the list, in the detail and embedded in a network or a place.
MEMBERSHIP_FIELDS = [
    "network",
    "member_type",
    "member",
    "role",
    "start_year",
    "end_year",
    "status",
    "status_as_of",
]


class MembershipSerializer(MemberMixin, RecordSerializer):
    network = slug_field()
    note = TranslatedField()

    class Meta:
        model = Membership
        fields = record_fields(*MEMBERSHIP_FIELDS, "note")


class MembershipDetailSerializer(MembershipSerializer, SourcedRecordSerializer):
    class Meta(MembershipSerializer.Meta):
        fields = [*MembershipSerializer.Meta.fields, "citations"]


class EmbeddedMembershipSerializer(MemberMixin, serializers.ModelSerializer):
    network = slug_field()

    class Meta:
        model = Membership
        fields = ["slug", *MEMBERSHIP_FIELDS]


class ReportedSizeSerializer(serializers.ModelSerializer):
    """The size a network reports, as a source gives it: the claim's value, number, year and source."""

    claim = serializers.CharField(source="slug", read_only=True)
    value = TranslatedField()
    source = slug_field()

    class Meta:
        model = Claim
        fields = ["value", "value_number", "as_of_year", "claim", "source", "disputed"]


class NetworkSerializer(ClaimedRecordSerializer):
    name = TranslatedField()
    parent = slug_field(allow_null=True)
    members_listed = serializers.IntegerField(
        read_only=True,
        help_text="How many members the sources name (each once; partners and observers are not "
        "members). Member lists hold what the five sources name, not complete registers.",
    )
    members_reported = ReportedSizeSerializer(
        read_only=True,
        allow_null=True,
        help_text="The network's size as the latest source reporting it gives it (null: no source does).",
    )

    class Meta:
        model = Network
        fields = record_fields(
            "name",
            "acronym",
            "scale",
            "origin",
            "scope",
            "in_typology_table",
            "country",
            "founded_year",
            "parent",
            "members_listed",
            "members_reported",
            "disputed_fields",
        )


class NetworkDetailSerializer(NetworkSerializer, SourcedRecordSerializer):
    typology_note = TranslatedField()
    membership_note = TranslatedField()
    summary = TranslatedField()
    history = TranslatedField()
    founded_place = slug_field(allow_null=True)
    supporters = slug_field(many=True)
    children = slug_field(many=True)
    memberships = EmbeddedMembershipSerializer(many=True, read_only=True)
    member_of = EmbeddedMembershipSerializer(source="network_memberships", many=True, read_only=True)

    class Meta(NetworkSerializer.Meta):
        fields = [
            *NetworkSerializer.Meta.fields,
            "typology_note",
            "founded_place",
            "supporters",
            "membership_mode",
            "membership_note",
            "summary",
            "history",
            "website",
            "children",
            "memberships",
            "member_of",
            "citations",
            "claims",
        ]


class ForumSerializer(ClaimedRecordSerializer):
    name = TranslatedField()

    class Meta:
        model = Forum
        fields = record_fields("name", "acronym", "kind", "founded_year", "disputed_fields")


class ForumDetailSerializer(ForumSerializer, SourcedRecordSerializer):
    description = TranslatedField()
    organisers = slug_field(many=True)
    networks = slug_field(many=True)
    events = slug_field(many=True)

    class Meta(ForumSerializer.Meta):
        fields = [
            *ForumSerializer.Meta.fields,
            "description",
            "organisers",
            "networks",
            "events",
            "citations",
            "claims",
        ]


class EventSerializer(ClaimedRecordSerializer):
    name = TranslatedField()
    forum = slug_field(allow_null=True)
    place = slug_field(allow_null=True)

    class Meta:
        model = Event
        fields = record_fields(
            "name", "forum", "edition", "year", "month", "end_year", "place", "disputed_fields"
        )


class EventDetailSerializer(EventSerializer, SourcedRecordSerializer):
    description = TranslatedField()
    outcome = TranslatedField()
    organisers = slug_field(many=True)
    organising_networks = slug_field(many=True)
    declarations = slug_field(many=True)

    class Meta(EventSerializer.Meta):
        fields = [
            *EventSerializer.Meta.fields,
            "description",
            "outcome",
            "organisers",
            "organising_networks",
            "declarations",
            "citations",
            "claims",
        ]


class DeclarationSerializer(ClaimedRecordSerializer):
    name = TranslatedField()
    event = slug_field(allow_null=True)
    place = slug_field(allow_null=True)

    class Meta:
        model = Declaration
        fields = record_fields("name", "kind", "year", "event", "place", "disputed_fields")


class DeclarationDetailSerializer(DeclarationSerializer, SourcedRecordSerializer):
    description = TranslatedField()
    adopted_by_organisations = slug_field(many=True)
    adopted_by_networks = slug_field(many=True)
    adopted_by_places = slug_field(many=True)

    class Meta(DeclarationSerializer.Meta):
        fields = [
            *DeclarationSerializer.Meta.fields,
            "description",
            "url",
            "adopted_by_organisations",
            "adopted_by_networks",
            "adopted_by_places",
            "citations",
            "claims",
        ]
