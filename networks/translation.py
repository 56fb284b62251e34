from modeltranslation.translator import TranslationOptions, register

from networks.models import Declaration, Event, Forum, Membership, Network


@register(Network)
class NetworkTranslationOptions(TranslationOptions):
    fields = ("name", "typology_note", "membership_note", "summary", "history")


@register(Membership)
class MembershipTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Forum)
class ForumTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("name", "description", "outcome")


@register(Declaration)
class DeclarationTranslationOptions(TranslationOptions):
    fields = ("name", "description")
