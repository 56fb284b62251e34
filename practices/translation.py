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
    fields = ("label",)


@register(PracticeQuote)
class PracticeQuoteTranslationOptions(TranslationOptions):
    fields = ("speaker_label",)


@register(FurtherReading)
class FurtherReadingTranslationOptions(TranslationOptions):
    fields = ("label",)
