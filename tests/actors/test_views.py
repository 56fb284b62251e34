import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [2, 20])
def test_place_list_costs_the_same_whatever_the_number_of_places(client, django_assert_num_queries, count):
    parent = f.make_place()
    for _ in range(count):
        f.make_place(parent=parent)
    with django_assert_num_queries(6):  # count + page + four facets (country, kind, size, parent)
        assert client.get(reverse("actors:place-list")).status_code == 200


def test_place_list_filters_by_country(client):
    f.make_place(name_fr="Grenoble", country="FR")
    f.make_place(name_fr="Riace", country="IT")
    page = client.get(reverse("actors:place-list"), {"country": "it"}).text
    assert "Riace" in page and "Grenoble" not in page


def test_place_page_gathers_networks_fiches_events_and_people(client):
    lyon = f.make_place(slug="lyon", name_fr="Lyon")
    arrondissement = f.make_place(slug="lyon-1er", name_fr="Lyon 1er", kind="arrondissement", parent=lyon)
    network = f.make_network(slug="anvita", name_fr="ANVITA")
    f.make_membership(network, arrondissement, role="founder", start_year=2018)
    f.make_practice(places=[arrondissement], title_fr="Accueil au 1er")
    f.make_event(place=arrondissement, name_fr="Assises", year=2019)
    f.make_role(f.make_person(name="Une Maire"), place=arrondissement)
    page = client.get(arrondissement.get_absolute_url()).text
    for expected in [
        'href="/fr/lieux/lyon/"',
        'href="/fr/reseaux/anvita/"',
        "fondateur",
        "depuis 2018",
        "Accueil au 1er",
        "Assises",
        "Une Maire",
    ]:
        assert expected in page, expected
    assert "Lyon 1er" in client.get(lyon.get_absolute_url()).text


def test_organisation_and_person_pages(client):
    org = f.make_organisation(slug="iom", name_fr="OIM", acronym="OIM")
    network = f.make_network(name_fr="Forum des maires")
    network.supporters.add(org)
    person = f.make_person(slug="damien-careme", name="Damien Carême")
    f.make_role(person, place=f.make_place(name_fr="Grande-Synthe"), start_year=2001)
    assert "Forum des maires" in client.get(org.get_absolute_url()).text
    page = client.get(person.get_absolute_url()).text
    assert "Grande-Synthe" in page and "2001" in page


def test_source_page_lists_every_record_citing_it(client):
    source = f.make_source(slug="lacroix-2020", title="Réseaux des villes hospitalières")
    f.cite(f.make_network(name_fr="ANVITA", cited=False), source=source, locator="§ Réseaux contestataires")
    f.cite(f.make_place(name_fr="Grenoble", cited=False), source=source, locator="§ ANVITA")
    page = client.get(reverse("sources:source-detail", kwargs={"slug": "lacroix-2020"})).text
    assert "ANVITA" in page and "§ Réseaux contestataires" in page and "Grenoble" in page


def test_the_place_list_map_asks_the_api_only_for_the_filters_it_reads(client):
    f.make_place(slug="grenoble", country="FR")
    page = client.get(reverse("actors:place-list"), {"country": "FR", "utm_source": "lettre", "page": "1"})
    assert page.status_code == 200
    map_url = page.context["map_url"]
    assert "utm_source" not in map_url and "page=" not in map_url and "country=FR" in map_url
    assert client.get(map_url).status_code == 200
