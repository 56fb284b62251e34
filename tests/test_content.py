"""The real, curated content in fixtures/: the only tests that load it.

With KB_SOURCE_TEXTS_DIR (CI sets it) or ../shared/seeds present, every quote is also checked
verbatim against its source document.
"""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db.models import Count

from networks.models import Network
from practices.models import Practice
from records.search import searchable_models, stale_search_vectors
from sources.check import content_problems, counts_table
from sources.load import ContentError, clear_content, default_fixture_paths, load_content
from sources.models import SUBJECT, Claim

pytestmark = pytest.mark.django_db

SEEDS = Path(os.environ.get("KB_SOURCE_TEXTS_DIR") or Path(settings.BASE_DIR).parent / "shared" / "seeds")

# Lacroix (2020), the typology table: (scale, origin, scope) -> the networks in that cell.
TYPOLOGY_TABLE = {
    ("national", "spontaneous", "specialist"): {
        "anvita",
        "cities-of-sanctuary-uk",
        "recosol",
        "sanctuary-cities-us",
        "welcoming-cities-australia",
        "welcoming-communities-nz",
        "welcoming-cities-us",
    },
    ("national", "co-opted", "generalist"): {
        "cites-unies-france",
        "cites-unies-liban",
        "fcm",
        "lga-uk",
        "salga",
        "vng",
        "ulga",
    },
    ("transnational", "spontaneous", "generalist"): {"eurocities", "global-parliament-of-mayors"},
    ("transnational", "spontaneous", "specialist"): {
        "icorn",
        "observatoire-maires-vivre-ensemble",
        "c-mise",
        "welcoming-international",
    },
    ("transnational", "co-opted", "generalist"): {
        "cities-alliance",
        "cemr",
        "uclg",
        "uclg-africa",
        "uclg-middle-east",
        "congress-local-regional-authorities",
        "flacma",
        "mercociudades",
        "metropolis",
        "urbact",
    },
    ("transnational", "co-opted", "specialist"): {
        "international-coalition-cities-against-racism",
        "intercultural-cities",
        "iccar",
        "mayoral-forum",
        "observatoire-villes-inclusives",
    },
}


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """Load the fixtures once for this module; clear them afterwards so other tests start empty."""
    with django_db_blocker.unblock():
        load_content(default_fixture_paths())
    yield
    with django_db_blocker.unblock():
        clear_content()


def test_content_check_passes_with_every_quote_found_in_its_source(content):
    sources_dir = SEEDS if SEEDS.is_dir() else None
    if os.environ.get("CI") == "true":
        assert sources_dir, f"CI must check quotes against the seeds ({SEEDS} not found)"
    assert [str(problem) for problem in content_problems(sources_dir)] == []


def test_the_35_networks_of_the_typology_table_sit_in_their_cells(content):
    in_table = Network.objects.filter(in_typology_table=True)
    cells = {}
    for network in in_table:
        cells.setdefault((network.scale, network.origin, network.scope), set()).add(network.slug)
    assert cells == TYPOLOGY_TABLE
    assert in_table.count() == 35 == sum(len(slugs) for slugs in TYPOLOGY_TABLE.values())


def test_the_ten_numbered_fiches_of_the_ocu_guide_are_complete(content):
    fiches = Practice.objects.filter(number__isnull=False).annotate(
        n_places=Count("places", distinct=True),
        n_figures=Count("key_figures", distinct=True),
        n_quotes=Count("quotes", distinct=True),
        n_links=Count("further_reading", distinct=True),
        n_citations=Count("citations", distinct=True),
    )
    assert sorted(fiches.values_list("number", flat=True)) == list(range(1, 11))
    for fiche in fiches:
        assert fiche.citations.filter(source__slug="ocu-10-exemples").exists(), fiche.slug
        assert fiche.n_places >= 1 and fiche.n_figures >= 1 and fiche.n_links >= 1, fiche.slug
        assert fiche.family in {"place-of-migrants", "civil-society"}, fiche.slug
        assert fiche.summary_fr and fiche.summary_en and fiche.steps_fr and fiche.steps_en, fiche.slug
        # Fiche 10 (networking) quotes no one; every other fiche carries a testimony.
        assert fiche.n_quotes >= (0 if fiche.number == 10 else 1), fiche.slug
    # The guide's two sections: fiches 1-5 rethink the place of migrants, 6-10 act with civil society.
    families = dict(fiches.values_list("number", "family"))
    assert {n for n, family in families.items() if family == "place-of-migrants"} == {1, 2, 3, 4, 5}
    assert fiches.get(number=1).places.filter(slug="riace").exists()
    assert fiches.get(number=2).places.filter(slug="new-york").exists()


def test_every_practice_has_a_theme_and_every_record_has_english(content):
    assert not Practice.objects.annotate(n=Count("themes")).filter(n=0).exists()
    missing = [str(problem) for problem in content_problems() if "missing text" in str(problem)]
    assert missing == []


def test_every_disputed_fact_has_at_least_two_differently_sourced_claims(content):
    disputed = Claim.objects.filter(disputed=True)
    assert disputed.exists()
    for claim in disputed:
        subject = SUBJECT.field_of(claim)
        versions = Claim.objects.filter(**{subject: getattr(claim, f"{subject}_id")}, kind=claim.kind)
        citations = {(c.source_id, c.locator, c.quote) for c in versions}
        assert len(citations) >= 2, claim.slug


def test_disagreements_between_sources_are_kept_side_by_side(content):
    quito = Claim.objects.filter(event__slug="global-mayoral-forum-2015-quito", kind="date")
    assert {claim.source.slug for claim in quito} == {"lacroix-2020", "gfmd-2020-rt31"}
    assert all(claim.disputed for claim in quito)
    founders = Claim.objects.filter(network__slug="anvita", kind="founders")
    assert {"lacroix-2020", "flamant-lacroix-2023"} <= {claim.source.slug for claim in founders}


def test_the_counts_table_in_the_docs_matches_the_content(content):
    doc = (Path(settings.BASE_DIR) / "docs" / "content.md").read_text(encoding="utf-8")
    documented = doc.split("<!-- counts:start -->")[1].split("<!-- counts:end -->")[0].strip()
    assert documented == counts_table(), (
        "run: python manage.py content_counts, and paste into docs/content.md"
    )


@pytest.mark.requires_postgres
def test_loading_the_content_fills_every_stored_search_vector(content):
    for model in searchable_models():
        assert model._base_manager.exists(), model
        assert not stale_search_vectors(model).exists(), model


@pytest.mark.django_db
def test_fixtures_never_carry_the_computed_search_vector(tmp_path):

    bad = tmp_path / "networks.json"
    record = {"model": "networks.network", "fields": {"slug": "x", "search_vector": "'x':1"}}
    bad.write_text(json.dumps([record]))
    with pytest.raises(ContentError, match=r"networks.json.*'search_vector' is computed"):
        load_content([bad])
