from django.urls import path
from django.utils.translation import gettext_lazy as _

from networks import views

app_name = "networks"
urlpatterns = [
    path(_("networks/"), views.NetworkListView.as_view(), name="network-list"),
    path(_("networks/<slug:slug>/"), views.NetworkDetailView.as_view(), name="network-detail"),
    path(_("forums/"), views.ForumListView.as_view(), name="forum-list"),
    path(_("forums/<slug:slug>/"), views.ForumDetailView.as_view(), name="forum-detail"),
    path(_("declarations/"), views.DeclarationListView.as_view(), name="declaration-list"),
    path(_("events/<slug:slug>/"), views.EventDetailView.as_view(), name="event-detail"),
    path(_("declarations/<slug:slug>/"), views.DeclarationDetailView.as_view(), name="declaration-detail"),
]
