"""/api/v1/citations/: every citation in one download, with its record and the field it supports."""

import csv
import io

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db
URL = "/api/v1/citations/"


def test_every_citation_of_a_published_record_with_its_record_source_and_field(client):
    anvita = f.make_network(slug="anvita", cited=False, founded_year=2018)
    source = f.make_source(slug="flamant-lacroix-2023")
    founding = f.cite(anvita, source=source, quote="créée en 2018", locator="§ 1.1")
    founding.field = "founded_year"
    founding.save()
    f.cite(f.make_place(slug="grenoble", cited=False), quote="Grenoble (vert)")
    f.cite(f.make_network(slug="draft", cited=False, is_published=False))
    rows = client.get(URL).json()["results"]
    assert sorted(row["record"] for row in rows) == ["anvita", "grenoble"]
    row = next(row for row in rows if row["record"] == "anvita")
    assert row == {
        "id": founding.pk,
        "record_kind": "network",
        "record": "anvita",
        "field": "founded_year",
        "source": "flamant-lacroix-2023",
        "locator": {"fr": "§ 1.1", "en": "§ 1.1"},
        "quote": "créée en 2018",
        "quote_language": "fr",
        "quote_translation": "a quote",
        "translation_language": "en",
    }


def test_citations_filter_by_record_source_field_and_language(client):
    anvita, grenoble = f.make_network(slug="anvita", cited=False), f.make_place(slug="anvita", cited=False)
    tagged = f.cite(anvita)
    tagged.field = "founded_year"
    tagged.save()
    f.cite(grenoble, source=f.make_source(slug="gfmd"))

    def records(**params):
        return sorted(
            (row["record_kind"], row["record"]) for row in client.get(URL, params).json()["results"]
        )

    assert records(record="anvita") == [("network", "anvita"), ("place", "anvita")]
    assert records(record_kind="place", record="anvita") == [("place", "anvita")]
    assert records(source="gfmd") == [("place", "anvita")]
    assert records(field="founded_year") == [("network", "anvita")]
    assert records(quote_language="en") == []
    refused = client.get(URL, {"kind": "network"})
    assert refused.status_code == 400 and "record_kind" in refused.json()["errors"]["kind"][0]


@pytest.mark.parametrize("count", [3, 30])
def test_the_citations_list_and_its_csv_cost_the_same_whatever_their_number(
    client, django_assert_num_queries, count
):
    for index in range(count):
        f.make_place(slug=f"town-{index}")  # cited once each
    with django_assert_num_queries(2):  # count + page
        assert client.get(URL).json()["count"] == count
    with django_assert_num_queries(2):  # count + one batch
        response = client.get(URL, {"format": "csv"})
        rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8"))))
    assert len(rows) == count == int(response["X-Total-Count"])
    assert {"record_kind", "record", "field", "locator_fr", "locator_en", "quote_language"} <= set(rows[0])
