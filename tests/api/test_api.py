"""Behaviour every API resource shares: shapes, errors, headers, formats and exports."""

import csv
import io
import json
import zipfile
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.urls import reverse
from rest_framework.throttling import SimpleRateThrottle

from api import dump as dumps
from api.throttling import AnonRateThrottle
from tests import factories as f

pytestmark = pytest.mark.django_db

RESOURCES = [
    "network",
    "membership",
    "place",
    "organisation",
    "person",
    "practice",
    "theme",
    "forum",
    "event",
    "declaration",
    "source",
    "claim",
]


@pytest.fixture
def one_of_each():
    place = f.make_place(
        slug="grenoble", name_fr="Grenoble", name_en="Grenoble", latitude="45.19", longitude="5.72"
    )
    network = f.make_network(slug="anvita", name_fr="Villes accueillantes", name_en="Welcoming towns")
    f.make_membership(network, place, role="founder", start_year=2018)
    f.make_organisation(slug="iom")
    f.make_role(f.make_person(slug="damien-careme"), place=place)
    forum = f.make_forum(slug="global-mayoral-forum")
    event = f.make_event(slug="gmf-2018", forum=forum, place=place, year=2018)
    f.make_declaration(slug="marrakech-declaration", event=event)
    practice = f.make_practice(slug="riace", places=[place], themes=[f.make_theme(slug="housing")])
    f.make_key_figure(practice)
    f.make_quote(practice)
    f.make_link(practice)
    f.make_claim(slug="anvita-founded", network=network)
    return {
        "network": "anvita",
        "membership": "anvita--grenoble--founder",
        "place": "grenoble",
        "organisation": "iom",
        "person": "damien-careme",
        "practice": "riace",
        "theme": "housing",
        "forum": "global-mayoral-forum",
        "event": "gmf-2018",
        "declaration": "marrakech-declaration",
        "source": f.make_source(slug="lacroix-2020").slug,
        "claim": "anvita-founded",
    }


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_resource_lists_and_details_by_slug(client, one_of_each, resource):
    listing = client.get(reverse(f"api:{resource}-list"))
    assert listing.status_code == 200
    body = listing.json()
    assert {"count", "next", "previous", "meta", "results"} <= set(body)
    assert body["meta"]["licence_url"].startswith("https://creativecommons.org/")
    record = next(item for item in body["results"] if item["slug"] == one_of_each[resource])
    assert record["type"] == resource
    assert set(record["html_url"]) == {"fr", "en"} and record["updated_at"]
    detail = client.get(reverse(f"api:{resource}-detail", kwargs={"slug": one_of_each[resource]}))
    assert detail.status_code == 200 and detail.json()["slug"] == one_of_each[resource]


def test_translated_fields_are_objects_or_plain_strings_with_lang(client, one_of_each):
    url = reverse("api:network-detail", kwargs={"slug": "anvita"})
    assert client.get(url).json()["name"] == {"fr": "Villes accueillantes", "en": "Welcoming towns"}
    assert client.get(url, {"lang": "en"}).json()["name"] == "Welcoming towns"
    assert client.get(url, {"lang": "fr"}).json()["name"] == "Villes accueillantes"
    html_url = client.get(url).json()["html_url"]
    assert html_url == {
        "fr": "http://testserver/fr/reseaux/anvita/",
        "en": "http://testserver/en/networks/anvita/",
    }


def test_details_embed_citations_and_claims_and_lists_stay_light(client, one_of_each):
    detail = client.get(reverse("api:network-detail", kwargs={"slug": "anvita"})).json()
    assert detail["citations"][0].keys() == {
        "source",
        "field",
        "locator",
        "quote",
        "quote_language",
        "quote_translation",
        "translation_language",
    }
    assert detail["claims"][0]["slug"] == "anvita-founded"
    assert detail["memberships"][0] == {
        "slug": "anvita--grenoble--founder",
        "network": "anvita",
        "member_type": "place",
        "member": "grenoble",
        "role": "founder",
        "start_year": 2018,
        "end_year": None,
        "status": "unknown",
        "status_as_of": None,
    }
    listed = client.get(reverse("api:network-list")).json()["results"][0]
    assert "citations" not in listed and "summary" not in listed


def test_source_detail_lists_every_record_citing_it(client):
    source = f.make_source(slug="lacroix-2020")
    f.cite(
        f.make_network(slug="anvita", cited=False),
        source=source,
        locator="§ 2, encadré",
        locator_en="§ 2, box",
    )
    f.cite(f.make_place(slug="grenoble", cited=False), source=source, locator="§ 3")
    cited_by = client.get(reverse("api:source-detail", kwargs={"slug": "lacroix-2020"})).json()["cited_by"]
    assert sorted(
        (c["record_kind"], c["record"], c["locator"]["fr"], c["locator"]["en"]) for c in cited_by
    ) == [
        ("network", "anvita", "§ 2, encadré", "§ 2, box"),
        ("place", "grenoble", "§ 3", "§ 3"),
    ]
    english = client.get(reverse("api:source-detail", kwargs={"slug": "lacroix-2020"}), {"lang": "en"}).json()
    assert {c["record"]: c["locator"] for c in english["cited_by"]}["anvita"] == "§ 2, box"


