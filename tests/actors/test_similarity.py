"""Places like a place: the scoring (pure), what it reads of the database, the page, the ?like= filters."""

import pytest
from django.urls import reverse
from django.utils import translation

from actors.similarity import MIN_SCORE, WEIGHTS, Named, Profile, compare, load_profiles, rank, similar_places
from tests import factories as f

ANVITA = Named(1, "ANVITA", "ANVITA")
HOUSING, LANGUAGE, HEALTH, CULTURE = (Named(n, name, name) for n, name in enumerate("LHSC", start=10))


def profile(pk, **fields):
    defaults = {
        "slug": f"place-{pk}",
        "name": Named(pk, f"Lieu {pk}", f"Place {pk}"),
        "kind": "town",
        "country": "FR",
    }
    return Profile(pk=pk, **{**defaults, **fields})


def codes(reasons):
    return [reason.code for reason in reasons]


# --- The scoring, on profiles -------------------------------------------------------------------


def test_compare_sums_the_weights_of_what_two_places_share():
    town = profile(1, size_band="medium", networks=frozenset({ANVITA}), themes=frozenset({HOUSING}))
    other = profile(2, size_band="medium", networks=frozenset({ANVITA}), themes=frozenset({HOUSING}))
    score, reasons = compare(town, other)
    expected = ["size_band", "country", "network", "kind", "theme"]  # the weightiest first
    assert codes(reasons) == expected
    assert score == sum(WEIGHTS[code] for code in expected)


def test_compare_finds_nothing_in_common_between_different_levels_or_with_itself():
    town = profile(1, size_band="medium")
    assert compare(town, profile(2, kind="region", size_band="medium")) == (0, ())
    assert compare(town, profile(3, kind="country")) == (0, ())
    assert compare(town, town) == (0, ())
    assert compare(town, profile(4, kind="city", country="IT"))[0] == 0  # a city and a town: both local


def test_compare_counts_at_most_three_themes_and_names_them_all():
    themes = frozenset({HOUSING, LANGUAGE, HEALTH, CULTURE})
    score, reasons = compare(
        profile(1, country="", themes=themes), profile(2, kind="city", country="", themes=themes)
    )
    assert score == 3 * WEIGHTS["theme"]
    with translation.override("en"):
        assert str(reasons[0]) == "both have fiches on c, h, l, s"


def test_compare_counts_places_less_than_a_hundred_km_apart():
    briancon = profile(1, country="", latitude=44.90, longitude=6.64)
    grenoble = profile(2, country="", kind="city", latitude=45.19, longitude=5.72)
    paris = profile(3, country="", kind="city", latitude=48.86, longitude=2.35)
    score, reasons = compare(briancon, grenoble)
    assert score == WEIGHTS["nearby"] and 70 < reasons[0].km < 90
    assert compare(briancon, paris) == (0, ())
    assert compare(briancon, profile(4, kind="city", country=""))[0] == 0  # no coordinates: no distance


def test_a_network_whose_membership_ended_is_said_so():
    ended = profile(1, country="", networks=frozenset({ANVITA}), ended_networks=frozenset({ANVITA}))
    current = profile(2, kind="city", country="", networks=frozenset({ANVITA}))
    _score, reasons = compare(current, ended)
    with translation.override("en"):
        assert str(reasons[0]) == "both members of ANVITA at some time"
    assert reasons[0].texts() == {
        "fr": "tous deux membres, à un moment, du réseau ANVITA",
        "en": "both members of ANVITA at some time",
    }


def test_rank_keeps_the_places_scoring_enough_most_similar_first():
    town = profile(1, size_band="medium", themes=frozenset({HOUSING}))
    twin = profile(2, size_band="medium", themes=frozenset({HOUSING}))  # 3 + 2 + 1 + 1
    same_size = profile(3, size_band="medium", country="IT", kind="city")  # 3
    compatriot = profile(4, kind="city")  # 2: the same country alone is not enough
    ranked = rank(town, [compatriot, same_size, twin, town])
    assert [similarity.place.pk for similarity in ranked] == [2, 3]
    assert ranked[-1].score == MIN_SCORE
    assert rank(town, [compatriot]) == []


# --- What the similarity reads of the database ------------------------------------------------


