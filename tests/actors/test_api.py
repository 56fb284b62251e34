import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def slugs(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_places_filter_by_country_kind_network_and_parent(client):
    lyon = f.make_place(slug="lyon", country="FR", kind="city")
    first = f.make_place(slug="lyon-1er", country="FR", kind="arrondissement", parent=lyon)
    f.make_place(slug="riace", country="IT", kind="village")
    f.make_membership(f.make_network(slug="anvita"), first, role="founder")
    assert slugs(client, "api:place-list", country="it") == ["riace"]
    assert slugs(client, "api:place-list", kind="arrondissement,village") == ["lyon-1er", "riace"]
    assert slugs(client, "api:place-list", network="anvita") == ["lyon-1er"]
    assert slugs(client, "api:place-list", parent="lyon") == ["lyon-1er"]


def test_organisations_filter_by_kind_and_country(client):
    f.make_organisation(slug="iom", kind="un-agency")
    f.make_organisation(slug="ocu", kind="ngo", country="FR")
    assert slugs(client, "api:organisation-list", kind="un-agency") == ["iom"]
    assert slugs(client, "api:organisation-list", country="FR") == ["ocu"]


def test_person_detail_has_dated_sourced_roles(client):
    person = f.make_person(slug="damien-careme", name="Damien Carême")
    f.make_role(person, place=f.make_place(slug="grande-synthe"), start_year=2001, end_year=2019)
    detail = client.get(reverse("api:person-detail", kwargs={"slug": "damien-careme"})).json()
    role = detail["roles"][0]
    assert (role["place"], role["start_year"], role["end_year"]) == ("grande-synthe", 2001, 2019)
    assert role["source"] and role["locator"] and role["quote"]
    assert slugs(client, "api:person-list", search="careme") == ["damien-careme"]
