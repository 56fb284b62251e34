"""Template helpers shared by every page: language switch URLs, paragraphs, typology labels."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html_join

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page in another language (same record, translated path), query string kept."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)


@register.simple_tag(takes_context=True)
def absolute_url_in_language(context, language):
    request = context["request"]
    return request.build_absolute_uri(translate_url(request.path, language))


@register.simple_tag
def other_languages(current):
    return [(code, name) for code, name in settings.LANGUAGES if code != current]


@register.filter
def paragraphs(text):
    """Split a text on blank lines into <p> elements (escaped)."""
    parts = [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]
    return format_html_join("\n", "<p>{}</p>", ((part,) for part in parts))


@register.filter
def split_paragraphs(text):
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]
