"""Comparing two to four places: the page (/fr/lieux/comparer/, /en/places/compare/) and its API twin."""

import re

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests import factories as f

pytestmark = pytest.mark.django_db

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "compare"}}


def page_url(language="fr"):
    with translation.override(language):
        return reverse("actors:place-compare")


API = "/api/v1/places/compare/"


@pytest.fixture
def places():
    """Grenoble and Lyon share ANVITA; only Lyon is in Eurocities; Riace has a population and a
    disputed claim; a draft place is there too."""
    grenoble = f.make_place(slug="grenoble", name_fr="Grenoble", name_en="Grenoble", size_band="large")
    lyon = f.make_place(slug="lyon", name_fr="Lyon", name_en="Lyon")
    riace = f.make_place(
        slug="riace", name_fr="Riace", name_en="Riace", country="IT", population=2_100, population_year=2017
    )
    f.make_place(slug="brouillon", name_fr="Ville en préparation", is_published=False)
    anvita = f.make_network(slug="anvita", name_fr="ANVITA", name_en="ANVITA")
    eurocities = f.make_network(slug="eurocities", name_fr="Eurocités", name_en="Eurocities")
    f.make_membership(anvita, grenoble, role="founder", start_year=2018)
    f.make_membership(anvita, lyon, role="member", start_year=2020, status="current", status_as_of=2022)
    f.make_membership(eurocities, lyon, role="founder", start_year=1986)
    f.make_practice(slug="grenoble-council", places=[grenoble], title_fr="Conseil des résidents étrangers")
    f.make_event(slug="assises-lyon", place=lyon, name_fr="Assises de Lyon", year=2019)
    declaration = f.make_declaration(slug="charte-anvita", name_fr="Charte de l’ANVITA", year=2018)
    declaration.adopted_by_places.set([grenoble])
    f.make_role(f.make_person(slug="eric-piolle", name="Éric Piolle"), place=grenoble, start_year=2014)
    f.make_claim(
        slug="riace-population",
        place=riace,
        kind="population",
        field="population",
        disputed=True,
        **f.both("value", "1 800 habitants", "1,800 inhabitants"),
    )
    return {"grenoble": grenoble, "lyon": lyon, "riace": riace}


def cells_of(html, heading):
    """The cells of the table row whose heading contains `heading`, as text."""
    row = re.search(rf"<tr><th scope=\"row\">(?:<a [^>]*>)?{re.escape(heading)}.*?</tr>", html, re.S)
    assert row, f"no row {heading!r}"
    return [
        re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row.group(0), re.S)
    ]


# ---------------------------------------------------------------------------------------------------
# The page


def test_compare_page_lines_up_the_places_facts_in_columns(client, places):
    response = client.get(page_url(), {"lieu": ["grenoble", "lyon", "riace"]})
    assert response.status_code == 200
    html = response.text
    assert re.findall(r'<th scope="col"><a href="/fr/lieux/([a-z-]+)/"', html) == [
        "grenoble",
        "lyon",
        "riace",
    ]
    assert cells_of(html, "Pays") == ["France", "France", "Italie"]
    population = cells_of(html, "Population")
    assert population[:2] == ["—", "—"]
    assert population[2].startswith("2\u202f100 (2017) selon INSEE, 2021")
    assert "estimation de la rédaction, 2026" in cells_of(html, "Taille")[0]
    assert cells_of(html, "Données de référence")[2].startswith("Pays et coordonnées")
    # One row per network, the one two places share first; a place that is not a member shows "—".
    assert re.findall(r'<tr><th scope="row"><a href="/fr/reseaux/([a-z-]+)/"', html) == [
        "anvita",
        "eurocities",
    ]
    assert cells_of(html, "ANVITA") == [
        "fondateur (depuis 2018)",
        "membre (depuis 2020) · en cours (en 2022)",
        "—",
    ]
    assert cells_of(html, "Eurocités") == ["—", "fondateur (depuis 1986)", "—"]
    assert cells_of(html, "Bonnes pratiques") == ["Conseil des résidents étrangers", "—", "—"]
    assert cells_of(html, "Événements accueillis") == ["—", "Assises de Lyon (2019)", "—"]
    assert cells_of(html, "Déclarations adoptées") == ["Charte de l’ANVITA (2018)", "—", "—"]
    assert cells_of(html, "Personnes")[0].startswith("Éric Piolle, maire (2014–")
    disputed = cells_of(html, "Faits contestés")
    assert disputed[:2] == ["—", "—"] and disputed[2].startswith("population — 1 800 habitants")
    # The population's disputed mark links to the claim, listed on this page.
    assert 'href="#claim-riace-population"' in html and 'id="claim-riace-population"' in html


