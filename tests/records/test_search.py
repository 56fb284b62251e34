from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation

from actors.models import Place
from networks.models import Network
from practices.models import Practice
from records.search import (
    TRIGRAM_THRESHOLD,
    parse_fulltext,
    refresh_search_vectors,
    search,
    searchable_models,
    stale_search_vectors,
)
from tests import factories as f

pytestmark = pytest.mark.django_db


def result_slugs(client, query, language="fr"):
    with translation.override(language):
        url = reverse("search")
    page = client.get(url, {"q": query})
    assert page.status_code == 200
    return [record.slug for _label, record in page.context["results"]]


def test_search_is_case_and_accent_insensitive_on_every_database(client):
    f.make_practice(slug="economy", title_fr="Économie solidaire", title_en="Solidarity economy")
    f.make_network(slug="careme", name_fr="Réseau de Damien Carême")
    assert "economy" in result_slugs(client, "ECONOMIE")
    assert "careme" in result_slugs(client, "careme")
    assert "careme" in result_slugs(client, "Carême")


def test_search_spans_every_kind_and_ranks_titles_first(client):
    f.make_place(slug="riace", name_fr="Riace")
    f.make_practice(slug="riace-fiche", title_fr="Riace, village d'accueil")
    f.make_network(slug="other", name_fr="Réseau", summary_fr="Un réseau qui cite Riace en passant.")
    f.make_person(slug="domenico-lucano", name="Domenico Lucano", description_fr="Maire de Riace.")
    slugs = result_slugs(client, "Riace")
    assert {"riace", "riace-fiche", "other", "domenico-lucano"} == set(slugs)
    assert slugs.index("other") > max(slugs.index("riace"), slugs.index("riace-fiche"))


def test_search_with_nothing_to_find_and_hostile_input(client):
    f.make_network(slug="anvita")
    assert result_slugs(client, "zzzzqqq") == []
    assert result_slugs(client, "'; DROP TABLE networks_network; --") == []
    assert result_slugs(client, "x" * 5000) == []
    assert client.get(reverse("search"), {"q": "a\x00b"}).status_code == 200
    assert Network.objects.filter(slug="anvita").exists()


def test_unpublished_records_are_not_found(client):
    f.make_network(slug="draft", name_fr="Brouillon", is_published=False)
    assert result_slugs(client, "Brouillon") == []


@pytest.mark.requires_postgres
def test_postgres_search_stems_french_and_english_and_folds_accents(client):
    f.make_practice(slug="housing", title_fr="Le logement des familles", title_en="Housing families")
    f.make_practice(slug="economy", title_fr="Une économie du partage", title_en="A sharing economy")
    assert "housing" in result_slugs(client, "logements")
    assert "economy" in result_slugs(client, "economie")
    assert "housing" in result_slugs(client, "families", language="en")


@pytest.mark.requires_postgres
def test_postgres_search_falls_back_to_trigrams_for_misspellings(client):
    f.make_place(slug="grenoble", name_fr="Grenoble", name_en="Grenoble")
    assert "grenoble" in result_slugs(client, "Grenobel")


@pytest.mark.requires_postgres
def test_api_search_uses_the_same_full_text_search(client):
    f.make_practice(slug="housing", title_fr="Le logement des familles", title_en="Housing families")
    body = client.get(reverse("api:practice-list"), {"search": "logements"}).json()
    assert [item["slug"] for item in body["results"]] == ["housing"]


def test_search_function_leaves_the_queryset_alone_without_a_query():
    f.make_practice(slug="a")
    assert search(Practice.objects.all(), "  ", ["title_fr"]).count() == 1


@pytest.mark.requires_postgres
def test_an_edited_record_is_found_by_its_new_words_at_once(client):
    practice = f.make_practice(slug="fiche", title_fr="Un guichet unique", title_en="A one-stop shop")
    assert result_slugs(client, "guichet") == ["fiche"]
    practice.title_fr = "Une maison des habitants"
    practice.save()
    assert result_slugs(client, "guichet") == []
    assert result_slugs(client, "habitants") == ["fiche"]


@pytest.mark.requires_postgres
def test_stored_vectors_match_what_the_columns_give(client):
    f.make_practice(slug="fiche", title_fr="Économie solidaire", summary_en="A sharing economy")
    f.make_place(slug="riace", name_fr="Riace")
    assert len(searchable_models()) == 8
    for model in searchable_models():
        assert not stale_search_vectors(model).exists(), model
    Practice.objects.update(search_vector=None)  # as after a raw bulk write
    assert stale_search_vectors(Practice).count() == 1


@pytest.mark.requires_postgres
def test_the_query_is_parsed_once_per_configuration_without_duplicates():
    assert parse_fulltext("accueil") == "('accueil')"  # the same lexeme in all three: tested once
    assert parse_fulltext("Logements") == "('log') | ('logement') | ('logements')"  # en, fr, simple
    assert parse_fulltext("!!!") is None  # nothing left to search for


@pytest.mark.requires_postgres
def test_full_text_and_misspelling_searches_can_use_their_indexes():
    """The plans name the GIN indexes: the searched expressions match the indexed ones.

    Among a few hundred analysed rows, with sequential scans off, the planner's only sensible
    choice for a selective condition is the index that can answer it."""

    f.make_place(slug="grenoble", name_fr="Grenoble")
    Place.objects.bulk_create(
        Place(slug=f"village-{n}", name_fr=f"Village {n}", name_en=f"Village {n}", kind="city")
        for n in range(300)
    )
    refresh_search_vectors([Place])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE actors_place")
        cursor.execute("SET enable_seqscan = off")
        try:
            for query, index in [
                ("grenoble", "actors_place_search_gin"),
                ("grenobel", "actors_place_name_fr_trgm"),
            ]:
                found = search(Place.objects.all(), query, Place.search_fields, ranked=True)
                assert list(found.values_list("slug", flat=True)) == ["grenoble"]
                assert index in found.explain()
        finally:
            cursor.execute("RESET enable_seqscan")


@pytest.mark.requires_postgres
def test_the_trigram_threshold_is_set_on_every_connection():

    with connection.cursor() as cursor:
        cursor.execute("SHOW pg_trgm.word_similarity_threshold")
        assert float(cursor.fetchone()[0]) == TRIGRAM_THRESHOLD


@pytest.mark.requires_postgres
def test_refresh_search_vectors_repairs_what_raw_sql_left_stale():

    f.make_practice(slug="fiche", title_fr="Un guichet unique")
    Practice.objects.update(search_vector=None)  # as raw SQL would leave it
    with pytest.raises(SystemExit):
        call_command("refresh_search_vectors", "--check", stdout=StringIO())
    call_command("refresh_search_vectors", stdout=StringIO())
    report = StringIO()
    call_command("refresh_search_vectors", "--check", stdout=report)
    assert "practices.Practice: 0 stale" in report.getvalue()
    assert search(Practice.objects.all(), "guichet", Practice.search_fields).get().slug == "fiche"
