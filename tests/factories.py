"""Record factories: every translated field is written in both languages, never bare."""

import itertools

from actors.models import Organisation, Person, Place, Role
from networks.models import Declaration, Event, Forum, Membership, Network
from practices.models import FurtherReading, KeyFigure, Practice, PracticeQuote, Theme
from sources.models import Citation, Claim, Source

_counter = itertools.count(1)


def _n():
    return next(_counter)


def both(prefix, fr=None, en=None):
    """{'name_fr': …, 'name_en': …} for one translated field."""
    n = _n()
    return {f"{prefix}_fr": fr or f"{prefix} fr {n}", f"{prefix}_en": en or f"{prefix} en {n}"}


def make_source(**fields):
    n = _n()
    defaults = {
        "slug": f"source-{n}",
        "title": f"Titre {n}",
        "authors": "Autrice",
        "year": 2020,
        "file_name": "",
        **both("description"),
    }
    return Source.objects.create(**{**defaults, **fields})


def cite(
    record, source=None, quote="une citation", locator="§ 1", translation="a quote", locator_en=None, **extra
):
    field = type(record)._meta.model_name
    return Citation.objects.create(
        **extra,
        source=source or make_source(),
        locator_fr=locator,
        locator_en=locator if locator_en is None else locator_en,
        quote=quote,
        quote_translation=translation,
        **{field: record},
    )


def make_place(cited=True, **fields):
    n = _n()
    defaults = {
        "slug": f"place-{n}",
        "country": "FR",
        "kind": Place.Kind.CITY,
        "reference_year": 2026,  # its country code is editors' reference data
        **both("name"),
        **both("description"),
    }
    if fields.get("population") is not None:
        defaults["population_source"] = "INSEE, 2021"
    place = Place.objects.create(**{**defaults, **fields})
    if cited:
        cite(place)
    return place


def make_organisation(cited=True, **fields):
    n = _n()
    defaults = {"slug": f"org-{n}", **both("name"), **both("description")}
    org = Organisation.objects.create(**{**defaults, **fields})
    if cited:
        cite(org)
    return org


def make_person(cited=True, **fields):
    n = _n()
    defaults = {"slug": f"person-{n}", "name": f"Personne {n}", **both("description")}
    person = Person.objects.create(**{**defaults, **fields})
    if cited:
        cite(person)
    return person


def make_role(person, **fields):
    defaults = {
        "source": make_source(),
        **both("locator", "§ 2", "§ 2"),
        "quote": "maire",
        "quote_translation": "mayor",
        **both("title", "maire", "mayor"),
    }
    return Role.objects.create(person=person, **{**defaults, **fields})


def make_network(cited=True, **fields):
    n = _n()
    defaults = {
        "slug": f"network-{n}",
        "scale": Network.Scale.NATIONAL,
        "origin": Network.Origin.SPONTANEOUS,
        "scope": Network.Scope.SPECIALIST,
        **both("name"),
        **both("summary"),
    }
    network = Network.objects.create(**{**defaults, **fields})
    if cited:
        cite(network)
    return network


def make_membership(network, member, cited=True, **fields):
    key = {Place: "place", Organisation: "organisation", Network: "member_network"}[type(member)]
    defaults = {"slug": f"{network.slug}--{member.slug}--{fields.get('role', 'member')}", key: member}
    membership = Membership.objects.create(network=network, **{**defaults, **fields})
    if cited:
        cite(membership)
    return membership


def make_forum(cited=True, **fields):
    n = _n()
    defaults = {"slug": f"forum-{n}", **both("name"), **both("description")}
    forum = Forum.objects.create(**{**defaults, **fields})
    if cited:
        cite(forum)
    return forum


def make_event(cited=True, **fields):
    n = _n()
    defaults = {"slug": f"event-{n}", "year": 2018, **both("name"), **both("description")}
    event = Event.objects.create(**{**defaults, **fields})
    if cited:
        cite(event)
    return event


def make_declaration(cited=True, **fields):
    n = _n()
    defaults = {"slug": f"declaration-{n}", "year": 2018, **both("name"), **both("description")}
    declaration = Declaration.objects.create(**{**defaults, **fields})
    if cited:
        cite(declaration)
    return declaration


def make_theme(**fields):
    n = _n()
    defaults = {"slug": f"theme-{n}", **both("name"), **both("description")}
    return Theme.objects.create(**{**defaults, **fields})


def make_practice(cited=True, themes=(), places=(), **fields):
    n = _n()
    defaults = {"slug": f"practice-{n}", **both("title"), **both("summary")}
    practice = Practice.objects.create(**{**defaults, **fields})
    practice.themes.set(themes or [make_theme()])
    practice.places.set(places)
    if cited:
        cite(practice)
    return practice


def make_key_figure(practice, **fields):
    defaults = {
        **both("value", "450", "450"),
        "source": make_source(),
        **both("locator", "§ 3", "§ 3"),
        **both("label"),
    }
    return KeyFigure.objects.create(practice=practice, **{**defaults, **fields})


def make_quote(practice, **fields):
    defaults = {
        "quote": "Bienvenue",
        "quote_translation": "Welcome",
        "source": make_source(),
        **both("locator", "§ 4", "§ 4"),
        **both("speaker_label"),
    }
    return PracticeQuote.objects.create(practice=practice, **{**defaults, **fields})


def make_link(practice, **fields):
    defaults = {"url": "https://example.org/", **both("label")}
    return FurtherReading.objects.create(practice=practice, **{**defaults, **fields})


def make_claim(**fields):
    n = _n()
    defaults = {
        "slug": f"claim-{n}",
        "kind": Claim.Kind.FOUNDING_YEAR,
        "source": make_source(),
        **both("locator", "§ 5", "§ 5"),
        "quote": "fondé en 2018",
        "quote_translation": "founded in 2018",
        **both("value", "2018", "2018"),
    }
    return Claim.objects.create(**{**defaults, **fields})
