"""The page cache: anonymous GETs of pages and API responses, stored whole, keyed by the content
version (records.versioning), so that any change to the content is seen at once."""

import hashlib
import logging
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import DatabaseError
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.http import http_date

from records.versioning import current_version

logger = logging.getLogger("kb.requests")


class ContentCacheMiddleware:
    """Full-page cache for anonymous GETs of pages and API responses.

    The key holds the content version, the scheme and host (validated against ALLOWED_HOSTS first:
    a page's canonical and hreflang links are absolute), the path with the query parameters the view
    reads (in a canonical order: unknown parameters cannot push real pages out of the cache) and, for
    the API, the Accept header and the negotiated language, so French and English never mix and any
    change to the content is seen at once. Responses
    carry Last-Modified (the content's last change) and Cache-Control a reverse proxy or CDN can honour.
    Entries are plain bytes and headers (cheaper to load than a pickled response).
    """

    PREFIXES = ("/fr/", "/en/", "/api/v1/")
    EXCLUDED = ("/api/v1/dump/", "/api/v1/schema/", "/api/v1/docs/")
    UNCACHED_HEADERS = {
        "x-request-id",
        "x-cache",
        "set-cookie",
        "content-security-policy",
        "permissions-policy",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        request.get_host()  # an unknown host is a 400 (DisallowedHost), hit or miss
        try:
            version, changed_at = current_version()
            key = self.key(request, version)
            cached = cache.get(key)
        except DatabaseError:
            return self.get_response(request)  # the view meets the same error: a 503, below
        except Exception as error:  # the shared cache (Redis) is down: serve uncached
            logger.warning(
                "page cache unavailable: %s", error, extra={"request_id": getattr(request, "request_id", "")}
            )
            return self.get_response(request)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.cacheable_response(response):
            response["Last-Modified"] = http_date(changed_at.timestamp())
            response.setdefault("Cache-Control", f"public, max-age={settings.PAGE_CACHE_MAX_AGE}")

            def store(rendered):
                headers = [
                    (name, value)
                    for name, value in rendered.items()
                    if name.lower() not in self.UNCACHED_HEADERS
                ]
                cache.set(key, (rendered.content, headers), settings.PAGE_CACHE_SECONDS)

            if getattr(response, "is_rendered", True):
                store(response)
            else:
                response.add_post_render_callback(store)
            response["X-Cache"] = "miss"
        return response

    def cacheable_request(self, request):
        return (
            not isinstance(caches["default"], DummyCache)
            and request.method in ("GET", "HEAD")
            and request.path.startswith(self.PREFIXES)
            and not request.path.startswith(self.EXCLUDED)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not self.unknown_api_parameters(request)
        )

    @staticmethod
    def unknown_api_parameters(request):
        """The API refuses a parameter it does not read (a 400 naming it): such a request goes to the
        view, never to a cached answer of the same URL without it. Pages stay lenient (`?utm_source=`)."""
        if not request.path.startswith("/api/"):
            return False
        known = known_parameters(request.path_info)
        return any(name not in known for name in request.GET)

    @staticmethod
    def cacheable_response(response):
        return response.status_code == 200 and not response.streaming and not response.cookies

    @staticmethod
    def key(request, version):
        api = request.path.startswith("/api/")
        accept = request.headers.get("Accept", "") if api else ""
        language = translation.get_language_from_request(request) if api else ""
        known = known_parameters(request.path_info)
        query = urlencode(
            sorted((name, value) for name, value in request.GET.lists() if name in known), doseq=True
        )
        raw = f"{request.scheme}://{request.get_host()}{request.path}?{query}|{accept}|{language}"
        return f"page:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


# What any page or API view reads besides its FilterSet's parameters (`bom`: a CSV's byte-order mark;
# `fiche`: the council brief's selection, which fiche lists and pages carry along in their links).
COMMON_PARAMETERS = {"page", "page_size", "ordering", "format", "lang", "bom", "q", "search", "fiche"}


@lru_cache(maxsize=512)
def known_parameters(path):
    """The query parameters the view of `path` reads: its FilterSet's, its detail's and the common ones."""
    try:
        with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
            view = resolve(path).func
    except Resolver404:
        return frozenset(COMMON_PARAMETERS)
    view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
    filterset = getattr(view_class, "filterset_class", None)
    own = set(getattr(view_class, "detail_parameters", ()))  # a detail's own, e.g. a network's ?as_of=
    return frozenset(COMMON_PARAMETERS | own | set(filterset.base_filters if filterset else ()))
