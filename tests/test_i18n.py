import pytest
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator

from actors.models import Organisation, Person, Place, Role
from networks.models import Declaration, Event, Forum, Membership, Network
from practices.models import FurtherReading, KeyFigure, Practice, PracticeQuote, Theme
from sources.models import Claim, Source
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_every_text_model_is_registered_for_translation():
    registered = set(translator.get_registered_models())
    assert {
        Place,
        Organisation,
        Person,
        Role,
        Network,
        Membership,
        Forum,
        Event,
        Declaration,
        Theme,
        Practice,
        KeyFigure,
        PracticeQuote,
        FurtherReading,
        Source,
        Claim,
    } <= registered
    assert {"summary_fr", "summary_en"} <= {field.name for field in Network._meta.fields}


def test_french_and_english_pages_show_their_own_language(client):
    network = f.make_network(
        slug="anvita",
        name_fr="Villes accueillantes",
        name_en="Welcoming cities",
        summary_fr="Un réseau français.",
        summary_en="A French network.",
    )
    french = client.get(f"/fr/reseaux/{network.slug}/")
    english = client.get(f"/en/networks/{network.slug}/")
    assert french.status_code == english.status_code == 200
    assert '<html lang="fr">' in french.text and "Villes accueillantes" in french.text
    assert "Un réseau français." in french.text and "A French network." not in french.text
    assert '<html lang="en">' in english.text and "Welcoming cities" in english.text
    assert "A French network." in english.text and "Un réseau français." not in english.text
    assert "Typologie" in french.text and "Typology" in english.text


def test_english_falls_back_to_french_for_display_only(client):
    place = f.make_place(
        slug="riace", name_fr="Riace", name_en="", description_fr="Village de Calabre.", description_en=""
    )
    assert "Village de Calabre." in client.get(f"/en/places/{place.slug}/").text
    assert Place.objects.filter(description_en="").count() == 1  # nothing was copied into the English column


def test_urls_read_naturally_in_each_language():
    with translation.override("fr"):
        assert reverse("networks:network-detail", kwargs={"slug": "anvita"}) == "/fr/reseaux/anvita/"
        assert reverse("practices:practice-list") == "/fr/fiches/"
        assert reverse("actors:place-list") == "/fr/lieux/"
    with translation.override("en"):
        assert reverse("networks:network-detail", kwargs={"slug": "anvita"}) == "/en/networks/anvita/"
        assert reverse("practices:practice-list") == "/en/practices/"


def test_language_switch_and_hreflang_keep_the_reader_on_the_same_record(client):
    practice = f.make_practice(slug="idnyc-new-york")
    page = client.get(f"/fr/fiches/{practice.slug}/").text
    assert 'href="/en/practices/idnyc-new-york/" hreflang="en"' in page
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/practices/idnyc-new-york/">' in page
    )
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/fiches/idnyc-new-york/">' in page
    assert '<link rel="canonical" href="http://testserver/fr/fiches/idnyc-new-york/">' in page


def test_language_switch_keeps_filters(client):
    page = client.get("/fr/reseaux/?scale=national").text
    assert 'href="/en/networks/?scale=national"' in page


def test_root_redirects_to_french(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/fr/"


def test_renamed_record_redirects_from_its_old_slug(client):
    network = f.make_network(slug="villes-accueillantes")
    network.slug = "anvita"
    network.save()
    response = client.get("/en/networks/villes-accueillantes/")
    assert response.status_code == 301 and response["Location"] == "/en/networks/anvita/"
    assert client.get("/en/networks/never-existed/").status_code == 404
