"""The dump as a Frictionless Data Package: valid, the dump's rows, the models' vocabularies and links."""

import csv
import io
import json
import zipfile
from io import StringIO

import frictionless
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from api.datapackage import build_datapackage, package_kinds, resource_name
from api.dump import content_version
from records.kinds import KINDS
from sources.export import exported_records
from sources.models import Source
from tests import factories as f

pytestmark = pytest.mark.django_db


def assert_valid(descriptor):
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def rows(folder, name):
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def descriptor(folder):
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture
def content():
    """Published records of every kind with their links, and drafts hanging on them."""
    grenoble = f.make_place(slug="grenoble", name_fr="Grenoble", name_en="Grenoble", latitude="45.19")
    draft_town = f.make_place(slug="draft-town", is_published=False)
    anvita = f.make_network(
        slug="anvita",
        founded_place=draft_town,  # an optional reference to a draft: left empty
        summary_fr='Dit « oui », puis "non",\nen deux lignes',
    )
    f.make_network(slug="uclg", parent=anvita, scale="", origin="", scope="")  # not determined
    draft_network = f.make_network(slug="draft-network", is_published=False)
    f.make_membership(anvita, grenoble, role="founder", start_year=2018)
    f.make_membership(anvita, draft_town)  # the member is a draft: left out
    f.make_membership(draft_network, grenoble)  # the network is a draft: left out
    iom = f.make_organisation(slug="iom")
    anvita.supporters.set([iom])
    person = f.make_person(slug="damien-careme")
    f.make_role(person, place=grenoble)
    f.make_role(person, place=draft_town)  # hangs on a draft: left out
    forum = f.make_forum(slug="global-mayoral-forum")
    forum.organisers.set([iom])
    forum.networks.set([anvita, draft_network])
    event = f.make_event(slug="gmf-2018", forum=forum, place=grenoble, year=2018)
    event.organisers.set([iom])
    event.organising_networks.set([anvita])
    declaration = f.make_declaration(slug="marrakech-declaration", event=event)
    declaration.adopted_by_organisations.set([iom])
    declaration.adopted_by_networks.set([anvita])
    declaration.adopted_by_places.set([grenoble, draft_town])
    housing, draft_theme = f.make_theme(slug="housing"), f.make_theme(slug="draft-theme", is_published=False)
    practice = f.make_practice(slug="riace", places=[grenoble, draft_town], themes=[housing, draft_theme])
    practice.networks.set([anvita])
    practice.organisations.set([iom])
    practice.people.set([person])
    f.make_key_figure(practice)
    f.make_quote(practice, speaker=person)
    f.make_link(practice)
    f.make_practice(slug="draft-practice", is_published=False)
    f.make_claim(network=anvita, value_number="2018")
    f.make_claim(network=draft_network)  # about a draft: left out
    f.make_source(slug="draft-source", is_published=False)


@pytest.fixture
def package(content, tmp_path):
    build_datapackage(tmp_path, "7-20260101T000000000000")
    return tmp_path


def test_data_package_is_valid_under_frictionless(package):
    assert_valid(package / "datapackage.json")


def test_data_package_has_one_table_per_kind_and_one_per_link_from_the_registry(package):
    names = [resource["name"] for resource in descriptor(package)["resources"]]
    kinds = [resource_name(kind) for kind in KINDS if kind.label != "sources.slugredirect"]
    assert [name for name in names if name in kinds] == kinds  # in load order
    assert {
        "practice_themes",
        "practice_places",
        "network_supporters",
        "declaration_adopted_by_places",
    } < set(names)
    assert sorted(path.name for path in package.glob("*.csv")) == sorted(f"{name}.csv" for name in names)


def test_data_package_rows_are_the_dumps_published_records(package):
    for kind in package_kinds():
        expected = sum(1 for _record in exported_records(kind.model, public=True))
        assert len(rows(package, resource_name(kind))) == expected, kind.label
    assert [row["slug"] for row in rows(package, "networks")] == ["anvita", "uclg"]
    assert len(rows(package, "memberships")) == 1 and len(rows(package, "roles")) == 1
    assert [row["slug"] for row in rows(package, "practices")] == ["riace"]
    assert "draft-source" not in {row["slug"] for row in rows(package, "sources")}
    assert rows(package, "practice_themes") == [{"practice": "riace", "theme": "housing"}]
    assert rows(package, "practice_places") == [{"practice": "riace", "place": "grenoble"}]
    assert rows(package, "forum_networks") == [{"forum": "global-mayoral-forum", "network": "anvita"}]


def test_data_package_cells_follow_their_types(package):
    anvita, uclg = rows(package, "networks")
    assert anvita["founded_place"] == "" and uclg["parent"] == "anvita"  # a draft is not named
    assert anvita["summary_fr"] == 'Dit « oui », puis "non",\nen deux lignes'
    assert (anvita["in_typology_table"], anvita["scale"], uclg["scale"]) == ("false", "national", "")
    assert anvita["name_fr"] and anvita["name_en"] and "name" not in anvita and "is_published" not in anvita
    assert anvita["updated_at"].endswith("Z") and len(anvita["updated_at"]) == len(
        "2026-01-01T00:00:00.000000Z"
    )
    (membership,) = rows(package, "memberships")
    assert (membership["network"], membership["place"], membership["start_year"]) == (
        "anvita",
        "grenoble",
        "2018",
    )
    assert rows(package, "places")[0]["latitude"] == "45.190000"
    raw = (package / "memberships.csv").read_bytes()
    assert raw.count(b"\r\n") == 2 and raw.decode("utf-8")  # RFC 4180: a header and a row, CR LF


