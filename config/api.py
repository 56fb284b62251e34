"""The one router of the research API, mounted at /api/v1/."""

from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from actors.api import OrganisationViewSet, PersonViewSet, PlaceViewSet
from config import exports
from config.viewsets import ApiBehaviour
from networks.api import DeclarationViewSet, EventViewSet, ForumViewSet, MembershipViewSet, NetworkViewSet
from practices.api import PracticeViewSet, ThemeViewSet
from sources.api import ClaimViewSet, SourceViewSet


class SchemaView(ApiBehaviour, SpectacularAPIView):
    """The OpenAPI schema: one API version (a ?version= parameter is ignored), errors in JSON."""

    api_version = "1.0.0"


router = DefaultRouter()
router.include_format_suffixes = False
router.register("networks", NetworkViewSet, basename="network")
router.register("memberships", MembershipViewSet, basename="membership")
router.register("places", PlaceViewSet, basename="place")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("people", PersonViewSet, basename="person")
router.register("practices", PracticeViewSet, basename="practice")
router.register("themes", ThemeViewSet, basename="theme")
router.register("forums", ForumViewSet, basename="forum")
router.register("events", EventViewSet, basename="event")
router.register("declarations", DeclarationViewSet, basename="declaration")
router.register("sources", SourceViewSet, basename="source")
router.register("claims", ClaimViewSet, basename="claim")

app_name = "api"
urlpatterns = [
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
