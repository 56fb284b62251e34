"""What people come to do, end to end, in the system Chromium.

The contract the pages are built to: the language switcher (`nav.language-switcher
a[hreflang]`), the theme facets (`nav.facets`), result lists (`ul.record-list`,
`ol.search-results`), the header search (`form[role=search] input[name=q]`), the cite-this block
(`section#cite-this`, `input#permalink`, `#citation-text`) and a print stylesheet that hides
`header.site-header` and fits a fiche on two A4 pages.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from practices.models import Practice
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 360, "height": 740}


def url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def path_of(page):
    return urlsplit(page.url).path


def pdf_page_count(pdf):
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def text_of(locator):
    """The text a reader sees: the value of a form control (a <textarea> to copy from), else the text."""
    return locator.evaluate("el => ['TEXTAREA', 'INPUT'].includes(el.tagName) ? el.value : el.innerText")


def open_link(page, link):
    """Click a link as a reader would: first open, by their summary, the <details> it is folded in."""
    for _ in range(5):
        if link.is_visible():
            break
        summary = link.evaluate_handle(
            """el => {
                let closed = null;
                for (let d = el.closest('details'); d; d = d.parentElement?.closest('details')) {
                    if (!d.open) closed = d;
                }
                return closed && closed.querySelector(':scope > summary');
            }"""
        ).as_element()
        if summary is None:
            break
        summary.click()
    link.click()


def first_visible(locator):
    visible = locator.filter(visible=True)
    return visible.first if visible.count() else locator.first


def test_language_switch_keeps_the_record(page):
    page.goto(url("networks:network-detail", "fr", slug="anvita"))
    page.locator("nav.language-switcher a[hreflang=en]").click()
    expect(page).to_have_url(re.compile(re.escape(url("networks:network-detail", "en", slug="anvita")) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_elected_official_on_a_phone_prints_a_fiche(new_page):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    fiche_list = url("practices:practice-list", "fr")
    page.goto(url("home", "fr"))

    open_link(page, first_visible(page.locator(f'a[href="{fiche_list}"]')))
    expect(page).to_have_url(re.compile(re.escape(fiche_list) + r"(\?.*)?$"))

    open_link(page, first_visible(page.locator('nav.facets a[href*="theme=housing"]')))
    expect(page).to_have_url(re.compile(r"[?&]theme=housing(&|$)"))
    assert parse_qs(urlsplit(page.url).query).get("theme") == ["housing"]

    page.locator("ul.record-list a").first.click()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("section#cite-this")).to_have_count(1)
    screenshot(page, "journey-phone-fiche")

    page.emulate_media(media="print")
    screenshot(page, "journey-phone-fiche-print")
    expect(page.locator("header.site-header")).to_be_hidden()
    pages = pdf_page_count(page.pdf(format="A4"))
    assert 1 <= pages <= 2, f"{path_of(page)} prints on {pages} A4 pages (at most 2 expected)"


class NoNetworkLink(AssertionError):
    """The place page of the journey links to no network."""


def test_activist_searches_cites_and_follows_links(page):
    # A fiche whose place belongs to a network, so the journey can end on the network's page.
    fiche_path = url("practices:practice-detail", "fr", slug="grenoble-plateforme-migrants")
    title = " ".join(Practice.objects.get(slug="grenoble-plateforme-migrants").title.split())
    page.goto(url("home", "fr"))

    search = page.locator("header.site-header form[role=search] input[name=q]")
    search.fill("Grenoble")
    search.press("Enter")
    results = page.locator("ol.search-results a")
    expect(results.first).to_be_visible()
    targets = [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert fiche_path in targets, f"no link to {fiche_path} in the search results: {targets}"
    screenshot(page, "journey-search-grenoble")
    results.nth(targets.index(fiche_path)).click()
    expect(page).to_have_url(re.compile(re.escape(fiche_path) + "$"))

    cite = page.locator("section#cite-this")
    permalink = cite.locator("input#permalink").input_value()
    parts = urlsplit(permalink)
    assert parts.scheme in {"http", "https"} and parts.netloc, f"permalink not absolute: {permalink!r}"
    assert permalink.endswith(fiche_path), f"permalink {permalink!r} does not end with {fiche_path}"
    citation = " ".join(text_of(cite.locator("#citation-text").first).split())
    assert title in citation, f"fiche title missing from the citation: {citation!r}"
    assert "consulté" in citation or "consulted" in citation, f"no consultation date: {citation!r}"

    place = url("actors:place-detail", "fr", slug="grenoble")
    page.locator(f'main a[href="{place}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(place) + "$"))
    network_list = url("networks:network-list", "fr")
    network_links = page.locator(f'main a[href^="{network_list}"]:not([href="{network_list}"])')
    if not network_links.count():
        raise NoNetworkLink(f"no link to a network on {path_of(page)}")
    network_links.first.click()
    expect(page).to_have_url(re.compile(re.escape(network_list) + r"[\w-]+/$"))
    expect(page.locator("h1")).to_be_visible()


def test_fiche_reads_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto(url("practices:practice-detail", "fr", slug="riace"))
    expect(page.locator("h1")).to_contain_text("Riace")
    in_brief = page.locator("section").filter(has=page.get_by_role("heading", name="En bref", exact=True))
    expect(in_brief).to_be_visible()
    assert len(in_brief.inner_text().strip()) > len("En bref") + 40, "the “En bref” section is empty"
    sources = page.locator("section").filter(has=page.get_by_role("heading", name="Sources", exact=True))
    expect(sources).to_be_visible()
    expect(sources.locator("blockquote").first).to_be_visible()
    screenshot(page, "journey-fiche-no-js")
