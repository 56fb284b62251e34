from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices import views

app_name = "practices"
urlpatterns = [
    path(_("practices/"), views.PracticeListView.as_view(), name="practice-list"),
    path(_("brief/"), views.BriefView.as_view(), name="brief"),
    path(_("practices/<slug:slug>/"), views.PracticeDetailView.as_view(), name="practice-detail"),
]
