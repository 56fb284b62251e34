"""Small cross-cutting middleware of every response: request logs and ids, database outages (503),
the Permissions-Policy header, public reading (drafts invisible) and curators kept on the primary."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from config.database_router import primary_only
from records.visibility import public_reading

logger = logging.getLogger("kb.requests")
# An incoming request id is kept only when it is this plain (it is echoed in a header and in logs).
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestLogMiddleware:
    """One structured line per request (method, path, status, duration) with a request id, which is
    taken from X-Request-ID when a proxy sets it and returned in the response's X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming if SAFE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
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
        # SQLite: another process holds the write lock, or the file is gone (a new, empty one opened).
        "database is locked",
        "no such table",
        "unable to open database file",
        "disk i/o error",
    )
    return isinstance(exception, InterfaceError) or any(marker in text for marker in markers)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class PublicReadingMiddleware:
    """Every request but the admin's is answered as the public sees the site: records in preparation
    are invisible through every relation (records/visibility.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/"):
            return self.get_response(request)
        with public_reading():
            return self.get_response(request)


class PrimaryForCuratorsMiddleware:
    """Curators (the admin, or any request with a session) read from the primary database, so they
    see their own edits at once whatever the replica's lag (config.database_router)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        curator = request.path.startswith("/admin/") or settings.SESSION_COOKIE_NAME in request.COOKIES
        token = primary_only.set(curator)
        try:
            return self.get_response(request)
        finally:
            primary_only.reset(token)
