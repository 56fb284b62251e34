from django.db.models import (
    Case,
    CharField,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    Prefetch,
    Q,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from networks.filters import DeclarationFilter, NetworkFilter
from networks.models import Declaration, Event, Forum, Membership, Network
from networks.timeline import networks_by_decade
from records.countries import country_name
from records.facets import Facet
from records.views import FilteredListView, RecordDetailView


class NetworkListView(FilteredListView):
    model = Network
    filterset_class = NetworkFilter

    def get_facets(self):
        decade = ExpressionWrapper(F("founded_year") / 10 * 10, output_field=IntegerField())
        coded_by = Case(
            When(in_typology_table=True, then=Value("true")), default=Value("false"), output_field=CharField()
        )
        return [
            Facet(
                "in_typology_table",
                _("typology coded by"),
                coded_by,
                alias="coded_by",
                choices={"true": _("Lacroix (2020), his table"), "false": _("the editors (inference)")},
            ),
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
        context["by_decade"] = networks_by_decade()
        return context


class NetworkDetailView(RecordDetailView):
    model = Network

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .for_detail()
            .with_members_listed()
            .prefetch_related("forums", "declarations", "practices")
        )

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
    """Lacroix's table: his networks per (scale, origin, scope) cell, the editors' inferences counted
    apart in the same cell, and the networks left (partly) undetermined; one query."""
    rows = (
        Network.objects.published()
        .order_by()
        .values("scale", "origin", "scope", "in_typology_table")
        .annotate(count=Count("pk"))
    )
    lacroix, inferred = {}, {}
    undetermined = 0
    for row in rows:
        key = (row["scale"], row["origin"], row["scope"])
        if "" in key:
            undetermined += row["count"]
        else:
            counts = lacroix if row["in_typology_table"] else inferred
            counts[key] = counts.get(key, 0) + row["count"]
    scales = [choice for choice in Network.Scale.choices if choice[0]]
    origins = [choice for choice in Network.Origin.choices if choice[0]]
    scopes = [choice for choice in Network.Scope.choices if choice[0]]
    return {
        "rows": [
            {
                "scale": scale,
                "scale_label": scale_label,
                "cells": [
                    {
                        "origin": origin,
                        "origin_label": origin_label,
                        "scopes": [
                            {
                                "scope": scope,
                                "label": scope_label,
                                "count": lacroix.get((scale, origin, scope), 0),
                                "inferred": inferred.get((scale, origin, scope), 0),
                            }
                            for scope, scope_label in scopes
                        ],
                    }
                    for origin, origin_label in origins
                ],
            }
            for scale, scale_label in scales
        ],
        "origins": origins,
        "lacroix_total": sum(lacroix.values()),
        "inferred_total": sum(inferred.values()),
        "undetermined": undetermined,
    }
