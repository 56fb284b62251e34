"""Browser tests: Playwright's sync API driving the system Chromium against a live server.

* Chromium is the Debian package (/usr/bin/chromium, else `chromium` on PATH); Playwright's own
  browser downloads are never used. Without Chromium the tests are skipped, except under
  CI=true where that is a failure.
* One live server per test package, on the real content (`fixtures/`). Loading the content
  takes 5-10 s, so it is loaded once and committed, and the database is flushed when the
  package is done, as a TransactionTestCase would. The server is pytest-django's LiveServer
  (what its `live_server` fixture runs); that fixture is not requested because with it every
  test gets `transactional_db`, which flushes the content after each test. Browser tests carry
  `pytest.mark.django_db` (plain) so that pytest-django creates the test database for them.
* One browser for the run (package-scoped: see `browser`), a fresh context per test. Every
  request is recorded, anything not addressed to this machine is aborted, and after each test
  the call phase fails if a page logged a JavaScript error or tried to leave localhost.
"""

import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, connections
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from sources.load import default_fixture_paths, load_content

# Playwright's sync API runs an event loop in the main thread; Django would refuse ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
AXE_JS = HERE / "vendor" / "axe.min.js"
SCREENSHOTS = HERE / "screenshots"
SYSTEM_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about"}
BLOCKING_IMPACTS = {"serious", "critical"}


def is_local(url):
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and (parts.hostname or "") in LOCAL_HOSTS


def find_chromium():
    if os.access(SYSTEM_CHROMIUM, os.X_OK):
        return SYSTEM_CHROMIUM
    return shutil.which("chromium")


def is_test_database(connection):
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return True
    return name == connection.settings_dict.get("TEST", {}).get("NAME") or Path(name).name.startswith("test_")


# ---------------------------------------------------------------- server and browser


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path:
        return path
    message = f"Chromium not found ({SYSTEM_CHROMIUM} or `chromium` on PATH); install the `chromium` package"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}: browser tests must run under CI=true", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="package")
def site(browser, django_db_setup, django_db_blocker):
    """A live server on the real content, for every test of this package."""

    with django_db_blocker.unblock():
        if not is_test_database(connection):
            pytest.fail(
                f"refusing to load content into {connection.settings_dict['NAME']!r}, not a test database "
                "(mark browser tests with pytest.mark.django_db)",
                pytrace=False,
            )
        load_content(default_fixture_paths(), replace=True)
        if connection.vendor == "postgresql":
            # Fresh planner statistics, as autovacuum gives production after a load: the tests before
            # this package (the ×2 synthetic content among them) leave the tables' statistics stale,
            # and a list page once took 16 s to plan its facets on them.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        # The server's request threads (one per browser connection, kept alive) each open their own
        # connection: close it after every request, so none outlives the server and holds the test
        # database (the settings dict is shared by every thread's connection).
        conn_max_age = connection.settings_dict.get("CONN_MAX_AGE", 0)
        connection.settings_dict["CONN_MAX_AGE"] = 0
        server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
        server._live_server_modified_settings.enable()
        try:
            yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            connection.settings_dict["CONN_MAX_AGE"] = conn_max_age
            call_command("flush", interactive=False, verbosity=0)
            ContentType.objects.clear_cache()


@pytest.fixture(scope="package")
def browser(chromium_path):
    """The one Chromium of the run (all browser tests are in this package).

    While Playwright's sync API is started, the main thread has a running event loop and another
    contextvars context, so Django hands out other (context-local) database connections. Keeping
    it to this package spares the rest of the suite; the connections opened meanwhile are closed
    before it stops, or they would hold the test database open when it is dropped.
    """
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        connections.close_all()
        playwright.stop()


# ---------------------------------------------------------------- pages


class Recorder:
    """What the pages of one test requested, blocked and logged."""

    def __init__(self):
        self.requests = []
        self.blocked = []
        self.console_errors = []
        self.pages = []

    def external_requests(self):
        return [url for url in self.requests if not is_local(url)]

    def attach(self, page):
        self.pages.append(page)
        page.on("request", lambda request: self.requests.append(request.url))
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and self.console_errors.append(f"console.error on {page.url}: {message.text}")
            ),
        )
        page.on(
            "pageerror", lambda error: self.console_errors.append(f"uncaught error on {page.url}: {error}")
        )


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def new_page(browser, site, recorder):
    """new_page(**context_options) -> a page in a fresh context, recorded and cut off the network."""
    contexts = []

    def route(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            recorder.blocked.append(route.request.url)
            route.abort()

    def make(**options):
        options.setdefault("base_url", site.url)
        options.setdefault("viewport", {"width": 1280, "height": 800})
        # axe is injected as an inline script; a Content-Security-Policy must not stop it.
        options.setdefault("bypass_csp", True)
        context = browser.new_context(**options)
        # Generous: CI is two cores running PostgreSQL, the server and Chromium at once, and a first,
        # uncached list page has been seen to take over ten seconds there.
        context.set_default_timeout(30_000)
        context.route("**/*", route)
        contexts.append(context)
        page = context.new_page()
        recorder.attach(page)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After the test body: no JavaScript error logged, no request that left localhost."""
    result = yield
    recorder = getattr(item, "funcargs", {}).get("recorder")
    if recorder is not None:
        assert_local_only(recorder)
        assert_no_console_errors(recorder)
    return result


# ---------------------------------------------------------------- helpers


def assert_local_only(recorder):
    """No request of the test's pages was addressed outside this machine (they are blocked anyway)."""
    external = recorder.external_requests()
    assert not external, "requests left localhost:\n  " + "\n  ".join(dict.fromkeys(external))


def assert_no_console_errors(recorder):
    errors = recorder.console_errors
    assert not errors, "the page logged JavaScript errors:\n  " + "\n  ".join(errors)


def axe_violations(page, impacts=BLOCKING_IMPACTS):
    """Run axe-core (vendored) on the page; the violations of the given impacts."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [violation for violation in results["violations"] if violation.get("impact") in impacts]


def format_violations(violations):
    lines = []
    for violation in violations:
        targets = [" ".join(map(json.dumps, node["target"])) for node in violation["nodes"]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {target}" for target in targets[:10])
        if len(targets) > 10:
            lines.append(f"    … and {len(targets) - 10} more")
    return "\n".join(lines)


def assert_accessible(page):
    """Fail on axe violations of impact serious or critical, listing rule ids and targets."""
    violations = axe_violations(page)
    assert not violations, f"axe violations on {page.url}:\n{format_violations(violations)}"


def screenshot(page, name, full_page=True):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def overflowing_elements(page, width):
    """Elements whose right edge passes `width` (what causes a horizontal scroll); what overflows
    inside a box that scrolls or clips it (a wide table in its own scroller) is left out."""
    return page.evaluate(
        """(width) => {
            const contained = (el) => {
                for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
                    if (getComputedStyle(up).overflowX !== 'visible') return true;
                }
                return false;
            };
            const found = [];
            for (const el of document.querySelectorAll('body *')) {
                const box = el.getBoundingClientRect();
                if (box.right > width + 0.5 && box.width > 0 && !contained(el)) {
                    const id = el.id ? '#' + el.id : '';
                    const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
                    const right = Math.round(box.right);
                    found.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${right}px)`);
                }
            }
            return found;
        }""",
        width,
    )
