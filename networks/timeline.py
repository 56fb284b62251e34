"""Memberships over time, drawn as the sources date them: the geometry of a membership timeline (a
network's members, or a place's networks) and the count of networks founded by each decade.

Nothing is invented. A bar runs from the year a membership began to the year it ended; to the year a
source states it as holding (`current`, an open end marked "known as of …"); or, when no source says
how it ended, a first year drawn solid and a dashed line after it. A membership without a start year
gets no bar: it is listed apart, "dates not stated by the sources". The templates draw the SVG from
these numbers (`templates/includes/membership_timeline.html`), with classes styled in site.css: no
inline style, no script.
"""

from dataclasses import dataclass, field

from django.db.models import Count, ExpressionWrapper, F, IntegerField
from django.utils.translation import gettext as _

from networks.models import Membership, Network

# The drawing's user units (the SVG scales to its box; site.css caps its width).
WIDTH = 360
PLOT_LEFT = 16  # the years' axis, from here…
PLOT_RIGHT = 232  # …to here; the notes ("known as of 2022") are written right of it
NOTE_X = 240
TOP = 34  # the ticks' labels and the founding mark above the first row
ROW_HEIGHT = 36
BAR_OFFSET = 18  # from the top of a row (its label's line) to the top of its bar
BAR_HEIGHT = 9
LABEL_CHARACTERS = 52  # what a row's label line holds at the drawing's font size
MIN_BAR = 4  # a membership of a single year still shows

ROLE_ORDER = [value for value, _label in Membership.Role.choices]


class EndKind:
    ENDED = "ended"  # end_year given: the bar stops there
    KNOWN = "known"  # current as of status_as_of: an open end
    ENDED_BY = "ended-by"  # ended as of status_as_of, the year it ended not given
    OPEN = "open"  # the sources only say it began: dashed after its first year


@dataclass
class Row:
    """One dated membership and where it is drawn."""

    membership: Membership
    label: str
    role: str
    role_label: str
    start: int
    end: int | None  # the last year a source places it in (None: only its first year is known)
    end_kind: str
    note: str  # what the open or closed end says, beside the bar
    description: str  # the row in one sentence, for screen readers
    y: int = 0
    x_start: float = 0
    x_solid: float = 0  # where the solid bar stops
    x_dashed: float = 0  # where the dashed part stops (equal to x_solid when there is none)
    founding_x: float | None = None  # the network's founding, on a place's rows
    founding_year: int | None = None

    @property
    def label_y(self):
        return self.y + 12

    @property
    def bar_y(self):
        return self.y + BAR_OFFSET

    @property
    def bar_middle(self):
        return self.y + BAR_OFFSET + BAR_HEIGHT / 2

    @property
    def solid_width(self):
        return round(max(self.x_solid - self.x_start, MIN_BAR), 1)

    @property
    def arrow(self):
        """The open end of a membership known as of a year: a small triangle pointing on."""
        x, middle = self.x_start + self.solid_width, self.bar_middle
        return f"{x:.1f},{self.bar_y - 2} {x + 7:.1f},{middle} {x:.1f},{self.bar_y + BAR_HEIGHT + 2}"

    @property
    def diamond(self):
        if self.founding_x is None:
            return ""
        x, middle = self.founding_x, self.bar_middle
        return f"{x:.1f},{middle - 6} {x + 5:.1f},{middle} {x:.1f},{middle + 6} {x - 5:.1f},{middle}"


@dataclass
class Undated:
    """A membership the sources give no start year for: listed apart, with a dot of its role."""

    membership: Membership
    label: str
    role: str
    role_label: str
    note: str