@pytest.mark.parametrize(
    "query, parameter",
    [
        ({"scale": "planetary"}, "scale"),
        ({"founded_after": "nineteen"}, "founded_after"),
        ({"page_size": "many"}, "page_size"),
        ({"page_size": "501"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page": "-1"}, "page"),
        ({"lang": "de"}, "lang"),
        ({"format": "xml"}, "format"),
        ({"ordering": "secret"}, "ordering"),
        ({"founded_after": "2018.5"}, "founded_after"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_parameter(client, query, parameter):
    f.make_network()
    response = client.get(reverse("api:network-list"), query)
    assert response.status_code == 400
    body = response.json()
    assert parameter in body["errors"] and parameter in body["detail"]


def test_error_messages_follow_the_requested_language(client):
    english = client.get(reverse("api:network-list"), {"page_size": "x"}, HTTP_ACCEPT_LANGUAGE="en").json()
    french = client.get(reverse("api:network-list"), {"page_size": "x"}, HTTP_ACCEPT_LANGUAGE="fr").json()
    assert english["detail"] == "Invalid parameter: page_size."
    assert french["detail"] == "Paramètre invalide\u00a0: page_size."


def test_a_filter_naming_an_unknown_record_is_a_404_naming_it(client):
    f.make_network()
    response = client.get(reverse("api:network-list"), {"member": "atlantis"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert (
        response.json()["detail"] == "No such record for: member."
        and "atlantis" in response.json()["errors"]["member"][0]
    )


def test_errors_are_json_even_when_csv_was_asked(client):
    response = client.get(reverse("api:network-list"), {"format": "csv", "scale": "planetary"})
    assert response.status_code == 400 and response["Content-Type"] == "application/json"


def test_page_beyond_the_last_and_unknown_slug_are_404_with_a_message(client):
    f.make_network()
    beyond = client.get(reverse("api:network-list"), {"page": 9})
    assert beyond.status_code == 404 and "9" in beyond.json()["detail"]
    unknown = client.get(reverse("api:network-detail", kwargs={"slug": "atlantis"}))
    assert unknown.status_code == 404 and unknown.json()["detail"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_write_methods_are_refused(client, method):
    network = f.make_network(slug="anvita")
    assert getattr(client, method)(reverse("api:network-list")).status_code == 405
    assert (
        getattr(client, method)(reverse("api:network-detail", kwargs={"slug": "anvita"})).status_code == 405
    )
    assert type(network).objects.filter(slug="anvita").exists()


def test_pagination_is_stable_and_capped(client):
    for index in range(7):
        f.make_network(slug=f"network-{index:02}")
    first = client.get(reverse("api:network-list"), {"page_size": 3}).json()
    second = client.get(reverse("api:network-list"), {"page_size": 3, "page": 2}).json()
    assert first["count"] == 7
    assert [n["slug"] for n in first["results"]] == ["network-00", "network-01", "network-02"]
    assert [n["slug"] for n in second["results"]] == ["network-03", "network-04", "network-05"]
    assert "page=2" in first["next"]


def test_responses_carry_licence_cache_cors_and_etag_headers(client):
    f.make_network()
    response = client.get(reverse("api:network-list"), HTTP_ORIGIN="https://example.org")
    assert 'rel="license"' in response["Link"] and 'rel="service-doc"' in response["Link"]
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert (
        "GET" in response["Access-Control-Allow-Methods"]
        and "POST" not in response["Access-Control-Allow-Methods"]
    )
    etag = response["ETag"]
    again = client.get(reverse("api:network-list"), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""


def test_cors_is_not_opened_on_pages(client):
    assert "Access-Control-Allow-Origin" not in client.get("/fr/", HTTP_ORIGIN="https://example.org")


def test_anonymous_clients_are_throttled_with_retry_after(client, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "cache", LocMemCache("throttle-test", {}))
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    statuses = [client.get(reverse("api:theme-list")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = client.get(reverse("api:theme-list"))
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0


def test_csv_of_a_list_reads_back_with_one_header_row_and_language_columns(client, one_of_each):
    f.make_network(slug="eurocities", name_fr="Eurocités", name_en="Eurocities", scale="transnational")
    for response in (
        client.get(reverse("api:network-list"), {"format": "csv"}),
        client.get(reverse("api:network-list"), HTTP_ACCEPT="text/csv"),
    ):
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8"))))
        assert [row["slug"] for row in rows] == ["anvita", "eurocities"]
        assert {"name_fr", "name_en", "scale", "html_url_fr", "html_url_en"} <= set(rows[0])
        assert rows[1]["name_fr"] == "Eurocités" and rows[1]["scale"] == "transnational"


def test_csv_joins_many_valued_fields(client, one_of_each):
    response = client.get(reverse("api:practice-list"), {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8"))))
    assert rows[0]["places"] == "grenoble" and rows[0]["themes"] == "housing"


def test_places_geojson_is_a_valid_feature_collection(client, one_of_each):
    f.make_place(slug="nowhere", country="IT")
    for response in (client.get(reverse("api:places-geojson")),):
        assert response["Content-Type"].startswith("application/geo+json")
        collection = response.json()
        assert collection["type"] == "FeatureCollection"
        features = {feature["id"]: feature for feature in collection["features"]}
        assert features["grenoble"]["type"] == "Feature"
        assert features["grenoble"]["geometry"] == {"type": "Point", "coordinates": [5.72, 45.19]}
        assert features["nowhere"]["geometry"] is None
        assert features["grenoble"]["properties"]["html_url"]["en"].endswith("/en/places/grenoble/")
    only_italy = client.get(reverse("api:places-geojson"), {"country": "it"}).json()
    assert [feature["id"] for feature in only_italy["features"]] == ["nowhere"]


def test_places_geojson_comes_in_pages_a_client_can_follow(client, one_of_each):
    for index in range(4):
        f.make_place(slug=f"place-{index}")
    everything = client.get(reverse("api:places-geojson")).json()
    assert everything["count"] == len(everything["features"]) and everything["next"] is None
    seen, url, params = [], reverse("api:places-geojson"), {"page_size": 2}
    while url:
        response = client.get(url, params)
        page = response.json()
        assert len(page["features"]) <= 2 and page["count"] == everything["count"]
        if page["next"]:
            assert f'<{page["next"]}>; rel="next"' in response["Link"]
        seen += [feature["id"] for feature in page["features"]]
        url, params = page["next"], None
    assert seen == [feature["id"] for feature in everything["features"]]
    too_big = client.get(reverse("api:places-geojson"), {"page_size": 501})
    assert too_big.status_code == 400 and "page_size" in too_big.json()["errors"]


def test_membership_graph_as_json_matches_the_memberships(client):
    anvita, uclg = f.make_network(slug="anvita"), f.make_network(slug="uclg")
    grenoble, iom = f.make_place(slug="grenoble"), f.make_organisation(slug="iom")
    f.make_membership(anvita, grenoble, role="founder", start_year=2018)
    f.make_membership(uclg, iom, role="partner")
    f.make_membership(uclg, anvita, role="member")
    graph = client.get(reverse("api:graph")).json()
    assert {node["id"] for node in graph["nodes"]} == {
        "network:anvita",
        "network:uclg",
        "place:grenoble",
        "organisation:iom",
    }
    edges = {(edge["source"], edge["target"], edge["role"], edge["start_year"]) for edge in graph["edges"]}
    assert edges == {
        ("place:grenoble", "network:anvita", "founder", 2018),
        ("organisation:iom", "network:uclg", "partner", None),
        ("network:anvita", "network:uclg", "member", None),
    }
    only_anvita = client.get(reverse("api:graph"), {"network": "anvita"}).json()
    assert len(only_anvita["edges"]) == 1


def test_membership_graph_as_graphml_parses_and_matches_the_memberships(client):
    anvita, grenoble = f.make_network(slug="anvita"), f.make_place(slug="grenoble", name_fr="Grenoble")
    f.make_membership(anvita, grenoble, role="founder", start_year=2018)
    response = client.get(reverse("api:graph-graphml"))
    assert response["Content-Type"] == "application/graphml+xml; charset=utf-8"
    root = ElementTree.fromstring(response.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = {node.get("id") for node in root.iterfind("g:graph/g:node", ns)}
    assert nodes == {"network:anvita", "place:grenoble"}
    (edge,) = root.iterfind("g:graph/g:edge", ns)
    data = {item.get("key"): item.text for item in edge.iterfind("g:data", ns)}
    assert (edge.get("source"), edge.get("target")) == ("place:grenoble", "network:anvita")
    assert data["edge_role"] == "founder" and data["edge_start_year"] == "2018"


def test_dump_is_a_zip_with_every_record_a_readme_and_the_licence(client, one_of_each, tmp_path):
    response = client.get(reverse("api:dump"))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = set(archive.namelist())
    assert {"hospitable-cities/README.txt", "hospitable-cities/LICENCE.txt"} <= names
    networks = json.loads(archive.read("hospitable-cities/networks.json"))
    assert {r["fields"]["slug"] for r in networks if r["model"] == "networks.network"} == {"anvita"}
    assert "CC BY 4.0" in archive.read("hospitable-cities/LICENCE.txt").decode()


def dump_records(client, model):
    response = client.get(reverse("api:dump"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    app = model.split(".")[0]
    records = json.loads(archive.read(f"hospitable-cities/{app}.json"))
    return {r["fields"]["slug"] for r in records if r["model"] == model}


def test_dump_is_built_once_per_content_version_and_follows_changes(client, one_of_each, monkeypatch):

    builds = []
    build = dumps.build_dump
    monkeypatch.setattr(dumps, "build_dump", lambda *args: builds.append(args) or build(*args))
    assert dump_records(client, "networks.network") == {"anvita"}
    assert dump_records(client, "networks.network") == {"anvita"}
    assert len(builds) == 1  # the second reader got the same file
    f.make_network(slug="uclg")  # a change: a new content version
    assert dump_records(client, "networks.network") == {"anvita", "uclg"}
    assert len(builds) == 2
    assert [path.name for path in settings.KB_DUMP_DIR.glob("*.zip")] == [builds[-1][0].name]


def test_build_dump_command_builds_ahead_and_then_has_nothing_to_do(one_of_each):

    first, second = StringIO(), StringIO()
    call_command("build_dump", "--url", "https://example.org/api/v1/dump/", stdout=first)
    call_command("build_dump", stdout=second)
    assert "built" in first.getvalue() and "already current" in second.getvalue()
    path = second.getvalue().split(" ")[0]
    readme = zipfile.ZipFile(path).read("hospitable-cities/README.txt").decode()
    assert "from https://example.org/api/v1/dump/" in readme


def test_schema_is_openapi_3_and_swagger_ui_is_served_locally(client):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    assert schema["openapi"].startswith("3.")
    parameters = {p["name"] for p in schema["paths"]["/api/v1/networks/"]["get"]["parameters"]}
    assert {
        "scale",
        "origin",
        "scope",
        "country",
        "founded_after",
        "founded_before",
        "member",
        "parent",
        "search",
        "ordering",
        "page",
        "page_size",
        "lang",
        "format",
    } <= parameters
    docs = client.get(reverse("api:docs")).text
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower() and "<script>" not in docs.replace(" ", "")


EXPORTS = ["api:graph", "api:graph-graphml", "api:places-geojson", "api:dump"]


@pytest.mark.parametrize("name", [*[f"api:{resource}-list" for resource in RESOURCES], *EXPORTS])
def test_an_unknown_parameter_is_a_400_naming_it_and_the_accepted_ones(client, name):
    response = client.get(
        reverse(name), {"active_in": "2015", "founded_year": "1990"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body["errors"]) == {"active_in", "founded_year"}
    assert "format" in body["errors"]["active_in"][0] and "lang" in body["errors"]["active_in"][0]


def test_the_accepted_parameters_are_the_resources_own(client, one_of_each):
    message = client.get(reverse("api:network-list"), {"x": "1"}, HTTP_ACCEPT_LANGUAGE="en").json()["errors"][
        "x"
    ][0]
    assert all(name in message for name in ("scale", "member", "page", "page_size", "ordering", "search"))
    known = {
        "scale": "national",
        "page": "1",
        "page_size": "10",
        "ordering": "slug",
        "lang": "en",
        "format": "json",
    }
    assert client.get(reverse("api:network-list"), known).status_code == 200
    french = client.get(reverse("api:network-list"), {"x": "1"}, HTTP_ACCEPT_LANGUAGE="fr").json()["errors"][
        "x"
    ][0]
    assert french.startswith("Paramètre inconnu")


def test_lang_sets_the_language_of_errors_and_content_language_over_accept_language(client):
    english = client.get(reverse("api:network-list"), {"lang": "en", "scale": "x"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert english.status_code == 400 and english["Content-Language"] == "en"
    assert english.json()["detail"].startswith("Invalid parameter")
    french = client.get(reverse("api:network-list"), {"lang": "fr", "scale": "x"}, HTTP_ACCEPT_LANGUAGE="en")
    assert french["Content-Language"] == "fr" and french.json()["detail"].startswith("Paramètre invalide")
    listed = client.get(reverse("api:theme-list"), {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert listed.status_code == 200 and listed["Content-Language"] == "en"


def test_every_record_says_the_language_it_was_drawn_up_in(client):
    f.make_network(slug="anvita")
    f.make_place(slug="amman", original_language="en")
    assert client.get(reverse("api:network-list")).json()["results"][0]["original_language"] == "fr"
    amman = client.get(reverse("api:place-detail", kwargs={"slug": "amman"})).json()
    assert amman["original_language"] == "en"
