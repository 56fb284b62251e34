from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from sources.check import missing_translations
from sources.models import CITED, SUBJECT, Citation, Claim, SlugRedirect, Source


def citation_inline(target):
    """An inline of the citations attached through Citation.<target>."""
    return type(
        f"{target.capitalize()}CitationInline",
        (admin.StackedInline,),
        {
            "model": Citation,
            "fk_name": target,
            "fields": [("source", "locator"), "quote", "quote_translation"],
            "extra": 0,
            "autocomplete_fields": ["source"],
            "classes": ["collapse"] if target == "membership" else [],
        },
    )


def claim_inline(subject):
    return type(
        f"{subject.capitalize()}ClaimInline",
        (TranslationTabularInline,),
        {
            "model": Claim,
            "fk_name": subject,
            "fields": ["slug", "kind", "value", "as_of_year", "disputed", "source", "locator", "quote"],
            "extra": 0,
            "autocomplete_fields": ["source"],
        },
    )


class CompletenessFilter(admin.SimpleListFilter):
    title = _("completeness")
    parameter_name = "complete"

    def lookups(self, request, model_admin):
        return [("no-citation", _("lacks a citation"))]

    def queryset(self, request, queryset):
        if self.value() == "no-citation" and hasattr(queryset.model, "citations"):
            return queryset.annotate(_citations=Count("citations")).filter(_citations=0)
        return queryset


class RecordAdmin(TabbedTranslationAdmin):
    """Both languages side by side (tabs), with a column naming what a record lacks."""

    cited = True
    search_fields = ["slug"]
    readonly_fields = ["created_at", "updated_at"]
    list_per_page = 50

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.cited:
            queryset = queryset.annotate(_citation_count=Count("citations", distinct=True))
        return queryset

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        return [*filters, "is_published", CompletenessFilter] if self.cited else [*filters, "is_published"]

    @admin.display(description=_("lacks"))
    def completeness(self, obj):
        lacks = []
        if self.cited and getattr(obj, "_citation_count", 1) == 0:
            lacks.append(str(_("citation")))
        missing = missing_translations(obj)
        if missing:
            lacks.append(", ".join(missing))
        if not lacks:
            return format_html('<span title="{}">✓</span>', _("complete"))
        return format_html('<strong style="color:#b00">{}</strong>', "; ".join(lacks))


@admin.register(Source)
class SourceAdmin(RecordAdmin):
    cited = False
    list_display = ["slug", "authors", "year", "title", "licence", "completeness"]
    search_fields = ["slug", "title", "authors"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "target", "source", "locator", "field"]
    list_filter = ["source", "quote_language"]
    search_fields = ["quote", "locator"]
    list_select_related = ["source", *CITED.fields]
    autocomplete_fields = ["source", *CITED.fields]


@admin.register(Claim)
class ClaimAdmin(RecordAdmin):
    cited = False
    list_display = ["slug", "subject", "kind", "value", "as_of_year", "disputed", "source", "completeness"]
    list_filter = ["kind", "disputed", "source"]
    list_select_related = ["source", *SUBJECT.fields]
    search_fields = ["slug", "value_fr", "value_en", "quote"]
    autocomplete_fields = ["source", *SUBJECT.fields]


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["model", "old_slug", "new_slug", "created_at"]
    search_fields = ["old_slug", "new_slug"]


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    """The audit trail: who changed which record, when and how (written by the admin on every save)."""

    list_display = ["action_time", "user", "content_type", "object_repr", "action_flag", "change_message"]
    list_filter = ["action_flag", "content_type", "user"]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
