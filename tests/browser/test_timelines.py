"""Membership timelines in a browser: ANVITA's members and Briançon's networks drawn as SVG at 360 and
1366 px, named for assistive technology, inside the page's width, accessible (axe), and printable."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import SCREENSHOTS, assert_accessible, overflowing_elements

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = {
    "anvita": ("networks:network-detail", "anvita", "Les membres de"),
    "briancon": ("actors:place-detail", "briancon", "Les réseaux de"),
}
WIDTHS = [360, 1366]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("record", sorted(PAGES))
def test_timeline_is_drawn_named_and_fits(new_page, record, width):
    name, slug, title = PAGES[record]
    page = new_page(viewport={"width": width, "height": 900})
    with translation.override("fr"):
        path = reverse(name, kwargs={"slug": slug})
    assert page.goto(path).ok
    chart = page.locator("svg.mtl-chart")
    assert chart.count() == 1 and chart.get_attribute("role") == "img"
    assert page.get_by_role("img", name=title).count() == 1  # the accessible name is the SVG's <title>
    box = chart.bounding_box()
    assert box["width"] > 250 and box["height"] > 60  # drawn, not collapsed
    assert box["x"] + box["width"] <= width  # inside the page
    assert page.locator(".mtl-row").count() >= 2 and page.locator(".mtl-legend li").count() >= 2
    # A bar takes its role's colour from site.css (no inline style under the strict CSP).
    fill = chart.locator(".mtl-bar").first.evaluate("(el) => getComputedStyle(el).fill")
    assert fill not in ("", "none", "rgb(0, 0, 0)")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width, overflowing_elements(
        page, width
    )
    assert_accessible(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("section.mtl").screenshot(path=str(SCREENSHOTS / f"timeline-{record}-{width}px.png"))


def test_timeline_prints(new_page):
    page = new_page()
    with translation.override("en"):
        assert page.goto(reverse("networks:network-detail", kwargs={"slug": "anvita"})).ok
    page.emulate_media(media="print")
    chart = page.locator("svg.mtl-chart")
    assert chart.is_visible() and chart.bounding_box()["height"] > 60
    assert page.get_by_role("img", name="Members of").count() == 1
