import pytest
from django.db import IntegrityError, transaction

from networks.models import Membership, Network
from sources.models import Citation, Claim, SlugRedirect
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_citation_must_cite_exactly_one_record():
    network, place = f.make_network(cited=False), f.make_place(cited=False)
    source = f.make_source()
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(source=source, locator="p. 1", quote="q", network=network, place=place)
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(source=source, locator="p. 1", quote="q")
    citation = Citation.objects.create(source=source, locator="p. 1", quote="q", network=network)
    assert citation.target == network


def test_claim_must_have_exactly_one_subject():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.make_claim()
    claim = f.make_claim(network=f.make_network())
    assert claim.subject == claim.network


def test_membership_has_exactly_one_member_and_ordered_years():
    network, place, org = f.make_network(), f.make_place(), f.make_organisation()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(network=network, slug="both", place=place, organisation=org)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            network=network, slug="backwards", place=place, start_year=2020, end_year=2018
        )
    membership = f.make_membership(network, place, role="founder", start_year=2018)
    assert membership.member == place


def test_typology_choices_are_enforced_by_the_database():
    network = f.make_network()
    with pytest.raises(IntegrityError), transaction.atomic():
        Network.objects.filter(pk=network.pk).update(scale="planetary")


def test_slugs_are_unique_per_kind():
    f.make_network(slug="anvita")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.make_network(slug="anvita")


def test_event_month_must_be_a_month():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.make_event(month=13)


def test_renaming_a_slug_records_a_redirect_and_chains_older_ones():
    network = f.make_network(slug="first")
    network.slug = "second"
    network.save()
    network.slug = "third"
    network.save()
    redirects = dict(
        SlugRedirect.objects.filter(model="networks.network").values_list("old_slug", "new_slug")
    )
    assert redirects == {"first": "third", "second": "third"}


def test_queryset_published_hides_unpublished_records():
    shown, hidden = f.make_network(), f.make_network(is_published=False)
    assert list(Network.objects.published()) == [shown]
    assert hidden not in Network.objects.published()


def test_claims_keep_disagreeing_versions_side_by_side():
    network = f.make_network()
    f.make_claim(network=network, source=f.make_source(slug="a"), **f.both("value", "2018", "2018"))
    f.make_claim(network=network, source=f.make_source(slug="b"), **f.both("value", "2017", "2017"))
    assert sorted(network.claims.values_list("value_fr", "source__slug")) == [("2017", "b"), ("2018", "a")]
    assert Claim.objects.filter(network=network).count() == 2
