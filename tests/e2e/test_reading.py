"""What people really write, in a real browser: indirect crisis and red-flag language is noticed.

The phrasings here were written for these tests; none is in the training corpus or the blind set.
"""

import pytest
from playwright.sync_api import expect

from .test_first_check import sign_up

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GOODBYE = ("Sorted the flat out today and left a note for Jess about the plants. "
           "I've made my peace with it. They'll manage fine once I'm not here to drag everyone down.")
HIDDEN_MARKS = ("Wore the polo neck to work again so nobody clocks the marks from Saturday. "
                "He says he only did it because I wouldn't let it go, and honestly I probably deserved it.")


def test_an_indirect_goodbye_in_the_journal_shows_crisis_lines_at_once(page, shoot):
    sign_up(page, username="mo")
    page.goto("/journal/")
    page.get_by_label("What's on your mind?").fill(GOODBYE)
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="You don't have to hold this alone")).to_be_visible()
    expect(page.get_by_role("link", name="116 123")).to_be_visible()
    expect(page.get_by_text("left a note for Jess")).to_be_visible()
    shoot("reading-journal-goodbye")


def test_covered_up_marks_lead_to_the_safety_page_with_the_sentence(page, shoot):
    sign_up(page, username="rae")
    page.goto("/journal/")
    page.get_by_label("What's on your mind?").fill(HIDDEN_MARKS)
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="Safety and help")).to_be_visible()
    why = page.get_by_role("region", name="Why you're seeing this")
    expect(why).to_contain_text("marks from Saturday")
    shoot("reading-safety-marks")


def test_a_desperate_draft_in_the_coach_shows_crisis_lines(page, shoot):
    sign_up(page, username="ash")
    page.get_by_role("link", name="Check a message").click()
    page.wait_for_load_state("load")
    page.get_by_label("Your draft", exact=True).press_sequentially(
        "if you dont come back i honestly dont see the point in being here anymore", delay=2)
    report = page.locator("#coach-report")
    expect(report).to_contain_text("116 123")
    shoot("reading-coach-crisis")
