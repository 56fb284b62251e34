"""Every page type, in both languages, one test each: served, in the right language, screenshot,
nothing fetched from outside localhost, no JavaScript error, no serious or critical axe
violation, and no horizontal scroll on a 360 px phone.

A defect of a real page is recorded in KNOWN and its case marked xfail(strict=True) with the rule
and target as reason; the check itself stays as strict. Only the recorded kind of defect
("axe" or "phone") is expected: any other failure of that case still fails, and the day the
page is fixed the case XPASSes, which fails too, so that the entry is removed.
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

PHONE = {"width": 360, "height": 740}

# page type -> (URL name, URL kwargs); real slugs from fixtures/.
PAGES = {
    "home": ("home", {}),
    "network-list": ("networks:network-list", {}),
    "network-detail": ("networks:network-detail", {"slug": "anvita"}),
    "fiche-list": ("practices:practice-list", {}),
    "fiche-detail": ("practices:practice-detail", {"slug": "riace"}),
    "place-list": ("actors:place-list", {}),
    "place-detail": ("actors:place-detail", {"slug": "grenoble"}),
    "source-list": ("sources:source-list", {}),
    "source-detail": ("sources:source-detail", {"slug": "lacroix-2020"}),
}
LANGUAGES = ["fr", "en"]

# (page type, language) -> {"axe" | "phone": "<rule id and target, or overflowing element>"}
KNOWN = {}


class KnownDefect(AssertionError):
    """Only the defects recorded in KNOWN for this case."""


def url(kind, lang):
    name, kwargs = PAGES[kind]
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


def cases():
    for kind in PAGES:
        for lang in LANGUAGES:
            known = KNOWN.get((kind, lang), {})
            marks = []
            if known:
                reason = "; ".join(f"{check}: {why}" for check, why in known.items())
                marks.append(pytest.mark.xfail(strict=True, raises=KnownDefect, reason=reason))
            yield pytest.param(kind, lang, sorted(known), id=f"{kind}-{lang}", marks=marks)


def check_phone_width(page):
    page.set_viewport_size(PHONE)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (
        f"horizontal scroll at {PHONE['width']} px on {page.url}: scrollWidth {width}; overflowing:\n  "
        + "\n  ".join(overflowing_elements(page, PHONE["width"])[:15])
    )


@pytest.mark.parametrize(("kind", "lang", "known"), list(cases()))
def test_page(page, recorder, kind, lang, known):
    path = url(kind, lang)
    response = page.goto(path)
    assert response is not None, f"{path}: no response"
    assert response.ok, f"{path}: HTTP {response.status}"
    page.wait_for_load_state("networkidle")  # what scripts fetch (the map's places) is in place too
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.is_visible(), f"{path}: no visible h1"
    screenshot(page, f"{kind}-{lang}")

    defects = {}
    try:
        assert_accessible(page)
    except AssertionError as error:
        defects["axe"] = str(error)
    try:
        check_phone_width(page)
    except AssertionError as error:
        defects["phone"] = str(error)
    screenshot(page, f"{kind}-{lang}-360px", full_page=False)  # the first screen on a phone

    assert_local_only(recorder)
    assert_no_console_errors(recorder)
    if any(check not in known for check in defects):
        pytest.fail("\n\n".join(defects.values()))
    if defects:
        raise KnownDefect("\n\n".join(defects.values()))
