"""Record URLs without a full reverse() per row: the route is reversed once per language and name."""

from functools import lru_cache

from django.urls import reverse
from django.utils.translation import get_language

PLACEHOLDER = "slug-placeholder-0"


@lru_cache(maxsize=256)
def _route(language, name):
    return reverse(name, kwargs={"slug": PLACEHOLDER})


def record_url(name, slug):
    """reverse(name, kwargs={"slug": slug}) for the active language, memoised per route."""
    return _route(get_language(), name).replace(PLACEHOLDER, slug)
