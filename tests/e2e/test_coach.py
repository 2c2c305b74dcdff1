"""The coach in a real browser: a calm draft and a desperate one, a crisis, and the copy button.

The drafts here were written for these tests; none is in the coach corpus or its blind set.
"""

import re

import pytest
from playwright.sync_api import expect

from .test_first_check import sign_up

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CALM = "Thanks for sorting the vet bill for Pepper, that was kind of you. Hope the new job is going well."
DESPERATE = ("please please just talk to me. i'm begging you, i'll do anything. "
             "you can't just ignore me after everything i did for you")
CRISIS = "if you dont come back i honestly dont see the point in being here anymore"


@pytest.fixture(autouse=True)
def afternoon(monkeypatch):
    # The live server runs in this process: pin its clock, so no "it's late" finding joins in.
    monkeypatch.setenv("SECONDCHANCE_NOW", "14:00")


def open_coach(page, username):
    sign_up(page, username=username)
    page.get_by_role("link", name="Check a message").click()
    page.wait_for_load_state("load")


def score_after_typing(page, text):
    draft = page.get_by_label("Your draft", exact=True)
    draft.fill("")
    draft.press_sequentially(text, delay=1)
    report = page.locator("#coach-report")
    expect(report).to_contain_text("Score")
    expect(report).to_have_attribute("data-verdict", re.compile("."))
    page.wait_for_timeout(1200)  # the live check waits for a pause in typing; let the last one land
    return int(re.search(r"Score (\d+) of 100", report.inner_text()).group(1))


def test_a_calm_reply_scores_clearly_higher_than_a_desperate_one(page, shoot):
    open_coach(page, "noor")
    page.get_by_label("What kind of message is it?").select_option("reply")
    calm = score_after_typing(page, CALM)
    expect(page.locator("#coach-report")).to_contain_text("Looks kind and clear.")
    desperate = score_after_typing(page, DESPERATE)
    report = page.locator("#coach-report")
    expect(report).to_contain_text("Pleading puts all the weight on them")
    expect(report).to_contain_text("You could write:")
    assert calm >= 85 and desperate <= 50, (calm, desperate)
    shoot("coach-desperate-reply")


def test_a_crisis_draft_shows_help_and_no_polishing_tips(page, shoot):
    open_coach(page, "ari")
    page.get_by_label("What kind of message is it?").select_option("reply")
    score_after_typing(page, CRISIS)
    report = page.locator("#coach-report")
    expect(report).to_contain_text("116 123")
    expect(report).to_contain_text("Please don't send this.")
    text = report.inner_text().lower()
    assert "coffee" not in text and "open question" not in text and "offer" not in text
    shoot("coach-crisis-only-help")


def test_copying_a_dont_send_draft_asks_for_a_second_thought(page, live_server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    open_coach(page, "kit")
    page.get_by_label("What kind of message is it?").select_option("reply")
    score_after_typing(page, "You'll regret this. Everyone will know what you did.")
    copy = page.get_by_role("button", name="Copy text")
    copy.click()
    expect(page.locator("#copy-note")).to_contain_text("shouldn't be sent")
    expect(page.get_by_role("button", name="Copy anyway")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == ""
    page.get_by_role("button", name="Copy anyway").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").startswith("You'll regret this.")
