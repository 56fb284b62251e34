"""Every page type exists in both languages, with title, description, alternates and breadcrumbs."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from networks.models import Network
from networks.views import ForumListView
from tests import factories as f
from web.sitemaps import SITEMAPS, RecordLanguages

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    place = f.make_place(slug="grenoble", name_fr="Grenoble", latitude="45.19", longitude="5.72")
    network = f.make_network(slug="anvita")
    f.make_membership(network, place)
    forum = f.make_forum(slug="gmf")
    event = f.make_event(slug="gmf-2014", forum=forum, place=place, year=2014, month=6)
    return {
        "networks:network-detail": network,
        "practices:practice-detail": f.make_practice(slug="riace", places=[place]),
        "actors:place-detail": place,
        "actors:organisation-detail": f.make_organisation(slug="iom", acronym="OIM"),
        "actors:person-detail": f.make_person(slug="damien-careme"),
        "networks:forum-detail": forum,
        "networks:event-detail": event,
        "networks:declaration-detail": f.make_declaration(slug="barcelona-call", event=event),
        "sources:source-detail": f.make_source(slug="lacroix-2020"),
    }


LISTS = [
    "home",
    "about",
    "api-page",
    "search",
    "networks:network-list",
    "practices:practice-list",
    "practices:brief",
    "actors:place-list",
    "actors:place-compare",
    "actors:organisation-list",
    "actors:person-list",
    "networks:forum-list",
    "networks:declaration-list",
    "sources:source-list",
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_type_renders_in_both_languages_with_its_metadata(client, records, language):
    with translation.override(language):
        urls = [reverse(name) for name in LISTS] + [record.get_absolute_url() for record in records.values()]
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.text
        assert f'<html lang="{language}">' in html, url
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        assert title and not title.startswith("·"), url
        assert re.search(r'<meta name="description" content="[^"]{20,}', html), url
        assert 'hreflang="fr"' in html and 'hreflang="en"' in html and 'rel="canonical"' in html, url
        if url.rstrip("/") not in (f"/{language}",):
            assert 'class="breadcrumbs"' in html, url


def test_json_ld_describes_places_organisations_and_events(client, records):
    for name, schema_type in [
        ("actors:place-detail", "Place"),
        ("actors:organisation-detail", "Organization"),
        ("networks:event-detail", "Event"),
    ]:
        html = client.get(records[name].get_absolute_url()).text
        data = json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        )
        assert data["@context"] == "https://schema.org" and data["@type"] == schema_type
        assert data["url"].endswith(records[name].get_absolute_url())
    event = json.loads(
        re.search(
            r"ld\+json\">(.*?)</script>",
            client.get(records["networks:event-detail"].get_absolute_url()).text,
            re.S,
        ).group(1)
    )
    assert event["startDate"] == "2014-06" and event["location"]["name"]


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_pages(client):
    """The sitemap index, then every sitemap it names: [(url, parsed page)]."""
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    urls = [loc.text for loc in index.iterfind("s:sitemap/s:loc", SITEMAP_NS)]
    return [(url, ElementTree.fromstring(client.get(url).content)) for url in urls]


def test_sitemap_lists_every_record_in_both_languages_with_alternates(client, records):
    ns = SITEMAP_NS
    pages = sitemap_pages(client)
    assert "http://testserver/sitemap-networks.xml" in [url for url, _page in pages]
    locations = {loc.text for _url, page in pages for loc in page.iterfind("s:url/s:loc", ns)}
    assert (
        "http://testserver/fr/reseaux/anvita/" in locations
        and "http://testserver/en/networks/anvita/" in locations
    )
    assert "http://testserver/en/practices/riace/" in locations
    assert all(page.find("s:url/x:link[@hreflang='en']", ns) is not None for _url, page in pages)


def test_sitemaps_come_in_pages_the_index_names(client, monkeypatch):
    monkeypatch.setattr(SITEMAPS["networks"], "limit", 4)  # URLs: two records in two languages
    for slug in ("a", "b", "c", "d", "e"):
        f.make_network(slug=slug)
    pages = dict(sitemap_pages(client))
    network_pages = sorted(url for url in pages if "sitemap-networks.xml" in url)
    assert network_pages == [
        "http://testserver/sitemap-networks.xml",
        "http://testserver/sitemap-networks.xml?p=2",
        "http://testserver/sitemap-networks.xml?p=3",
    ]
    slugs = [
        loc.text.rstrip("/").rsplit("/", 1)[-1]
        for url in network_pages
        for loc in pages[url].iterfind("s:url/s:loc", SITEMAP_NS)
        if "/fr/" in loc.text
    ]
    assert slugs == ["a", "b", "c", "d", "e"]


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").text
    assert "Sitemap: http://testserver/sitemap.xml" in body and "Disallow: /admin/" in body


@pytest.mark.parametrize(
    "path, text", [("/fr/nulle-part/", "Page introuvable"), ("/en/nowhere/", "Page not found")]
)
def test_not_found_pages_are_bilingual(client, path, text):
    response = client.get(path)
    assert response.status_code == 404 and text in response.text


def test_server_error_page_is_bilingual_and_standalone(client):
    html = get_template("500.html").render()
    assert "Une erreur est survenue" in html and "Something went wrong" in html and "{%" not in html


def test_forum_timeline_lists_events_in_order(client, records):
    f.make_event(slug="rabat-2021", year=2021)
    page = client.get(reverse("networks:forum-list")).text
    assert page.find(records["networks:event-detail"].name) < page.find("/rabat-2021/")


def populate(count):
    for _ in range(count):
        place = f.make_place()
        org = f.make_organisation()
        person = f.make_person()
        f.make_role(person, place=place, organisation=None)
        forum = f.make_forum()
        event = f.make_event(forum=forum, place=place)
        f.make_declaration(event=event, place=place)
        f.cite(f.make_network(cited=False), source=f.make_source())
        f.make_membership(f.make_network(), org)


@pytest.mark.parametrize(
    "name, params",
    [
        ("actors:organisation-list", {}),
        ("actors:person-list", {}),
        ("networks:declaration-list", {}),
        ("networks:forum-list", {}),
        ("sources:source-list", {}),
        ("search", {"q": "name"}),
        ("home", {}),
    ],
)
def test_every_other_list_page_costs_the_same_whatever_the_number_of_records(client, name, params):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name), params).status_code == 200
        return len(captured)

    populate(2)
    few = queries()
    populate(15)
    assert queries() == few, name


def test_forum_timeline_shows_the_most_active_forums_and_says_how_many_there_are(client, monkeypatch):
    monkeypatch.setattr(ForumListView, "forums_shown", 2)
    quiet = f.make_forum(slug="quiet", name_fr="Forum calme")
    busy = f.make_forum(slug="busy", name_fr="Forum actif")
    middle = f.make_forum(slug="middle", name_fr="Forum moyen")
    for forum, events in [(busy, 3), (middle, 2), (quiet, 1)]:
        for _ in range(events):
            f.make_event(forum=forum)
    section = client.get(reverse("networks:forum-list")).text.split('id="timeline-title"')[0]
    assert "/busy/" in section and "/middle/" in section and "/quiet/" not in section
    assert "2 forums ayant le plus d’événements, sur 3 forums" in section


def test_sitemap_pages_of_record_language_pairs_match_the_whole_list():
    for slug in ("a", "b", "c", "d", "e"):
        f.make_network(slug=slug)
    pairs = RecordLanguages(Network.objects.order_by("slug"), ["fr", "en"])
    whole = [
        (network.slug, language) for network in Network.objects.order_by("slug") for language in ("fr", "en")
    ]
    assert len(pairs) == pairs.count() == 10
    for start in range(0, 11):
        for stop in range(start, 12):
            assert [(record.slug, language) for record, language in pairs[start:stop]] == whole[start:stop]
    assert (pairs[3][0].slug, pairs[3][1]) == whole[3]