@pytest.mark.django_db
def test_profiles_leave_out_what_is_in_preparation():
    place = f.make_place(slug="town", kind="town")
    f.make_place(slug="draft", is_published=False)
    f.make_membership(f.make_network(slug="draft-network", is_published=False), place)
    f.make_membership(f.make_network(slug="partnered"), place, role="partner")  # not a member
    anvita = f.make_network(slug="anvita")
    f.make_membership(anvita, place, status="ended", status_as_of=2020, end_year=2020)
    housing, hidden = f.make_theme(slug="housing"), f.make_theme(slug="hidden", is_published=False)
    f.make_practice(places=[place], themes=[housing, hidden])
    f.make_practice(places=[place], themes=[f.make_theme(slug="draft-fiche")], is_published=False)
    profiles = {profile.slug: profile for profile in load_profiles().values()}
    assert set(profiles) == {"town"}
    town = profiles["town"]
    assert {named.pk for named in town.networks} == {anvita.pk}
    assert town.ended_networks == town.networks
    assert {named.pk for named in town.themes} == {housing.pk}


@pytest.mark.django_db
def test_a_parent_that_is_a_country_is_not_a_shared_parent():
    france = f.make_place(kind="country")
    department = f.make_place(kind="department")
    a, b = (f.make_place(kind="town", parent=france) for _ in range(2))
    c, d = (f.make_place(kind="town", parent=department) for _ in range(2))
    profiles = load_profiles()
    assert "parent" not in codes(compare(profiles[a.pk], profiles[b.pk])[1])
    assert "parent" in codes(compare(profiles[c.pk], profiles[d.pk])[1])


# --- The place's page ---------------------------------------------------------------------------


def alpine_towns(count=2):
    network = f.make_network(slug="anvita", name_fr="ANVITA", name_en="ANVITA", acronym="ANVITA")
    housing = f.make_theme(slug="housing", name_fr="Logement", name_en="Housing")
    towns = []
    for n in range(count):
        town = f.make_place(slug=f"town-{n}", name_fr=f"Bourg {n}", kind="town", size_band="medium")
        f.make_membership(network, town)
        f.make_practice(places=[town], themes=[housing])
        towns.append(town)
    return towns


@pytest.mark.django_db
def test_the_place_page_shows_similar_places_with_the_reasons(client):
    briancon, vizille = alpine_towns()
    f.make_place(slug="paris", name_fr="Paris", kind="city", size_band="very-large", country="US")
    page = client.get(briancon.get_absolute_url()).text
    section = page[page.index('class="similar-places"') :]
    assert 'href="/fr/lieux/town-1/"' in section and "Paris" not in section
    for reason in [
        "même tranche de taille (de 10\u202f000 à 100\u202f000 habitants)",
        "même pays (France)",
        "tous deux membres du réseau ANVITA",
        "tous deux ont des fiches sur le thème logement",
    ]:
        assert reason in section, reason
    assert 'href="/fr/lieux/?like=town-0"' in section and 'href="/fr/fiches/?like=town-0"' in section
    with translation.override("en"):
        english = client.get(briancon.get_absolute_url()).text
    assert "both members of ANVITA" in english and "both have fiches on housing" in english


@pytest.mark.django_db
def test_a_place_with_nothing_in_common_says_so(client):
    lonely = f.make_place(kind="region", country="IT")
    f.make_place(kind="town", country="FR")
    page = client.get(lonely.get_absolute_url()).text
    assert "Aucun lieu ici n’a assez en commun avec celui-ci pour lui être dit semblable." in page


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_the_place_page_costs_the_same_whatever_the_number_of_places(
    client, django_assert_num_queries, count
):
    town = alpine_towns(count)[0]
    # Eight without them (the place and its parent, places within, memberships, citations, claims,
    # roles, fiches, events), then three for the similar places: places, memberships, fiche themes.
    with django_assert_num_queries(8 + 3):
        assert client.get(town.get_absolute_url()).status_code == 200


