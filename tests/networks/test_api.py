import pytest
from django.core.management import call_command
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def slugs(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_network_list_filters_by_typology(client):
    f.make_network(slug="anvita", scale="national", origin="spontaneous", scope="specialist")
    f.make_network(slug="uclg", scale="transnational", origin="co-opted", scope="generalist")
    f.make_network(slug="icorn", scale="transnational", origin="spontaneous", scope="specialist")
    assert slugs(client, "api:network-list", scale="national") == ["anvita"]
    assert slugs(client, "api:network-list", scale="transnational", origin="co-opted") == ["uclg"]
    assert slugs(client, "api:network-list", scope="specialist") == ["anvita", "icorn"]
    assert slugs(client, "api:network-list", origin="spontaneous,co-opted", scope="generalist") == ["uclg"]


def test_network_list_filters_by_country_years_member_parent_and_table(client):
    grenoble = f.make_place(slug="grenoble")
    anvita = f.make_network(slug="anvita", country="FR", founded_year=2018, in_typology_table=True)
    iccar = f.make_network(slug="iccar", founded_year=2004)
    f.make_network(slug="eccar", parent=iccar, founded_year=2004)
    f.make_membership(anvita, grenoble, role="founder")
    assert slugs(client, "api:network-list", country="fr") == ["anvita"]
    assert slugs(client, "api:network-list", founded_after=2005) == ["anvita"]
    assert slugs(client, "api:network-list", founded_before=2004) == ["eccar", "iccar"]
    assert slugs(client, "api:network-list", founded_after=2004, founded_before=2004) == ["eccar", "iccar"]
    assert slugs(client, "api:network-list", member="grenoble") == ["anvita"]
    assert slugs(client, "api:network-list", parent="iccar") == ["eccar"]
    assert slugs(client, "api:network-list", in_typology_table="true") == ["anvita"]


def test_network_search_is_accent_and_case_insensitive(client):
    f.make_network(slug="anvita", name_fr="Villes et Territoires Accueillants", summary_fr="Réseau d'accueil")
    f.make_network(slug="eurocities", name_fr="Eurocités", name_en="Eurocities")
    assert slugs(client, "api:network-list", search="eurocites") == ["eurocities"]
    assert slugs(client, "api:network-list", search="ACCUEILLANTS villes") == ["anvita"]
    assert slugs(client, "api:network-list", search="reseau") == ["anvita"]
    assert slugs(client, "api:network-list", search="nowhere") == []


def test_network_ordering(client):
    f.make_network(slug="a", founded_year=2010)
    f.make_network(slug="b", founded_year=2000)
    assert slugs(client, "api:network-list", ordering="founded_year") == ["b", "a"]
    assert slugs(client, "api:network-list", ordering="-slug") == ["b", "a"]


def test_membership_list_filters_by_network_member_role_and_years(client):
    anvita, uclg = f.make_network(slug="anvita"), f.make_network(slug="uclg")
    f.make_membership(anvita, f.make_place(slug="grenoble"), role="founder", start_year=2018)
    f.make_membership(uclg, f.make_organisation(slug="iom"), role="partner", start_year=2004)
    f.make_membership(uclg, anvita, role="member", start_year=2020)
    assert slugs(client, "api:membership-list", network="anvita") == ["anvita--grenoble--founder"]
    assert slugs(client, "api:membership-list", organisation="iom") == ["uclg--iom--partner"]
    assert slugs(client, "api:membership-list", member_network="anvita") == ["uclg--anvita--member"]
    assert slugs(client, "api:membership-list", role="founder,partner") == [
        "anvita--grenoble--founder",
        "uclg--iom--partner",
    ]
    assert slugs(client, "api:membership-list", since_after=2010, since_before=2019) == [
        "anvita--grenoble--founder"
    ]
    detail = client.get(reverse("api:membership-detail", kwargs={"slug": "uclg--anvita--member"})).json()
    assert (detail["member_type"], detail["member"], detail["network"]) == ("network", "anvita", "uclg")


def test_event_list_filters_by_forum_place_and_year_range(client):
    forum = f.make_forum(slug="global-mayoral-forum")
    f.make_event(slug="gmf-2014", forum=forum, year=2014, place=f.make_place(slug="barcelona"))
    f.make_event(slug="gmf-2018", forum=forum, year=2018)
    f.make_event(slug="rabat-2021", year=2021)
    assert slugs(client, "api:event-list", forum="global-mayoral-forum") == ["gmf-2014", "gmf-2018"]
    assert slugs(client, "api:event-list", year_from=2015) == ["gmf-2018", "rabat-2021"]
    assert slugs(client, "api:event-list", year_from=2014, year_to=2018) == ["gmf-2014", "gmf-2018"]
    assert slugs(client, "api:event-list", place="barcelona") == ["gmf-2014"]


def test_declaration_list_filters_by_kind_years_and_network(client):
    anvita = f.make_network(slug="anvita")
    charter = f.make_declaration(slug="anvita-charter", kind="charter", year=2018)
    charter.adopted_by_networks.add(anvita)
    f.make_declaration(slug="race-directive", kind="law", year=2000)
    assert slugs(client, "api:declaration-list", kind="charter") == ["anvita-charter"]
    assert slugs(client, "api:declaration-list", year_to=2010) == ["race-directive"]
    assert slugs(client, "api:declaration-list", network="anvita") == ["anvita-charter"]


def test_forum_detail_lists_its_events(client):
    forum = f.make_forum(slug="gmf")
    f.make_event(slug="gmf-2014", forum=forum)
    assert client.get(reverse("api:forum-detail", kwargs={"slug": "gmf"})).json()["events"] == ["gmf-2014"]


def test_the_schema_validates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert (tmp_path / "schema.yml").read_text().startswith("openapi: 3.0.3")


@pytest.mark.django_db
def test_networks_left_uncoded_by_the_sources_are_found_with_undetermined(client):
    f.make_network(slug="coded", scale="transnational", origin="co-opted", scope="generalist")
    f.make_network(slug="uncoded", scale="transnational", origin="", scope="generalist")
    listed = client.get("/api/v1/networks/", {"origin": "undetermined"}).json()["results"]
    assert [network["slug"] for network in listed] == ["uncoded"]
    assert [n["slug"] for n in client.get("/api/v1/networks/", {"origin": "co-opted"}).json()["results"]] == [
        "coded"
    ]
    assert client.get("/api/v1/networks/", {"origin": ""}).status_code == 400
