from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from actors.models import Organisation, Person, Place, Role
from sources.admin import RecordAdmin, citation_inline, claim_inline


@admin.register(Place)
class PlaceAdmin(RecordAdmin):
    list_display = ["name", "slug", "kind", "country", "parent", "completeness"]
    list_filter = ["kind", "country"]
    list_select_related = ["parent"]
    search_fields = ["slug", "name_fr", "name_en"]
    autocomplete_fields = ["parent"]
    inlines = [citation_inline("place"), claim_inline("place")]


@admin.register(Organisation)
class OrganisationAdmin(RecordAdmin):
    list_display = ["name", "acronym", "slug", "kind", "country", "completeness"]
    list_filter = ["kind", "country"]
    search_fields = ["slug", "name_fr", "name_en", "acronym"]
    inlines = [citation_inline("organisation"), claim_inline("organisation")]


class RoleInline(TranslationStackedInline):
    model = Role
    extra = 0
    fields = [
        ("title", "start_year", "end_year"),
        ("place", "organisation", "network"),
        ("source", "locator"),
        "quote",
        "quote_translation",
    ]
    autocomplete_fields = ["place", "organisation", "network", "source"]


@admin.register(Person)
class PersonAdmin(RecordAdmin):
    list_display = ["name", "slug", "completeness"]
    search_fields = ["slug", "name"]
    inlines = [RoleInline, citation_inline("person")]
