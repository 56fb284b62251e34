"""The outside attack's findings, each reproduced as the attacker sent it (docs/security.md).

Every test here sends the request that showed the weakness and asserts the behaviour that closes it.
"""

import csv
import io
import json
import logging
import zipfile
from xml.etree import ElementTree

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.throttling import SimpleRateThrottle

from api.throttling import AnonRateThrottle
from config.gunicorn import exposed_addresses, when_ready
from networks.models import Network
from records.search import limited
from records.visibility import public_reading
from sources.export import export_content
from sources.models import SlugRedirect
from tests import factories as f
from tests.test_security import PRODUCTION, manage

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # nginx, as docs/deploy.md sets it up: X-Forwarded-For $remote_addr
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "attacks"}}


@pytest.fixture
def curator(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "the-right-one")


def log_in(client, password, address, forwarded_for=None, forged_header=None):
    """A login attempt from `address`, through the proxy when `forwarded_for` is given (the proxy
    then connects and passes the client's address); `forged_header` is what a client writes itself."""
    headers = {"REMOTE_ADDR": PROXY if forwarded_for else address}
    if forwarded_for or forged_header:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for or forged_header
    return client.post(
        reverse("admin:login"), {"username": "admin", "password": password, "next": "/admin/"}, **headers
    )


# 1. High: anyone could lock every curator out of the admin from behind the proxy.


@override_settings(PROXY_COUNT=1)
def test_behind_the_proxy_a_guesser_is_locked_out_and_the_curator_still_logs_in(client, curator):
    statuses = [log_in(client, "wrong", PROXY, forwarded_for="203.0.113.5").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks admin out from that client
    assert log_in(client, "the-right-one", PROXY, forwarded_for="203.0.113.5").status_code == 429
    # Writing another address first does not give the guesser a new identity: the proxy appends.
    assert log_in(client, "wrong", PROXY, forwarded_for="192.0.2.9, 203.0.113.5").status_code == 429
    curator_browser = Client()  # another browser, from another address
    answer = log_in(curator_browser, "the-right-one", PROXY, forwarded_for="198.51.100.7")
    assert answer.status_code == 302 and answer["Location"] == "/admin/"


def test_without_a_proxy_count_a_forged_forwarded_for_changes_nothing(client, curator):
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"):
        log_in(client, "wrong", "203.0.113.5", forged_header=forged)
    assert log_in(client, "the-right-one", "203.0.113.5", forged_header="6.6.6.6").status_code == 429


# 2. Medium: the API throttle was bypassed with a made-up X-Forwarded-For.


@pytest.fixture
def strict_throttle(monkeypatch):
    throttle_cache = LocMemCache("throttle-attack", {})
    throttle_cache.clear()
    monkeypatch.setattr(SimpleRateThrottle, "cache", throttle_cache)
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})


