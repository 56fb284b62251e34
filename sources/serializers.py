"""The sources' serializers, and the citations and claims every sourced record embeds."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from records.serializers import RecordSerializer, TranslatedField, record_fields, slug_field
from sources.models import CITED, SUBJECT, Citation, Claim, Source, disputed_fields_of

# Where a sourced value comes from: the section (editorial words translated), the quote in its own
# language, and the editors' translation into the other language.
QUOTE_FIELDS = ["locator", "quote", "quote_language", "quote_translation", "translation_language"]


class QuoteFields(serializers.Serializer):
    """The locator in both languages and the languages of the quote and of its translation."""

    locator = TranslatedField()
    translation_language = serializers.CharField(read_only=True)


class CitationSerializer(QuoteFields, serializers.ModelSerializer):
    source = slug_field()

    class Meta:
        model = Citation
        fields = ["source", "field", *QUOTE_FIELDS]


class EmbeddedClaimSerializer(QuoteFields, serializers.ModelSerializer):
    source = slug_field()
    value = TranslatedField()
    note = TranslatedField()

    class Meta:
        model = Claim
        fields = [
            "slug",
            "kind",
            "value",
            "value_number",
            "as_of_year",
            "field",
            "disputed",
            "note",
            "source",
            *QUOTE_FIELDS,
        ]


class ClaimedRecordSerializer(RecordSerializer):
    """A record claims can be about: `disputed_fields` names the fields on which its sources disagree
    (those its disputed claims bear on; the claims themselves are in the detail's `claims`)."""

    disputed_fields = serializers.SerializerMethodField()

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_disputed_fields(self, obj):
        return disputed_fields_of(obj)


class SourcedRecordSerializer(RecordSerializer):
    """A detail: the record's citations and claims embedded (a kind without claims leaves `claims`
    out of its fields)."""

    citations = CitationSerializer(many=True, read_only=True)
    claims = EmbeddedClaimSerializer(many=True, read_only=True)


class SourceSerializer(RecordSerializer):
    description = TranslatedField()

    class Meta:
        model = Source
        fields = record_fields(
            "kind",
            "title",
            "title_translated",
            "authors",
            "year",
            "series",
            "publisher",
            "identifier",
            "url",
            "licence",
            "language",
            "description",
        )


class CitingRecordSerializer(QuoteFields, serializers.ModelSerializer):
    record_kind = serializers.SerializerMethodField()
    record = serializers.SerializerMethodField()

    class Meta:
        model = Citation
        fields = ["record_kind", "record", *QUOTE_FIELDS]

    @extend_schema_field(OpenApiTypes.STR)
    def get_record_kind(self, obj):
        return obj.target._meta.model_name

    @extend_schema_field(OpenApiTypes.STR)
    def get_record(self, obj):
        return obj.target.slug


class SourceDetailSerializer(SourceSerializer):
    cited_by = CitingRecordSerializer(source="citations", many=True, read_only=True)

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "cited_by"]


class ClaimSerializer(QuoteFields, RecordSerializer):
    subject_kind = serializers.SerializerMethodField()
    subject = serializers.SerializerMethodField()
    source = slug_field()
    value = TranslatedField()
    note = TranslatedField()

    class Meta:
        model = Claim
        fields = record_fields(
            "kind",
            "subject_kind",
            "subject",
            "value",
            "value_number",
            "as_of_year",
            "field",
            "disputed",
            "note",
            "source",
            *QUOTE_FIELDS,
        )

    @extend_schema_field(OpenApiTypes.STR)
    def get_subject_kind(self, obj):
        return SUBJECT.field_of(obj)

    @extend_schema_field(OpenApiTypes.STR)
    def get_subject(self, obj):
        if hasattr(obj, "subject_slug"):  # ClaimQuerySet.for_listing
            return obj.subject_slug
        return obj.subject.slug


class CitationRecordSerializer(QuoteFields, serializers.ModelSerializer):
    """A row of the citations resource: the record cited, the source, the quote, the field supported."""

    record_kind = serializers.SerializerMethodField()
    record = serializers.SerializerMethodField()
    source = slug_field()

    class Meta:
        model = Citation
        fields = ["id", "record_kind", "record", "field", "source", *QUOTE_FIELDS]

    @extend_schema_field(OpenApiTypes.STR)
    def get_record_kind(self, obj):
        return CITED.field_of(obj)

    @extend_schema_field(OpenApiTypes.STR)
    def get_record(self, obj):
        return obj.record_slug
