from django.db.models import Count, ExpressionWrapper, F, IntegerField, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from networks.filters import DeclarationFilter, NetworkFilter
from networks.models import Declaration, Event, Forum, Membership, Network
from records.countries import country_name
from records.facets import Facet
from records.views import FilteredListView, RecordDetailView


class NetworkListView(FilteredListView):
    model = Network
    filterset_class = NetworkFilter

    def get_facets(self):
        decade = ExpressionWrapper(F("founded_year") / 10 * 10, output_field=IntegerField())
        return [
            Facet("scale", _("scale"), "scale", choices=dict(Network.Scale.choices)),
            Facet("origin", _("origin"), "origin", choices=dict(Network.Origin.choices)),
            Facet("scope", _("scope"), "scope", choices=dict(Network.Scope.choices)),
            Facet("country", _("country"), "country", label_function=country_name),
            Facet(
                "decade",
                _("founding decade"),
                decade,
                alias="founding_decade",
                label_function=lambda value: f"{value}–{value + 9}",
            ),
            Facet(
                "theme",
                _("theme of its members' practices"),
                "memberships__place__practices__themes__slug",
                label_field="memberships__place__practices__themes__name",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["matrix"] = typology_matrix()
        return context


class NetworkDetailView(RecordDetailView):
    model = Network

    def get_queryset(self):
        return super().get_queryset().for_detail().prefetch_related("forums", "declarations", "practices")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["memberships"] = (
            Membership.objects.published()
            .filter(network=self.object)
            .select_related("place", "organisation", "member_network")
            .order_by("role", "start_year", "slug")
        )
        return context


class ForumListView(ListView):
    """The forums, then every event year by year: the timeline, paginated."""

    model = Event
    template_name = "networks/forum_list.html"
    paginate_by = 100

    def get_queryset(self):
        return Event.objects.published().select_related("forum", "place").order_by("year", "month", "slug")

    forums_shown = 30  # the most active; every forum is also reached from its events and by search

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        forums = Forum.objects.published()
        context["forums"] = forums.annotate(
            event_count=Count("events", filter=Q(events__is_published=True))
        ).order_by("-event_count", "name", "slug")[: self.forums_shown]
        context["forum_count"] = forums.count()
        return context


class DeclarationListView(FilteredListView):
    model = Declaration
    filterset_class = DeclarationFilter

    def get_base_queryset(self):
        return Declaration.objects.published().for_listing()

    def get_facets(self):
        return [Facet("kind", _("kind"), "kind", choices=dict(Declaration.Kind.choices))]


class ForumDetailView(RecordDetailView):
    model = Forum

    def get_queryset(self):
        events = Prefetch("events", queryset=Event.objects.published().select_related("place"))
        return super().get_queryset().for_detail().prefetch_related(events)


class EventDetailView(RecordDetailView):
    model = Event

    def get_queryset(self):
        return super().get_queryset().for_detail()


class DeclarationDetailView(RecordDetailView):
    model = Declaration

    def get_queryset(self):
        return super().get_queryset().for_detail()


def typology_matrix():
    """Counts of published networks per (scale, origin, scope) cell, in one query."""
    rows = (
        Network.objects.published().order_by().values("scale", "origin", "scope").annotate(count=Count("pk"))
    )
    counts = {(row["scale"], row["origin"], row["scope"]): row["count"] for row in rows}
    return [
        {
            "scale": scale,
            "scale_label": scale_label,
            "cells": [
                {
                    "origin": origin,
                    "origin_label": origin_label,
                    "scopes": [
                        {"scope": scope, "label": scope_label, "count": counts.get((scale, origin, scope), 0)}
                        for scope, scope_label in Network.Scope.choices
                    ],
                }
                for origin, origin_label in Network.Origin.choices
            ],
        }
        for scale, scale_label in Network.Scale.choices
    ]