def test_each_column_removes_its_place_and_the_form_adds_one(client, places):
    html = client.get(page_url(), {"lieu": ["grenoble", "lyon"]}).text
    removes = re.findall(r'class="compare-remove" href="([^"]+)"', html)
    assert removes == ["/fr/lieux/comparer/?lieu=lyon", "/fr/lieux/comparer/?lieu=grenoble"]
    form = re.search(r'<form method="get" action="/fr/lieux/comparer/".*?</form>', html, re.S).group(0)
    assert re.findall(r'<input type="hidden" name="lieu" value="([^"]+)">', form) == ["grenoble", "lyon"]
    options = re.findall(r'<option value="([^"]*)">', form)
    assert options == ["", "riace"]  # the places not shown yet; never a draft


def test_english_page_links_use_place_and_both_names_are_read_everywhere(client, places):
    english = client.get(page_url("en"), {"lieu": "grenoble", "place": "lyon"})
    assert english.status_code == 200
    html = english.text
    assert re.findall(r'<th scope="col"><a href="/en/places/([a-z-]+)/"', html) == ["lyon", "grenoble"]
    removes = re.findall(r'class="compare-remove" href="([^"]+)"', html)
    assert removes == ["/en/places/compare/?place=grenoble", "/en/places/compare/?place=lyon"]
    assert re.findall(r'<input type="hidden" name="(\w+)"', html) == ["place", "place"]
    assert re.findall(r'<select id="compare-add-1" name="(\w+)"', html) == ["place"]
    assert cells_of(html, "Country") == ["France", "France"]
    assert client.get(page_url("fr"), {"place": "grenoble,lyon"}).status_code == 200  # comma-separated


def test_compare_page_with_fewer_than_two_places_asks_for_more(client, places):
    empty = client.get(page_url())
    assert empty.status_code == 200
    assert "Choisissez deux lieux à comparer" in empty.text
    assert len(re.findall(r'<select id="compare-add-\d" name="lieu">', empty.text)) == 2
    assert "<table" not in empty.text
    one = client.get(page_url(), {"lieu": "grenoble"})
    assert one.status_code == 200
    assert "Ajoutez au moins un autre lieu à comparer avec Grenoble." in one.text
    assert len(re.findall(r"<select ", one.text)) == 1


@pytest.mark.parametrize(
    "slugs, message",
    [
        (["grenoble", "atlantis"], "Lieu inconnu\u00a0: «\u00a0atlantis\u00a0»."),
        (["grenoble", "brouillon"], "Lieu inconnu\u00a0: «\u00a0brouillon\u00a0»."),  # a draft is unknown
        (["grenoble", "lyon", "grenoble"], "Le lieu «\u00a0grenoble\u00a0» est nommé plusieurs fois."),
        (["grenoble", "lyon", "riace", "a", "b"], "Comparez au plus 4 lieux\u00a0: 5 sont demandés"),
    ],
)
def test_compare_page_refuses_a_wrong_choice_with_a_message_and_keeps_the_form(
    client, places, slugs, message
):
    response = client.get(page_url(), {"lieu": slugs})
    assert response.status_code == 400
    assert message in response.text
    assert "Ville en préparation" not in response.text
    assert 'class="compare-errors" role="alert"' in response.text


