"""Comparing places in the system Chromium: from a place's page to the comparison, adding a place with
the form and removing one with its column's link (no JavaScript involved), on a wide screen and a phone,
and printed on A4 landscape."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, overflowing_elements, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDE = {"width": 1366, "height": 900}
PHONE = {"width": 360, "height": 740}


def url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def pdf_page_sizes(pdf):
    """(width, height) in points of each page of a PDF Chromium printed."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(width), float(height)) for width, height in boxes]


def test_compare_grenoble_with_lyon_from_grenoble_page_then_remove_one(new_page):
    page = new_page(viewport=WIDE)
    compare = url("actors:place-compare", "fr")
    page.goto(url("actors:place-detail", "fr", slug="grenoble"))
    page.get_by_role("link", name="Comparer avec d’autres lieux").click()
    expect(page).to_have_url(re.compile(re.escape(compare) + r"\?lieu=grenoble$"))
    expect(page.locator("table.compare thead th[scope=col]")).to_have_count(1)
    expect(page.locator(".compare-notice")).to_contain_text("Ajoutez au moins un autre lieu")

    page.get_by_label("Ajouter un lieu").select_option("lyon")
    page.locator("form.compare-add button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(compare) + r"\?lieu=grenoble&lieu=lyon$"))
    columns = page.locator("table.compare thead th[scope=col]")
    expect(columns).to_have_count(2)
    expect(columns.nth(0)).to_contain_text("Grenoble")
    expect(columns.nth(1)).to_contain_text("Lyon")
    # Both are in ANVITA (Grenoble a founder): one row, a cell filled for each.
    anvita = page.locator("tr", has=page.locator('th[scope=row] a[href="/fr/reseaux/anvita/"]'))
    expect(anvita.locator("td").nth(0)).to_contain_text("fondateur")
    expect(anvita.locator("td").nth(1)).to_contain_text("membre")
    assert_accessible(page)
    screenshot(page, "compare-1366")

    page.set_viewport_size(PHONE)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], overflowing_elements(page, PHONE["width"])[:10]
    scroller = page.locator(".compare-scroll")
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth"), "the table scrolls inside its box"
    heading = page.locator("table.compare tbody th[scope=row]").first
    left = heading.bounding_box()["x"]
    scroller.evaluate("el => { el.scrollLeft = 200; }")
    assert abs(heading.bounding_box()["x"] - left) < 1, "the row headings stay in view"
    scroller.evaluate("el => { el.scrollLeft = 0; }")
    screenshot(page, "compare-360", full_page=False)
    screenshot(page, "compare-360-full")

    page.set_viewport_size(WIDE)
    page.emulate_media(media="print")
    expect(page.locator("form.compare-add")).to_be_hidden()
    sizes = pdf_page_sizes(page.pdf(prefer_css_page_size=True))
    assert sizes and all(width > height for width, height in sizes), f"not A4 landscape: {sizes}"
    assert abs(sizes[0][0] - 841.9) < 2 and abs(sizes[0][1] - 595.3) < 2, sizes
    page.emulate_media(media="screen")

    columns.nth(0).locator("a.compare-remove").click()
    expect(page).to_have_url(re.compile(re.escape(compare) + r"\?lieu=lyon$"))
    expect(page.locator("table.compare thead th[scope=col]")).to_have_count(1)
    expect(page.locator("table.compare thead th[scope=col]")).to_contain_text("Lyon")


def test_english_comparison_names_its_parameter_place(new_page):
    page = new_page(viewport=WIDE)
    page.goto(url("actors:place-compare", "en"))
    page.get_by_label("Place 1").select_option("grenoble")
    page.get_by_label("Place 2").select_option("lyon")
    page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"/en/places/compare/\?place=grenoble&place=lyon$"))
    expect(page.locator("table.compare thead th[scope=col]")).to_have_count(2)
    assert_accessible(page)
