from modeltranslation.translator import TranslationOptions, register

from actors.models import Organisation, Person, Place, Role


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Role)
class RoleTranslationOptions(TranslationOptions):
    fields = ("title", "locator")