def test_more_than_four_places_lists_them_to_remove_one(client, places):
    fifth = f.make_place(slug="paris", name_fr="Paris")
    sixth = f.make_place(slug="milan", name_fr="Milan")
    slugs = ["grenoble", "lyon", "riace", fifth.slug, sixth.slug]
    html = client.get(page_url(), {"lieu": slugs}).text
    assert "<table" not in html and "<select" not in html
    removes = re.findall(r'<li>(\w+) — <a href="([^"]+)">retirer</a>', html.replace("&amp;", "&"))
    assert removes[0] == ("Grenoble", "/fr/lieux/comparer/?lieu=lyon&lieu=riace&lieu=paris&lieu=milan")
    assert len(removes) == 5


def test_four_places_leave_no_room_to_add(client, places):
    paris = f.make_place(slug="paris", name_fr="Paris")
    html = client.get(page_url(), {"lieu": ["grenoble", "lyon", "riace", paris.slug]}).text
    assert "<select" not in html and "4 lieux au plus\u00a0: retirez-en un pour en ajouter un autre." in html


def test_compare_page_is_not_indexed_and_not_in_the_sitemap(client, places):
    html = client.get(page_url(), {"lieu": ["grenoble", "lyon"]}).text
    assert '<meta name="robots" content="noindex">' in html
    assert 'class="compare-page"' in html  # the body class that prints it on A4 landscape
    sitemaps = [client.get("/sitemap.xml").text]
    sitemaps += [
        client.get(url).text for url in re.findall(r"<loc>http://testserver(/[^<]+)</loc>", sitemaps[0])
    ]
    assert not any("comparer" in text or "/compare/" in text for text in sitemaps)


def test_the_other_languages_page_and_the_canonical_keep_the_places(client, places):
    html = client.get(page_url(), {"lieu": ["grenoble", "lyon"]}).text
    query = "?lieu=grenoble&amp;lieu=lyon"
    assert f'hreflang="en" href="http://testserver/en/places/compare/{query}"' in html
    assert f'rel="canonical" href="http://testserver/fr/lieux/comparer/{query}"' in html


@pytest.mark.parametrize("count", [2, 4])
def test_compare_page_costs_the_same_whatever_the_number_of_places(
    client, django_assert_num_queries, places, count
):
    extra = [f.make_place(slug=f"extra-{n}") for n in range(2)]
    for place in extra:
        f.make_membership(f.make_network(), place)
        f.make_practice(places=[place])
    slugs = ["grenoble", "lyon", *[place.slug for place in extra]][:count]
    # The places, then their memberships, fiches, events, declarations, roles and claims, and the
    # published places the form offers: the same 8 for two places as for four (the form is gone then).
    with django_assert_num_queries(8 if count < 4 else 7):
        assert client.get(page_url(), {"lieu": slugs}).status_code == 200


def test_place_page_links_to_the_comparison_with_the_place_chosen(client, places):
    french = client.get(places["grenoble"].get_absolute_url()).text
    assert '<a href="/fr/lieux/comparer/?lieu=grenoble">Comparer avec d’autres lieux</a>' in french
    h1 = french.index("<h1>")
    assert french.index("compare-control") > h1 and french.index("compare-control") < french.index("<dl")
    with translation.override("en"):
        english = client.get(places["grenoble"].get_absolute_url()).text
    assert '<a href="/en/places/compare/?place=grenoble">Compare with other places</a>' in english


def test_the_page_cache_keeps_each_comparison_apart(client, places):
    with override_settings(CACHES=LOCMEM):
        caches["default"].clear()
        first = client.get(page_url(), {"lieu": ["grenoble", "lyon"]})
        other = client.get(page_url(), {"lieu": ["grenoble", "riace"]})
        assert first["X-Cache"] == other["X-Cache"] == "miss"
        assert "Riace" in other.text
        assert client.get(page_url(), {"lieu": ["grenoble", "lyon"]})["X-Cache"] == "hit"


# ---------------------------------------------------------------------------------------------------
# The API


