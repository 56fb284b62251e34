from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from config.views import HomeView, SearchView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api")),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path(_("search/"), SearchView.as_view(), name="search"),
    path("", include("networks.urls")),
    path("", include("practices.urls")),
    path("", include("actors.urls")),
    path("", include("sources.urls")),
    prefix_default_language=True,
)

handler404 = "config.views.page_not_found"
