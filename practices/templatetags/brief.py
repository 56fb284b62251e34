"""The "add to my brief" control of fiche cards and pages, and the "My brief (n)" link.

Without JavaScript the selection travels in the URL (`?fiche=a&fiche=b`): each control links to the
brief with the current selection plus (or minus) its fiche. static/js/brief.js keeps the selection in
the browser instead and turns the links into toggles."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from practices.filters import brief_selection, brief_url

register = template.Library()


def selection_query(slugs):
    """`?fiche=…` to carry the selection along a link (empty when nothing is selected)."""
    return f"?{urlencode([('fiche', slug) for slug in slugs])}" if slugs else ""


@register.inclusion_tag("includes/brief_control.html", takes_context=True)
def brief_control(context, practice=None, with_link=False):
    """`{% brief_control practice %}` on a fiche card, `with_link=True` on a fiche page to add the
    "My brief (n)" link; `{% brief_control %}` alone is that link."""
    selection = brief_selection(context["request"].GET)
    selected = practice is not None and practice.slug in selection
    return {
        "practice": practice,
        "selected": selected,
        "add_url": brief_url([*selection, practice.slug]) if practice is not None else "",
        "remove_url": brief_url([slug for slug in selection if practice is None or slug != practice.slug]),
        "brief_base_url": reverse("practices:brief"),
        "my_brief_url": brief_url(selection),
        "count": len(selection),
        "with_link": with_link or practice is None,
    }


@register.simple_tag(takes_context=True)
def brief_query(context):
    """The current selection as a query string, for links that carry it (`?fiche=…`)."""
    return selection_query(brief_selection(context["request"].GET))


@register.simple_tag
def brief_url_without(selection, slug):
    """The brief without one of its fiches (the "remove" link of the brief page)."""
    return brief_url([other for other in selection if other != slug])
