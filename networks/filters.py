from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models import Declaration, Event, Forum, Membership, Network
from records.filters import (
    ChoiceInFilter,
    CountryFilter,
    SearchFilterSet,
    TrueFalseFilter,
    YearFilter,
    records_in,
)
from sources.filters import ClaimedFilterSet

UNDETERMINED = "undetermined"


class TypologyFilter(ChoiceInFilter):
    """A typology dimension: its values, or `undetermined` for the networks the sources leave uncoded."""

    def __init__(self, choices, **kwargs):
        coded = [(value, label) for value, label in choices if value]
        super().__init__(choices=[*coded, (UNDETERMINED, _("not determined"))], **kwargs)

    def filter(self, qs, value):
        return super().filter(qs, ["" if item == UNDETERMINED else item for item in value or []])


class NetworkFilter(ClaimedFilterSet):
    search_fields = Network.search_fields
    scale = TypologyFilter(Network.Scale.choices, label=_("scale"))
    origin = TypologyFilter(Network.Origin.choices, label=_("origin"))
    scope = TypologyFilter(Network.Scope.choices, label=_("scope"))
    country = CountryFilter(field_name="country", label=_("country"))
    founded_after = YearFilter(field_name="founded_year", lookup_expr="gte", label=_("founded from"))
    founded_before = YearFilter(field_name="founded_year", lookup_expr="lte", label=_("founded up to"))
    member = records_in("memberships__place", _("member place"))
    parent = records_in("parent", _("umbrella network"))
    in_typology_table = TrueFalseFilter(label=_("in Lacroix's typology table"))
    decade = YearFilter(method="filter_decade", label=_("founding decade (e.g. 1990)"))
    theme = records_in(
        "memberships__place__practices__themes",
        _("theme of its members' practices"),
        method="filter_theme",
    )

    class Meta:
        model = Network
        fields = [
            "scale",
            "origin",
            "scope",
            "country",
            "founded_after",
            "founded_before",
            "decade",
            "member",
            "parent",
            "in_typology_table",
            "theme",
            "disputed",
            "search",
        ]

    def filter_decade(self, queryset, name, value):
        if value is None:
            return queryset
        start = value - value % 10
        return queryset.filter(founded_year__gte=start, founded_year__lte=start + 9)

    def filter_theme(self, queryset, name, value):
        """Networks whose member places run practices on these themes."""
        if not value:
            return queryset
        matching = Network.objects.filter(memberships__place__practices__themes__in=value)
        return queryset.filter(pk__in=matching.values("pk"))


class MembershipFilter(SearchFilterSet):
    search_fields = ("slug", "network__name_fr", "network__name_en", "note_fr", "note_en")
    network = records_in("network", _("network"))
    place = records_in("place", _("place"))
    organisation = records_in("organisation", _("organisation"))
    member_network = records_in("member_network", _("member network"))
    role = ChoiceInFilter(choices=Membership.Role.choices, label=_("role"))
    since_after = YearFilter(field_name="start_year", lookup_expr="gte", label=_("since, from"))
    since_before = YearFilter(field_name="start_year", lookup_expr="lte", label=_("since, up to"))
    status = ChoiceInFilter(choices=Membership.Status.choices, label=_("status (as the sources state it)"))
    as_of = YearFilter(method="filter_as_of", label=_("held in that year (begun by then, not ended before)"))

    class Meta:
        model = Membership
        fields = [
            "network",
            "place",
            "organisation",
            "member_network",
            "role",
            "since_after",
            "since_before",
            "status",
            "as_of",
            "search",
        ]

    def filter_as_of(self, queryset, name, value):
        """Who belonged in that year, as the sources date it: begun by then (a membership without a start
        year is left out: nothing places it in any year) and not ended before it — neither an end year
        before it nor, without one, a source saying it had ended by an earlier year."""
        if value is None:
            return queryset
        ended_before = Q(end_year__lt=value) | Q(
            end_year__isnull=True, status=Membership.Status.ENDED, status_as_of__lt=value
        )
        return queryset.filter(start_year__lte=value).exclude(ended_before)


class ForumFilter(ClaimedFilterSet):
    search_fields = Forum.search_fields
    kind = ChoiceInFilter(choices=Forum.Kind.choices, label=_("kind"))

    class Meta:
        model = Forum
        fields = ["kind", "disputed", "search"]


class EventFilter(ClaimedFilterSet):
    search_fields = Event.search_fields
    forum = records_in("forum", _("forum"))
    place = records_in("place", _("place"))
    year_from = YearFilter(field_name="year", lookup_expr="gte", label=_("from year"))
    year_to = YearFilter(field_name="year", lookup_expr="lte", label=_("to year"))

    class Meta:
        model = Event
        fields = ["forum", "place", "year_from", "year_to", "disputed", "search"]


class DeclarationFilter(ClaimedFilterSet):
    search_fields = Declaration.search_fields
    kind = ChoiceInFilter(choices=Declaration.Kind.choices, label=_("kind"))
    year_from = YearFilter(field_name="year", lookup_expr="gte", label=_("from year"))
    year_to = YearFilter(field_name="year", lookup_expr="lte", label=_("to year"))
    network = records_in("adopted_by_networks", _("adopted by network"))

    class Meta:
        model = Declaration
        fields = ["kind", "year_from", "year_to", "network", "disputed", "search"]
