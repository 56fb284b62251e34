from rest_framework import serializers

from actors.models import Organisation, Person, Place, Role
from networks.serializers import EmbeddedMembershipSerializer
from records.serializers import RecordSerializer, TranslatedField, record_fields, slug_field
from sources.serializers import SourcedRecordSerializer


class PlaceSerializer(RecordSerializer):
    name = TranslatedField()
    parent = slug_field(allow_null=True)

    class Meta:
        model = Place
        fields = record_fields(
            "name", "kind", "country", "parent", "latitude", "longitude", "population", "population_year"
        )


class PlaceDetailSerializer(PlaceSerializer, SourcedRecordSerializer):
    description = TranslatedField()
    memberships = EmbeddedMembershipSerializer(many=True, read_only=True)
    children = slug_field(many=True)

    class Meta(PlaceSerializer.Meta):
        fields = [
            *PlaceSerializer.Meta.fields,
            "population_source",
            "description",
            "memberships",
            "children",
            "citations",
            "claims",
        ]


class OrganisationSerializer(RecordSerializer):
    name = TranslatedField()

    class Meta:
        model = Organisation
        fields = record_fields("name", "acronym", "kind", "country", "website")


class OrganisationDetailSerializer(OrganisationSerializer, SourcedRecordSerializer):
    description = TranslatedField()
    memberships = EmbeddedMembershipSerializer(many=True, read_only=True)

    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "description", "memberships", "citations", "claims"]


class RoleSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    place = slug_field(allow_null=True)
    organisation = slug_field(allow_null=True)
    network = slug_field(allow_null=True)
    source = slug_field()

    class Meta:
        model = Role
        fields = [
            "title",
            "place",
            "organisation",
            "network",
            "start_year",
            "end_year",
            "source",
            "locator",
            "quote",
            "quote_translation",
        ]


class PersonSerializer(RecordSerializer):
    class Meta:
        model = Person
        fields = record_fields("name")


class PersonDetailSerializer(PersonSerializer, SourcedRecordSerializer):
    description = TranslatedField()
    roles = RoleSerializer(many=True, read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "description", "roles", "citations", "claims"]