def test_data_package_foreign_keys_name_rows_of_the_tables_they_point_to(package):
    resources = descriptor(package)["resources"]
    checked = 0
    for resource in resources:
        for key in resource["schema"].get("foreignKeys", []):
            (column,), (target_column,) = key["fields"], key["reference"]["fields"]
            target = key["reference"]["resource"] or resource["name"]
            known = {row[target_column] for row in rows(package, target)}
            values = {row[column] for row in rows(package, resource["name"])} - {""}
            assert values <= known, (resource["name"], column)
            checked += bool(values)
    assert checked >= 30


def test_a_dangling_reference_makes_the_package_invalid(package):
    path = package / "memberships.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",anvita,", ",atlantis,"), encoding="utf-8")
    report = frictionless.validate(str(package / "datapackage.json"))
    assert not report.valid
    assert {error[0] for error in report.flatten(["type"])} == {"foreign-key"}


def test_data_package_vocabularies_are_the_models_choices(package):
    schemas = {resource["name"]: resource["schema"] for resource in descriptor(package)["resources"]}
    compared = 0
    for kind in package_kinds():
        fields = {field["name"]: field for field in schemas[resource_name(kind)]["fields"]}
        for field in kind.model._meta.concrete_fields:
            if field.choices and field.name in fields:
                assert fields[field.name]["constraints"]["enum"] == [value for value, _ in field.choices]
                compared += 1
    assert compared >= 15
    networks = {field["name"]: field for field in schemas["networks"]["fields"]}
    assert networks["scale"]["constraints"]["enum"] == ["", "national", "transnational"]
    assert "empty: not determined" in networks["scale"]["description"]
    assert networks["name_fr"]["constraints"]["required"] and "required" not in networks["name_en"].get(
        "constraints", {}
    )
    assert networks["founded_year"]["type"] == "integer"
    assert networks["founded_year"]["constraints"] == {"minimum": 1800, "maximum": 2100}
    assert schemas["networks"]["primaryKey"] == ["slug"]
    assert {"fields": ["parent"], "reference": {"resource": "", "fields": ["slug"]}} in schemas["networks"][
        "foreignKeys"
    ]
    assert schemas["practice_themes"]["primaryKey"] == ["practice", "theme"]


def test_data_package_names_the_licence_the_version_and_the_sources(package):
    package_descriptor = descriptor(package)
    assert package_descriptor["name"] == "hospitable-cities"
    assert package_descriptor["version"] == "7-20260101T000000000000"
    assert package_descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    published = Source.objects.published().order_by("year", "slug")
    assert [source["title"] for source in package_descriptor["sources"]] == [s.title for s in published]
    assert all(source["authors"] and source["year"] == 2020 for source in package_descriptor["sources"])


def test_the_same_content_gives_the_same_files(content, tmp_path):
    first = build_datapackage(tmp_path / "first", "7")
    second = build_datapackage(tmp_path / "second", "7")
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]


def test_data_package_costs_one_query_per_table_however_many_rows(content, tmp_path):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            written = build_datapackage(tmp_path / str(len(list(tmp_path.iterdir()))), "7")
        return len(captured), len(written) - 1

    count, tables = queries()
    assert count == tables + 1  # and one for the sources the package names
    for _n in range(5):
        network = f.make_network()
        f.make_membership(network, f.make_place())
        f.make_practice(places=[f.make_place()], themes=[f.make_theme()]).networks.set([network])
    assert queries() == (count, tables)


def test_the_dump_holds_the_data_package(client, content, tmp_path):
    response = client.get(reverse("api:dump"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    packaged = [name for name in archive.namelist() if name.startswith("hospitable-cities/datapackage/")]
    assert "hospitable-cities/datapackage/datapackage.json" in packaged
    assert "hospitable-cities/datapackage/practice_themes.csv" in packaged
    assert "datapackage/" in archive.read("hospitable-cities/README.txt").decode()
    archive.extractall(tmp_path, members=packaged)
    assert_valid(tmp_path / "hospitable-cities" / "datapackage" / "datapackage.json")
    packaged_descriptor = descriptor(tmp_path / "hospitable-cities" / "datapackage")
    assert packaged_descriptor["version"] == content_version() and packaged_descriptor["created"]


def test_build_datapackage_command_writes_the_package_into_a_folder(content, tmp_path):
    out = StringIO()
    call_command("build_datapackage", str(tmp_path / "package"), stdout=out)
    tables = len(descriptor(tmp_path / "package")["resources"])
    assert f"{tables} tables" in out.getvalue()
    assert_valid(tmp_path / "package" / "datapackage.json")
