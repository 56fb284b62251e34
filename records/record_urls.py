"""Record URLs: without a full reverse() per row (the route is reversed once per language and name),
and in every language at once for the API."""

from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PLACEHOLDER = "slug-placeholder-0"


@lru_cache(maxsize=256)
def _route(language, name):
    return reverse(name, kwargs={"slug": PLACEHOLDER})


def record_url(name, slug):
    """reverse(name, kwargs={"slug": slug}) for the active language, memoised per route."""
    return _route(get_language(), name).replace(PLACEHOLDER, slug)


def html_urls(request, record):
    """{"fr": …, "en": …}: the record's page in each language, absolute when a request is known."""
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            path = record.get_absolute_url()
        urls[language] = request.build_absolute_uri(path) if request else path
    return urls