def test_api_compares_places_in_the_order_given_with_network_rows(client, places):
    response = client.get(API, {"place": ["lyon", "grenoble"]})
    assert response.status_code == 200
    data = response.json()
    assert [place["slug"] for place in data["places"]] == ["lyon", "grenoble"]
    lyon, grenoble = data["places"]
    assert lyon["name"] == {"fr": "Lyon", "en": "Lyon"}
    assert [m["network"] for m in lyon["memberships"]] == ["anvita", "eurocities"]
    assert lyon["events_hosted"] == [
        {
            "slug": "assises-lyon",
            "name": {"fr": "Assises de Lyon", "en": lyon["events_hosted"][0]["name"]["en"]},
            "year": 2019,
        }
    ]
    assert [d["slug"] for d in grenoble["declarations_adopted"]] == ["charte-anvita"]
    assert [p["slug"] for p in grenoble["practices"]] == ["grenoble-council"]
    assert grenoble["roles"][0]["person"] == "eric-piolle" and grenoble["roles"][0]["start_year"] == 2014
    rows = {row["network"]["slug"]: row["memberships"] for row in data["networks"]}
    assert list(rows) == ["anvita", "eurocities"]
    assert [m["role"] for m in rows["anvita"]["grenoble"]] == ["founder"]
    assert [(m["role"], m["status"]) for m in rows["anvita"]["lyon"]] == [("member", "current")]
    assert rows["eurocities"] == {"lyon": [rows["eurocities"]["lyon"][0]], "grenoble": []}


def test_api_gives_plain_strings_with_lang_and_the_disputed_claims(client, places):
    data = client.get(API, {"place": "grenoble,riace", "lang": "en"}).json()
    riace = data["places"][1]
    assert riace["name"] == "Riace" and riace["disputed_fields"] == ["population"]
    assert [(c["slug"], c["value"]) for c in riace["disputed_claims"]] == [
        ("riace-population", "1,800 inhabitants")
    ]
    assert data["networks"][0]["network"] == {"slug": "anvita", "name": "ANVITA"}


@pytest.mark.parametrize(
    "query, named",
    [
        ({"place": "grenoble"}, "at least 2"),
        ({}, "at least 2"),
        ({"place": ["grenoble", "grenoble", "lyon"]}, "“grenoble” is named more than once"),
        ({"place": "grenoble,lyon,riace,a,b"}, "at most 4 places"),
        ({"place": "grenoble,lyon,atlantis,lyon"}, "“lyon” is named more than once"),  # malformed first
    ],
)
def test_api_refuses_a_malformed_choice_with_a_400_that_names_it(client, places, query, named):
    response = client.get(API, {**query, "lang": "en"})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Invalid parameter: place."
    assert any(named in message for message in body["errors"]["place"]), body


@pytest.mark.parametrize("missing", ["atlantis", "brouillon"])  # a draft answers as an unknown slug
def test_api_answers_an_unknown_place_with_a_404_that_names_it(client, places, missing):
    response = client.get(API, {"place": ["grenoble", missing], "lang": "en"})
    assert response.status_code == 404
    assert response.json() == {"detail": f"Unknown place: “{missing}”."}


def test_api_refuses_unknown_parameters_and_other_formats(client, places):
    unknown = client.get(API, {"place": "grenoble,lyon", "places": "riace", "lang": "en"})
    assert unknown.status_code == 400 and "places" in unknown.json()["errors"]
    assert client.get(API, {"place": "grenoble,lyon", "format": "csv"}).status_code == 400


@pytest.mark.parametrize("count", [2, 4])
def test_api_comparison_costs_the_same_whatever_the_number_of_places(
    client, django_assert_num_queries, places, count
):
    extra = [f.make_place(slug=f"extra-{n}") for n in range(2)]
    for place in extra:
        f.make_membership(f.make_network(), place)
        f.make_role(f.make_person(), place=place)
    slugs = ["grenoble", "riace", *[place.slug for place in extra]][:count]
    with django_assert_num_queries(7):  # the places, then the six prefetches of for_comparison
        assert client.get(API, {"place": slugs}).status_code == 200


def test_a_very_long_list_is_refused_with_a_few_messages(client, places):
    slugs = ["grenoble"] * 2000 + [f"place-{n}" for n in range(2000)]
    response = client.get(API, {"place": ",".join(slugs), "lang": "en"})
    assert response.status_code == 400
    messages = response.json()["errors"]["place"]
    assert messages[0] == "Compare at most 4 places: 2001 are asked for; remove some."
    assert len(messages) <= 1 + 2 * 12  # the first dozen slugs are reported on, not all of them
