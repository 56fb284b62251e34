"""The one router of the research API, mounted at /api/v1/."""

from csp.decorators import csp_update
from django.urls import include, path
from django.utils.module_loading import import_string
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from actors.api import PlaceCompareView
from api import exports
from records.kinds import IN_API
from records.viewsets import ApiBehaviour


class SchemaView(ApiBehaviour, SpectacularAPIView):
    """The OpenAPI schema: one API version (a ?version= parameter is ignored), errors in JSON."""

    api_version = "1.0.0"
    strict_parameters = False  # drf-spectacular's own ?format=json|yaml, ?lang=, ?version=


router = DefaultRouter()
router.include_format_suffixes = False
for kind in IN_API:  # records.kinds: the resource of each kind, served by <app>.api.<Model>ViewSet
    router.register(kind.api_path, import_string(kind.viewset_path), basename=kind.model_name)
# Every citation in one list (citations are not records: no page, no slug; an id).
router.register("citations", import_string("sources.api.CitationViewSet"), basename="citation")

app_name = "api"
urlpatterns = [
    # Before the router's places/<slug>/ (a place cannot be named "compare").
    path("places/compare/", PlaceCompareView.as_view(), name="place-compare"),
    path("places.geojson", exports.PlacesGeoJSONView.as_view(), name="places-geojson"),
    path("graph/", exports.GraphView.as_view(), name="graph"),
    path("graph.graphml", exports.GraphMLView.as_view(), name="graph-graphml"),
    path("dump/", exports.DumpView.as_view(), name="dump"),
    path("schema/", SchemaView.as_view(), name="schema"),
    # Swagger UI sets one inline style: the only exception to the site's CSP, on this page only.
    path(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
    path("", include(router.urls)),
]
