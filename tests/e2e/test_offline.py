"""On the home screen: the app installs (manifest, service worker), and Safety and the urge tool open offline."""

import pytest
from playwright.sync_api import expect

from .test_first_check import sign_up

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_safety_and_the_urge_tool_open_offline_once_seen(page, shoot):
    sign_up(page, username="lee")
    assert page.locator("link[rel=manifest]").get_attribute("href") == "/manifest.webmanifest"
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active.scriptURL)").endswith("/sw.js")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    for url in ("/safety/", "/urge/"):
        page.goto(url)  # seen once with a connection: kept for offline

    page.context.set_offline(True)
    try:
        page.goto("/safety/")
        expect(page.get_by_role("heading", name="Safety and help")).to_be_visible()
        shoot("offline-safety")
        page.goto("/urge/")
        expect(page.get_by_role("heading", name="Before you reach out")).to_be_visible()
        page.goto("/journal/")
        expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    finally:
        page.context.set_offline(False)
