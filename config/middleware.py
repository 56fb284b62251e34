"""Small cross-cutting middleware: request logs and ids, database outages, security headers, CORS."""

import logging
import time
import uuid

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.template.loader import render_to_string

logger = logging.getLogger("kb.requests")


class RequestLogMiddleware:
    """One structured line per request (method, path, status, duration) with a request id, which is
    taken from X-Request-ID when a proxy sets it and returned in the response's X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming[:64] if incoming.replace("-", "").isalnum() else uuid.uuid4().hex
        started = time.perf_counter()
        response = self.get_response(request)
        duration = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-ID"] = request.request_id
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        logger.log(
            level,
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": request.request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration,
            },
        )
        return response


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, answer 503 at once (with Retry-After) instead of a 500;
    Django reconnects by itself on the next request once the database is back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)) or not is_connection_problem(
            exception
        ):
            return None
        from django.db import connections
        from django.http import HttpResponse, JsonResponse

        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        logger.error(
            "database unavailable: %s", exception, extra={"request_id": getattr(request, "request_id", "")}
        )
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": "Service temporarily unavailable; please retry."}, status=503)
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "10"
        response["Cache-Control"] = "no-store"
        return response


def is_connection_problem(exception):
    text = str(exception).lower()
    markers = (
        "connection",
        "could not connect",
        "server closed",
        "terminating",
        "timeout",
        "timed out",
        "the database system is",
        "no connection",
        "is the server running",
        "closed",
    )
    return isinstance(exception, InterfaceError) or any(marker in text for marker in markers)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class ApiCorsMiddleware:
    """CORS open for reading the API from any origin (GET, HEAD, OPTIONS on /api/ only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
            response["Access-Control-Expose-Headers"] = "ETag, Link, Retry-After, X-Request-ID"
            response["Access-Control-Max-Age"] = "86400"
        return response


class ContentCacheMiddleware:
    """Full-page cache for anonymous GETs of pages and API responses.

    The key holds the content version, the path with its query and, for the API, the Accept header,
    so French and English pages never mix and any change to the content is seen at once. Responses
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
        from django.core.cache import cache
        from django.http import HttpResponse
        from django.utils.http import http_date

        from sources.versioning import current_version

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
        from django.core.cache import caches
        from django.core.cache.backends.dummy import DummyCache

        return (
            not isinstance(caches["default"], DummyCache)
            and request.method in ("GET", "HEAD")
            and request.path.startswith(self.PREFIXES)
            and not request.path.startswith(self.EXCLUDED)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    @staticmethod
    def cacheable_response(response):
        return response.status_code == 200 and not response.streaming and not response.cookies

    @staticmethod
    def key(request, version):
        import hashlib

        api = request.path.startswith("/api/")
        accept = request.headers.get("Accept", "") if api else ""
        language = request.headers.get("Accept-Language", "")[:2] if api else ""
        raw = f"{request.get_full_path()}|{accept}|{language}"
        return f"page:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"
