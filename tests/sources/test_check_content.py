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
    assert "no locator" in found and "no verbatim quote" in found and "no English translation" in found


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
