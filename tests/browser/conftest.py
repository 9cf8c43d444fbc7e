"""Browser tests: Playwright driving Debian's Chromium over the built site, served here on 127.0.0.1.

Every page a test opens is watched: a request to anything but the local server is blocked and fails
the test (so is a Content-Security-Policy violation, a script error or any other console error),
whatever the test itself checks. `scripts/install-browser.sh` (run by `make test`) installs Chromium
and the Noto CJK fonts; Playwright's own browser download is not used.
"""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LOCAL_SCHEMES = {"data", "blob", "about"}


def known_harmless(text: str, url: str) -> bool:
    """Material's language switcher fetches sitemap.xml next to every <link rel=alternate> of the page,
    expecting those to be language homes; mkdocs-static-i18n makes them the page's own translations,
    so these look-ups miss (404) and Material falls back to the plain link. Any other failed load fails."""
    return text.startswith("Failed to load resource") and url.endswith("/sitemap.xml")


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: opens the built site in Chromium (select with -m browser)")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site) -> str:
    """The built site/, served by a threaded http.server on a free port of 127.0.0.1."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-browser.sh (make test does)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What the pages of one test did: requests off the local server, console errors, script errors."""

    origin: str
    outside: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in LOCAL_SCHEMES or f"{parts.scheme}://{parts.netloc}" == self.origin

    def note(self, url: str) -> bool:
        """Notes a request off the local server; true when it is one."""
        if self.is_local(url):
            return False
        if url not in self.outside:
            self.outside.append(url)
        return True

    def route(self, route):
        """Nothing leaves the machine: a request off the local server is aborted before it is sent."""
        if self.note(route.request.url):
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def on_request(self, request):
        self.note(request.url)

    def on_console(self, message):
        if message.type == "error":
            where = message.location.get("url") or ""
            if known_harmless(message.text, where):
                return
            text = f"{message.text} ({where})" if where else message.text
            (self.csp if "Content Security Policy" in text else self.console_errors).append(text)

    def on_page_error(self, error):
        self.page_errors.append(str(error))

    def attach(self, page):
        page.on("request", self.on_request)
        page.on("console", self.on_console)
        page.on("pageerror", self.on_page_error)

    def problems(self) -> dict[str, list[str]]:
        found = {"requests to outside the site": self.outside, "Content-Security-Policy violations": self.csp,
                 "console errors": self.console_errors, "script errors": self.page_errors}
        return {what: items for what, items in found.items() if items}


@pytest.fixture
def watch(base_url) -> Watch:
    return Watch(origin=base_url)


@pytest.fixture
def new_context(browser, base_url, watch):
    """Opens a fresh browser context (its own localStorage); its pages are watched. Checked at the end."""
    contexts = []

    def make(viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, base_url=base_url, **options)
        context.route("**/*", watch.route)
        context.on("page", watch.attach)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After the test body: what the watched pages did fails the test itself (not its teardown)."""
    result = yield
    watch = item.funcargs.get("watch")
    problems = watch.problems() if watch else {}
    if problems:
        lines = [f"{what}:\n  " + "\n  ".join(items) for what, items in problems.items()]
        raise AssertionError("the pages did what they may not:\n" + "\n".join(lines))
    return result


def choose_palette(page, scheme: str) -> None:
    """Clicks Material's palette toggle until the page shows `scheme`, then reloads (Material keeps
    the choice), so that no colour transition is under way when a test reads colours."""
    page.wait_for_load_state("networkidle")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    for _ in range(3):
        if page.evaluate("document.body.dataset.mdColorScheme") == scheme:
            break
        toggle.click()
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
