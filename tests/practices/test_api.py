import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def slugs(client, **params):
    response = client.get(reverse("api:practice-list"), params)
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


@pytest.fixture
def fiches():
    housing, participation, health = (f.make_theme(slug=s) for s in ("housing", "participation", "health"))
    grenoble, riace = f.make_place(slug="grenoble", country="FR"), f.make_place(slug="riace", country="IT")
    anvita = f.make_network(slug="anvita")
    f.make_membership(anvita, grenoble)
    f.make_practice(
        slug="grenoble-council",
        themes=[participation],
        places=[grenoble],
        country="FR",
        family="place-of-migrants",
        status="ongoing",
    )
    f.make_practice(
        slug="riace",
        themes=[housing],
        places=[riace],
        country="IT",
        family="place-of-migrants",
        status="contested",
    )
    linked = f.make_practice(
        slug="camp", themes=[health, housing], country="FR", family="civil-society", status="ended"
    )
    linked.networks.add(anvita)


def test_practices_filter_by_theme_with_or(client, fiches):
    assert slugs(client, theme="housing") == ["camp", "riace"]
    assert slugs(client, theme="housing,participation") == ["camp", "grenoble-council", "riace"]
    assert slugs(client, theme=["participation", "health"]) == ["camp", "grenoble-council"]


def test_practices_filter_by_country_place_family_and_status(client, fiches):
    assert slugs(client, country="it") == ["riace"]
    assert slugs(client, place="grenoble") == ["grenoble-council"]
    assert slugs(client, family="civil-society") == ["camp"]
    assert slugs(client, status="ongoing,contested") == ["grenoble-council", "riace"]


def test_practices_filter_by_network_directly_or_through_their_place(client, fiches):
    assert slugs(client, network="anvita") == ["camp", "grenoble-council"]


def test_practice_detail_embeds_every_part(client):
    practice = f.make_practice(slug="riace", number=1)
    f.make_key_figure(practice, value="450")
    f.make_quote(practice, quote="Bienvenue", speaker=f.make_person(slug="domenico-lucano"))
    f.make_link(practice, url="https://example.org/riace")
    detail = client.get(reverse("api:practice-detail", kwargs={"slug": "riace"}), {"lang": "en"}).json()
    assert detail["number"] == 1 and detail["key_figures"][0]["value"] == "450"
    assert detail["quotes"][0]["quote"] == "Bienvenue" and detail["quotes"][0]["speaker"] == "domenico-lucano"
    assert detail["further_reading"][0]["url"] == "https://example.org/riace"
    assert isinstance(detail["summary"], str) and detail["citations"][0]["quote"]
