"""The full-page cache: per language, per query, invalidated by any content change."""

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from records import versioning, viewsets
from records.versioning import current_version
from sources.load import load_content
from tests import factories as f

pytestmark = pytest.mark.django_db

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cache-tests"}}


@pytest.fixture
def cache_on():
    with override_settings(CACHES=LOCMEM):
        caches["default"].clear()
        yield


def test_anonymous_pages_are_served_from_cache_without_queries(
    client, cache_on, django_assert_num_queries, monkeypatch
):
    # The memo lasts a second; a loaded machine may take longer than that to render the first page.
    monkeypatch.setattr(versioning, "MEMO_SECONDS", 60.0)
    f.make_network(slug="anvita", name_fr="Villes accueillantes")
    first = client.get(reverse("networks:network-list"))
    assert (
        first["X-Cache"] == "miss"
        and first["Cache-Control"] == "public, max-age=60"
        and first["Last-Modified"]
    )
    with django_assert_num_queries(0):  # the content version is memoised for a second in this process
        second = client.get(reverse("networks:network-list"))
    assert second["X-Cache"] == "hit" and second.content == first.content


def test_french_and_english_never_mix(client, cache_on):
    f.make_network(slug="anvita", name_fr="Villes accueillantes", name_en="Welcoming towns")
    assert "Villes accueillantes" in client.get("/fr/reseaux/anvita/").text
    english = client.get("/en/networks/anvita/")
    assert "Welcoming towns" in english.text and "Villes accueillantes" not in english.text
    assert client.get(reverse("api:network-detail", kwargs={"slug": "anvita"}), {"lang": "en"}).json()[
        "name"
    ] == ("Welcoming towns")
    assert client.get(reverse("api:network-detail", kwargs={"slug": "anvita"}), {"lang": "fr"}).json()[
        "name"
    ] == ("Villes accueillantes")


def test_any_content_change_is_seen_at_once(client, cache_on):
    network = f.make_network(slug="anvita", name_fr="Ancien nom")
    assert "Ancien nom" in client.get(network.get_absolute_url()).text
    network.name_fr = "Nouveau nom"
    network.save()
    assert "Nouveau nom" in client.get(network.get_absolute_url()).text
    f.make_network(slug="eurocities", name_fr="Eurocités")
    assert "Eurocités" in client.get(reverse("networks:network-list")).text
    network.delete()
    assert client.get("/fr/reseaux/anvita/").status_code == 404


def test_csv_and_json_of_the_same_list_are_cached_apart(client, cache_on):
    f.make_network(slug="anvita")
    url = reverse("api:network-list")
    assert client.get(url)["Content-Type"] == "application/json"
    assert client.get(url, HTTP_ACCEPT="text/csv")["Content-Type"].startswith("text/csv")
    assert client.get(url)["Content-Type"] == "application/json"


def test_a_csv_of_one_batch_is_cached_and_a_longer_one_streamed(client, cache_on, monkeypatch):
    monkeypatch.setattr(versioning, "MEMO_SECONDS", 60.0)
    monkeypatch.setattr(viewsets, "CSV_CHUNK", 3)
    for index in range(3):
        f.make_network(slug=f"network-{index}")
    url, params = reverse("api:network-list"), {"format": "csv"}
    assert client.get(url, params)["X-Cache"] == "miss"
    second = client.get(url, params)
    assert second["X-Cache"] == "hit" and second.content.count(b"\r\n") == 4 and not second.streaming
    f.make_network(slug="network-3")
    longer = client.get(url, params)
    assert longer.streaming and b"".join(longer.streaming_content).count(b"\r\n") == 5


def test_an_unknown_api_parameter_is_refused_even_when_the_url_without_it_is_cached(client, cache_on):
    f.make_network(slug="anvita")
    url = reverse("api:network-list")
    assert client.get(url).status_code == 200 and client.get(url)["X-Cache"] == "hit"
    refused = client.get(url, {"founded_year": "2018"})
    assert refused.status_code == 400 and "founded_year" in refused.json()["errors"]
    detail = reverse("api:network-detail", kwargs={"slug": "anvita"})
    client.get(detail)
    assert client.get(detail, {"as_off": "2019"}).status_code == 400
    assert client.get("/fr/reseaux/", {"utm_source": "lettre"})["X-Cache"] in (
        "hit",
        "miss",
    )  # pages: lenient
    plain = client.get(url, {"format": "csv"}).content
    assert client.get(url, {"format": "csv", "bom": "1"}).content == "\ufeff".encode() + plain  # keyed apart


def test_logged_in_curators_and_errors_are_never_cached(client, cache_on, django_user_model):
    f.make_network(slug="anvita")
    assert "X-Cache" not in client.get("/fr/reseaux/?scale=planetary")
    client.force_login(
        django_user_model.objects.create_superuser("curator", "c@example.org", "pw-long-enough-1")
    )
    assert "X-Cache" not in client.get(reverse("networks:network-list"))


def test_conditional_get_answers_304_on_pages(client, cache_on):
    f.make_network()
    page = client.get(reverse("networks:network-list"))
    again = client.get(reverse("networks:network-list"), HTTP_IF_NONE_MATCH=page["ETag"])
    assert again.status_code == 304
    since = client.get(reverse("networks:network-list"), HTTP_IF_MODIFIED_SINCE=page["Last-Modified"])
    assert since.status_code == 304


def test_loading_content_bumps_the_version_once(tmp_path):
    before, _ = current_version()
    path = tmp_path / "content.json"
    path.write_text(
        '[{"model": "practices.theme", "fields": {"slug": "housing", "name_fr": "Logement", '
        '"name_en": "Housing", "description_fr": "d", "description_en": "d"}}]'
    )
    load_content([path])
    after, _ = current_version()
    assert after == before + 1
