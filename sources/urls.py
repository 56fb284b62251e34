from django.urls import path
from django.utils.translation import gettext_lazy as _

from sources import views

app_name = "sources"
urlpatterns = [
    path(_("sources/"), views.SourceListView.as_view(), name="source-list"),
    path(_("sources/<slug:slug>/"), views.SourceDetailView.as_view(), name="source-detail"),
]
