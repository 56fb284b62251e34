"""Every API list costs a fixed number of queries, whatever the page size and the number of records."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db

# Queries per list page: count + page, plus one per prefetched many-to-many; a kind claims can be about
# reads its page's disputed claims (disputed_fields) in one more, and networks their reported sizes.
EXPECTED = {
    "network": 4,
    "membership": 2,
    "place": 3,
    "organisation": 3,
    "person": 3,
    "practice": 5,
    "theme": 2,
    "forum": 3,
    "event": 3,
    "declaration": 3,
    "source": 2,
    "claim": 2,
}


def populate(count):
    themes = [f.make_theme(), f.make_theme()]
    for _ in range(count):
        place = f.make_place(parent=f.make_place())
        network = f.make_network(parent=f.make_network(), founded_place=place)
        f.make_membership(network, place)
        f.make_organisation()
        f.make_person()
        forum = f.make_forum()
        event = f.make_event(forum=forum, place=place)
        f.make_declaration(event=event, place=place)
        f.make_practice(themes=themes, places=[place, f.make_place()])
        f.make_claim(network=network)


def queries_for(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


@pytest.mark.parametrize("resource", sorted(EXPECTED))
def test_list_query_count_is_fixed(client, resource):
    populate(12)
    url = reverse(f"api:{resource}-list")
    small = queries_for(client, url, {"page_size": 2})
    large = queries_for(client, url, {"page_size": 500})
    assert small == large == EXPECTED[resource]


def test_exports_query_count_is_fixed(client, django_assert_num_queries):
    populate(3)
    with django_assert_num_queries(1):
        client.get(reverse("api:graph"))
    with django_assert_num_queries(2):  # the count, then the page
        client.get(reverse("api:places-geojson"))
    populate(6)
    with django_assert_num_queries(1):
        client.get(reverse("api:graph"))
    with django_assert_num_queries(2):
        client.get(reverse("api:places-geojson"), {"page_size": 3})
