import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actors.models import Place
from networks.models import Membership, Network
from sources import export as content
from sources.models import Citation
from tests import factories as f

pytestmark = pytest.mark.django_db

SOURCE = {
    "model": "sources.source",
    "fields": {
        "slug": "lacroix-2020",
        "title": "Réseaux",
        "authors": "T. Lacroix",
        "description_fr": "Article",
        "description_en": "Article",
    },
}
PLACE = {
    "model": "actors.place",
    "fields": {
        "slug": "grenoble",
        "name_fr": "Grenoble",
        "name_en": "Grenoble",
        "country": "FR",
        "kind": "city",
    },
}
NETWORK = {
    "model": "networks.network",
    "fields": {
        "slug": "anvita",
        "name_fr": "Association nationale des villes et territoires accueillants",
        "name_en": "National Association of Welcoming Cities and Territories",
        "scale": "national",
        "origin": "spontaneous",
        "scope": "specialist",
        "summary_fr": "Réseau.",
        "summary_en": "Network.",
        "founded_place": ["grenoble"],
    },
}
MEMBERSHIP = {
    "model": "networks.membership",
    "fields": {
        "slug": "anvita--grenoble--founder",
        "network": ["anvita"],
        "place": ["grenoble"],
        "role": "founder",
        "start_year": 2018,
    },
}
CITATION = {
    "model": "sources.citation",
    "fields": {
        "source": ["lacroix-2020"],
        "locator_fr": "§ 5",
        "locator_en": "§ 5",
        "quote": "Grenoble (vert)",
        "quote_translation": "Grenoble (green)",
        "membership": ["anvita--grenoble--founder"],
    },
}


def write(tmp_path, records, name="content.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_load_content_resolves_natural_keys_in_any_order(tmp_path):
    # Citations and memberships come before the records they point to: the loader orders them.
    path = write(tmp_path, [CITATION, MEMBERSHIP, NETWORK, PLACE, SOURCE])
    call_command("load_content", path)
    membership = Membership.objects.get(slug="anvita--grenoble--founder")
    assert membership.network.founded_place.slug == "grenoble"
    assert Citation.objects.get().membership == membership
    assert Network.objects.get().name_en.startswith("National Association")


def test_bad_fixture_names_the_record_and_field_and_changes_nothing(tmp_path):
    call_command("load_content", write(tmp_path, [SOURCE, PLACE], "good.json"))
    bad_network = {**NETWORK, "fields": {**NETWORK["fields"], "scale": "planetary"}}
    path = write(tmp_path, [PLACE, bad_network, MEMBERSHIP], "bad.json")
    with pytest.raises(CommandError) as error:
        call_command("load_content", path, replace=True)
    message = str(error.value)
    assert "bad.json" in message and "'anvita'" in message and "'scale'" in message
    assert "Nothing was loaded" in message
    # The earlier content is intact: the replace was rolled back.
    assert list(Place.objects.values_list("slug", flat=True)) == ["grenoble"]
    assert not Network.objects.exists()


def test_bare_translated_field_is_refused(tmp_path):
    bare = {"model": "actors.place", "fields": {"slug": "lyon", "name": "Lyon", "country": "FR"}}
    with pytest.raises(CommandError, match=r"'name' must be given per language"):
        call_command("load_content", write(tmp_path, [bare]))
    assert not Place.objects.exists()


def test_unknown_field_and_missing_reference_are_named(tmp_path):
    typo = {"model": "actors.place", "fields": {**PLACE["fields"], "contry": "FR"}}
    with pytest.raises(CommandError, match=r"field 'contry' does not exist"):
        call_command("load_content", write(tmp_path, [typo]))
    dangling = {**MEMBERSHIP, "fields": {**MEMBERSHIP["fields"], "place": ["nowhere"]}}
    with pytest.raises(CommandError, match=r"anvita--grenoble--founder"):
        call_command("load_content", write(tmp_path, [SOURCE, PLACE, NETWORK, dangling]))
    assert not Network.objects.exists()


def test_if_empty_keeps_curators_edits_and_replace_is_explicit(tmp_path):
    path = write(tmp_path, [SOURCE, PLACE])
    call_command("load_content", path)
    Place.objects.filter(slug="grenoble").update(name_fr="Grenoble (modifié)")
    call_command("load_content", path, if_empty=True)
    assert Place.objects.get().name_fr == "Grenoble (modifié)"
    with pytest.raises(CommandError, match="--replace"):
        call_command("load_content", path)
    call_command("load_content", path, replace=True)
    assert Place.objects.get().name_fr == "Grenoble"


def test_loading_twice_with_replace_gives_the_same_content(tmp_path):
    path = write(tmp_path, [CITATION, MEMBERSHIP, NETWORK, PLACE, SOURCE])
    call_command("load_content", path)
    first = sorted(Citation.objects.values_list("quote", "membership__slug"))
    call_command("load_content", path, replace=True)
    assert sorted(Citation.objects.values_list("quote", "membership__slug")) == first
    assert Membership.objects.count() == 1


def test_export_then_load_round_trips_every_record(tmp_path):
    call_command("load_content", write(tmp_path, [CITATION, MEMBERSHIP, NETWORK, PLACE, SOURCE]))
    out = tmp_path / "export"
    call_command("export_content", output=str(out))
    exported = json.loads((out / "networks.json").read_text(encoding="utf-8"))
    assert all("pk" not in record for record in exported)
    assert {"name_fr", "name_en"} <= set(exported[0]["fields"]) and "name" not in exported[0]["fields"]
    assert not any("search_vector" in record["fields"] for record in exported)
    files = [str(out / f"{app}.json") for app in ("sources", "actors", "networks", "practices")]
    call_command("load_content", *files, replace=True)
    assert Citation.objects.get().membership.network.slug == "anvita"


def test_export_reads_in_chunks_and_writes_what_json_dumps_would(tmp_path, monkeypatch):
    call_command("load_content", write(tmp_path, [CITATION, MEMBERSHIP, NETWORK, PLACE, SOURCE]))
    f.make_network(slug="second")
    f.make_network(slug="third")
    monkeypatch.setattr(content, "EXPORT_CHUNK", 2)  # more records than one chunk
    out = tmp_path / "export"
    call_command("export_content", output=str(out))
    text = (out / "networks.json").read_text(encoding="utf-8")
    records = json.loads(text)
    assert text == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    slugs = [r["fields"]["slug"] for r in records if r["model"] == "networks.network"]
    assert slugs == ["anvita", "second", "third"]
