"""The benchmark content generator: shapes, counts, citations, and its refusal to touch real databases."""

from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from actors.models import Organisation, Person, Place, Role
from bench import synthetic
from bench.makers.networks import TYPOLOGY_CELLS
from networks.models import Declaration, Event, Forum, Membership, Network
from practices.models import FurtherReading, KeyFigure, Practice, PracticeQuote, Theme
from records.versioning import current_version
from sources.check import content_problems
from sources.load import translated_fields
from sources.models import CITED as CITATION_ARC
from sources.models import Citation, Claim
from tests import factories as f

pytestmark = pytest.mark.django_db

FLAG = "--yes-this-is-a-benchmark-database"
SLUGGED = [Place, Organisation, Person, Network, Membership, Forum, Event, Declaration, Practice, Claim]
CHILDREN = {Role: "person", KeyFigure: "practice", PracticeQuote: "practice", FurtherReading: "practice"}
CITED = [Place, Organisation, Person, Network, Membership, Forum, Event, Declaration, Practice]


@pytest.fixture
def real_base():
    """A few real-like records of each kind, every one cited and translated."""
    themes = [f.make_theme(slug=slug) for slug in ("housing", "health", "participation", "education")]
    places = [
        f.make_place(latitude="45.19", longitude="5.72"),
        f.make_place(country="IT", kind=Place.Kind.REGION),
        f.make_place(country="MA"),
    ]
    organisations = [f.make_organisation(country="FR", kind=Organisation.Kind.NGO), f.make_organisation()]
    people = [f.make_person(), f.make_person()]
    f.make_role(people[0], place=places[0])
    f.make_role(people[1], network=None)
    networks = [
        f.make_network(country="FR", founded_year=2018, founded_place=places[0]),
        f.make_network(scale=Network.Scale.TRANSNATIONAL, origin=Network.Origin.COOPTED),
    ]
    f.make_membership(networks[0], places[0], role=Membership.Role.FOUNDER, start_year=2018)
    f.make_membership(networks[0], places[1])
    f.make_membership(networks[1], organisations[0], role=Membership.Role.PARTNER)
    f.make_membership(networks[1], networks[0])
    forum = f.make_forum()
    event = f.make_event(forum=forum, place=places[1])
    f.make_declaration(event=event, place=places[1])
    practices = [
        f.make_practice(themes=themes[:2], places=places[:1], country="FR"),
        f.make_practice(themes=themes[2:3], places=places[1:3], country="IT"),
    ]
    for practice in practices:
        f.make_key_figure(practice)
        f.make_link(practice)
    f.make_quote(practices[0])
    f.make_claim(network=networks[0])
    f.make_claim(place=places[0], disputed=True)
    f.make_claim(place=places[0], disputed=True, quote="fondé en 2017", value_fr="2017", value_en="2017")
    f.make_claim(practice=practices[0], kind=Claim.Kind.FIGURE)
    return {"themes": themes}


def counts():
    return {model: model._default_manager.count() for model in [*SLUGGED, *CHILDREN, Citation, Theme]}


def synthetic_records(model):
    if model in CHILDREN:
        return model._default_manager.filter(**{f"{CHILDREN[model]}__slug__startswith": "syn-"})
    return model._default_manager.filter(slug__startswith="syn-")


def generate(*args):
    out = StringIO()
    call_command("generate_synthetic", *args, stdout=out)
    return out.getvalue()


def test_factor_two_adds_twice_the_real_content_in_its_shapes(real_base):
    before, version = counts(), current_version()[0]
    output = generate("--factor", "2", FLAG)
    assert current_version()[0] > version  # cached pages are invalidated (bulk_create sends no signal)

    after = counts()
    for model in [*SLUGGED, *CHILDREN]:
        assert after[model] == 3 * before[model], model.__name__
        assert synthetic_records(model).count() == 2 * before[model], model.__name__
    assert after[Theme] == before[Theme]  # the controlled vocabulary is used, never extended
    assert after[Citation] >= 3 * before[Citation]
    assert "networks.membership" in output and "Created" in output

    # Every synthetic record that needs a citation has one; the content check reports nothing at all.
    for model in CITED:
        field = model._meta.model_name
        assert field in CITATION_ARC.fields
        uncited = synthetic_records(model).filter(citations__isnull=True)
        assert not uncited.exists(), f"{model.__name__} without citation: {list(uncited[:3])}"
    problems = content_problems()
    assert problems == [], "\n".join(map(str, problems))


