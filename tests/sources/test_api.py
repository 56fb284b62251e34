import pytest
from django.urls import reverse

from sources.models import SUBJECT
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


def test_claims_name_their_subject_and_its_page_for_every_kind_of_subject(client):
    subjects = {
        "network": f.make_network(slug="s-network"),
        "place": f.make_place(slug="s-place"),
        "organisation": f.make_organisation(slug="s-organisation"),
        "person": f.make_person(slug="s-person"),
        "forum": f.make_forum(slug="s-forum"),
        "event": f.make_event(slug="s-event"),
        "declaration": f.make_declaration(slug="s-declaration"),
        "practice": f.make_practice(slug="s-practice"),
    }
    assert set(subjects) == set(SUBJECT.fields)
    for kind, subject in subjects.items():
        f.make_claim(slug=f"on-{kind}", **{kind: subject})
    listed = {item["slug"]: item for item in client.get(reverse("api:claim-list")).json()["results"]}
    for kind, subject in subjects.items():
        item = listed[f"on-{kind}"]
        assert (item["subject_kind"], item["subject"]) == (kind, subject.slug)
        assert item["html_url"]["fr"] == f"http://testserver{subject.get_absolute_url()}#claim-on-{kind}"
