"""Every page type, in both languages: served, labelled, local, error-free, accessible, and no
horizontal scroll on a 360 px phone.

A known defect on a real page is an xfail(strict=True) on that one case (see KNOWN), so the
check stays as strict as it is and the case turns red the day the page is fixed.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import (
    assert_accessible,
    assert_local_only,
    assert_no_console_errors,
    overflowing_elements,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE_WIDTH = 360

# (page type, URL name, URL kwargs) — real slugs from fixtures/.
PAGES = [
    ("home", "home", {}),
    ("network-list", "networks:network-list", {}),
    ("network-detail", "networks:network-detail", {"slug": "anvita"}),
    ("fiche-list", "practices:practice-list", {}),
    ("fiche-detail", "practices:practice-detail", {"slug": "riace"}),
    ("place-list", "actors:place-list", {}),
    ("place-detail", "actors:place-detail", {"slug": "grenoble"}),
    ("source-list", "sources:source-list", {}),
    ("source-detail", "sources:source-detail", {"slug": "lacroix-2020"}),
]
LANGUAGES = ["fr", "en"]

# (page type, language, check) -> reason, for defects of the real pages (xfail, strict).
KNOWN = {}


def url(name, kwargs, lang):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


def cases(check):
    for kind, name, kwargs in PAGES:
        for lang in LANGUAGES:
            reason = KNOWN.get((kind, lang, check))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(name, kwargs, lang, id=f"{kind}-{lang}", marks=marks)


@pytest.mark.parametrize(("name", "kwargs", "lang"), list(cases("page")))
def test_page(page, recorder, name, kwargs, lang):
    path = url(name, kwargs, lang)
    response = page.goto(path)
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.is_visible()
    screenshot(page, f"{name.replace(':', '-')}-{lang}")
    assert_local_only(recorder)
    assert_no_console_errors(recorder)


@pytest.mark.parametrize(("name", "kwargs", "lang"), list(cases("axe")))
def test_accessibility(page, name, kwargs, lang):
    page.goto(url(name, kwargs, lang))
    assert_accessible(page)


@pytest.mark.parametrize(("name", "kwargs", "lang"), list(cases("phone")))
def test_no_horizontal_scroll_on_a_phone(new_page, name, kwargs, lang):
    page = new_page(viewport={"width": PHONE_WIDTH, "height": 740})
    page.goto(url(name, kwargs, lang))
    width = page.evaluate("() => document.documentElement.scrollWidth")
    if width > PHONE_WIDTH:
        culprits = overflowing_elements(page, PHONE_WIDTH)
        screenshot(page, f"{name.replace(':', '-')}-{lang}-{PHONE_WIDTH}px", full_page=False)
        pytest.fail(
            f"horizontal scroll at {PHONE_WIDTH} px: scrollWidth {width}; overflowing:\n  "
            + "\n  ".join(culprits[:15])
        )
