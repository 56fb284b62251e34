"""The council brief in Chromium: fiches picked from the list (with and without JavaScript), the brief
opened, printed to A4 and looked at on a phone and a laptop."""

import re
import shutil
import zlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, overflowing_elements, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1366, "height": 900}
SHOTS = Path("/tmp/shots-brief")  # a copy to look at, next to tests/browser/screenshots/


def url(name, lang="fr", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def pdf_page_count(pdf):
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def text_runs_per_page(pdf):
    """How many runs of text each page of a PDF draws (Chromium writes one compressed stream a page)."""
    runs = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue  # a font or an image
        if re.search(rb"T[jJ]", content):
            runs.append(len(re.findall(rb"T[jJ]", content)))
    return runs


def shot(page, name):
    path = screenshot(page, name)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)


def control(page, slug):
    return page.locator(f'.brief-control[data-fiche="{slug}"] .brief-toggle')


def first_fiches(page, count=2):
    """The slugs of the first fiches of the list page."""
    cards = page.locator("ul.record-list .brief-control[data-fiche]")
    return [cards.nth(n).get_attribute("data-fiche") for n in range(count)]


def test_reader_adds_two_fiches_from_the_list_opens_and_prints_the_brief(new_page):
    page = new_page(viewport=LAPTOP)
    page.goto(url("practices:practice-list"))
    my_brief = page.locator(".results > .brief-control .my-brief")
    expect(my_brief).to_be_hidden()  # nothing chosen yet

    first, second = first_fiches(page)
    for slug in (first, second):
        control(page, slug).click()
        expect(control(page, slug)).to_have_text("Retirer du dossier")
        expect(control(page, slug)).to_have_attribute("aria-pressed", "true")
    expect(my_brief).to_have_text("Mon dossier (2)")
    control(page, first).click()  # a second click takes it out again…
    expect(control(page, first)).to_have_text("Ajouter au dossier")
    expect(my_brief).to_have_text("Mon dossier (1)")
    control(page, first).click()  # …and a third puts it back, last
    shot(page, "brief-list-1366")

    # The selection is kept in the browser: another page shows it too.
    page.goto(url("practices:practice-detail", slug=first))
    expect(page.locator(".fiche .brief-control .brief-toggle")).to_have_text("Retirer du dossier")
    page.locator(".fiche .brief-control .my-brief").click()

    assert urlsplit(page.url).path == url("practices:brief")
    assert parse_qs(urlsplit(page.url).query)["fiche"] == [second, first]
    expect(page.locator("article.brief-fiche")).to_have_count(2)
    expect(page.locator("h1")).to_have_text("Dossier de bonnes pratiques")
    expect(page.locator(".brief-contents li")).to_have_count(2)
    expect(page.locator(".brief-sources li").first).to_be_visible()
    assert_accessible(page)
    shot(page, "brief-1366")

    page.emulate_media(media="print")
    expect(page.locator("header.site-header")).to_be_hidden()
    expect(page.locator(".brief-remove").first).to_be_hidden()
    pdf = page.pdf(format="A4")
    pages = pdf_page_count(pdf)
    assert pages > 2, f"the brief of two fiches prints on {pages} A4 pages (cover, one break a fiche)"
    # Every page carries its number: without the margin box each page draws less text.
    page.add_style_tag(content="@media print { @page brief { @bottom-right { content: none } } }")
    numbered, unnumbered = text_runs_per_page(pdf), text_runs_per_page(page.pdf(format="A4"))
    assert len(numbered) == len(unnumbered) == pages
    assert all(a > b for a, b in zip(numbered, unnumbered, strict=True)), (numbered, unnumbered)

    # Removing a fiche on the brief updates the kept selection.
    page.emulate_media(media="screen")
    page.locator(f"#fiche-{first} .brief-remove a").click()
    expect(page.locator("article.brief-fiche")).to_have_count(1)
    page.goto(url("practices:practice-list"))
    expect(my_brief).to_have_text("Mon dossier (1)")
    expect(control(page, first)).to_have_text("Ajouter au dossier")
    expect(control(page, second)).to_have_text("Retirer du dossier")


def test_brief_reads_on_a_phone(new_page):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(url("practices:brief") + "?fiche=riace&fiche=idnyc-new-york&fiche=atlantis")
    expect(page.locator("article.brief-fiche")).to_have_count(2)
    expect(page.locator(".brief .message")).to_contain_text("atlantis")
    assert not overflowing_elements(page, PHONE["width"]), overflowing_elements(page, PHONE["width"])
    shot(page, "brief-360")


def test_brief_is_built_without_javascript_through_the_url(new_page):
    page = new_page(java_script_enabled=False)
    page.goto(url("practices:practice-list"))
    first, second = first_fiches(page)
    control(page, first).click()
    assert parse_qs(urlsplit(page.url).query)["fiche"] == [first]
    expect(page.locator("article.brief-fiche")).to_have_count(1)

    page.get_by_role("link", name="Ajouter des fiches depuis la liste").click()
    expect(control(page, first)).to_have_text("Retirer du dossier")
    control(page, second).click()
    assert parse_qs(urlsplit(page.url).query)["fiche"] == [first, second]
    expect(page.locator("article.brief-fiche")).to_have_count(2)
    shot(page, "brief-no-js")
