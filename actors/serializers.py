from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actors.models import Organisation, Person, Place, Role
from actors.similarity import SHOWN, WEIGHTS, similar_places
from networks.serializers import EmbeddedMembershipSerializer
from records.serializers import (
    TRANSLATED_SCHEMA,
    TranslatedField,
    record_fields,
    slug_field,
)
from sources.serializers import (
    QUOTE_FIELDS,
    ClaimedRecordSerializer,
    EmbeddedClaimSerializer,
    QuoteFields,
    SourcedRecordSerializer,
)

REFERENCE_NOTE = _("editors' reference data, not taken from the sources")
REFERENCE_DATA_SCHEMA = {
    "type": "object",
    "nullable": True,
    "description": "Which of the place's columns are the editors' reference data (not taken from the "
    "sources), and the year they were checked in. A population is never one: it is given with its own "
    "year and source.",
    "properties": {
        "fields": {"type": "array", "items": {"type": "string"}},
        "year": {"type": "integer"},
        "note": TRANSLATED_SCHEMA,
    },
}
SIMILAR_SCHEMA = {
    "type": "array",
    "description": f"Up to {SHOWN} places like this one, most similar first: the score is the sum of the "
    "weights of what they share (docs/similarity.md), each reason with its code, weight and words.",
    "items": {
        "type": "object",
        "properties": {
            "slug": {"type": "string"},
            "score": {"type": "integer"},
            "reasons": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string", "enum": list(WEIGHTS)},
                        "weight": {"type": "integer"},
                        "text": TRANSLATED_SCHEMA,
                    },
                },
            },
        },
    },
}


class PlaceSerializer(ClaimedRecordSerializer):
    name = TranslatedField()
    parent = slug_field(allow_null=True)
    size_band_estimated = serializers.BooleanField(source="size_is_estimate", read_only=True)
    reference_data = serializers.SerializerMethodField()

    class Meta:
        model = Place
        fields = record_fields(
            "name",
            "kind",
            "country",
            "parent",
            "latitude",
            "longitude",
            "size_band",
            "size_band_estimated",
            "population",
            "population_year",
            "population_source",
            "reference_data",
            "disputed_fields",
        )

    @extend_schema_field(REFERENCE_DATA_SCHEMA)
    def get_reference_data(self, place):
        if place.reference_year is None:
            return None
        fields = ["country", *(["latitude", "longitude"] if place.latitude is not None else [])]
        if place.size_is_estimate:
            fields.append("size_band")
        with translation.override("fr"):
            note_fr = str(REFERENCE_NOTE)
        with translation.override("en"):
            note_en = str(REFERENCE_NOTE)
        lang = self.context.get("lang")
        note = {"fr": note_fr, "en": note_en}
        return {"fields": fields, "year": place.reference_year, "note": note[lang] if lang else note}


class PlaceDetailSerializer(PlaceSerializer, SourcedRecordSerializer):
    description = TranslatedField()
    memberships = EmbeddedMembershipSerializer(many=True, read_only=True)
    children = slug_field(many=True)
    similar = serializers.SerializerMethodField()

    class Meta(PlaceSerializer.Meta):
        fields = [
            *PlaceSerializer.Meta.fields,
            "description",
            "memberships",
            "children",
            "similar",
            "citations",
            "claims",
        ]

    @extend_schema_field(SIMILAR_SCHEMA)
    def get_similar(self, place):
        lang = self.context.get("lang")
        return [
            {
                "slug": similarity.place.slug,
                "score": similarity.score,
                "reasons": [
                    {
                        "code": reason.code,
                        "weight": reason.weight,
                        "text": reason.texts()[lang] if lang else reason.texts(),
                    }
                    for reason in similarity.reasons
                ],
            }
            for similarity in similar_places(place)
        ]


class OrganisationSerializer(ClaimedRecordSerializer):
    name = TranslatedField()

    class Meta:
        model = Organisation
        fields = record_fields("name", "acronym", "kind", "country", "website", "disputed_fields")


class OrganisationDetailSerializer(OrganisationSerializer, SourcedRecordSerializer):
    description = TranslatedField()
    memberships = EmbeddedMembershipSerializer(many=True, read_only=True)

    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "description", "memberships", "citations", "claims"]


class RoleSerializer(QuoteFields, serializers.ModelSerializer):
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
            *QUOTE_FIELDS,
        ]


class PersonSerializer(ClaimedRecordSerializer):
    class Meta:
        model = Person
        fields = record_fields("name", "disputed_fields")


class PersonDetailSerializer(PersonSerializer, SourcedRecordSerializer):
    description = TranslatedField()
    roles = RoleSerializer(many=True, read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "description", "roles", "citations", "claims"]


class ComparedPracticeSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    title = TranslatedField()


class ComparedDatedRecordSerializer(serializers.Serializer):
    """An event a place hosted, a declaration it adopted."""

    slug = serializers.CharField(read_only=True)
    name = TranslatedField()
    year = serializers.IntegerField(read_only=True, allow_null=True)


class ComparedRoleSerializer(RoleSerializer):
    person = slug_field()
    person_name = serializers.CharField(source="person.name", read_only=True)

    class Meta(RoleSerializer.Meta):
        fields = ["person", "person_name", "title", "start_year", "end_year", "source", *QUOTE_FIELDS]


class ComparedPlaceSerializer(PlaceSerializer):
    """A column of the comparison: the place, its memberships, fiches, events hosted, declarations
    adopted, people's dated roles and its disputed claims."""

    memberships = EmbeddedMembershipSerializer(many=True, read_only=True)
    practices = ComparedPracticeSerializer(many=True, read_only=True)
    events_hosted = ComparedDatedRecordSerializer(many=True, read_only=True, source="events")
    declarations_adopted = ComparedDatedRecordSerializer(
        many=True, read_only=True, source="adopted_declarations"
    )
    roles = ComparedRoleSerializer(many=True, read_only=True)
    disputed_claims = EmbeddedClaimSerializer(many=True, read_only=True)

    class Meta(PlaceSerializer.Meta):
        fields = [
            *PlaceSerializer.Meta.fields,
            "memberships",
            "practices",
            "events_hosted",
            "declarations_adopted",
            "roles",
            "disputed_claims",
        ]


class ComparedNetworkNameSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = TranslatedField()


class ComparedNetworkSerializer(serializers.Serializer):
    """A row: a network any of the places belongs to, and each place's memberships of it by the
    place's slug (an empty list where it is not a member)."""

    network = ComparedNetworkNameSerializer(read_only=True)
    memberships = serializers.DictField(
        child=EmbeddedMembershipSerializer(many=True), source="by_place", read_only=True
    )


class PlaceComparisonSerializer(serializers.Serializer):
    places = ComparedPlaceSerializer(many=True, read_only=True)
    networks = ComparedNetworkSerializer(many=True, read_only=True, source="network_rows")
