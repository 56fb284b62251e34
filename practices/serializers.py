from rest_framework import serializers

from practices.models import FurtherReading, KeyFigure, Practice, PracticeQuote, Theme
from records.serializers import RecordSerializer, TranslatedField, record_fields, slug_field
from sources.serializers import QUOTE_FIELDS, ClaimedRecordSerializer, QuoteFields, SourcedRecordSerializer


class ThemeSerializer(RecordSerializer):
    name = TranslatedField()
    description = TranslatedField()

    class Meta:
        model = Theme
        fields = record_fields("name", "description")


class KeyFigureSerializer(serializers.ModelSerializer):
    value = TranslatedField()
    label = TranslatedField()
    locator = TranslatedField()
    source = slug_field()

    class Meta:
        model = KeyFigure
        fields = ["value", "label", "source", "locator"]


class PracticeQuoteSerializer(QuoteFields, serializers.ModelSerializer):
    speaker = slug_field(allow_null=True)
    speaker_label = TranslatedField()
    source = slug_field()

    class Meta:
        model = PracticeQuote
        fields = ["speaker", "speaker_label", "source", *QUOTE_FIELDS]


class FurtherReadingSerializer(serializers.ModelSerializer):
    label = TranslatedField()

    class Meta:
        model = FurtherReading
        fields = ["label", "url"]


class PracticeSerializer(ClaimedRecordSerializer):
    title = TranslatedField()
    places = slug_field(many=True)
    themes = slug_field(many=True)

    class Meta:
        model = Practice
        fields = record_fields(
            "number",
            "title",
            "places",
            "country",
            "themes",
            "family",
            "status",
            "status_as_of",
            "period_start",
            "period_end",
            "disputed_fields",
        )


class PracticeDetailSerializer(PracticeSerializer, SourcedRecordSerializer):
    period_note = TranslatedField()
    summary = TranslatedField()
    context = TranslatedField()
    steps = TranslatedField()
    outcome = TranslatedField()
    takeaways = TranslatedField()
    key_figures = KeyFigureSerializer(many=True, read_only=True)
    quotes = PracticeQuoteSerializer(many=True, read_only=True)
    further_reading = FurtherReadingSerializer(many=True, read_only=True)
    networks = slug_field(many=True)
    organisations = slug_field(many=True)
    people = slug_field(many=True)

    class Meta(PracticeSerializer.Meta):
        fields = [
            *PracticeSerializer.Meta.fields,
            "period_note",
            "summary",
            "context",
            "steps",
            "outcome",
            "takeaways",
            "key_figures",
            "quotes",
            "further_reading",
            "networks",
            "organisations",
            "people",
            "citations",
            "claims",
        ]
