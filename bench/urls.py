"""The site's URLs plus the benchmark's reference view (only with bench.settings)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import *  # noqa: F403
from config.urls import urlpatterns as site_urlpatterns

PAGE = "<!doctype html><html><body>" + "x" * 2_000_000


def reference(request):
    """A fixed page of the requested size (bytes), built without any database access."""
    size = min(int(request.GET.get("size", "20000")), 2_000_000)
    return HttpResponse(PAGE[:size], content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/reference/", reference, name="bench-reference"), *site_urlpatterns]
