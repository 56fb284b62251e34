"""The site's own pages: home, search across every kind, about, the API page, robots.txt, the
health check, and the 404 that answers JSON under /api/."""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.generic import TemplateView

from networks.models import Event
from networks.views import typology_matrix
from practices.models import Practice
from records.kinds import SEARCHED
from records.models import ContentVersion
from records.search import limited, prepare, search
from sources.models import Source


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["matrix"] = typology_matrix()
        context["featured_practices"] = (
            Practice.objects.published().filter(number__isnull=False).prefetch_related("places")[:6]
        )
        context["timeline"] = (
            Event.objects.published().select_related("forum", "place").order_by("year", "month")[:20]
        )
        return context


def page_not_found(request, exception):
    """JSON for the API (whatever the path looked like), the site's page otherwise."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception):
    """A refused request (an unknown Host, a malformed header): JSON for the API."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Bad request.")}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("You do not have permission to perform this action.")}, status=403)
    return defaults.permission_denied(request, exception)


def server_error(request):
    """JSON for the API, the site's own 500 page otherwise (never a traceback)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Server error; it has been logged.")}, status=500)
    return defaults.server_error(request)


def csrf_failure(request, reason=""):
    """The form was sent without its security token (an old tab, cookies refused): the site's page,
    in both languages, instead of Django's English default."""
    return render(request, "403_csrf.html", status=403)


RESULTS_PER_KIND = 20


class SearchView(TemplateView):
    """One ranked list across every kind of record (at most 20 per kind), one query per kind."""

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = limited(self.request.GET.get("q"))
        results, counts = [], []
        if query:
            query = prepare(query)  # parsed once for the eight kinds
            for kind in SEARCHED:
                model = kind.model
                found = list(
                    search(model.objects.published(), query, model.search_fields, ranked=True)[
                        : RESULTS_PER_KIND + 1
                    ]
                )
                counts.append(
                    (
                        kind.api_path,
                        model._meta.verbose_name_plural,
                        min(len(found), RESULTS_PER_KIND),
                        len(found) > RESULTS_PER_KIND,
                    )
                )
                label = model._meta.verbose_name
                results.extend((record.rank, label, record) for record in found[:RESULTS_PER_KIND])
        results.sort(key=lambda item: -item[0])
        context.update(
            query=query, results=[(label, record) for _rank, label, record in results], counts=counts
        )
        return context


class AboutView(TemplateView):
    template_name = "about.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["matrix"] = typology_matrix()
        context["sources"] = Source.objects.published()
        return context


class ApiPageView(TemplateView):
    template_name = "api.html"


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/v1/dump/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


MIGRATIONS_APPLIED = False  # once true it stays true for this process: migrations are not undone at run time


def healthz(request):
    """For a load balancer: 200 when the database answers and every migration is applied, else 503."""
    global MIGRATIONS_APPLIED
    checks = {}
    try:
        # A real table, not `SELECT 1`: SQLite answers that even after its file is gone (it opens a
        # new, empty one), while every page fails.
        ContentVersion.objects.exists()
        MigrationRecorder.Migration.objects.exists()
        checks["database"] = "ok"
        if not MIGRATIONS_APPLIED:
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
            MIGRATIONS_APPLIED = not pending
            checks["migrations"] = "ok" if not pending else f"{len(pending)} pending"
        else:
            checks["migrations"] = "ok"
    except DatabaseError as error:
        checks.setdefault("database", f"unavailable: {error.__class__.__name__}")
    healthy = checks.get("database") == "ok" and checks.get("migrations") == "ok"
    response = JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
    response["Cache-Control"] = "no-store"
    return response


def favicon(request):
    """Browsers ask for /favicon.ico (the admin links none): send them to the site's SVG icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
