from modeltranslation.translator import TranslationOptions, register

from sources.models import Citation, Claim, Source


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Claim)
class ClaimTranslationOptions(TranslationOptions):
    fields = ("value", "note", "locator")


@register(Citation)
class CitationTranslationOptions(TranslationOptions):
    # The locator's editorial words (« encadré », « note ») are translated; quotes and the sections'
    # own titles stay in their language.
    fields = ("locator",)
