from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from networks.models import Declaration, Event, Forum, Membership, Network
from sources.admin import RecordAdmin, citation_inline, claim_inline


class MembershipInline(TranslationTabularInline):
    model = Membership
    extra = 0
    fk_name = "network"
    fields = ["slug", "place", "organisation", "member_network", "role", "start_year", "end_year", "note"]
    autocomplete_fields = ["place", "organisation", "member_network"]
    show_change_link = True  # a membership's citations are edited on its own page


@admin.register(Network)
class NetworkAdmin(RecordAdmin):
    list_display = ["name", "acronym", "scale", "origin", "scope", "founded_year", "country", "completeness"]
    list_filter = ["scale", "origin", "scope", "in_typology_table", "country", "practices__themes"]
    search_fields = ["slug", "name_fr", "name_en", "acronym"]
    autocomplete_fields = ["parent", "founded_place", "supporters"]
    inlines = [MembershipInline, citation_inline("network"), claim_inline("network")]


@admin.register(Membership)
class MembershipAdmin(RecordAdmin):
    list_display = ["slug", "network", "member", "role", "start_year", "end_year", "completeness"]
    list_filter = ["role", "network"]
    list_select_related = ["network", "place", "organisation", "member_network"]
    search_fields = ["slug", "network__slug", "place__slug", "organisation__slug", "member_network__slug"]
    autocomplete_fields = ["network", "place", "organisation", "member_network"]
    inlines = [citation_inline("membership")]


@admin.register(Forum)
class ForumAdmin(RecordAdmin):
    list_display = ["name", "acronym", "kind", "founded_year", "completeness"]
    list_filter = ["kind"]
    search_fields = ["slug", "name_fr", "name_en", "acronym"]
    autocomplete_fields = ["organisers", "networks"]
    inlines = [citation_inline("forum"), claim_inline("forum")]


@admin.register(Event)
class EventAdmin(RecordAdmin):
    list_display = ["name", "forum", "year", "month", "place", "completeness"]
    list_filter = ["forum", "year", "place__country"]
    list_select_related = ["forum", "place"]
    search_fields = ["slug", "name_fr", "name_en"]
    autocomplete_fields = ["forum", "place", "organisers", "organising_networks"]
    inlines = [citation_inline("event"), claim_inline("event")]


@admin.register(Declaration)
class DeclarationAdmin(RecordAdmin):
    list_display = ["name", "kind", "year", "event", "completeness"]
    list_filter = ["kind", "year"]
    list_select_related = ["event"]
    search_fields = ["slug", "name_fr", "name_en"]
    autocomplete_fields = [
        "event",
        "place",
        "adopted_by_organisations",
        "adopted_by_networks",
        "adopted_by_places",
    ]
    inlines = [citation_inline("declaration"), claim_inline("declaration")]