@dataclass
class Timeline:
    rows: list[Row]
    undated: list[Undated]
    first_year: int | None = None  # the years the sources give, first and last
    last_year: int | None = None
    axis_last: int | None = None  # the axis' end: a year on when an end is open
    ticks: list[dict] = field(default_factory=list)
    founding: dict | None = None  # a network's founding: {"year", "x"}
    roles: list[dict] = field(default_factory=list)  # the legend: the roles shown, in the model's order
    width: int = WIDTH
    height: int = 0
    plot_left: int = PLOT_LEFT
    plot_right: int = PLOT_RIGHT
    note_x: int = NOTE_X
    has_open_end: bool = False
    has_known_end: bool = False

    @property
    def has_network_founding(self):
        return any(row.founding_x is not None for row in self.rows)

    def __bool__(self):
        return bool(self.rows or self.undated)

    @property
    def axis_top(self):
        return TOP - 10

    @property
    def axis_bottom(self):
        return self.height - 4


def year_ticks(first, last):
    """Round years across [first, last], at most seven."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if (last - first) / step <= 6:
            break
    start = first + (-first) % step
    return list(range(start, last + 1, step))


def describe_end(membership):
    """(end, kind, note): the last year a source places the membership in, and what its end says."""
    if membership.end_year is not None:
        return membership.end_year, EndKind.ENDED, _("ended in %(year)s") % {"year": membership.end_year}
    if membership.status == Membership.Status.CURRENT and membership.status_as_of is not None:
        return (
            membership.status_as_of,
            EndKind.KNOWN,
            _("known as of %(year)s") % {"year": membership.status_as_of},
        )
    if membership.status == Membership.Status.ENDED and membership.status_as_of is not None:
        return (
            membership.status_as_of,
            EndKind.ENDED_BY,
            _("ended by %(year)s") % {"year": membership.status_as_of},
        )
    return None, EndKind.OPEN, _("end not stated")


def shorten(text, length=LABEL_CHARACTERS):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def network_label(network):
    return network.acronym or network.name


def membership_timeline(memberships, *, network=None, label=None):
    """The timeline of `memberships` (already fetched, with their network and member).

    On a network's page (`network` given) each row is a member and the network's founding is one
    line across the rows; on a place's page each row is a network, with the network's founding
    marked on its row. `label(membership)` names a row (by default the member, or the network)."""
    if label is None:
        label = (lambda m: m.member.name) if network is not None else (lambda m: network_label(m.network))
    rows, undated = [], []
    for membership in memberships:
        name = str(label(membership))
        role_label = membership.get_role_display()
        if membership.start_year is None:
            if membership.end_year is not None:
                note = _("until %(year)s") % {"year": membership.end_year}
            elif membership.status != Membership.Status.UNKNOWN:
                note = _("%(status)s as of %(year)s") % {
                    "status": membership.get_status_display(),
                    "year": membership.status_as_of,
                }
            else:
                note = ""
            undated.append(Undated(membership, name, membership.role, role_label, note))
            continue
        end, end_kind, note = describe_end(membership)
        description = _("%(name)s, %(role)s: from %(start)s, %(end)s") % {
            "name": name,
            "role": role_label,
            "start": membership.start_year,
            "end": note,
        }
        rows.append(
            Row(
                membership=membership,
                label=shorten(f"{name} — {role_label}"),
                role=membership.role,
                role_label=role_label,
                start=membership.start_year,
                end=max(end, membership.start_year) if end is not None else None,
                end_kind=end_kind,
                note=note,
                description=description,
            )
        )
    rows.sort(
        key=lambda row: (row.start, ROLE_ORDER.index(row.role), row.label.casefold(), row.membership.slug)
    )
    undated.sort(key=lambda item: (ROLE_ORDER.index(item.role), item.label.casefold(), item.membership.slug))
    timeline = Timeline(rows=rows, undated=undated)
    shown_roles = {row.role for row in rows} | {item.role for item in undated}
    timeline.roles = [
        {"role": value, "label": label_} for value, label_ in Membership.Role.choices if value in shown_roles
    ]
    if not rows:
        return timeline

    founded = network.founded_year if network is not None else None
    years = [row.start for row in rows] + [row.end for row in rows if row.end is not None]
    if founded is not None:
        years.append(founded)
    if network is None:  # a place's rows: each network's founding
        years += [row.membership.network.founded_year for row in rows if row.membership.network.founded_year]
    first, last = min(years), max(years)
    timeline.first_year, timeline.last_year = first, last
    timeline.has_open_end = any(row.end_kind == EndKind.OPEN for row in rows)
    timeline.has_known_end = any(row.end_kind == EndKind.KNOWN for row in rows)
    if timeline.has_open_end or timeline.has_known_end or last == first:
        last += 1  # room for the open ends, and an axis at least a year long
    span = PLOT_RIGHT - PLOT_LEFT

    def x(year):
        return round(PLOT_LEFT + (year - first) / (last - first) * span, 1)

    for index, row in enumerate(rows):
        row.y = TOP + index * ROW_HEIGHT
        row.x_start = x(row.start)
        if row.end_kind == EndKind.OPEN:
            row.x_solid = x(row.start + 1) if row.start < last else row.x_start
            row.x_dashed = x(last)
        else:
            row.x_solid = x(row.end)
            row.x_dashed = row.x_solid
        if network is None and row.membership.network.founded_year is not None:
            row.founding_year = row.membership.network.founded_year
            row.founding_x = x(row.founding_year)
    timeline.axis_last = last
    # Ticks up to the last year the sources give (the axis' extra year carries open ends, not a date).
    timeline.ticks = [{"year": year, "x": x(year)} for year in year_ticks(first, timeline.last_year)]
    if founded is not None:
        timeline.founding = {"year": founded, "x": x(founded)}
    timeline.height = TOP + len(rows) * ROW_HEIGHT + 4
    return timeline


# ---------------------------------------------------------------- networks by decade


def networks_by_decade():
    """How many networks of each type (scale × origin × scope) had been founded by the end of each
    decade, as the sources date their founding; the networks without a founding year counted apart.

    One aggregate query: (type, founding decade) → count, summed up decade by decade here. A network
    "exists" in a decade once founded; the sources date no dissolution, so none is taken away."""
    decade = ExpressionWrapper(F("founded_year") / 10 * 10, output_field=IntegerField())
    rows = (
        Network.objects.published()
        .order_by()
        .annotate(decade=decade)
        .values("scale", "origin", "scope", "decade")
        .annotate(count=Count("pk"))
    )
    founded, undated = {}, 0
    for row in rows:
        if row["decade"] is None:
            undated += row["count"]
            continue
        key = (row["scale"], row["origin"], row["scope"])
        key = key if "" not in key else None  # any dimension left undetermined: one row for them
        founded[key, row["decade"]] = founded.get((key, row["decade"]), 0) + row["count"]
    if not founded:
        return {"decades": [], "rows": [], "totals": [], "undated": undated}
    first = min(decade for _key, decade in founded)
    last = max(decade for _key, decade in founded)
    decades = list(range(first, last + 1, 10))
    types = [
        (scale, origin, scope)
        for scale in Network.Scale.values
        if scale
        for origin in Network.Origin.values
        if origin
        for scope in Network.Scope.values
        if scope
    ]
    labels = {
        **dict(Network.Scale.choices),
        **dict(Network.Origin.choices),
        **dict(Network.Scope.choices),
    }
    result_rows = []
    for key in [*types, None]:
        running, counts = 0, []
        for value in decades:
            running += founded.get((key, value), 0)
            counts.append(running)
        if not running:
            continue
        result_rows.append(
            {
                "type": key,
                "label": " · ".join(str(labels[part]) for part in key) if key else _("not fully determined"),
                "counts": counts,
            }
        )
    totals = [sum(row["counts"][index] for row in result_rows) for index in range(len(decades))]
    return {
        "decades": [{"start": value, "end": value + 9} for value in decades],
        "rows": result_rows,
        "totals": totals,
        "undated": undated,
        "dated": totals[-1],
    }
