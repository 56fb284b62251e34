"""The council brief: chosen fiches in one printable page, the selection in the URL."""

import re

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from practices.views import BriefView
from tests import factories as f

pytestmark = pytest.mark.django_db

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "brief-tests"}}


def brief(client, *slugs, language="fr", **extra):
    with translation.override(language):
        url = reverse("practices:brief")
    return client.get(url, {"fiche": list(slugs), **extra})


@pytest.fixture
def fiches():
    oldest = f.make_source(
        slug="lacroix-2020", authors="Thomas Lacroix", year=2020, title="Villes et migrations"
    )
    guide = f.make_source(slug="ocu-guide", authors="OCU", year=2018, title="10 exemples", series="Guides")
    riace = f.make_practice(
        slug="riace",
        number=1,
        places=[f.make_place(slug="riace-village", name_fr="Riace", population=2_000, population_year=2017)],
        title_fr="Riace, village d'accueil",
        title_en="Riace, a welcoming village",
        summary_fr="Le village revit grâce à l'accueil.",
        summary_en="The village lives again.",
        steps_fr="Ouvrir les maisons vides.\n\nCréer des ateliers.",
        steps_en="Open empty houses.\n\nCreate workshops.",
        outcome_fr="L'école a rouvert.",
        outcome_en="The school reopened.",
        status="contested",
        status_as_of=2018,
        cited=False,
    )
    f.cite(riace, source=oldest)
    f.make_key_figure(
        riace, value="450", label_fr="réfugiés accueillis", source=guide, locator_fr="chiffres clés"
    )
    idnyc = f.make_practice(slug="idnyc-new-york", title_fr="Une carte d'identité municipale", cited=False)
    f.cite(idnyc, source=guide)
    return riace, idnyc


def test_brief_sets_out_each_fiche_in_the_readers_order_with_one_list_of_sources(client, fiches):
    page = brief(client, "idnyc-new-york", "riace")
    assert page.status_code == 200
    html = page.text
    assert "Dossier de bonnes pratiques" in html and '<meta name="robots" content="noindex">' in html
    # The cover: the fiches in the reader's order, the site, the link to share.
    contents = re.search(r'<ol class="brief-contents">(.*?)</ol>', html, re.S).group(1)
    assert contents.index("Une carte d&#x27;identité") < contents.index("Riace, village")
    assert 'value="http://testserver/fr/dossier/?fiche=idnyc-new-york&amp;fiche=riace"' in html
    assert "Réseaux de villes hospitalières — base de connaissances" in html
    # Each fiche: places with their size, status as of, steps, outcome, key figures with their locator.
    for expected in [
        "Riace (France), moins de 10\u202f000 habitants",
        "contestée (en 2018)",
        "<li>Ouvrir les maisons vides.</li>",
        "L&#x27;école a rouvert.",
        "<strong>450</strong> réfugiés accueillis",
        "OCU (2018), chiffres clés",
        "http://testserver/fr/fiches/riace/",  # in its ready-made citation
        "D’après\u00a0: Thomas Lacroix (2020).",
    ]:
        assert expected in html, expected
    assert html.index('id="fiche-idnyc-new-york"') < html.index('id="fiche-riace"')
    # Each source once, in the one list at the end, with its full reference.
    sources = re.search(r'<section class="brief-sources".*?</section>', html, re.S).group(0)
    assert sources.count("<li>") == 2 and sources.count("OCU (2018)") == 1
    assert '<cite lang="fr">10 exemples</cite>' in sources and "Guides." in sources


def test_brief_remove_links_keep_the_rest_of_the_selection(client, fiches):
    html = brief(client, "riace", "idnyc-new-york").text
    assert 'href="/fr/dossier/?fiche=idnyc-new-york">Retirer du dossier' in html
    assert 'href="/fr/dossier/?fiche=riace">Retirer du dossier' in html
    assert 'href="/fr/fiches/?fiche=riace&amp;fiche=idnyc-new-york">' in html  # add more from the list


def test_brief_reads_comma_separated_slugs_and_keeps_each_once(client, fiches):
    html = brief(client, "riace,idnyc-new-york", "riace").text
    assert html.count('class="brief-fiche"') == 2


def test_english_brief_has_its_own_path_and_links(client, fiches):
    page = brief(client, "riace", language="en")
    assert page.request["PATH_INFO"] == "/en/brief/"
    html = page.text
    assert "Good-practice brief" in html and "Riace, a welcoming village" in html
    assert "http://testserver/en/practices/riace/" in html and "/fr/fiches/riace/" not in html
    assert 'href="/fr/dossier/?fiche=riace" hreflang="fr"' in html  # the language switch keeps the fiches


