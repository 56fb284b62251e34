from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from web.sitemaps import SITEMAPS
from web.views import AboutView, ApiPageView, HomeView, SearchView, favicon, healthz, robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    # An index of one sitemap per kind of record, each in pages of SITEMAP_PAGE records (?p=2…).
    path("sitemap.xml", index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots"),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path(_("search/"), SearchView.as_view(), name="search"),
    path(_("about/"), AboutView.as_view(), name="about"),
    path(_("api/"), ApiPageView.as_view(), name="api-page"),
    path("", include("networks.urls")),
    path("", include("practices.urls")),
    path("", include("actors.urls")),
    path("", include("sources.urls")),
    prefix_default_language=True,
)

handler400 = "web.views.bad_request"
handler403 = "web.views.permission_denied"
handler404 = "web.views.page_not_found"
handler500 = "web.views.server_error"
