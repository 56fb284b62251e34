from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config.views import HomeView

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("", include("networks.urls")),
    path("", include("practices.urls")),
    path("", include("actors.urls")),
    path("", include("sources.urls")),
    prefix_default_language=True,
)
