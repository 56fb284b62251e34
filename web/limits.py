"""Per-client limits on what is expensive to answer: searches and admin login attempts.

A search cannot be served from the page cache (every query is a new URL) and costs real database
work; a login attempt costs a password hash. Six clients sending 99-word searches, or failed logins
with random usernames, slowed a cached page from 3 ms to about a second. Each client address
(web.clients: the proxy-count rule) gets KB_SEARCH_RATE searches and KB_LOGIN_RATE login attempts
per window, whatever the words or the username; past that, a 429 with Retry-After (JSON under /api/,
a short bilingual page elsewhere). The django-axes lock-out of a username from an address still
applies beneath this.

Counted in the default cache (Redis when several instances share one, see docs/deploy.md); with
the dummy cache nothing is counted and nothing is limited.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from web.clients import client_address

PERIODS = {"second": 1, "minute": 60, "hour": 3600}


def parse_rate(rate):
    """ "30/minute" -> (30, 60)."""
    count, _slash, period = rate.partition("/")
    return int(count), PERIODS[period]


def limited_kind(request):
    """Which limit a request counts against, or None."""
    if request.method == "POST" and request.path_info == "/admin/login/":
        return "login"
    if request.method in ("GET", "HEAD") and (request.GET.get("search") or request.GET.get("q")):
        return "search"
    return None


class ClientRateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kind = limited_kind(request)
        if kind is None:
            return self.get_response(request)
        cache = caches["default"]
        if isinstance(cache, DummyCache):
            return self.get_response(request)
        limit, period = parse_rate(settings.KB_RATES[kind])
        window = int(time.time() // period)
        key = f"limit:{kind}:{client_address(request)}:{window}"
        try:
            cache.add(key, 0, period + 1)
            count = cache.incr(key)
        except Exception:  # noqa: BLE001 - a cache outage must not take the site down with it
            return self.get_response(request)
        if count <= limit:
            return self.get_response(request)
        return too_many(request, kind, retry_after=period - int(time.time()) % period)


def too_many(request, kind, retry_after):
    if request.path.startswith("/api/"):
        message = _("Too many searches from this address; retry in %(seconds)s seconds.") % {
            "seconds": max(retry_after, 1)
        }
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = HttpResponse(render_to_string("429.html", {"kind": kind}), status=429)
    response["Retry-After"] = str(max(retry_after, 1))
    response["Cache-Control"] = "no-store"
    return response
