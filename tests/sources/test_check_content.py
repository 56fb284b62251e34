import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sources.check import content_problems
from tests import factories as f

pytestmark = pytest.mark.django_db


def messages(problems):
    return [str(problem) for problem in problems]


def test_complete_records_pass():
    f.make_membership(f.make_network(), f.make_place())
    assert content_problems() == []
    call_command("check_content")


def test_a_record_without_citation_is_reported():
    f.make_network(slug="uncited", cited=False)
    assert messages(content_problems()) == [
        "networks.network uncited: no citation (source, locator and verbatim quote)"
    ]
    with pytest.raises(CommandError, match="1 content problems"):
        call_command("check_content")


def test_unpublished_records_are_not_required_to_be_cited():
    f.make_network(slug="draft", cited=False, is_published=False)
    assert content_problems() == []


def test_missing_english_text_is_reported():
    f.make_place(slug="lyon", description_fr="Ville du Rhône", description_en="")
    assert messages(content_problems()) == ["actors.place lyon: missing text: description_en"]


def test_citation_without_locator_quote_or_translation_is_reported():
    network = f.make_network(slug="anvita", cited=False)
    f.cite(network, locator="", quote="", translation="")
    found = " | ".join(messages(content_problems()))
    assert "no locator" in found and "no verbatim quote" in found and "no translation" in found


def test_quote_not_in_source_is_reported_and_layout_differences_are_ignored(tmp_path):
    (tmp_path / "seed.txt").write_text(
        "Le réseau fédère les villes\nde la para-\ndiplomatie   urbaine et l’accueil incondi-\ntionnel.",
        encoding="utf-8",
    )
    source = f.make_source(slug="seed", file_name="seed.txt")
    f.cite(
        f.make_network(slug="good", cited=False),
        source=source,
        quote="fédère les villes de la para-diplomatie urbaine et l’accueil inconditionnel.",
    )
    f.cite(f.make_network(slug="bad", cited=False), source=source, quote="fédère les métropoles")
    problems = messages(content_problems(sources_dir=tmp_path))
    assert len(problems) == 1
    assert "networks.network bad" in problems[0] and "quote not found in seed.txt" in problems[0]


def test_a_source_text_missing_from_the_folder_is_reported(tmp_path):
    f.make_source(slug="ghost", file_name="missing.txt")
    assert "not found" in messages(content_problems(sources_dir=tmp_path))[0]


def test_workshop_words_in_public_text_are_reported_but_not_numbers():
    f.make_network(slug="leaky", summary_fr="Réseau décrit dans le seed 000.", summary_en="Network.")
    f.make_place(slug="briancon", description_fr="Commune de 13 000 habitants.", description_en="A town.")
    f.make_network(slug="filed", summary_fr="Voir le document 003.", summary_en="See (003).")
    assert sorted(messages(content_problems())) == [
        "networks.network filed: internal word «003» in summary_en",
        "networks.network filed: internal word «document 003» in summary_fr",
        "networks.network leaky: internal word «seed» in summary_fr",
    ]


def test_a_dispute_flagged_on_one_claim_only_is_reported():
    network = f.make_network(slug="forum")
    f.make_claim(slug="forum--2013", network=network, disputed=True, **f.both("value", "2013", "2013"))
    f.make_claim(slug="forum--2014", network=network, disputed=False, **f.both("value", "2014", "2014"))
    # Counts of other years are other facts, not siblings.
    f.make_claim(slug="forum--n-2018", network=network, kind="member-count", as_of_year=2018, disputed=True)
    f.make_claim(slug="forum--n-2022", network=network, kind="member-count", as_of_year=2022)
    found = messages(content_problems())
    assert found == [
        "sources.claim forum--2014: not flagged disputed, although forum--2013 on the same fact is"
    ]


def test_prose_stating_a_disputed_year_as_plain_fact_is_reported():
    kwargs = {"disputed": True, "kind": "date"}
    plain = f.make_event(
        slug="quito", description_fr="Le forum a lieu à Quito en 2015.", description_en="In 2016."
    )
    f.make_claim(slug="quito--2015", event=plain, **kwargs, **f.both("value", "2015", "2015"))
    f.make_claim(slug="quito--2016", event=plain, **kwargs, **f.both("value", "2016", "2016"))
    said = f.make_event(
        slug="quito-said",
        description_fr="Le forum a lieu à Quito, en 2015 selon Lacroix (2020) et en 2016 selon le FMMD.",
        description_en="Held in Quito in 2015 according to Lacroix (2020), in 2016 according to the GFMD.",
    )
    f.make_claim(slug="said--2015", event=said, **kwargs, **f.both("value", "2015", "2015"))
    f.make_claim(slug="said--2016", event=said, **kwargs, **f.both("value", "2016", "2016"))
    found = messages(content_problems())
    assert len(found) == 2 and all(
        problem.startswith("networks.event quito: description_") for problem in found
    )
    assert "states 2015 without saying the sources disagree" in found[0]


def test_reference_data_without_a_year_and_french_words_on_english_pages_are_reported():
    f.make_place(slug="nowhen", reference_year=None, latitude=None, longitude=None)
    network = f.make_network(slug="boxed", cited=False)
    f.cite(network, locator="Fiche 1 (Riace), encadré", locator_en="Fiche 1 (Riace), encadré")
    f.cite(
        network, locator="§ « Les titres »", locator_en="§ « Les titres »"
    )  # a quoted title may stay French
    assert sorted(messages(content_problems())) == [
        "actors.place nowhen: reference data (country, coordinates) without a year",
        "sources.citation " + str(network.citations.first().pk) + ": French word «encadré» in locator_en",
    ]


def test_a_quote_without_its_language_is_reported():
    network = f.make_network(slug="mute", cited=False)
    citation = f.cite(network)
    type(citation).objects.filter(pk=citation.pk).update(quote_language="")
    assert messages(content_problems()) == [
        f"citation {citation.pk} of networks.network mute: quote without a language (quote_language)"
    ]


def test_a_citation_tied_to_a_field_must_state_its_value():
    network = f.make_network(slug="anvita", cited=False, founded_year=2018)
    good, bad, wrong = f.cite(network, quote="créée en 2018"), f.cite(network, quote="créée"), f.cite(network)
    for citation, field in ((good, "founded_year"), (bad, "founded_year"), (wrong, "colour")):
        citation.field = field
        citation.save()
    where = "of networks.network anvita: supports"
    assert sorted(messages(content_problems())) == [
        f"citation {bad.pk} {where} «founded_year» = 2018, which its quote does not state",
        f"citation {wrong.pk} {where} «colour», which is not a field of the record",
    ]