def test_synthetic_records_are_bilingual_valid_and_realistic(real_base):
    generate("--factor", "2", FLAG)

    for model in [*SLUGGED, *CHILDREN]:
        records = list(synthetic_records(model))
        assert records, model.__name__
        for record in records:
            record.full_clean()
            for name in translated_fields(model):
                french, english = getattr(record, f"{name}_fr") or "", getattr(record, f"{name}_en") or ""
                assert bool(french.strip()) == bool(english.strip()), f"{record}: {name} half-translated"
                if not model._meta.get_field(name).blank:
                    assert french.strip() and english.strip(), f"{record}: {name} empty"
            fields = translated_fields(model)
            main = next(
                (n for n in ("name", "title", "label", "speaker_label", "value") if n in fields), None
            )
            if main:
                assert getattr(record, f"{main}_fr") and getattr(record, f"{main}_en"), f"{record}: {main}"
            for text in ("summary", "description"):
                if text in fields:
                    assert getattr(record, f"{text}_fr") and getattr(record, f"{text}_en"), (
                        f"{record}: {text}"
                    )
    for citation in Citation.objects.filter(place__slug__startswith="syn-"):
        citation.full_clean()
        assert citation.locator and citation.quote and citation.quote_translation

    # Every cell of the typology (each dimension determined), in an order that balances each from the start.
    coded = [
        [value for value in choices.values if value]
        for choices in (Network.Scale, Network.Origin, Network.Scope)
    ]
    assert set(TYPOLOGY_CELLS) == {(a, b, c) for a in coded[0] for b in coded[1] for c in coded[2]}
    cells = set(synthetic_records(Network).values_list("scale", "origin", "scope"))
    assert len(cells) == 4  # 4 synthetic networks: as many distinct cells as networks
    assert {n.scale for n in synthetic_records(Network)} == {"national", "transnational"}
    assert all(n.country for n in synthetic_records(Network) if n.scale == "national")

    # Countries are the codes in use; about half the places have coordinates (here: 6 places).
    in_use = {"FR", "IT", "MA"}
    assert {p.country for p in synthetic_records(Place)} <= in_use
    assert all((p.latitude is None) == (p.longitude is None) for p in synthetic_records(Place))

    # Practices: 1–3 existing themes, 1–3 places, and their key figures and links.
    for practice in synthetic_records(Practice):
        assert 1 <= practice.themes.count() <= 3
        assert set(practice.themes.all()) <= set(real_base["themes"])
        assert 1 <= practice.places.count() <= 3
        assert practice.key_figures.exists() and practice.further_reading.exists()
        assert practice.country in {place.country for place in practice.places.all()}
    assert PracticeQuote.objects.filter(practice__slug__startswith="syn-").count() == 2

    # Disputed claims come in pairs (same subject, same kind, two sources, two values); at least one.
    disputed = defaultdict(list)
    for claim in synthetic_records(Claim).filter(disputed=True):
        disputed[(claim.subject, claim.kind)].append(claim)
    assert disputed
    for claims in disputed.values():
        assert len(claims) >= 2
        assert len({c.source_id for c in claims}) >= 2 and len({c.value_fr for c in claims}) >= 2


def test_memberships_are_valid_and_link_synthetic_and_real_records(real_base):
    generate("--factor", "2", FLAG)

    memberships = list(synthetic_records(Membership).select_related("network"))
    assert len(memberships) == 8
    for membership in memberships:
        membership.full_clean()
        members = [membership.place_id, membership.organisation_id, membership.member_network_id]
        assert sum(m is not None for m in members) == 1
        assert membership.member_network_id != membership.network_id
        assert membership.role in Membership.Role.values
        if membership.start_year and membership.end_year:
            assert membership.start_year <= membership.end_year
    keys = [(m.network_id, m.place_id, m.organisation_id, m.member_network_id, m.role) for m in memberships]
    assert len(set(keys)) == len(keys)
    assert any(m.network.slug.startswith("syn-") for m in memberships)


def test_the_seed_makes_it_deterministic(real_base):
    def run(seed):
        with transaction.atomic():
            generate("--factor", "1", "--seed", str(seed), FLAG)
            names = list(synthetic_records(Network).order_by("slug").values_list("slug", "name_fr", "scale"))
            transaction.set_rollback(True)
        return names

    first, again, other = run(7), run(7), run(8)
    assert first == again
    assert first != other


def test_a_second_run_adds_more_with_fresh_slugs(real_base):
    before = Place.objects.count()
    generate("--factor", "1", FLAG)
    generate("--factor", "1", FLAG)  # real content is counted without the synthetic records
    assert Place.objects.count() == 3 * before


def test_refuses_without_the_flag_on_a_database_not_named_bench(real_base, monkeypatch):
    monkeypatch.setattr(synthetic, "database_label", lambda: "/srv/kb/db.sqlite3")
    before = counts()
    with pytest.raises(CommandError, match="bench"):
        generate("--factor", "2")
    assert counts() == before
    assert not Place.objects.filter(slug__startswith="syn-").exists()


def test_runs_without_the_flag_on_a_benchmark_database(real_base, monkeypatch):
    monkeypatch.setattr(synthetic, "database_label", lambda: "/tmp/kb-bench.sqlite3")
    generate("--factor", "1")
    assert synthetic_records(Place).count() == 3


def test_refuses_on_a_database_without_real_content():
    with pytest.raises(CommandError, match="load the real content first"):
        generate("--factor", "1", FLAG)
    assert not Place.objects.exists()
