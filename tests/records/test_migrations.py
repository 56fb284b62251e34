"""A database made before the layout moved the content version to `records` keeps working.

The move is state-only (the table `sources_contentversion` stays), so an existing database keeps
its content, its curators' edits and its content version; `make run` (`load_content --if-empty`)
then leaves the content alone.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from networks.models import Network
from records.models import ContentVersion

# The latest migrations before the move (what a database made then has applied).
BEFORE_THE_MOVE = [
    ("sources", "0005_fold_function"),
    ("actors", "0006_place_population_index"),
    ("networks", "0004_listing_and_facet_indexes"),
    ("practices", "0004_listing_and_facet_indexes"),
    ("records", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


@pytest.mark.django_db(transaction=True)
def test_a_database_made_before_the_move_keeps_its_content_and_its_version():
    old = migrate(BEFORE_THE_MOVE)
    assert old.get_model("sources", "ContentVersion")._meta.db_table == "sources_contentversion"
    with pytest.raises(LookupError):
        old.get_model("records", "ContentVersion")  # the base app had no models yet
    old.get_model("networks", "Network").objects.create(
        slug="anvita",
        name_fr="Villes accueillantes (corrigé par une curatrice)",
        name_en="Welcoming cities",
        scale="national",
        origin="spontaneous",
        scope="specialist",
    )
    # Set last and without a signal (saving a record bumps the version).
    old.get_model("sources", "ContentVersion").objects.update_or_create(pk=1)
    old.get_model("sources", "ContentVersion").objects.filter(pk=1).update(value=41)

    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())

    assert ContentVersion.objects.get(pk=1).value == 41  # the same row, read through the new app
    call_command("load_content", if_empty=True, verbosity=0)  # what `make run` does
    assert Network.objects.get().name_fr == "Villes accueillantes (corrigé par une curatrice)"
