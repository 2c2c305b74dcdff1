"""Sam's and Alex's paths, in a real browser.

Sam was left 10 days ago and wants them back now: the check says "not yet", and
every page leads to what is open now, never toward contact. Alex is 45 days on
from a mutual breakup and has done the work: the space is behind them, and Today
says what fits where they are.
"""

import re

import pytest
from playwright.sync_api import expect

from ..program.answers import READY
from .test_whole_journey import on_day, open_stage, record, save, take_check
from .test_first_check import sign_up

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_sam_is_led_to_what_is_open_now(page, shoot, monkeypatch):
    on_day(monkeypatch, 10)
    sign_up(page, username="sam")
    take_check(page, {**READY, "something_changed": "no", "self_care": "no", "patient": "no"})
    expect(page.get_by_role("heading", name="Not yet: look after yourself first")).to_be_visible()
    page.get_by_role("link", name="Go to Today").click()
    expect(page.get_by_role("link", name="Open Work on yourself")).to_be_visible()
    expect(page.get_by_role("button", name="Take the check again")).to_have_count(0)
    expect(page.get_by_text("Your check opens again on")).to_be_visible()
    expect(page.get_by_text("days to go")).to_have_count(0)
    shoot("sam-01-today-not-yet")

    page.goto("/program/")
    for stage in ("Space", "Work on yourself"):
        expect(page.locator("li", has_text=stage).filter(has_text="Open to you now").first).to_be_visible()
    expect(page.locator("li", has_text="Reach out").filter(has_text="Open to you now")).to_have_count(0)

    open_stage(page, "understand", "Understand the breakup")
    record(page, "breakup", {"Date": "2026-01-01"}, choose={"Who ended it, and how": "them_considered"})
    page.goto("/program/reach_out/")
    expect(page.get_by_role("button", name="Save")).to_have_count(0)
    shoot("sam-02-reach-out-waits")

    # Then they get in touch: a calm reply opens, drafted in the coach.
    page.goto("/")
    page.get_by_role("link", name="They reached out to me").click()
    page.get_by_label("What did they say? (optional)").fill("hey, hope you're doing ok")
    page.get_by_role("button", name="Save and see what fits now").click()
    expect(page.get_by_text("one calm, short reply")).to_be_visible()
    page.get_by_role("link", name="Draft a reply in the coach").click()
    expect(page.get_by_label("What kind of message is it?")).to_have_value("reply")
    page.get_by_label("Your draft", exact=True).fill("Hi, thanks for checking in. I'm doing okay. Hope things are good with you.")
    page.get_by_role("button", name="Check it").click()
    expect(page.locator("#coach-report")).to_be_visible()
    shoot("sam-03-reply-drafted")


def test_alex_sees_what_fits_after_the_space_is_done(page, shoot, monkeypatch):
    on_day(monkeypatch, 45)
    sign_up(page, username="alex")
    take_check(page)
    expect(page.get_by_role("heading", name="You can begin, slowly")).to_be_visible()
    open_stage(page, "understand", "Understand the breakup")
    record(page, "breakup", {"Date": "2026-01-01", "What went wrong": "We stopped making time for each other."},
           choose={"Who ended it, and how": "mutual"}, check=["Too little attention or time together"])
    record(page, "mistake", {"What": "I worked every weekend", "Remedy": "Weekends are for people now"})
    page.get_by_role("link", name="Next part: your relationship").click()
    save(page, page.locator("form[action='/records/relationship/add/']"))
    page.goto("/")
    expect(page.get_by_text("Where you are: Work on yourself")).to_be_visible()
    expect(page.get_by_text("Your 30 days of space are done: 45 days so far.")).to_be_visible()
    expect(page.get_by_text("Day 45 of your 30-day target")).to_have_count(0)
    shoot("alex-01-today")

    title = page.locator("#step-title").inner_text()
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.get_by_role("heading", name="Today's step is done")).to_be_visible()
    expect(page.get_by_text(title, exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile("^Tomorrow: "))).to_be_visible()
    shoot("alex-01b-step-done")

    open_stage(page, "self_work", "Work on yourself")
    record(page, "goal", {"Title": "Climb with Priya on Thursdays"}, choose={"Area": "social"})
    record(page, "goal-checkin", {"Progress": "50"}, choose={"Goal": "Climb with Priya on Thursdays"})
    page.goto("/")
    expect(page.get_by_text("Where you are: Their interest")).to_be_visible()
    expect(page.get_by_text("days to go")).to_have_count(0)
    shoot("alex-02-today-interest")
