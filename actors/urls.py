from django.urls import path
from django.utils.translation import gettext_lazy as _

from actors import views

app_name = "actors"
urlpatterns = [
    path(_("places/"), views.PlaceListView.as_view(), name="place-list"),
    # Before the place's page: a place cannot be named "compare" ("comparer" in French).
    path(_("places/compare/"), views.PlaceCompareView.as_view(), name="place-compare"),
    path(_("places/<slug:slug>/"), views.PlaceDetailView.as_view(), name="place-detail"),
    path(_("organisations/"), views.OrganisationListView.as_view(), name="organisation-list"),
    path(_("organisations/<slug:slug>/"), views.OrganisationDetailView.as_view(), name="organisation-detail"),
    path(_("people/"), views.PersonListView.as_view(), name="person-list"),
    path(_("people/<slug:slug>/"), views.PersonDetailView.as_view(), name="person-detail"),
]
