"""Template helpers shared by every page: language switch URLs, paragraphs, typology labels."""

import json

from django import template
from django.urls import translate_url
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from records.countries import country_name

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page in another language (same record, translated path), query string kept."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)


@register.simple_tag(takes_context=True)
def absolute_url_in_language(context, language):
    """This page in `language` (hreflang, canonical). A page whose content is its query — a comparison,
    a brief — gives `selection_path` (path and query), which is kept; other pages drop the query."""
    request = context["request"]
    return request.build_absolute_uri(translate_url(context.get("selection_path") or request.path, language))


@register.filter
def paragraphs(text):
    """Split a text on blank lines into <p> elements (escaped)."""
    parts = [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]
    return format_html_join("\n", "<p>{}</p>", ((part,) for part in parts))


@register.filter
def split_paragraphs(text):
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


@register.inclusion_tag("includes/cite_this.html", takes_context=True)
def cite_this(context, record):
    """The "cite this" block: permanent link, a ready-made citation in text and BibTeX."""
    request = context["request"]
    permalink = request.build_absolute_uri(record.get_absolute_url())
    title = str(record)
    today = timezone.localdate()
    updated = updated_on(record, today)
    site = _("Hospitable-city networks — knowledge base")
    text = ready_made_citation(request, record)
    bibtex = "\n".join(
        [
            f"@misc{{hospitable-cities-{record.slug},",
            f"  title = {{{bibtex_escape(title)}}},",
            f"  author = {{{{{bibtex_escape(str(site))}}}}},",
            f"  year = {{{updated.year}}},",
            f"  howpublished = {{\\url{{{permalink}}}}},",
            f"  note = {{{bibtex_escape(str(_('Consulted')))} {today.isoformat()}}},",
            "}",
        ]
    )
    return {"permalink": permalink, "citation_text": text, "bibtex": bibtex, "title": title}


@register.simple_tag(takes_context=True)
def citation_text(context, record):
    """The ready-made citation of a record in text, as its "cite this" block gives it."""
    return ready_made_citation(context["request"], record)


def updated_on(record, today):
    return timezone.localtime(record.updated_at).date() if getattr(record, "updated_at", None) else today


def ready_made_citation(request, record):
    """“Title”, site, permanent link (updated …, consulted …). Based on: the sources it cites."""
    today = timezone.localdate()
    sources = sorted({f"{c.source.authors} ({c.source.year or 's.d.'})" for c in record.citations.all()})
    text = _("“%(title)s”, %(site)s, %(url)s (updated %(updated)s, consulted %(today)s).") % {
        "title": str(record),
        "site": _("Hospitable-city networks — knowledge base"),
        "url": request.build_absolute_uri(record.get_absolute_url()),
        "updated": formats.date_format(updated_on(record, today), "DATE_FORMAT"),
        "today": formats.date_format(today, "DATE_FORMAT"),
    }
    if sources:
        text += " " + _("Based on: %(sources)s.") % {"sources": "; ".join(sources)}
    return text


def bibtex_escape(text):
    for char in "&%$#_{}":
        text = text.replace(char, "\\" + char)
    return text


JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, record):
    """schema.org JSON-LD for places, organisations and events (a data block, never executed)."""
    request = context["request"]
    url = request.build_absolute_uri(record.get_absolute_url())
    kind = record._meta.model_name
    if kind == "place":
        data = {"@type": "Place", "name": record.name}
        if record.latitude is not None and record.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(record.latitude),
                "longitude": float(record.longitude),
            }
        if record.country:
            data["address"] = {"@type": "PostalAddress", "addressCountry": record.country}
        if record.parent:
            data["containedInPlace"] = {"@type": "Place", "name": record.parent.name}
    elif kind == "organisation":
        data = {"@type": "Organization", "name": record.name}
        if record.acronym:
            data["alternateName"] = record.acronym
        if record.website:
            data["sameAs"] = record.website
    elif kind == "event":
        data = {"@type": "Event", "name": record.name}
        if record.year:
            data["startDate"] = f"{record.year}-{record.month:02d}" if record.month else str(record.year)
        if record.place:
            data["location"] = {
                "@type": "Place",
                "name": record.place.name,
                "address": {"@type": "PostalAddress", "addressCountry": record.place.country},
            }
        if record.forum:
            data["superEvent"] = {"@type": "EventSeries", "name": record.forum.name}
    else:
        return ""
    description = getattr(record, "description", "")
    if description:
        data["description"] = description[:300]
    data = {
        "@context": "https://schema.org",
        **data,
        "url": url,
        "inLanguage": context.get("LANGUAGE_CODE", "fr"),
    }
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def verbose_name_of(record):
    return record._meta.verbose_name


@register.filter
def country(code):
    """A country's name in the page's language, from its ISO 3166-1 code."""
    return country_name(code) if code else ""


@register.filter
def intcomma_nbsp(number):
    """2100 → « 2 100 » in French (narrow no-break space), “2,100” in English."""
    if number is None:
        return ""
    grouped = f"{int(number):,}"
    if (get_language() or "fr").startswith("fr"):
        return grouped.replace(",", "\u202f")
    return grouped