def test_a_made_up_forwarded_for_does_not_escape_the_api_throttle(client, strict_throttle):
    statuses = [
        client.get(
            reverse("api:theme-list"), REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"9.9.9.{n}"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_behind_one_proxy_the_throttle_counts_each_client_apart(client, strict_throttle, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}

    def get(address):
        return client.get(reverse("api:theme-list"), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)

    assert [get("203.0.113.5").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert get("198.51.100.7").status_code == 200


# 3. Medium: expensive pages had no limit.


@pytest.fixture
def shared_cache():
    with override_settings(CACHES=LOCMEM):
        caches["default"].clear()
        yield caches["default"]


def test_a_99_word_search_uses_its_first_ten_words(client, django_assert_max_num_queries):
    f.make_network(slug="anvita", name_fr="Villes accueillantes", name_en="Welcoming towns")
    words = " ".join(["accueillantes", *[f"mot{n}" for n in range(98)]])
    assert limited(words).split() == ["accueillantes", *[f"mot{n}" for n in range(9)]]
    response = client.get(reverse("search"), {"q": words})
    assert response.status_code == 200
    assert response.context["query"] == limited(words)


def test_searches_past_the_rate_from_one_address_get_429_with_retry_after(client, shared_cache, settings):
    settings.KB_RATES = {**settings.KB_RATES, "search": "3/minute"}
    statuses = [
        client.get(reverse("search"), {"q": f"mot{n}"}, REMOTE_ADDR="203.0.113.5").status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    limited_page = client.get(reverse("networks:network-list"), {"search": "x"}, REMOTE_ADDR="203.0.113.5")
    assert limited_page.status_code == 429 and int(limited_page["Retry-After"]) >= 1
    api = client.get(reverse("api:network-list"), {"search": "x"}, REMOTE_ADDR="203.0.113.5")
    assert api.status_code == 429 and int(api["Retry-After"]) >= 1 and "secondes" in api.json()["detail"]
    # Another reader, and the same reader's ordinary pages, are not held back.
    assert client.get(reverse("search"), {"q": "x"}, REMOTE_ADDR="198.51.100.7").status_code == 200
    assert client.get(reverse("networks:network-list"), REMOTE_ADDR="203.0.113.5").status_code == 200


def test_login_attempts_with_random_usernames_are_limited_per_address(client, shared_cache, settings):
    settings.KB_RATES = {**settings.KB_RATES, "login": "3/minute"}
    statuses = [
        client.post(
            reverse("admin:login"), {"username": f"user{n}", "password": "x"}, REMOTE_ADDR="203.0.113.5"
        ).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]  # axes alone would lock none: every username is new
    assert client.get(reverse("admin:login"), REMOTE_ADDR="203.0.113.5").status_code == 200


def test_random_query_strings_do_not_push_real_pages_out_of_the_page_cache(client, shared_cache):
    f.make_network(slug="anvita")
    url = reverse("networks:network-list")
    assert client.get(url, {"scale": "national"})["X-Cache"] == "miss"
    for n in range(20):
        client.get(url, {"scale": "national", f"junk{n}": "x"})
    assert client.get(url, {"scale": "national"})["X-Cache"] == "hit"
    assert client.get(url, {"junk": "y", "scale": "national"})["X-Cache"] == "hit"  # the same entry
    assert client.get(url, {"scale": "transnational"})["X-Cache"] == "miss"  # a real parameter counts


# 4. Medium: unpublished records leaked.


@pytest.fixture
def draft_place(db):
    network = f.make_network(slug="anvita", name_fr="Villes accueillantes")
    draft = f.make_place(slug="brouillon", name_fr="Ville en préparation", is_published=False)
    f.make_membership(network, draft, slug="anvita--brouillon")
    f.make_claim(slug="brouillon-population", place=draft)
    public = f.make_place(slug="grenoble", name_fr="Grenoble")
    f.make_membership(network, public, slug="anvita--grenoble")
    return draft


def dumped(client):
    with zipfile.ZipFile(io.BytesIO(b"".join(client.get(reverse("api:dump")).streaming_content))) as archive:
        return {
            name.rsplit("/", 1)[-1]: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".json")
        }


def test_the_public_dump_holds_published_records_only(client, draft_place, tmp_path):
    files = dumped(client)
    assert "brouillon" not in "".join(files.values())
    assert "anvita--grenoble" in files["networks.json"]
    call_command("export_content", output=str(tmp_path))  # make backup keeps everything
    assert "anvita--brouillon" in (tmp_path / "networks.json").read_text(encoding="utf-8")


def test_the_public_dump_keeps_the_redirects_to_published_records_only(client, draft_place):
    SlugRedirect.objects.create(model="networks.network", old_slug="villes-accueillantes", new_slug="anvita")
    SlugRedirect.objects.create(model="actors.place", old_slug="ancien-brouillon", new_slug="brouillon")
    sources = json.loads(dumped(client)["sources.json"])
    redirects = [r["fields"]["old_slug"] for r in sources if r["model"] == "sources.slugredirect"]
    assert redirects == ["villes-accueillantes"]


def test_the_public_dump_costs_the_same_queries_however_many_records_in_a_request_too(draft_place, tmp_path):
    """Built during a request (the first download after a change), every reference's publication
    flag is read with its row: not one query per citation, claim or membership."""

    def queries():
        with CaptureQueriesContext(connection) as captured, public_reading():
            export_content(tmp_path / str(len(list(tmp_path.iterdir()))), public=True)
        return len(captured.captured_queries)

    before = queries()
    for n in range(5):
        f.make_membership(f.make_network(slug=f"reseau-{n}"), f.make_place(slug=f"ville-{n}"))
    assert queries() == before


def test_a_draft_slug_in_a_filter_is_answered_like_an_unknown_one(client, draft_place):
    draft = client.get(reverse("api:network-list"), {"member": "brouillon"})
    unknown = client.get(reverse("api:network-list"), {"member": "nulle-part"})
    assert draft.status_code == unknown.status_code == 404
    assert client.get(reverse("networks:network-list"), {"member": "brouillon"}).status_code == 400


def test_a_membership_of_a_draft_is_not_public_anywhere(client, draft_place):
    listing = client.get(reverse("api:membership-list")).json()["results"]
    assert [m["slug"] for m in listing] == ["anvita--grenoble"]
    assert client.get(reverse("api:membership-detail", args=["anvita--brouillon"])).status_code == 404
    assert "brouillon" not in client.get(reverse("api:graph")).content.decode()
    assert "brouillon" not in client.get(reverse("api:graph-graphml")).content.decode()
    page = client.get(reverse("networks:network-detail", args=["anvita"])).content.decode()
    assert "Grenoble" in page and "Ville en préparation" not in page and "brouillon" not in page
    network = client.get(reverse("api:network-detail", args=["anvita"])).json()
    assert "brouillon" not in json.dumps(network)
    claims = client.get(reverse("api:claim-list"), {"place": "brouillon"}).json()
    assert claims["count"] == 0


@pytest.fixture
def draft_everywhere(db):
    """A draft place and a draft person, linked from published records in every way a record links."""
    draft = f.make_place(slug="brouillon", name_fr="Ville en préparation", is_published=False)
    hidden = f.make_person(slug="personne-cachee", name="Personne Cachée", is_published=False)
    city = f.make_place(slug="grenoble", name_fr="Grenoble", parent=draft)
    network = f.make_network(slug="anvita", founded_place=draft)
    themes = [
        f.make_theme(slug="logement"),
        f.make_theme(slug="theme-cache", name_fr="Thème caché", is_published=False),
    ]
    practice = f.make_practice(slug="riace", places=[draft, city], themes=themes)
    practice.people.add(hidden)
    f.make_quote(practice, speaker=hidden)
    event = f.make_event(slug="gmf-2018", place=draft)
    declaration = f.make_declaration(slug="marrakech", place=draft, event=event)
    declaration.adopted_by_places.add(draft, city)
    person = f.make_person(slug="damien-careme", name="Damien Carême")
    f.make_role(person, place=draft)
    f.make_role(hidden, place=city)
    return {"network": network, "practice": practice, "event": event, "declaration": declaration}


PUBLIC_VIEWS = [
    ("practices:practice-detail", ["riace"]),
    ("practices:practice-list", []),
    ("networks:network-detail", ["anvita"]),
    ("networks:event-detail", ["gmf-2018"]),
    ("networks:declaration-detail", ["marrakech"]),
    ("networks:declaration-list", []),
    ("actors:place-detail", ["grenoble"]),
    ("actors:place-list", []),
    ("actors:person-detail", ["damien-careme"]),
    ("actors:person-list", []),
    ("api:practice-detail", ["riace"]),
    ("api:practice-list", []),
    ("api:network-detail", ["anvita"]),
    ("api:event-detail", ["gmf-2018"]),
    ("api:event-list", []),
    ("api:declaration-detail", ["marrakech"]),
    ("api:place-detail", ["grenoble"]),
    ("api:place-list", []),
    ("api:person-detail", ["damien-careme"]),
    ("api:person-list", []),
]


@pytest.mark.parametrize("name, args", PUBLIC_VIEWS)
def test_a_draft_is_named_by_no_relation_on_public_pages_and_the_api(client, draft_everywhere, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    text = response.content.decode()
    for hidden in ("brouillon", "Ville en préparation", "personne-cachee", "Personne Cachée", "Thème caché"):
        assert hidden not in text, (name, hidden)
    assert 'href=""' not in text  # no link left pointing nowhere where a draft was


def test_the_admin_still_shows_drafts_to_curators(client, draft_everywhere, curator):
    client.force_login(curator)
    practice = draft_everywhere["practice"]
    page = client.get(reverse("admin:practices_practice_change", args=[practice.pk])).content.decode()
    assert "Ville en préparation" in page


# 5. Medium-low: CSV formula injection.


def test_csv_cells_that_a_spreadsheet_would_run_begin_with_an_apostrophe(client):
    for n, name in enumerate(['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "Plain"]):
        f.make_network(slug=f"n{n}", name_fr=name, founded_year=1990 + n)
    response = client.get(reverse("api:network-list"), {"format": "csv"})
    text = response.getvalue().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    names = [row["name_fr"] for row in rows]
    assert names == ['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR", "Plain"]
    assert [row["founded_year"] for row in rows] == [str(1990 + n) for n in range(7)]  # numbers untouched


# 6. Low: the page cache ignored host and scheme, and a hit skipped ALLOWED_HOSTS.


def test_a_forged_host_neither_plants_links_nor_gets_a_cached_page(client, shared_cache, settings):
    settings.ALLOWED_HOSTS = ["villes-hospitalieres.example.org", "localhost"]
    f.make_network(slug="anvita")
    url = reverse("networks:network-detail", args=["anvita"])
    planted = client.get(url, HTTP_HOST="localhost:9999")  # allowed (ALLOWED_HOSTS ignores the port)
    assert planted.status_code == 200 and "localhost:9999" in planted.content.decode()
    reader = client.get(url, HTTP_HOST="localhost")
    assert reader["X-Cache"] == "miss" and "9999" not in reader.content.decode()
    assert client.get(url, HTTP_HOST="localhost")["X-Cache"] == "hit"
    assert client.get(url, HTTP_HOST="evil.example.com").status_code == 400  # a hit is validated too
    https = client.get(url, HTTP_HOST="localhost", secure=True)
    assert https["X-Cache"] == "miss" and "https://localhost/" in https.content.decode()


# 7. Low: faults.


@pytest.mark.parametrize("url", ["/fr/reseaux/", "/api/v1/networks/"])
def test_a_locked_sqlite_database_is_a_503_with_retry_after(client, monkeypatch, url):
    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(CursorWrapper, "execute", locked)
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == 503 and response["Retry-After"] == "10"


def test_after_the_database_file_is_lost_healthz_and_pages_say_503(tmp_path):
    database = tmp_path / "kb.sqlite3"
    script = (
        "import os; from django.test import Client; from django.db import connections; "
        "c = Client(HTTP_HOST='villes-hospitalieres.example.org'); "
        "print(c.get('/healthz').status_code); "
        f"connections.close_all(); os.remove({str(database)!r}); "
        "print(c.get('/healthz').status_code, c.get('/fr/reseaux/').status_code, "
        "c.get('/api/v1/networks/').status_code)"
    )
    env = {**PRODUCTION, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_SECURE_SSL_REDIRECT": "0"}
    assert manage("migrate", "-v0", **env).returncode == 0
    result = manage("shell", "-c", script, **env)
    assert result.stdout.split()[-4:] == ["200", "503", "503", "503"], result.stderr[-2000:]


def test_a_server_error_under_the_api_is_json(client, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr("networks.api.NetworkViewSet.list", boom)
    client.raise_request_exception = False
    response = client.get(reverse("api:network-list"))
    assert response.status_code == 500 and response["Content-Type"] == "application/json"
    assert response.json()["detail"] and "Traceback" not in response.text


def test_a_refused_host_under_the_api_is_json(client):
    response = client.get(reverse("api:network-list"), HTTP_HOST="evil.example.com")
    assert response.status_code == 400 and response.json()["detail"]


# 8. Low: one control character made the GraphML ill-formed.


def test_control_characters_are_refused_when_a_record_is_validated(tmp_path):
    network = f.make_network(slug="anvita")
    network.name_fr = "Villes\x0baccueillantes"
    with pytest.raises(ValidationError) as refused:
        network.full_clean()
    assert "name_fr" in refused.value.message_dict
    network.name_fr = "Villes accueillantes\r\nà la ligne\tet tabulée"  # what a textarea sends
    network.full_clean()


def test_load_content_refuses_a_control_character_and_names_the_record(tmp_path):
    records = [
        {
            "model": "sources.source",
            "fields": {
                "slug": "s",
                "title": "T\x07",
                "authors": "A",
                "description_fr": "",
                "description_en": "",
            },
        }
    ]
    path = tmp_path / "sources.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(CommandError, match=r"'s'.*'title'.*U\+0007"):
        call_command("load_content", str(path))


def test_the_graphml_stays_well_formed_with_a_control_character_in_an_old_row(client):
    network = f.make_network(slug="anvita", name_fr="Villes accueillantes")
    f.make_membership(network, f.make_place(slug="grenoble"))
    Network.objects.filter(pk=network.pk).update(name_fr="Villes\x01accueillantes")  # bypasses validation
    document = ElementTree.fromstring(client.get(reverse("api:graph-graphml")).content)
    labels = [element.text for element in document.iter("{http://graphml.graphdrawing.org/xmlns}data")]
    assert "Villesaccueillantes" in labels


# 9. Info.


def test_a_cached_api_response_carries_the_language_the_reader_negotiated(client, shared_cache):
    f.make_network(slug="anvita")
    url = reverse("api:network-list")
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "en"
    tricky = client.get(url, HTTP_ACCEPT_LANGUAGE="en;q=0.1, fr")
    assert tricky["Content-Language"] == "fr"


def test_a_refused_host_is_logged_once_at_warning_without_a_traceback(client, caplog):
    caplog.set_level(logging.DEBUG)
    for _ in range(3):
        client.get("/fr/", HTTP_HOST="scanner.example.com")
    refused = [record for record in caplog.records if record.name == "django.security.DisallowedHost"]
    assert len(refused) == 1 and refused[0].levelname == "WARNING" and refused[0].exc_info is None


def test_the_csrf_failure_page_is_the_sites_in_both_languages(curator):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(reverse("admin:login"), {"username": "admin", "password": "the-right-one"})
    text = response.content.decode()
    assert response.status_code == 403
    assert "Formulaire expiré" in text and "Form expired" in text and "CSRF" not in text


@pytest.mark.parametrize(
    "incoming, kept",
    [
        ("abc-123_X.y", True),
        ("a" * 64, True),
        ("a" * 65, False),
        ("id with spaces", False),
        ("é" * 8, False),
        ("x\r\nSet-Cookie: a=b", False),
    ],
)
def test_an_incoming_request_id_is_kept_only_when_plain(client, incoming, kept):
    returned = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)["X-Request-ID"]
    assert (returned == incoming) is kept
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in returned) and len(returned) <= 64


def test_gunicorn_says_so_when_it_listens_beyond_loopback():
    assert exposed_addresses([("127.0.0.1", 8000), ("::1", 8000), ("localhost", 1)]) == []
    assert exposed_addresses([("0.0.0.0", 8000), ("192.0.2.4", 80), "/run/kb.sock"]) == [
        ("0.0.0.0", 8000),
        ("192.0.2.4", 80),
    ]
    warnings = []
    server = type("Server", (), {})()
    server.cfg = type("Cfg", (), {"address": [("0.0.0.0", 8000)]})()
    server.log = type("Log", (), {"warning": lambda self, *args: warnings.append(args[0] % args[1:])})()
    when_ready(server)
    assert "0.0.0.0:8000" in warnings[0] and "nginx" in warnings[0]
