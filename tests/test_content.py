"""The real, curated content in fixtures/: the only tests that load it.

With KB_SOURCE_TEXTS_DIR (CI sets it) or ../shared/seeds present, every quote is also checked
verbatim against its source document.
"""

import csv
import json
import os
from collections import Counter
from pathlib import Path

import frictionless
import pytest
from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from actors.models import Organisation, Person, Place
from actors.similarity import similar_places
from api.datapackage import build_datapackage, package_kinds, resource_name
from networks.models import Event, Forum, Membership, Network
from practices.models import KeyFigure, Practice
from records.kinds import CLAIMABLE
from records.search import searchable_models, stale_search_vectors
from sources.check import content_problems, counts_table
from sources.export import exported_records
from sources.load import ContentError, clear_content, default_fixture_paths, load_content
from sources.models import SUBJECT, Citation, Claim

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


def test_the_whole_content_is_a_valid_data_package_of_the_dumps_records(content, tmp_path):
    build_datapackage(tmp_path, "1")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    for kind in package_kinds():
        with (tmp_path / f"{resource_name(kind)}.csv").open(encoding="utf-8", newline="") as handle:
            written = sum(1 for _row in csv.reader(handle)) - 1
        assert written == sum(1 for _record in exported_records(kind.model, public=True)), kind.label
    with (tmp_path / "networks.csv").open(encoding="utf-8", newline="") as handle:
        assert sum(1 for _row in csv.DictReader(handle)) == Network.objects.published().count()


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


# The fact-check's findings, each pinned on the real content.


def test_fiche_6_is_the_guides_own_fiche_not_lacroixs_account(content):
    fiche = Practice.objects.get(slug="la-liniere-camp-grande-synthe")
    assert fiche.number == 6
    assert fiche.title_fr.startswith("S’associer à la société civile pour obliger l’État à une mise à l’abri")
    assert "Grande-Synthe" in fiche.title_fr
    # Its own Bilan: the fire of April 2017; its status follows.
    assert "incendie" in fiche.outcome_fr and "avril 2017" in fiche.outcome_fr
    assert (fiche.status, fiche.period_end) == (Practice.Status.ENDED, 2017)
    assert len(fiche.takeaways_fr.split("\n\n")) == 5 == len(fiche.takeaways_en.split("\n\n"))
    assert fiche.further_reading.exists()
    sections = set(
        fiche.citations.filter(source__slug="ocu-10-exemples").values_list("locator_fr", flat=True)
    )
    for part in ("« En bref »", "« Comment ? »", "« Bilan »", "« À retenir »"):
        assert any(part in locator for locator in sections), part
    # Lacroix's account stays, as his own citations.
    assert fiche.citations.filter(source__slug="lacroix-2020").exists()


def test_the_ocu_fiches_share_one_status_year_no_earlier_than_the_guides_latest_fact(content):
    years = set(Practice.objects.filter(number__isnull=False).values_list("status_as_of", flat=True))
    assert years == {2018}  # the guide is undated; its latest dated fact is March 2018


def test_lacroix_codes_35_networks_and_weak_inferences_are_left_undetermined(content):
    assert Network.objects.filter(in_typology_table=True).count() == 35
    for slug in (
        "aimf",
        "clgf",
        "plataforma",
        "fmcu",
        "mc2cm",
        "icmpd-city-to-city",
        "mayors-migration-council",
    ):
        network = Network.objects.get(slug=slug)
        assert not network.in_typology_table and network.origin == "", slug
        assert network.typology_note_fr and network.typology_note_en, slug
    for network in Network.objects.filter(in_typology_table=False):
        assert network.typology_note_fr.strip() and network.typology_note_en.strip(), network.slug


def test_home_matrix_counts_lacroixs_35_and_the_editors_codings_apart(content, client):
    response = client.get("/fr/")
    matrix = response.context["matrix"]
    assert matrix["lacroix_total"] == 35
    inferred = (
        Network.objects.filter(in_typology_table=False).exclude(scale="").exclude(origin="").exclude(scope="")
    )
    assert matrix["inferred_total"] == inferred.count()
    assert (
        matrix["undetermined"] == Network.objects.filter(in_typology_table=False).count() - inferred.count()
    )
    assert "les 35 réseaux de son tableau" in response.text


