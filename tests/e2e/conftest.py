"""End-to-end tests: the real app on a live server, driven in Debian's Chromium by Playwright."""

import os
import shutil
from pathlib import Path

import pytest


CHROMIUM = os.environ.get("SECONDCHANCE_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("SECONDCHANCE_SCREENSHOTS", "test-results")) / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(reason):
    # In CI a missing browser is a failure, never a quiet skip.
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def allow_orm_beside_playwright():
    # Playwright's sync API runs an event loop in the test thread, which trips Django's
    # async guard when a test prepares or cleans up data; the server works in its own thread.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(django_db_setup):
    # The test database exists before Playwright starts its event loop in this thread.
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _missing(f"Chromium not found at {CHROMIUM}; install Debian's 'chromium' package (make test does).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class OutsideRequests:
    """Every request a page made to anywhere but the live server."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.seen = []

    def handle(self, route):
        url = route.request.url
        if url.startswith(self.base_url) or url.startswith("data:"):
            route.continue_()
        else:
            self.seen.append(url)
            # Stand in for the neutral page the quick exit goes to; there is no network here.
            route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>")


@pytest.fixture
def outside_requests(live_server):
    return OutsideRequests(live_server.url)


@pytest.fixture
def page(browser, live_server, outside_requests, request):
    viewport = getattr(request, "param", None) or {"width": 1280, "height": 900}
    # bypass_csp lets the test inject axe-core; the app's own policy is checked in tests/web.
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, bypass_csp=True, reduced_motion="reduce"
    )
    context.set_default_timeout(10_000)
    context.route("**/*", outside_requests.handle)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    yield page
    context.close()
    assert errors == [], f"browser errors: {errors}"


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def axe_violations(page):
    """Accessibility problems of impact serious or critical on the current page, as readable lines."""
    if not AXE.exists():
        _missing(f"axe-core not found at {AXE}; run 'npm ci' (make test does).")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.fixture
def shoot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name, accessible=True):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        if accessible:
            assert axe_violations(page) == [], f"accessibility problems on {name}"
        return path

    return take
