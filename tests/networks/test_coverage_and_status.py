"""What member lists cover (members_listed, members_reported) and what the sources say of a
membership's status: in the API, on the pages, in the graph, and as constraints."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.models import Membership
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def anvita():
    network = f.make_network(slug="anvita", name_fr="ANVITA", acronym="ANVITA", country="FR")
    grenoble, lyon = f.make_place(slug="grenoble"), f.make_place(slug="lyon")
    f.make_membership(network, grenoble, role="founder", start_year=2018)
    f.make_membership(network, grenoble, role="chair")  # the same member twice counts once
    f.make_membership(network, lyon, role="member", status="current", status_as_of=2022)
    f.make_membership(network, f.make_organisation(slug="iom"), role="partner")  # not a member
    f.make_membership(network, f.make_place(slug="hidden", is_published=False))  # not public
    return network


def reported(network, value, year, slug, **fields):
    return f.make_claim(
        slug=slug,
        network=network,
        kind="member-count",
        field="members_reported",
        value_number=value,
        as_of_year=year,
        **f.both("value", f"{value} membres", f"{value} members"),
        **fields,
    )


def test_members_listed_counts_each_public_member_once_and_not_partners(client, anvita):
    listed = client.get(reverse("api:network-list")).json()["results"][0]
    detail = client.get(reverse("api:network-detail", kwargs={"slug": "anvita"})).json()
    assert listed["members_listed"] == detail["members_listed"] == 2
    assert listed["members_reported"] is None and detail["members_reported"] is None


def test_members_reported_is_the_latest_claim_of_the_networks_size(client, anvita):
    reported(anvita, 8, 2018, "anvita-8")
    latest = reported(anvita, 69, 2022, "anvita-69")
    f.make_claim(network=anvita, kind="member-count", value_number=9, as_of_year=2023)  # founders, no field
    for url in (reverse("api:network-list"), reverse("api:network-detail", kwargs={"slug": "anvita"})):
        body = client.get(url, {"lang": "en"}).json()
        network = body["results"][0] if "results" in body else body
        assert network["members_reported"] == {
            "value": "69 members",
            "value_number": "69.00",
            "as_of_year": 2022,
            "claim": latest.slug,
            "source": latest.source.slug,
            "disputed": False,
        }


def test_the_network_page_says_what_its_member_list_covers(client, anvita):
    reported(anvita, 69, 2022, "anvita-69")
    page = client.get(anvita.get_absolute_url()).text
    assert "Les sources nomment 2\u00a0membres de ce réseau." in page.replace(" membres", "\u00a0membres")
    assert "«\u00a069 membres\u00a0» (en 2022" in page and 'href="#claim-anvita-69"' in page
    assert "non un registre complet" in page
    empty = f.make_network(slug="empty")
    assert "Les sources ne nomment aucun membre de ce réseau." in client.get(empty.get_absolute_url()).text


def test_membership_status_is_in_the_api_filterable_and_on_the_pages(client, anvita):
    rows = client.get(reverse("api:membership-list"), {"status": "current"}).json()["results"]
    assert [(row["member"], row["status"], row["status_as_of"]) for row in rows] == [
        ("lyon", "current", 2022)
    ]
    unknown = client.get(reverse("api:membership-list"), {"status": "unknown"}).json()["count"]
    assert unknown == 3  # the founder, the chair and the partner; the hidden one is not public
    error = client.get(reverse("api:membership-list"), {"status": "still"})
    assert error.status_code == 400 and "status" in error.json()["errors"]
    page = client.get(anvita.get_absolute_url()).text
    assert "en cours <small>(en 2022)</small>" in page and "non précisé" in page
    assert "en cours" in client.get(reverse("actors:place-detail", kwargs={"slug": "lyon"})).text


def test_a_status_holds_as_of_a_year_and_an_end_year_means_ended():
    network, place = f.make_network(), f.make_place()
    for fields in (
        {"status": "current"},  # no year
        {"status": "unknown", "status_as_of": 2020},
        {"status": "current", "status_as_of": 2020, "end_year": 2019},
        {"status": "gone", "status_as_of": 2020},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Membership.objects.create(network=network, place=place, slug="x", **fields)
    ended = Membership.objects.create(
        network=network, place=place, slug="y", status="ended", status_as_of=2020, end_year=2020
    )
    assert ended.get_status_display() == "terminée"


def test_graph_nodes_carry_country_and_typology_and_edges_the_status(client, anvita):
    graph = client.get(reverse("api:graph"), {"lang": "en"}).json()
    nodes = {node["id"]: node for node in graph["nodes"]}
    assert {key: nodes["network:anvita"][key] for key in ("country", "scale", "origin", "scope")} == {
        "country": "FR",
        "scale": "national",
        "origin": "spontaneous",
        "scope": "specialist",
    }
    assert nodes["network:anvita"]["in_typology_table"] is False
    assert nodes["place:lyon"]["country"] == "FR" and nodes["place:lyon"]["scale"] is None
    edges = {edge["id"]: edge for edge in graph["edges"]}
    assert (edges["anvita--lyon--member"]["status"], edges["anvita--lyon--member"]["status_as_of"]) == (
        "current",
        2022,
    )
    root = ElementTree.fromstring(client.get(reverse("api:graph-graphml")).content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {key.get("id"): key.get("attr.type") for key in root.findall("g:key", ns)}
    assert keys["node_in_typology_table"] == "boolean" and keys["edge_status"] == "string"
    anvita_node = root.find(".//g:node[@id='network:anvita']", ns)
    data = {item.get("key"): item.text for item in anvita_node.findall("g:data", ns)}
    assert data["node_scale"] == "national" and data["node_in_typology_table"] == "false"
    place_node = root.find(".//g:node[@id='place:lyon']", ns)
    assert "node_scale" not in {item.get("key") for item in place_node.findall("g:data", ns)}


def network_with(members):
    network = f.make_network()
    for i in range(members):
        f.make_membership(network, f.make_place(), role="member", status="current", status_as_of=2020 + i % 3)
        f.make_claim(network=network, field="name", disputed=True)
        reported(network, 10 + i, 2018 + i, f"{network.slug}-size-{i}")
    return network


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_networks_page_and_api_detail_cost_the_same_whatever_its_members_and_claims(client):
    small, large = network_with(2), network_with(8)
    for url_of in (
        lambda network: network.get_absolute_url(),
        lambda network: reverse("api:network-detail", kwargs={"slug": network.slug}),
    ):
        assert queries(client, url_of(small)) == queries(client, url_of(large)) <= 12