def test_quotes_from_the_english_passages_are_marked_english_and_translated_into_french(content, client):
    from sources.models import Citation  # noqa: PLC0415 (kept beside the test that reads it)

    amman = Citation.objects.get(quote="Nearly half of Amman’s population are refugees.", place__slug="amman")
    assert (amman.quote_language, amman.translation_language) == ("en", "fr")
    assert amman.quote_translation.startswith("Près de la moitié")
    english = Citation.objects.filter(quote_language="en")
    assert english.count() >= 77
    assert not english.exclude(source__slug__in=["gfmd-2020-rt31", "flamant-lacroix-2023"]).exists()
    page = client.get("/fr/lieux/amman/").text
    assert '<blockquote lang="en">“Nearly half of Amman’s population are refugees.”</blockquote>' in page
    assert "traduction de l’anglais par la rédaction" in page
    english_page = client.get("/en/places/amman/").text
    assert "Près de la moitié" not in english_page  # an English quote needs no translation there


def test_locators_speak_the_pages_language(content):
    from sources.models import Citation  # noqa: PLC0415 (kept beside the test that reads it)

    figures = KeyFigure.objects.filter(practice__slug="riace", locator_fr="Fiche 1 (Riace), chiffres clés")
    assert figures.exists() and {figure.locator_en for figure in figures} == {"Fiche 1 (Riace), key figures"}
    annex = Citation.objects.filter(locator_fr__startswith="Annexe II").first()
    assert annex.locator_en.startswith("Annex II « Additional Examples of Good Practices »")
    assert not Citation.objects.filter(locator_fr__regex=r"\bp\. ?\d").exists()  # no page numbers


def test_places_carry_labelled_reference_data_and_populations_only_where_certain(content, client):
    assert not Place.objects.filter(reference_year__isnull=True).exists()
    with_population = Place.objects.exclude(population=None)
    assert set(with_population.values_list("slug", flat=True)) == {
        "riace",
        "new-york",
        "briancon",
        "deir-alla",
    }
    for place in with_population:
        assert place.population_source and place.population_year, place.slug
        assert Claim.objects.filter(place=place, kind="population").exists(), place.slug
    riace = Place.objects.get(slug="riace")
    assert (riace.population, riace.size_band) == (2100, "small")
    assert Place.objects.get(slug="paris").size_is_estimate
    page = client.get("/fr/lieux/grenoble/").text
    assert "Pays</dt><dd>France</dd>" in page
    assert "estimation de la rédaction, 2026" in page
    assert "données de référence de la rédaction (2026), non tirées des sources" in page
    api = client.get("/api/v1/places/grenoble/").json()
    assert api["reference_data"]["year"] == 2026 and "size_band" in api["reference_data"]["fields"]
    assert api["size_band_estimated"] is True and api["population"] is None


def test_key_figures_show_their_source_and_locator(content, client):
    page = client.get("/fr/fiches/riace/").text
    assert "Fiche 1 (Riace), chiffres clés" in page


