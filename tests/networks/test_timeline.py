"""Memberships over time: the timeline builder, the pages that draw it, the count of networks by
decade, and `?as_of=YEAR` in the API."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from networks.models import Membership
from networks.timeline import EndKind, membership_timeline, networks_by_decade, year_ticks
from tests import factories as f

pytestmark = pytest.mark.django_db


def timeline_of(network):
    memberships = Membership.objects.published().filter(network=network).for_listing()
    return membership_timeline(list(memberships), network=network)


def network_with_members(**fields):
    """A network founded in 2018 with one membership of each kind of end, and one without dates."""
    network = f.make_network(slug="anvita", founded_year=2018, **fields)
    place = {name: f.make_place(slug=name, name_fr=name.title(), name_en=name.title()) for name in "abcde"}
    f.make_membership(
        network, place["a"], role="founder", start_year=2018, end_year=2020, status="ended", status_as_of=2020
    )
    f.make_membership(
        network, place["b"], role="member", start_year=2020, status="current", status_as_of=2022
    )
    f.make_membership(network, place["c"], role="member", start_year=2021)
    f.make_membership(network, place["d"], role="board", start_year=2019, status="ended", status_as_of=2021)
    f.make_membership(network, place["e"], role="member")  # no dates: listed apart
    return network


# ---------------------------------------------------------------- the builder


def test_each_kind_of_end_is_drawn_as_the_sources_give_it():
    timeline = timeline_of(network_with_members())
    rows = {row.membership.place.slug: row for row in timeline.rows}
    assert [row.membership.place.slug for row in timeline.rows] == ["a", "d", "b", "c"]  # by start year
    ended, known, open_, ended_by = rows["a"], rows["b"], rows["c"], rows["d"]
    assert (ended.end_kind, ended.end, ended.x_solid == ended.x_dashed) == (EndKind.ENDED, 2020, True)
    assert (known.end_kind, known.end) == (EndKind.KNOWN, 2022)
    assert known.note == "état connu en 2022" and "2022" in known.description
    assert (ended_by.end_kind, ended_by.end) == (EndKind.ENDED_BY, 2021)
    # The sources only say when it began: a year drawn solid, then dashed to the axis' end.
    assert (open_.end_kind, open_.end, open_.note) == (EndKind.OPEN, None, "fin non indiquée")
    assert open_.x_start < open_.x_solid < open_.x_dashed == timeline.plot_right


def test_a_membership_without_a_start_year_is_listed_apart_not_drawn():
    timeline = timeline_of(network_with_members())
    assert [item.membership.place.slug for item in timeline.undated] == ["e"]
    assert "e" not in {row.membership.place.slug for row in timeline.rows}


def test_the_axis_spans_the_years_the_sources_give_and_leaves_room_for_open_ends():
    timeline = timeline_of(network_with_members())
    assert (timeline.first_year, timeline.last_year, timeline.axis_last) == (2018, 2022, 2023)
    assert [tick["year"] for tick in timeline.ticks] == [
        2018,
        2019,
        2020,
        2021,
        2022,
    ]  # no tick past the data
    assert timeline.ticks[0]["x"] == timeline.plot_left
    assert timeline.founding == {"year": 2018, "x": timeline.plot_left}
    xs = [tick["x"] for tick in timeline.ticks]
    assert xs == sorted(xs) and xs[-1] < timeline.plot_right


def test_the_legend_names_the_roles_shown_in_the_models_order():
    timeline = timeline_of(network_with_members())
    assert [role["role"] for role in timeline.roles] == ["founder", "member", "board"]


def test_a_membership_of_one_year_still_shows_and_the_founding_widens_the_axis():
    network = f.make_network(founded_year=2010)
    f.make_membership(
        network, f.make_place(), start_year=2015, end_year=2015, status="ended", status_as_of=2015
    )
    timeline = timeline_of(network)
    assert (timeline.first_year, timeline.last_year) == (2010, 2015)
    assert timeline.rows[0].solid_width >= 4
    assert [tick["year"] for tick in timeline.ticks] == [2010, 2011, 2012, 2013, 2014, 2015]


def test_a_place_timeline_names_the_networks_and_marks_each_founding():
    place = f.make_place(slug="briancon")
    old = f.make_network(slug="old", acronym="OLD", founded_year=2004)
    undated = f.make_network(slug="young", founded_year=None)
    f.make_membership(old, place, start_year=2018)
    f.make_membership(undated, place, start_year=2020, status="current", status_as_of=2022)
    timeline = membership_timeline(list(place.memberships.select_related("network")))
    assert timeline.first_year == 2004  # the founding is on the axis
    old_row, young_row = timeline.rows
    assert old_row.label.startswith("OLD — ") and old_row.founding_year == 2004 and old_row.diamond
    assert young_row.founding_x is None and not young_row.diamond
    assert timeline.founding is None and timeline.has_network_founding


def test_no_memberships_no_timeline():
    assert not membership_timeline([], network=f.make_network())


@pytest.mark.parametrize(
    ("first", "last", "ticks"),
    [
        (2018, 2022, [2018, 2019, 2020, 2021, 2022]),
        (1986, 2023, [1990, 2000, 2010, 2020]),
        (2004, 2015, [2004, 2006, 2008, 2010, 2012, 2014]),
    ],
)
def test_year_ticks_are_round_and_at_most_seven(first, last, ticks):
    assert year_ticks(first, last) == ticks


# ---------------------------------------------------------------- the pages


def timeline_section(html):
    match = re.search(r'<section class="mtl".*?</section>', html, re.S)
    assert match, "no timeline on the page"
    return match.group(0)


@pytest.mark.parametrize(
    ("language", "title", "heading"),
    [
        ("fr", "Les membres de Villes accueillantes dans le temps", "Les membres dans le temps"),
        ("en", "Members of Welcoming towns over time", "Members over time"),
    ],
)
def test_network_page_draws_the_timeline_with_accessible_names(client, language, title, heading):
    network = network_with_members(name_fr="Villes accueillantes", name_en="Welcoming towns")
    with translation.override(language):
        html = client.get(network.get_absolute_url()).text
    section = timeline_section(html)
    assert f">{heading}</h3>" in section
    svg = re.search(r"<svg [^>]*>", section).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="mtl-title mtl-desc"' in svg
    assert f'<title id="mtl-title">{title}</title>' in section
    assert re.search(r'<desc id="mtl-desc">4 [^<]+2018[^<]+2022', section)
    assert section.count('class="mtl-row ') == 4 and 'class="mtl-arrow"' in section
    assert section.count("<li>") >= 4  # the rows in words, for screen readers
    assert "style=" not in section and "<script" not in section  # strict CSP


def test_svg_coordinates_are_not_localised(client):
    network = network_with_members()
    with translation.override("fr"):
        section = timeline_section(client.get(network.get_absolute_url()).text)
    coordinates = re.findall(r' (?:x|x1|x2|y|width|points)="([^"]*)"', section)
    assert coordinates and not any("," in value and " " not in value for value in coordinates)


def test_network_page_lists_the_undated_memberships_apart(client):
    network = network_with_members()
    with translation.override("en"):
        section = timeline_section(client.get(network.get_absolute_url()).text)
    undated = section.split("Dates not stated by the sources:")[1]
    assert ">E</a>" in undated and "mtl-dot" in undated


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr", "Les réseaux de Briançon dans le temps"), ("en", "Networks of Briançon over time")],
)
def test_place_page_draws_its_networks_over_time(client, language, title):
    place = f.make_place(slug="briancon", name_fr="Briançon", name_en="Briançon")
    network = f.make_network(acronym="ANVITA", founded_year=2018)
    f.make_membership(
        network, place, role="founder", start_year=2018, end_year=2020, status="ended", status_as_of=2020
    )
    with translation.override(language):
        section = timeline_section(client.get(place.get_absolute_url()).text)
    assert f'<title id="mtl-title">{title}</title>' in section and "ANVITA — " in section


def test_a_page_without_memberships_draws_no_timeline(client):
    network = f.make_network()
    assert 'class="mtl"' not in client.get(network.get_absolute_url()).text


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("kind", ["network", "place"])
def test_the_timeline_costs_no_query_whatever_the_number_of_memberships(client, kind):
    network, place = f.make_network(founded_year=2000), f.make_place()
    f.make_membership(network, place, start_year=2001)
    page = network if kind == "network" else place
    before = queries_of(client, page.get_absolute_url())
    for year in range(2002, 2012):
        other_network, other_place = f.make_network(founded_year=year), f.make_place()
        f.make_membership(network, other_place, start_year=year)
        f.make_membership(other_network, place, start_year=year, status="current", status_as_of=2022)
    assert queries_of(client, page.get_absolute_url()) == before


# ---------------------------------------------------------------- networks by decade


def test_networks_are_counted_by_type_from_their_founding_decade_on(django_assert_num_queries):
    typed = {"scale": "national", "origin": "spontaneous", "scope": "specialist"}
    f.make_network(founded_year=1986, **typed)
    f.make_network(founded_year=2004, **typed)
    f.make_network(founded_year=2009, scale="transnational", origin="co-opted", scope="generalist")
    f.make_network(founded_year=2018, scale="transnational", origin="", scope="generalist")
    f.make_network(founded_year=None, **typed)
    f.make_network(founded_year=1999, is_published=False, **typed)  # a draft counts nowhere
    with django_assert_num_queries(1):
        counts = networks_by_decade()
    assert [decade["start"] for decade in counts["decades"]] == [1980, 1990, 2000, 2010]
    rows = {row["type"]: row["counts"] for row in counts["rows"]}
    assert rows == {
        ("national", "spontaneous", "specialist"): [1, 1, 2, 2],
        ("transnational", "co-opted", "generalist"): [0, 0, 1, 1],
        None: [0, 0, 0, 1],  # a dimension left undetermined
    }
    assert counts["totals"] == [1, 1, 3, 4] and counts["undated"] == 1


def test_network_list_shows_networks_by_type_and_decade(client):
    f.make_network(founded_year=2004, scale="national", origin="spontaneous", scope="specialist")
    f.make_network(founded_year=None)
    with translation.override("en"):
        html = client.get(reverse("networks:network-list")).text
    table = re.search(r'<details class="nbd">.*?</details>', html, re.S).group(0)
    assert '<th scope="col">by 2009</th>' in table
    assert "1 network has no founding year in the sources and is not counted" in table


# ---------------------------------------------------------------- ?as_of=YEAR


@pytest.fixture
def dated():
    network = f.make_network(slug="net")
    cases = {
        "from-2018": {"start_year": 2018},
        "2018-2020": {"start_year": 2018, "end_year": 2020, "status": "ended", "status_as_of": 2020},
        "from-2021": {"start_year": 2021, "status": "current", "status_as_of": 2022},
        "ended-by-2019": {"start_year": 2015, "status": "ended", "status_as_of": 2019},
        "undated": {},
    }
    for name, fields in cases.items():
        f.make_membership(network, f.make_place(slug=name), **fields)
    return network


def members(response):
    assert response.status_code == 200, response.content
    data = response.json()
    return sorted(item["member"] for item in data.get("results", data.get("memberships")))


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2017, ["ended-by-2019"]),
        (2018, ["2018-2020", "ended-by-2019", "from-2018"]),  # begun in that year
        (2019, ["2018-2020", "ended-by-2019", "from-2018"]),  # a source says it ended in 2019: still held
        (2020, ["2018-2020", "from-2018"]),  # ended in that year: still held
        (2021, ["from-2018", "from-2021"]),
        (2030, ["from-2018", "from-2021"]),  # no end before it (the status is as of 2022: see status_as_of)
    ],
)
def test_as_of_lists_the_memberships_held_in_that_year(client, dated, year, expected):
    assert members(client.get(reverse("api:membership-list"), {"as_of": year})) == expected
    detail = client.get(reverse("api:network-detail", kwargs={"slug": "net"}), {"as_of": year})
    assert members(detail) == expected


def test_as_of_never_places_a_membership_without_a_start_year(client, dated):
    for year in (1900, 2020, 2100):
        assert "undated" not in members(client.get(reverse("api:membership-list"), {"as_of": year}))
    assert "undated" in members(client.get(reverse("api:network-detail", kwargs={"slug": "net"})))


@pytest.mark.parametrize("value", ["", "2019.5", "twenty", "2019,2020"])
def test_a_bad_as_of_is_a_400_naming_it(client, dated, value):
    for url in (reverse("api:membership-list"), reverse("api:network-detail", kwargs={"slug": "net"})):
        response = client.get(url, {"as_of": value})
        assert response.status_code == 400 and "as_of" in response.json()["errors"], (url, value)


def test_as_of_is_a_parameter_of_the_network_detail_not_of_the_list(client, dated):
    response = client.get(reverse("api:network-list"), {"as_of": 2019})
    assert response.status_code == 400 and "as_of" in response.json()["errors"]


def test_as_of_costs_no_more_queries(client, dated, django_assert_num_queries):
    url = reverse("api:network-detail", kwargs={"slug": "net"})
    with CaptureQueriesContext(connection) as plain:
        client.get(url)
    with django_assert_num_queries(len(plain)):
        client.get(url, {"as_of": 2019})
    with django_assert_num_queries(2):  # count + page
        client.get(reverse("api:membership-list"), {"as_of": 2019})


def test_the_page_cache_keeps_each_year_apart(client, dated):
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "as-of"}}
    with override_settings(CACHES=locmem):
        caches["default"].clear()
        url = reverse("api:network-detail", kwargs={"slug": "net"})
        assert len(members(client.get(url))) == 5
        assert members(client.get(url, {"as_of": 2017})) == ["ended-by-2019"]
        assert len(members(client.get(url))) == 5