# --- ?like= on the lists ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_place_list_like_a_place_is_ordered_by_similarity(client):
    town, twin = alpine_towns()
    f.make_place(slug="a-same-size", name_fr="Ailleurs", kind="city", size_band="medium", country="IT")  # 3
    f.make_place(slug="b-compatriot", kind="region")  # another level: never similar
    api = client.get(reverse("api:place-list"), {"like": "town-0"}).json()
    assert [place["slug"] for place in api["results"]] == ["town-1", "a-same-size"]
    by_slug = client.get(reverse("api:place-list"), {"like": "town-0", "ordering": "slug"}).json()
    assert [place["slug"] for place in by_slug["results"]] == ["town-1", "a-same-size"][::-1]
    page = client.get(reverse("actors:place-list"), {"like": "town-0"}).text
    assert page.index("Bourg 1") < page.index("Ailleurs")  # not in name order: most similar first
    assert 'class="active-filter"' in page and "Lieux semblables à" in page
    assert 'href="?">Retirer ce filtre' in page
    assert "tous deux membres du réseau ANVITA" in page  # the reasons beside each place


@pytest.mark.django_db
def test_the_fiche_list_like_a_place_gives_the_fiches_of_similar_places(client):
    town, twin = alpine_towns()
    own = town.practices.get()
    twin_fiche = twin.practices.get()
    f.make_practice(places=[f.make_place(kind="region")])  # not like it
    api = client.get(reverse("api:practice-list"), {"like": "town-0"}).json()
    assert [fiche["slug"] for fiche in api["results"]] == [twin_fiche.slug]
    assert own.slug not in str(api)
    page = client.get(reverse("practices:practice-list"), {"like": "town-0", "theme": "housing"})
    assert page.status_code == 200
    assert twin_fiche.title in page.text and own.title not in page.text
    assert 'href="?theme=housing">Retirer ce filtre' in page.text


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["api:place-list", "api:practice-list", "api:places-geojson"])
def test_like_an_unknown_or_draft_place_is_a_400_naming_it(client, name):
    f.make_place(slug="draft", is_published=False)
    for slug in ["atlantis", "draft"]:
        response = client.get(reverse(name), {"like": slug, "lang": "en"})
        assert response.status_code == 400
        assert response.json()["errors"]["like"] == [
            f"No place has the slug “{slug}”; give the slug of a published place."
        ]
    assert client.get(reverse(name), {"like": ""}).status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["actors:place-list", "practices:practice-list"])
def test_a_list_page_like_an_unknown_place_says_which(client, name):
    response = client.get(reverse(name), {"like": "atlantis"})
    assert response.status_code == 400
    assert "Aucun lieu n’a l’identifiant «\xa0atlantis\xa0»" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_lists_like_a_place_cost_the_same_whatever_the_number_of_places(
    client, django_assert_num_queries, count
):
    alpine_towns(count)
    # +4 each: the place of ?like=, then the three queries of the similarity; the fiche list one more
    # for the places of the fiches.
    with django_assert_num_queries(3 + 4):  # count, page, disputed claims
        assert client.get(reverse("api:place-list"), {"like": "town-0"}).status_code == 200
    with django_assert_num_queries(5 + 5):  # count, page, places, themes, disputed claims
        assert client.get(reverse("api:practice-list"), {"like": "town-0"}).status_code == 200
    with django_assert_num_queries(6 + 4):  # count, page, four facets
        assert client.get(reverse("actors:place-list"), {"like": "town-0"}).status_code == 200


@pytest.mark.django_db
def test_the_api_place_detail_gives_the_similar_places_and_their_reasons(client):
    town, _twin = alpine_towns()
    similar = client.get(reverse("api:place-detail", kwargs={"slug": "town-0"})).json()["similar"]
    assert [place["slug"] for place in similar] == ["town-1"]
    assert similar[0]["score"] == sum(reason["weight"] for reason in similar[0]["reasons"])
    network = next(reason for reason in similar[0]["reasons"] if reason["code"] == "network")
    assert network["text"] == {"fr": "tous deux membres du réseau ANVITA", "en": "both members of ANVITA"}
    english = client.get(reverse("api:place-detail", kwargs={"slug": "town-0"}), {"lang": "en"}).json()
    assert "both members of ANVITA" in [reason["text"] for reason in english["similar"][0]["reasons"]]
    assert similar_places(town)[0].place.slug == "town-1"
