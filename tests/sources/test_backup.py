"""A backup (export) restores into an empty database with every record identical."""

import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from networks.models import Network
from sources.load import APP_FILES, clear_content
from tests import factories as f

pytestmark = pytest.mark.django_db


def snapshot(folder):
    return {app: json.loads((folder / f"{app}.json").read_text(encoding="utf-8")) for app in APP_FILES}


def test_backup_and_restore_round_trip_every_record(tmp_path):
    network, place = f.make_network(slug="anvita"), f.make_place(slug="grenoble")
    f.make_membership(network, place, role="founder", start_year=2018)
    member_of = f.make_network(slug="mmc")
    f.make_membership(member_of, network, role="member")
    practice = f.make_practice(slug="riace", places=[place], number=1)
    f.make_key_figure(practice)
    f.make_quote(practice, speaker=f.make_person(slug="domenico-lucano"))
    f.make_link(practice)
    f.make_claim(network=network, disputed=True)
    f.make_role(f.make_person(slug="damien-careme"), place=place, start_year=2001)
    f.make_declaration(event=f.make_event(forum=f.make_forum()), place=place).adopted_by_networks.add(network)

    call_command("export_content", output=str(tmp_path / "backup"))
    before = snapshot(tmp_path / "backup")
    clear_content()
    files = [str(tmp_path / "backup" / f"{app}.json") for app in APP_FILES]
    call_command("load_content", *files)
    call_command("export_content", output=str(tmp_path / "again"))
    assert snapshot(tmp_path / "again") == before
    assert sum(len(records) for records in before.values()) > 30


def test_restore_refuses_a_database_that_holds_content(tmp_path):
    f.make_network(slug="anvita")
    call_command("export_content", output=str(tmp_path / "backup"))
    files = [str(tmp_path / "backup" / f"{app}.json") for app in APP_FILES]

    with pytest.raises(CommandError, match="already holds content"):
        call_command("load_content", *files)


def test_a_time_on_a_whole_millisecond_is_written_the_same_after_a_round_trip(tmp_path):
    """Django writes 12:00:00.000400 as "12:00:00.000Z" and, read back as 12:00:00, as "12:00:00Z"."""
    network = f.make_network(slug="anvita")
    Network.objects.filter(pk=network.pk).update(created_at=datetime(2026, 1, 1, 12, 0, 0, 400, tzinfo=UTC))
    call_command("export_content", output=str(tmp_path / "backup"))
    clear_content()
    call_command("load_content", *[str(tmp_path / "backup" / f"{app}.json") for app in APP_FILES])
    call_command("export_content", output=str(tmp_path / "again"))
    assert snapshot(tmp_path / "again") == snapshot(tmp_path / "backup")
    exported = next(r for r in snapshot(tmp_path / "again")["networks"] if r["fields"]["slug"] == "anvita")
    assert exported["fields"]["created_at"] == "2026-01-01T12:00:00.000Z"
