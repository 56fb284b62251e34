"""Serializer pieces every resource shares: translated fields, slugs, what every record carries."""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from records.record_urls import LANGUAGES, html_urls

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


def record_fields(*fields):
    """A record's columns in the API's order: slug and type first; then the language it was drawn up
    in (the other language's text is the editors' translation), its page and its last change."""
    return ["slug", "type", *fields, "original_language", "html_url", "updated_at"]


class RecordSerializer(serializers.ModelSerializer):
    """slug, type (network, place…), html_url {"fr","en"} and updated_at, which every record carries
    (`Meta.fields = record_fields(...)`)."""

    type = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_type(self, obj):
        return obj._meta.model_name

    @extend_schema_field(URLS_SCHEMA)
    def get_html_url(self, obj):
        return html_urls(self.context.get("request"), obj)
