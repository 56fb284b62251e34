import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [2, 20])
def test_practice_list_costs_the_same_whatever_the_number_of_fiches(client, django_assert_num_queries, count):
    theme = f.make_theme()
    for _ in range(count):
        f.make_practice(themes=[theme, f.make_theme()], places=[f.make_place(), f.make_place()])
    with django_assert_num_queries(10):  # count + page + places + themes + six facets
        response = client.get(reverse("practices:practice-list"))
    assert response.status_code == 200


def test_practice_list_filters_by_theme_family_and_status(client):
    housing = f.make_theme(slug="housing")
    f.make_practice(
        title_fr="Hébergement citoyen", themes=[housing], family="civil-society", status="ongoing"
    )
    f.make_practice(title_fr="Carte d'identité", family="place-of-migrants", status="ended")
    page = client.get(reverse("practices:practice-list"), {"theme": "housing"}).text
    assert "Hébergement citoyen" in page and "Carte d&#x27;identité" not in page
    page = client.get(reverse("practices:practice-list"), {"family": "place-of-migrants"}).text
    assert "Carte d&#x27;identité" in page and "Hébergement citoyen" not in page
    assert client.get(reverse("practices:practice-list"), {"theme": "no-such-theme"}).status_code == 400


def test_fiche_page_sets_out_every_part(client, django_assert_max_num_queries):
    place = f.make_place(slug="riace", name_fr="Riace")
    person = f.make_person(slug="domenico-lucano", name="Domenico Lucano")
    practice = f.make_practice(
        slug="riace",
        number=1,
        places=[place],
        title_fr="Riace, village d'accueil",
        steps_fr="Ouvrir les maisons vides.\n\nCréer des ateliers.",
        steps_en="Open empty houses.\n\nCreate workshops.",
        takeaways_fr="L'accueil revitalise.",
        takeaways_en="Welcome revitalises.",
        outcome_fr="Le village revit.",
        outcome_en="The village lives again.",
        status="contested",
        status_as_of=2017,
    )
    f.make_key_figure(practice, value="450", label_fr="réfugiés accueillis", label_en="refugees received")
    f.make_quote(practice, speaker=person, quote="Riace est un village global", speaker_label_fr="Le maire")
    f.make_link(practice, url="https://example.org/riace", label_fr="Reportage")
    with django_assert_max_num_queries(16):
        page = client.get(practice.get_absolute_url()).text
    for expected in [
        "Riace, village d&#x27;accueil",
        "<li>Ouvrir les maisons vides.</li>",
        "<li>Créer des ateliers.</li>",
        "Le village revit.",
        "<strong>450</strong> réfugiés accueillis",
        "«&nbsp;Riace est un village global&nbsp;»",
        'href="/fr/personnes/domenico-lucano/"',
        'href="https://example.org/riace"',
        "contestée",
        "en 2017",
        "À retenir",
    ]:
        assert expected in page, expected


def test_fiche_page_offers_a_permanent_link_and_ready_made_citations(client):
    source = f.make_source(authors="OCU", year=None)
    practice = f.make_practice(slug="riace", title_fr="Riace, village d'accueil", cited=False)
    f.cite(practice, source=source)
    page = client.get(practice.get_absolute_url()).text
    assert 'id="permalink" type="url" value="http://testserver/fr/fiches/riace/"' in page
    assert (
        "«\u00a0Riace, village d&#x27;accueil\u00a0», "
        "Réseaux de villes hospitalières — base de connaissances" in page
    )
    assert "consulté le" in page and "D’après\u00a0: OCU (s.d.)." in page
    assert "@misc{hospitable-cities-riace," in page and "\\url{http://testserver/fr/fiches/riace/}" in page
    english = client.get("/en/practices/riace/").text
    assert (
        "(updated" in english
        and "consulted" in english
        and "http://testserver/en/practices/riace/" in english
    )


def test_every_record_page_can_be_cited(client):
    for record in (
        f.make_network(),
        f.make_place(),
        f.make_organisation(),
        f.make_person(),
        f.make_forum(),
        f.make_event(),
        f.make_declaration(),
    ):
        assert 'id="cite-this"' in client.get(record.get_absolute_url()).text, record
