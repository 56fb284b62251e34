from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from networks.models import Declaration, Event, Forum, Membership, Network
from records.serializers import RecordSerializer, TranslatedField, record_fields, slug_field
from sources.serializers import SourcedRecordSerializer


class MemberMixin(serializers.Serializer):
    member_type = serializers.SerializerMethodField()
    member = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "enum": ["place", "organisation", "network"]})
    def get_member_type(self, obj):
        return "place" if obj.place_id else "organisation" if obj.organisation_id else "network"

    @extend_schema_field(OpenApiTypes.STR)
    def get_member(self, obj):
        return obj.member.slug


class MembershipSerializer(MemberMixin, RecordSerializer):
    network = slug_field()
    note = TranslatedField()

    class Meta:
        model = Membership
        fields = record_fields("network", "member_type", "member", "role", "start_year", "end_year", "note")


class MembershipDetailSerializer(MembershipSerializer, SourcedRecordSerializer):
    class Meta(MembershipSerializer.Meta):
        fields = [*MembershipSerializer.Meta.fields, "citations"]


class EmbeddedMembershipSerializer(MemberMixin, serializers.ModelSerializer):
    network = slug_field()

    class Meta:
        model = Membership
        fields = ["slug", "network", "member_type", "member", "role", "start_year", "end_year"]


class NetworkSerializer(RecordSerializer):
    name = TranslatedField()
    parent = slug_field(allow_null=True)

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


class ForumSerializer(RecordSerializer):
    name = TranslatedField()

    class Meta:
        model = Forum
        fields = record_fields("name", "acronym", "kind", "founded_year")


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


class EventSerializer(RecordSerializer):
    name = TranslatedField()
    forum = slug_field(allow_null=True)
    place = slug_field(allow_null=True)

    class Meta:
        model = Event
        fields = record_fields("name", "forum", "edition", "year", "month", "end_year", "place")


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


class DeclarationSerializer(RecordSerializer):
    name = TranslatedField()
    event = slug_field(allow_null=True)
    place = slug_field(allow_null=True)

    class Meta:
        model = Declaration
        fields = record_fields("name", "kind", "year", "event", "place")


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
