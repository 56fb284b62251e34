import pytest
from django.contrib.admin.sites import site
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "curator@example.org", "a-long-password-1")
    client.force_login(user)
    return client


@pytest.fixture
def one_of_each():
    network, place = f.make_network(), f.make_place()
    f.make_organisation()
    person = f.make_person()
    f.make_role(person, place=place)
    forum = f.make_forum()
    event = f.make_event(forum=forum, place=place)
    f.make_declaration(event=event)
    f.make_membership(network, place)
    practice = f.make_practice(places=[place])
    f.make_key_figure(practice)
    f.make_quote(practice, speaker=person)
    f.make_link(practice)
    f.make_claim(network=network)


def test_every_model_has_a_changelist_add_and_change_page(curator_client, one_of_each):
    for model in [
        m for m in site._registry if m._meta.app_label in {"sources", "actors", "networks", "practices"}
    ]:
        info = model._meta.app_label, model._meta.model_name
        assert curator_client.get(reverse(f"admin:{info[0]}_{info[1]}_changelist")).status_code == 200, info
        assert curator_client.get(reverse(f"admin:{info[0]}_{info[1]}_add")).status_code == 200, info
        obj = model._default_manager.first()
        if obj is not None:
            url = reverse(f"admin:{info[0]}_{info[1]}_change", args=[obj.pk])
            assert curator_client.get(url).status_code == 200, info


def test_translation_tabs_load_jquery_ui_from_the_site_not_a_cdn(curator_client, one_of_each):
    network = f.make_network()
    page = curator_client.get(reverse("admin:networks_network_change", args=[network.pk])).text
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in page
    assert "googleapis" not in page and "//ajax." not in page
    assert 'name="name_fr"' in page and 'name="name_en"' in page


def test_changelist_shows_what_a_record_lacks(curator_client):
    f.make_network(slug="complete", name_fr="Réseau complet")
    f.make_network(slug="uncited", cited=False, name_en="", name_fr="Sans citation")
    page = curator_client.get(reverse("admin:networks_network_changelist")).text
    assert "citation; name_en" in page
    filtered = curator_client.get(
        reverse("admin:networks_network_changelist"), {"complete": "no-citation"}
    ).text
    assert "Sans citation" in filtered and "Réseau complet" not in filtered


def test_admin_requires_login(client):
    response = client.get(reverse("admin:networks_network_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
