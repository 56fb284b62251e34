import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_claims_filter_by_kind_source_subject_and_disputed(client):
    anvita = f.make_network(slug="anvita")
    lacroix, flamant = f.make_source(slug="lacroix-2020"), f.make_source(slug="flamant-lacroix-2023")
    f.make_claim(
        slug="anvita--founders--lacroix", network=anvita, kind="founders", source=lacroix, disputed=True
    )
    f.make_claim(
        slug="anvita--founders--flamant", network=anvita, kind="founders", source=flamant, disputed=True
    )
    f.make_claim(slug="riace--population", place=f.make_place(slug="riace"), kind="population")

    def slugs(**params):
        return [item["slug"] for item in client.get(reverse("api:claim-list"), params).json()["results"]]

    assert slugs(disputed="true") == ["anvita--founders--flamant", "anvita--founders--lacroix"]
    assert slugs(source="lacroix-2020") == ["anvita--founders--lacroix"]
    assert slugs(kind="population") == ["riace--population"]
    assert slugs(place="riace") == ["riace--population"]
    claim = client.get(reverse("api:claim-detail", kwargs={"slug": "riace--population"})).json()
    assert (claim["subject_kind"], claim["subject"], claim["kind"]) == ("place", "riace", "population")
    assert claim["html_url"]["en"].endswith("/en/places/riace/#claim-riace--population")
