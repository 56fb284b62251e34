"""schemathesis, in-process, against the live OpenAPI schema: no server error, no response off the schema."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from config.wsgi import application
from tests import factories as f


@pytest.fixture
def wsgi_in_test_transaction():
    """Calling the WSGI app directly fires request_started/finished, whose close_old_connections would
    close the test's transaction on PostgreSQL; Django's test client disconnects it the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_data(db, wsgi_in_test_transaction):
    place = f.make_place(slug="grenoble", latitude="45.19", longitude="5.72")
    network = f.make_network(slug="anvita", founded_year=2018, country="FR")
    f.make_membership(network, place, role="founder", start_year=2018)
    practice = f.make_practice(slug="riace", places=[place], themes=[f.make_theme(slug="housing")])
    f.make_key_figure(practice)
    f.make_quote(practice)
    f.make_link(practice)
    f.make_claim(slug="anvita-founded", network=network)
    f.make_event(slug="gmf-2018", forum=f.make_forum(slug="gmf"), place=place)
    f.make_declaration(slug="marrakech-declaration")
    f.make_role(f.make_person(slug="damien-careme"), place=place)


# Generating the schema touches no table, so it can be read when the module is collected.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, api_data):
    if case.path == "/api/v1/dump/":  # a full export per example is slow and is tested in test_api.py
        return
    if case.query and "like" in case.query:
        # `like` takes the slug of an existing place (another is a 400), which no schema can say.
        case.query["like"] = "grenoble"
    case.call_and_validate()
