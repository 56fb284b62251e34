from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from practices.models import FurtherReading, KeyFigure, Practice, PracticeQuote, Theme
from sources.admin import RecordAdmin, citation_inline, claim_inline


@admin.register(Theme)
class ThemeAdmin(RecordAdmin):
    cited = False
    list_display = ["name", "slug", "completeness"]
    search_fields = ["slug", "name_fr", "name_en"]


class KeyFigureInline(TranslationTabularInline):
    model = KeyFigure
    extra = 0
    fields = ["order", "value", "label", "source", "locator"]
    autocomplete_fields = ["source"]


class PracticeQuoteInline(TranslationStackedInline):
    model = PracticeQuote
    extra = 0
    fields = [("order", "speaker", "speaker_label"), "quote", "quote_translation", ("source", "locator")]
    autocomplete_fields = ["speaker", "source"]


class FurtherReadingInline(TranslationTabularInline):
    model = FurtherReading
    extra = 0
    fields = ["order", "label", "url"]


@admin.register(Practice)
class PracticeAdmin(RecordAdmin):
    list_display = ["title", "number", "country", "status", "family", "completeness"]
    list_filter = ["themes", "country", "status", "family"]
    search_fields = ["slug", "title_fr", "title_en"]
    autocomplete_fields = ["places", "themes", "networks", "organisations", "people"]
    inlines = [
        KeyFigureInline,
        PracticeQuoteInline,
        FurtherReadingInline,
        citation_inline("practice"),
        claim_inline("practice"),
    ]
