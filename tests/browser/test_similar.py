"""Places like this one in a browser: Briançon's page lists them with the reasons, its links lead to
the place and fiche lists filtered `?like=briancon`, and the active filter can be removed; readable
on a 360 px phone, no serious axe violation."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.conftest import (
    AXE_JS,
    BLOCKING_IMPACTS,
    assert_local_only,
    assert_no_console_errors,
    format_violations,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
SHOTS = Path(os.environ.get("KB_SIMILAR_SHOTS", "/tmp/shots-similar"))


def assert_accessible(page):
    """No serious or critical axe violation, the map left out: its tiles' attribution, drawn when
    they load, is the map's (tests/browser/test_pages.py checks the list pages whole)."""
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("async () => await axe.run({exclude: [['.map']]}, {resultTypes: ['violations']})")
    violations = [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]
    assert not violations, format_violations(violations)


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in [("360px", PHONE), ("1366px", DESKTOP)]:
        page.set_viewport_size(size)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= size["width"], label
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_similar_places_lead_to_the_filtered_lists_and_back(page, recorder, lang):
    with translation.override(lang):
        path = reverse("actors:place-detail", kwargs={"slug": "briancon"})
    page.goto(path)
    section = page.locator("section.similar-places")
    assert (
        section.locator("h2").inner_text() == {"fr": "Lieux semblables", "en": "Places like this one"}[lang]
    )
    items = section.locator("ol > li")
    assert items.count() == 6
    assert items.first.locator("ul.reasons li").count() >= 2
    assert_accessible(page)
    shoot(page, f"place-briancon-{lang}")

    section.locator("p.similar-more a").first.click()
    notice = page.locator(".active-filter")
    expect(notice).to_contain_text("Briançon")
    assert "like=briancon" in page.url
    assert page.locator(".record-list > li").first.locator("ul.reasons li").count() >= 2
    assert_accessible(page)
    shoot(page, f"place-list-like-{lang}")
    notice.locator("a.remove").click()
    expect(page.locator(".active-filter")).to_have_count(0)
    assert "like=" not in page.url

    page.goto(path)
    page.locator("section.similar-places p.similar-more a").nth(1).click()
    expect(page.locator(".active-filter")).to_be_visible()
    assert "like=briancon" in page.url
    assert page.locator(".record-list > li").count() > 0
    assert_accessible(page)
    shoot(page, f"fiche-list-like-{lang}")
    assert_local_only(recorder)
    assert_no_console_errors(recorder)
