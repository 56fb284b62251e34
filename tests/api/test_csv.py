"""CSV a researcher can trust: the whole filtered list, stable columns, nested values as JSON text."""

import csv
import io
import json

import pytest
from django.urls import reverse

from records.viewsets import CSV_CHUNK
from tests import factories as f

pytestmark = pytest.mark.django_db


def read(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8")
    return text, list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_a_list_as_csv_is_every_row_of_the_filtered_set_with_its_count(client):
    for index in range(60):  # more than a JSON page (50)
        f.make_network(slug=f"network-{index:02}", scale="national" if index % 3 else "transnational")
    json_list = client.get(reverse("api:network-list"), {"scale": "national"}).json()
    response = client.get(reverse("api:network-list"), {"scale": "national", "format": "csv"})
    text, rows = read(response)
    assert len(rows) == json_list["count"] == int(response["X-Total-Count"]) == 40
    assert [row["slug"] for row in rows] == sorted(f"network-{i:02}" for i in range(60) if i % 3)
    assert response["Content-Disposition"] == 'attachment; filename="networks.csv"'
    assert text.count("\r\n") == 41  # header + rows, RFC 4180 line ends


@pytest.mark.parametrize("count", [2, 2 * CSV_CHUNK + 1])
def test_csv_costs_a_constant_number_of_queries_per_batch(client, django_assert_num_queries, count):
    network = f.make_network(slug="anvita")
    for index in range(count):
        f.make_membership(network, f.make_place(slug=f"town-{index}", cited=False))
    batches = -(-count // CSV_CHUNK)
    with django_assert_num_queries(1 + batches):  # the count, then one query per batch
        _, rows = read(client.get(reverse("api:membership-list"), {"format": "csv"}))
    assert len(rows) == count


def test_csv_columns_do_not_change_with_lang(client):
    f.make_network(slug="anvita", name_fr="Association nationale", name_en="National association")
    headers = set()
    for lang in (None, "fr", "en"):
        params = {"format": "csv", **({"lang": lang} if lang else {})}
        text, rows = read(client.get(reverse("api:network-list"), params))
        headers.add(text.splitlines()[0])
        assert (rows[0]["name_fr"], rows[0]["name_en"]) == ("Association nationale", "National association")
    assert len(headers) == 1


def test_nested_values_are_json_text_and_an_empty_list_has_its_header(client):
    f.make_place(slug="grenoble", latitude="45.19", longitude="5.72", size_band="large")
    _, rows = read(client.get(reverse("api:place-list"), {"format": "csv"}))
    reference = json.loads(rows[0]["reference_data"])
    assert reference["fields"] == ["country", "latitude", "longitude", "size_band"]
    assert reference["year"] == 2026
    detail = client.get(reverse("api:place-detail", kwargs={"slug": "grenoble"}), {"format": "csv"})
    citations = json.loads(read(detail)[1][0]["citations"])
    assert citations[0]["locator"] == {"fr": "§ 1", "en": "§ 1"}
    text, rows = read(client.get(reverse("api:place-list"), {"format": "csv", "country": "IT"}))
    assert rows == [] and text.startswith("slug,type,name_fr,name_en,")


def test_a_byte_order_mark_for_excel_on_request(client):
    f.make_network(slug="anvita")
    text, _ = read(client.get(reverse("api:network-list"), {"format": "csv", "bom": "1"}))
    assert text.startswith("\ufeffslug,")
    assert not read(client.get(reverse("api:network-list"), {"format": "csv"}))[0].startswith("\ufeff")
    wrong = client.get(reverse("api:network-list"), {"format": "csv", "bom": "yes"})
    assert wrong.status_code == 400 and "bom" in wrong.json()["errors"]