def test_each_dispute_shows_on_every_record_it_touches(content):
    def flagged(**subject):
        claims = Claim.objects.filter(**subject)
        return claims.exists() and all(claim.disputed for claim in claims)

    # Calais: the three dates of the Jungle's end, on the event as on the place.
    for subject in ({"event__slug": "calais-jungle-dismantling-2016"}, {"place__slug": "calais"}):
        claims = Claim.objects.filter(kind="date", **subject)
        assert {c.source.slug for c in claims} == {"lacroix-2020", "flamant-lacroix-2023", "ocu-10-exemples"}
        assert all(claim.disputed for claim in claims), subject
    # Quito, 2015 or 2016: on the event, the forum, the network, the place and the declaration.
    for subject in (
        {"event__slug": "global-mayoral-forum-2015-quito"},
        {"forum__slug": "global-mayoral-forum"},
        {"network__slug": "mayoral-forum"},
        {"place__slug": "quito"},
        {"declaration__slug": "quito-local-agenda"},
    ):
        assert flagged(kind="date", **subject), subject
    # The Forum's founding, 2013 or 2014; ANVITA's founders, 8 or 9; Eurocities, 1986 or the 1990s.
    assert flagged(kind="founding-year", network__slug="mayoral-forum")
    assert flagged(kind="founding-year", forum__slug="global-mayoral-forum")
    assert flagged(kind="founders", network__slug="anvita")
    assert flagged(kind="founding-year", network__slug="eurocities")
    counts = Claim.objects.filter(network__slug="anvita", kind="member-count", as_of_year=2018)
    assert counts.count() >= 2 and all(claim.disputed for claim in counts)
    # The prose says so, in both languages.
    forum = Forum.objects.get(slug="global-mayoral-forum")
    assert "2016" in forum.description_fr and "2016" in forum.description_en
    event = Event.objects.get(slug="global-mayoral-forum-2015-quito")
    assert "2015" not in event.name_fr and "disputée" in event.description_fr


def test_records_say_one_thing_and_nothing_of_the_workshop(content):
    # Grenoble is not made a member of Solidarity Cities on the strength of the guide's « villes solidaires ».
    assert not Membership.objects.filter(network__slug="solidarity-cities", place__slug="grenoble").exists()
    sanctuary = Claim.objects.get(slug="sanctuary-cities-us--founding-year--lacroix-2020")
    assert "1979" not in sanctuary.value_fr and "1985" in sanctuary.value_fr + sanctuary.quote
    assert not Claim.objects.filter(slug__regex=r"-(audit|x2)(-\d+)?$").exists()
    problems = [str(p) for p in content_problems() if "internal word" in str(p)]
    assert problems == []


def test_small_facts_follow_the_sources(content):
    mc2cm = Network.objects.get(slug="mc2cm")
    for text in (mc2cm.summary_fr, mc2cm.history_fr or "", Place.objects.get(slug="sfax").description_fr):
        assert "apprentissage par les pairs" not in text or "Sfax" not in text
    assert Organisation.objects.get(slug="un-general-assembly").acronym == ""
    anvita = Network.objects.get(slug="anvita")
    assert "débat" in anvita.membership_note_fr
    assert Person.objects.get(slug="eric-piolle").name == "Éric Piolle"


def test_member_lists_state_their_coverage_from_the_claims(content, client):
    networks = client.get(reverse("api:network-list"), {"page_size": 500, "lang": "en"}).json()["results"]
    by_slug = {network["slug"]: network for network in networks}
    for network in networks:
        claims = Claim.objects.published().filter(network__slug=network["slug"], field="members_reported")
        latest = max(claims, key=lambda c: (c.as_of_year or 0, c.value_number or 0, c.slug), default=None)
        assert (network["members_reported"] or {}).get("claim") == (latest.slug if latest else None)
        members = Membership.objects.published().filter(
            network__slug=network["slug"], role__in=Membership.MEMBER_ROLES
        )
        assert network["members_listed"] == len(
            {(m.place_id, m.organisation_id, m.member_network_id) for m in members}
        )
    # The researchers' examples: ANVITA's list names 19 of the 69 it reported in 2022; Eurocities' and
    # ECCAR's lists are far from the « more than 130 » and 121 of the OCU guide.
    assert by_slug["anvita"]["members_listed"] == 19
    assert by_slug["anvita"]["members_reported"]["value_number"] == "69.00"
    assert by_slug["anvita"]["members_reported"]["as_of_year"] == 2022
    assert by_slug["eurocities"]["members_reported"]["value"] == "more than 130 cities from 35 countries"
    for slug in ("eurocities", "eccar"):
        assert by_slug[slug]["members_listed"] < float(by_slug[slug]["members_reported"]["value_number"]) / 10
    page = client.get("/fr/reseaux/anvita/").text
    assert "Les sources nomment 19\u00a0membres" in page.replace("19 membres", "19\u00a0membres")
    assert "«\u00a069 membres en septembre 2022\u00a0»" in page


