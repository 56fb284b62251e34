from modeltranslation.translator import TranslationOptions, register

from practices.models import FurtherReading, KeyFigure, Practice, PracticeQuote, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Practice)
class PracticeTranslationOptions(TranslationOptions):
    fields = ("title", "period_note", "summary", "context", "steps", "outcome", "takeaways")


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    # The value as printed, and in the other language where the printed one is words (“Nearly half”).
    fields = ("value", "label", "locator")


@register(PracticeQuote)
class PracticeQuoteTranslationOptions(TranslationOptions):
    fields = ("speaker_label", "locator")


@register(FurtherReading)
class FurtherReadingTranslationOptions(TranslationOptions):
    fields = ("label",)
