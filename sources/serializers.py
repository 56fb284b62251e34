"""Serializer pieces every resource shares, and the sources' own serializers."""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.viewsets import html_urls
from sources.models import CITABLE_MODELS, CLAIM_SUBJECTS, Citation, Claim, Source

LANGUAGES = [code for code, _name in settings.LANGUAGES]

TRANSLATED_SCHEMA = {
    "oneOf": [
        {
            "type": "object",
            "properties": {code: {"type": "string", "nullable": True} for code in LANGUAGES},
            "required": LANGUAGES,
        },
        {"type": "string", "nullable": True},
    ],
    "description": 'Both languages as {"fr": …, "en": …}; a plain string with ?lang=fr or ?lang=en.',
}
URLS_SCHEMA = {
    "type": "object",
    "properties": {code: {"type": "string", "format": "uri"} for code in LANGUAGES},
    "required": LANGUAGES,
}


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """A translated text as {"fr": …, "en": …}, or a plain string when the request asks ?lang=."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, instance):
        values = {code: getattr(instance, f"{self.field_name}_{code}") for code in LANGUAGES}
        lang = self.context.get("lang")
        if lang:
            return values[lang] or values[settings.LANGUAGE_CODE]  # display fallback, as on the pages
        return values


def slug_field(**kwargs):
    return serializers.SlugRelatedField(slug_field="slug", read_only=True, **kwargs)


class RecordSerializer(serializers.ModelSerializer):
    """slug, type (network, place…), html_url {"fr","en"} and updated_at, which every record carries."""

    type = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_type(self, obj):
        return obj._meta.model_name

    @extend_schema_field(URLS_SCHEMA)
    def get_html_url(self, obj):
        return html_urls(self.context.get("request"), obj)


class CitationSerializer(serializers.ModelSerializer):
    source = slug_field()

    class Meta:
        model = Citation
        fields = ["source", "locator", "quote", "quote_translation"]


class EmbeddedClaimSerializer(serializers.ModelSerializer):
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
            "disputed",
            "note",
            "source",
            "locator",
            "quote",
            "quote_translation",
        ]


class SourcedRecordSerializer(RecordSerializer):
    """A detail: the record's citations and claims embedded."""

    citations = CitationSerializer(many=True, read_only=True)


class SourceSerializer(RecordSerializer):
    description = TranslatedField()

    class Meta:
        model = Source
        fields = [
            "slug",
            "type",
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
            "html_url",
            "updated_at",
        ]


class CitingRecordSerializer(serializers.ModelSerializer):
    record_kind = serializers.SerializerMethodField()
    record = serializers.SerializerMethodField()

    class Meta:
        model = Citation
        fields = ["record_kind", "record", "locator", "quote", "quote_translation"]

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


class ClaimSerializer(RecordSerializer):
    subject_kind = serializers.SerializerMethodField()
    subject = serializers.SerializerMethodField()
    source = slug_field()
    value = TranslatedField()
    note = TranslatedField()

    class Meta:
        model = Claim
        fields = [
            "slug",
            "type",
            "kind",
            "subject_kind",
            "subject",
            "value",
            "value_number",
            "as_of_year",
            "disputed",
            "note",
            "source",
            "locator",
            "quote",
            "quote_translation",
            "html_url",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_subject_kind(self, obj):
        return next(field for field in CLAIM_SUBJECTS if getattr(obj, f"{field}_id"))

    @extend_schema_field(OpenApiTypes.STR)
    def get_subject(self, obj):
        if hasattr(obj, "subject_slug"):  # ClaimQuerySet.for_listing
            return obj.subject_slug
        return obj.subject.slug


CITED_FIELDS = list(CITABLE_MODELS)
