import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def facet(response, param):
    found = next(item for item in response.context["facets"] if item["param"] == param)
    return {value["value"]: value["count"] for value in found["values"]}


def test_network_facets_count_each_value(client):
    f.make_network(scale="national", origin="spontaneous", country="FR", founded_year=2018)
    f.make_network(scale="national", origin="co-opted", country="FR", founded_year=1986)
    f.make_network(scale="transnational", origin="co-opted", founded_year=2004)
    response = client.get(reverse("networks:network-list"))
    assert facet(response, "scale") == {"national": 2, "transnational": 1}
    assert facet(response, "country") == {"FR": 2}
    assert facet(response, "decade") == {"2010": 1, "1980": 1, "2000": 1}
    assert "France (2)" in response.text.replace("\n", "").replace(' <span class="count">', " ").replace(
        "</span>", ""
    )


def test_a_facet_counts_the_records_matching_the_other_filters_only(client):
    f.make_network(scale="national", origin="spontaneous")
    f.make_network(scale="national", origin="co-opted")
    f.make_network(scale="transnational", origin="co-opted")
    response = client.get(reverse("networks:network-list"), {"origin": "co-opted"})
    assert facet(response, "origin") == {"spontaneous": 1, "co-opted": 2}  # alternatives stay visible
    assert facet(response, "scale") == {"national": 1, "transnational": 1}  # narrowed by origin
    assert [n.slug for n in response.context["object_list"]] != []


def test_network_theme_facet_follows_members_practices(client):
    housing = f.make_theme(slug="housing")
    grenoble = f.make_place()
    anvita = f.make_network(slug="anvita")
    f.make_membership(anvita, grenoble)
    f.make_practice(places=[grenoble], themes=[housing])
    f.make_network(slug="other")
    response = client.get(reverse("networks:network-list"))
    assert facet(response, "theme") == {"housing": 1}
    chosen = client.get(reverse("networks:network-list"), {"theme": "housing"})
    assert [n.slug for n in chosen.context["object_list"]] == ["anvita"]


def test_practice_facets_theme_family_status_and_network_of_the_place(client):
    housing, health = f.make_theme(slug="housing"), f.make_theme(slug="health")
    grenoble = f.make_place(slug="grenoble")
    f.make_membership(f.make_network(slug="anvita"), grenoble)
    f.make_practice(themes=[housing], places=[grenoble], family="civil-society", status="ongoing")
    f.make_practice(themes=[housing, health], family="place-of-migrants", status="ended")
    response = client.get(reverse("practices:practice-list"))
    assert facet(response, "theme") == {"housing": 2, "health": 1}
    assert facet(response, "family") == {"civil-society": 1, "place-of-migrants": 1}
    assert facet(response, "place_network") == {"anvita": 1}
    chosen = client.get(reverse("practices:practice-list"), {"place_network": "anvita"})
    assert len(chosen.context["object_list"]) == 1


def test_practice_size_facet_uses_editors_population_data_where_known(client):
    f.make_practice(places=[f.make_place(population=2_000, population_year=2020)])
    f.make_practice(places=[f.make_place(population=160_000, population_year=2020)])
    f.make_practice(places=[f.make_place()])
    response = client.get(reverse("practices:practice-list"))
    assert facet(response, "size") == {"small": 1, "large": 1}
    assert len(client.get(reverse("practices:practice-list"), {"size": "small"}).context["object_list"]) == 1


def test_place_facets_country_kind_and_network(client):
    lyon = f.make_place(country="FR", kind="city")
    f.make_place(country="IT", kind="village")
    f.make_membership(f.make_network(slug="anvita"), lyon)
    response = client.get(reverse("actors:place-list"))
    assert facet(response, "country") == {"FR": 1, "IT": 1}
    assert facet(response, "network") == {"anvita": 1}