def test_unknown_and_draft_slugs_are_named_and_the_others_still_shown(client, fiches):
    f.make_practice(slug="hidden-fiche", is_published=False)
    html = brief(client, "riace", "atlantis").text
    assert "Aucune fiche publiée ne porte l’identifiant «\xa0atlantis\xa0»\u202f; les autres" in html
    assert html.count('class="brief-fiche"') == 1
    html = brief(client, "hidden-fiche", "atlantis").text
    assert "ces identifiants\xa0: hidden-fiche, atlantis" in html and 'class="brief-fiche"' not in html


def test_empty_brief_explains_itself_and_links_to_the_fiche_list(client):
    page = brief(client)
    assert page.status_code == 200
    assert "Un dossier réunit les fiches de votre choix" in page.text
    assert f'href="{reverse("practices:practice-list")}">Choisir des fiches' in page.text
    assert 'class="brief-fiche"' not in page.text


def test_brief_holds_at_most_twelve_fiches_and_says_how_many_were_left_out(client):
    slugs = [f.make_practice(slug=f"fiche-{n:02}").slug for n in range(BriefView.MAX_FICHES + 2)]
    html = brief(client, *slugs).text
    assert html.count('class="brief-fiche"') == BriefView.MAX_FICHES
    assert "Un dossier compte au plus 12 fiches\xa0: 2 fiches de plus ont été laissées de côté." in html
    assert 'id="fiche-fiche-13"' not in html


@pytest.mark.parametrize("count", [1, 10])
def test_brief_costs_the_same_whatever_the_number_of_fiches(client, django_assert_num_queries, count):
    slugs = []
    for _ in range(count):
        practice = f.make_practice(places=[f.make_place(), f.make_place()])
        f.make_key_figure(practice)
        f.make_key_figure(practice)
        slugs.append(practice.slug)
    with django_assert_num_queries(4):  # fiches + places + key figures with sources + citations with sources
        page = brief(client, *slugs)
    assert page.content.decode().count('class="brief-fiche"') == count


def test_brief_is_not_in_the_sitemap(client, fiches):
    sitemap = client.get("/sitemap.xml").text + "".join(
        client.get(url).text
        for url in re.findall(r"<loc>http://testserver(.*?)</loc>", client.get("/sitemap.xml").text)
    )
    assert "/dossier/" not in sitemap and "/brief/" not in sitemap


def test_brief_is_cached_per_selection(client, fiches):
    with override_settings(CACHES=LOCMEM):
        caches["default"].clear()
        first = brief(client, "riace")
        assert first["X-Cache"] == "miss"
        assert brief(client, "riace", utm="x")["X-Cache"] == "hit"  # a parameter it does not read
        other = brief(client, "idnyc-new-york")
        assert other["X-Cache"] == "miss" and 'id="fiche-idnyc-new-york"' in other.text
        assert 'id="fiche-riace"' not in other.text


def test_fiche_cards_and_pages_link_to_the_brief_with_the_selection_plus_this_fiche(client, fiches):
    html = client.get(reverse("practices:practice-list"), {"fiche": "riace"}).text
    assert (
        'href="/fr/dossier/?fiche=riace&amp;fiche=idnyc-new-york" rel="nofollow">Ajouter au dossier' in html
    )
    assert 'href="/fr/dossier/" rel="nofollow">Retirer du dossier' in html  # riace is in the brief
    assert 'href="/fr/dossier/?fiche=riace" rel="nofollow">Mon dossier (1)' in html
    assert 'href="/fr/fiches/riace/?fiche=riace"' in html  # the fiche link carries the selection
    page = client.get(
        reverse("practices:practice-detail", kwargs={"slug": "idnyc-new-york"}), {"fiche": "riace"}
    )
    assert (
        'href="/fr/dossier/?fiche=riace&amp;fiche=idnyc-new-york" rel="nofollow">Ajouter au dossier'
        in page.text
    )
    assert 'rel="nofollow">Mon dossier (1)' in page.text
    plain = client.get(reverse("practices:practice-list")).text
    assert 'href="/fr/dossier/?fiche=riace" rel="nofollow">Ajouter au dossier' in plain
    assert 'rel="nofollow" hidden>Mon dossier (0)' in plain  # shown by brief.js once fiches are chosen


def test_brief_shows_no_draft_place_or_source(client):
    practice = f.make_practice(
        slug="riace",
        places=[f.make_place(name_fr="Riace"), f.make_place(name_fr="Lieu caché", is_published=False)],
    )
    f.make_key_figure(practice, source=f.make_source(title="Brouillon", is_published=False))
    html = brief(client, "riace").text
    assert "Riace" in html and "Lieu caché" not in html and "Brouillon" not in html


def test_the_other_languages_brief_and_the_canonical_keep_the_selection(client, fiches):
    html = client.get("/fr/dossier/", {"fiche": ["riace", "idnyc-new-york"]}).text
    query = "?fiche=riace&amp;fiche=idnyc-new-york"
    assert f'hreflang="en" href="http://testserver/en/brief/{query}"' in html
    assert f'rel="canonical" href="http://testserver/fr/dossier/{query}"' in html
