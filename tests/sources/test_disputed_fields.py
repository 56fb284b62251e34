"""Disputes on the fields: every record claims can be about names the fields its sources disagree on
(`disputed_fields`), every such list filters on `?disputed=`, and the page marks the value."""

import csv
import io

import pytest
from django.urls import reverse

from records.kinds import CLAIMABLE
from tests import factories as f

pytestmark = pytest.mark.django_db

MAKERS = {
    "place": f.make_place,
    "organisation": f.make_organisation,
    "person": f.make_person,
    "network": f.make_network,
    "forum": f.make_forum,
    "event": f.make_event,
    "declaration": f.make_declaration,
    "practice": f.make_practice,
}


def test_every_claimable_kind_is_covered():
    assert {kind.model_name for kind in CLAIMABLE} == set(MAKERS)


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_disputed_fields_and_the_disputed_filter_on_every_kind(client, kind):
    make = MAKERS[kind]
    disputed, calm, unflagged_field = make(slug="disputed"), make(slug="calm"), make(slug="other-fact")
    for value in ("1979", "1985"):
        f.make_claim(**{kind: disputed}, field="name", value_fr=value, disputed=True)
    f.make_claim(**{kind: disputed}, field="", kind="figure", disputed=True)  # a fact with no field
    f.make_claim(**{kind: calm}, field="name")  # not disputed
    f.make_claim(**{kind: unflagged_field}, field="", kind="other", disputed=True)
    f.make_claim(**{kind: calm}, field="name", disputed=True, is_published=False)  # a draft says nothing
    path = next(k.api_path for k in CLAIMABLE if k.model_name == kind)
    url = reverse(f"api:{kind}-list")
    rows = {
        row["slug"]: row["disputed_fields"] for row in client.get(url, {"page_size": 100}).json()["results"]
    }
    assert (rows["disputed"], rows["calm"], rows["other-fact"]) == (["name"], [], [])
    detail = client.get(reverse(f"api:{kind}-detail", kwargs={"slug": "disputed"})).json()
    assert detail["disputed_fields"] == ["name"]
    only = client.get(url, {"disputed": "true"}).json()["results"]
    assert sorted(row["slug"] for row in only) == ["disputed", "other-fact"], path
    others = client.get(url, {"disputed": "false"}).json()["results"]
    assert [row["slug"] for row in others] == ["calm"]
    error = client.get(url, {"disputed": "yes"})
    assert error.status_code == 400 and "disputed" in error.json()["errors"]


def test_the_csv_of_a_list_carries_disputed_fields_joined_like_every_list(client):
    network = f.make_network(slug="sanctuary")
    for field in ("founded_year", "members_reported"):
        f.make_claim(network=network, field=field, disputed=True)
    response = client.get(reverse("api:network-list"), {"format": "csv"})
    body = response.getvalue().decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows[0]["disputed_fields"] == "founded_year|members_reported"


def test_the_page_marks_each_disputed_value_and_links_to_its_claim(client):
    event = f.make_event(slug="quito-forum", year=2015)
    first = f.make_claim(event=event, kind="date", field="year", value_fr="2015", disputed=True)
    f.make_claim(event=event, kind="date", field="year", value_fr="2016", disputed=True)
    page = client.get(event.get_absolute_url()).text
    assert page.count('class="disputed-mark"') == 1 and f'href="#claim-{first.slug}"' in page
    network = f.make_network(slug="anvita")
    f.make_claim(network=network, kind="founders", field="founders", disputed=True)
    page = client.get(network.get_absolute_url()).text
    assert "Les sources divergent sur ses fondateurs." in page
    calm = f.make_event(slug="calm-event", year=2018)
    f.make_claim(event=calm, kind="date", field="year", value_fr="2018")
    assert "disputed-mark" not in client.get(calm.get_absolute_url()).text