def test_disputed_fields_are_those_of_the_disputed_claims_on_every_kind(content, client):
    for kind in CLAIMABLE:
        expected = {}
        for claim in Claim.objects.published().filter(disputed=True).exclude(field=""):
            if getattr(claim, f"{kind.arc_field}_id"):
                expected.setdefault(getattr(claim, kind.arc_field).slug, set()).add(claim.field)
        rows = client.get(reverse(f"api:{kind.model_name}-list"), {"page_size": 500}).json()["results"]
        found = {row["slug"]: set(row["disputed_fields"]) for row in rows if row["disputed_fields"]}
        assert found == {
            slug: fields for slug, fields in expected.items() if slug in {r["slug"] for r in rows}
        }
        disputed = client.get(reverse(f"api:{kind.model_name}-list"), {"page_size": 500, "disputed": "true"})
        subjects = set(
            Claim.objects.published()
            .filter(disputed=True, **{f"{kind.arc_field}__isnull": False})
            .values_list(f"{kind.arc_field}__slug", flat=True)
        )
        assert {row["slug"] for row in disputed.json()["results"]} == subjects & {r["slug"] for r in rows}
    # The examples: a disputed founding year shows on the network, the Quito edition on its event.
    sanctuary = client.get(reverse("api:network-detail", kwargs={"slug": "sanctuary-cities-us"})).json()
    assert {"founded_year", "members_reported"} <= set(sanctuary["disputed_fields"])
    assert (
        "founded_year"
        in client.get(reverse("api:network-detail", kwargs={"slug": "eurocities"})).json()["disputed_fields"]
    )
    quito = client.get(reverse("api:event-detail", kwargs={"slug": "global-mayoral-forum-2015-quito"})).json()
    assert quito["disputed_fields"] == ["year"]


def test_membership_statuses_follow_the_sources(content, client):
    counts = Counter(Membership.objects.published().values_list("status", flat=True))
    assert counts["ended"] == 3 and counts["current"] > 0 and counts["unknown"] > counts["current"]
    ended = client.get(reverse("api:membership-list"), {"status": "ended", "page_size": 100}).json()[
        "results"
    ]
    assert {(row["member"], row["status_as_of"]) for row in ended} == {
        ("briancon", 2020),
        ("grande-synthe", 2020),
    }
    quoted = Citation.objects.filter(field="status", membership__slug="anvita--grande-synthe--founder").get()
    assert "membres de 2018 à 2020, ne le sont plus" in quoted.quote
    assert not Membership.objects.filter(status="current", status_as_of__isnull=True).exists()


def test_places_like_briancon_are_french_towns_and_alpine_neighbours_before_big_capitals(content, client):
    """Briançon (a French town of 13,000, an ANVITA founder until 2020, a fiche on housing and
    humanitarian reception in the Alps): its similar places are French towns of its size and its
    Alpine neighbours; Paris comes far behind and New York, Chicago, the Hautes-Alpes department or
    Italy not at all (other levels, nothing shared)."""
    ranked = [
        similarity.place.slug for similarity in similar_places(Place.objects.get(slug="briancon"), None)
    ]
    shown = ranked[:6]
    assert {"chambery", "grenoble", "grande-synthe"} <= set(shown)
    assert "paris" in ranked and ranked.index("paris") > ranked.index("vizille") > ranked.index("chambery")
    assert not {"new-york", "chicago", "hautes-alpes", "italy", "briancon"} & set(ranked)
    page = client.get(reverse("actors:place-detail", kwargs={"slug": "briancon"})).text
    assert "tous deux membres, à un moment, du réseau ANVITA" in page  # Briançon left it in 2020
    api = client.get(reverse("api:practice-list"), {"like": "briancon"}).json()
    assert api["results"][0]["slug"] == "la-liniere-camp-grande-synthe"  # of the most similar place
