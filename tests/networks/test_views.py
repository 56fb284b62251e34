import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def make_networks(count):
    for _ in range(count):
        network = f.make_network(parent=f.make_network(), founded_place=f.make_place())
        f.make_membership(network, f.make_place())


@pytest.mark.parametrize("count", [2, 20])
def test_network_list_costs_the_same_whatever_the_number_of_networks(
    client, django_assert_num_queries, count
):
    make_networks(count)
    with django_assert_num_queries(11):  # count + page + typology matrix + networks by decade + seven facets
        response = client.get(reverse("networks:network-list"))
    assert response.status_code == 200


def test_network_list_filters_by_typology(client):
    f.make_network(slug="anvita", name_fr="ANVITA", scale="national", origin="spontaneous")
    f.make_network(slug="uclg", name_fr="CGLU", scale="transnational", origin="co-opted", scope="generalist")
    page = client.get(reverse("networks:network-list"), {"scale": "national"}).text
    assert "ANVITA" in page and "CGLU" not in page
    page = client.get(reverse("networks:network-list"), {"origin": "co-opted", "scope": "generalist"}).text
    assert "CGLU" in page and "ANVITA" not in page


def test_network_list_rejects_an_unknown_choice_with_a_400_naming_it(client):
    response = client.get(reverse("networks:network-list"), {"scale": "planetary"})
    assert response.status_code == 400
    assert "planetary" in response.text


def test_network_page_shows_typology_members_parent_claims_and_sources(client):
    parent = f.make_network(slug="iccar", name_fr="ICCAR")
    network = f.make_network(
        slug="eccar",
        name_fr="ECCAR",
        parent=parent,
        scale="transnational",
        origin="co-opted",
        founded_year=2004,
    )
    grenoble = f.make_place(slug="grenoble", name_fr="Grenoble")
    f.make_membership(network, grenoble, role="founder", start_year=2004)
    f.make_claim(network=network, value_fr="2004", disputed=True)
    f.cite(network, quote="la coalition européenne", locator="§ Réseaux")
    page = client.get(network.get_absolute_url()).text
    assert "transnationale" in page and "coopté" in page
    assert 'href="/fr/reseaux/iccar/"' in page
    assert 'href="/fr/lieux/grenoble/"' in page and "fondateur" in page and "2004" in page
    assert "contesté" in page
    assert "la coalition européenne" in page and "§ Réseaux" in page


def test_unpublished_network_is_not_found(client):
    network = f.make_network(is_published=False)
    assert client.get(network.get_absolute_url()).status_code == 404


def test_home_shows_lacroix_table_with_the_editors_codings_counted_apart(
    client, django_assert_max_num_queries
):
    lacroix = {"in_typology_table": True}
    f.make_network(scale="national", origin="spontaneous", scope="specialist", **lacroix)
    f.make_network(scale="national", origin="spontaneous", scope="specialist", **lacroix)
    f.make_network(scale="transnational", origin="co-opted", scope="generalist", **lacroix)
    f.make_network(scale="national", origin="spontaneous", scope="specialist")  # the editors' inference
    f.make_network(scale="transnational", origin="", scope="generalist")  # origin not determined
    with django_assert_max_num_queries(5):  # matrix, featured fiches and their places, timeline, themes
        response = client.get(reverse("home"))
    matrix = response.context["matrix"]
    cells = {
        (row["scale"], cell["origin"], scope["scope"]): (scope["count"], scope["inferred"])
        for row in matrix["rows"]
        for cell in row["cells"]
        for scope in cell["scopes"]
    }
    assert cells[("national", "spontaneous", "specialist")] == (2, 1)
    assert cells[("transnational", "co-opted", "generalist")] == (1, 0)
    assert (matrix["lacroix_total"], matrix["inferred_total"], matrix["undetermined"]) == (3, 1, 1)
    assert "les 3 réseaux de son tableau" in response.text
    assert (
        "?in_typology_table=true&amp;scale=national&amp;origin=spontaneous&amp;scope=specialist"
        in response.text
    )
    assert (
        "?in_typology_table=false&amp;scale=national&amp;origin=spontaneous&amp;scope=specialist"
        in response.text
    )


def test_forum_event_and_declaration_pages(client):
    place = f.make_place(slug="marrakech", name_fr="Marrakech")
    forum = f.make_forum(slug="global-mayoral-forum", name_fr="Forum des maires")
    event = f.make_event(slug="gmf-2018", forum=forum, place=place, year=2018, month=12, name_fr="Forum 2018")
    declaration = f.make_declaration(
        slug="marrakech-declaration", event=event, name_fr="Déclaration de Marrakech"
    )
    forum_page = client.get(forum.get_absolute_url()).text
    assert "Forum 2018" in forum_page and "Marrakech" in forum_page
    event_page = client.get(event.get_absolute_url()).text
    assert "Déclaration de Marrakech" in event_page and "12/2018" in event_page
    assert "Forum 2018" in client.get(declaration.get_absolute_url()).text


def test_a_network_can_be_a_member_of_another_network(client):
    mechanism = f.make_network(slug="mayors-mechanism", name_fr="Mécanisme des maires")
    uclg = f.make_network(slug="uclg", name_fr="CGLU")
    f.make_membership(mechanism, uclg, role="board")
    assert 'href="/fr/reseaux/uclg/"' in client.get(mechanism.get_absolute_url()).text
    page = client.get(uclg.get_absolute_url()).text
    assert "Membre de" in page and 'href="/fr/reseaux/mayors-mechanism/"' in page


def test_filter_input_with_nul_characters_is_data_not_an_error(client):
    f.make_network(name_fr="ANVITA", country="FR")
    response = client.get(reverse("networks:network-list"), {"country": "F\x00R"})
    assert response.status_code == 200 and "ANVITA" in response.text


def test_a_disputed_founding_year_is_flagged_next_to_the_field(client):
    network = f.make_network(slug="sanctuary", founded_year=1979)
    for year in ("1979", "1985"):
        f.make_claim(
            network=network, kind="founding-year", field="founded_year", value_fr=year, disputed=True
        )
    page = client.get(network.get_absolute_url()).text
    assert page.count("contesté\u00a0: les sources divergent") == 1
    calm = f.make_network(slug="calm", founded_year=2018)
    assert "les sources divergent" not in client.get(calm.get_absolute_url()).text
