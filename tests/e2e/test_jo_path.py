"""Jo's path, in a real browser: her ex grabs her arm and checks her phone.

The check sends her to Safety; help comes first; she writes her own safety plan;
"I'm safe for now" leads on to Move On and support; a later check cannot reopen
the way back to him.
"""

import pytest
from playwright.sync_api import expect

from secondchance.program.readiness import STEPS

from ..program.answers import NO_RED_FLAGS, READY
from .test_first_check import answer_step, sign_up

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_jo_is_never_led_back_toward_harm(page, shoot):
    sign_up(page, username="jo")
    page.get_by_role("button", name="Start the check").click()
    for step in [s for s in STEPS if s.is_safety_screen]:
        answer_step(page, {**NO_RED_FLAGS, "physical": "yes", "control": "yes"}, step)
    expect(page.get_by_role("heading", name="Your safety comes first")).to_be_visible()

    page.get_by_role("link", name="Safety & help").first.click()
    headings = page.locator("main h2").all_inner_texts()
    assert headings.index("Why you're seeing this") == len(headings) - 1, headings
    assert headings[0].startswith("People you can talk to"), headings
    expect(page.get_by_role("button", name="Something I wrote was picked up wrongly")).to_have_count(0)

    page.get_by_label("Places you could go").fill("My sister's flat on Ash Road")
    page.get_by_label("A code word").fill("pineapple")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_text("Your safety plan is saved.")).to_be_visible()
    expect(page.get_by_label("A code word")).to_have_value("pineapple")
    shoot("jo-01-safety-plan")

    page.get_by_role("button", name="I'm safe for now").click()
    expect(page.get_by_text("Where you are: Move on")).to_be_visible()
    expect(page.get_by_text("won't guide you back toward someone who did that")).to_be_visible()
    shoot("jo-02-today-after")

    page.get_by_role("link", name="Your safety plan and helplines").click()
    expect(page.get_by_role("heading", name="What you told us")).to_be_visible()
    page.get_by_role("link", name="Open it on its own to print").click()
    expect(page.get_by_text("My sister's flat on Ash Road")).to_be_visible()

    page.goto("/check/")
    page.get_by_role("button", name="Start the check").click()
    for step in STEPS:
        answer_step(page, READY, step)
    expect(page.get_by_role("heading", name="What you told us before still stands")).to_be_visible()
    expect(page.get_by_text("being hurt physically, being controlled")).to_be_visible()
    page.get_by_role("link", name="Go to Today").click()
    expect(page.get_by_text("Where you are: Move on")).to_be_visible()
