from modeltranslation.translator import TranslationOptions, register

from sources.models import Claim, Source


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Claim)
class ClaimTranslationOptions(TranslationOptions):
    fields = ("value", "note")
