"""Two people walk the whole program in Chromium: one to Together Again, one to Move On.

"Today" is moved with SECONDCHANCE_TODAY (honoured only in tests and DEBUG), so
the walk crosses months in a minute. Every page is photographed into
test-results/screenshots/ and checked with axe-core.
"""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from secondchance.journey.records import RECORD_KINDS
from secondchance.program.readiness import STEPS

from ..program.answers import READY
from .test_first_check import answer_step, sign_up

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BREAKUP = dt.date(2026, 1, 1)


def on_day(monkeypatch, n):
    """Move today to n days after the breakup."""
    monkeypatch.setenv("SECONDCHANCE_TODAY", (BREAKUP + dt.timedelta(days=n)).isoformat())
    return (BREAKUP + dt.timedelta(days=n)).isoformat()


def take_check(page, answers=READY):
    page.goto("/check/")
    page.get_by_role("button", name=re.compile("Start the check")).click()
    for step in STEPS:
        answer_step(page, answers, step)


def open_stage(page, stage_id, heading):
    page.goto(f"/program/{stage_id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def record(page, slug, fields, choose=None, check=None, radios=None):
    """Fill and save the form that adds a record of this kind, as a person would."""
    form = page.locator(f"form[action='/records/{slug}/add/']")
    if not form.count():
        # A stage shown one part at a time: go to this record's part, as a person would.
        page.locator(".parts a", has_text=RECORD_KINDS[slug].label).click()
    if not form.is_visible():
        form.locator("xpath=ancestor::details/summary").click()
    for label, value in fields.items():
        form.get_by_label(label, exact=True).fill(value)
    for label, option in (choose or {}).items():
        form.get_by_label(label, exact=True).select_option(option)
    for label in check or ():
        form.get_by_label(label, exact=True).check()
    for name, value in (radios or {}).items():
        form.locator(f"input[name='{name}'][value='{value}']").check()
    save(page, form)


def save(page, form):
    """Submit and wait for this save's own message (htmx swaps the page's main part in place)."""
    page.evaluate("document.querySelectorAll('.messages').forEach(box => box.remove())")
    form.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("Saved")


def expect_next(page, text):
    expect(page.get_by_role("heading", name=re.compile("^Next step: " + re.escape(text)))).to_be_visible()


def test_one_person_walks_every_stage_to_together_again(page, shoot, monkeypatch):
    on_day(monkeypatch, 2)
    sign_up(page, username="jordan")
    take_check(page)
    expect(page.get_by_role("heading", name="You can begin, slowly")).to_be_visible()
    page.goto("/")
    expect_next(page, "Write down when and how it ended")
    shoot("walk-01-today-start")

    open_stage(page, "understand", "Understand the breakup")
    record(page, "breakup", {"Date": "2026-01-01", "Reasons given": "We kept talking past each other."},
           choose={"Who ended it, and how": "them_impulsive"}, check=["Communication problems", "Too little attention or time together"])
    record(page, "mistake", {"What": "I went quiet in arguments", "Remedy": "Say when I need a break, and pick the talk up again within the hour"})
    page.get_by_role("link", name="Next part: your relationship").click()
    page.get_by_label("Lived together").check()
    save(page, page.locator("form[action='/records/relationship/add/']"))
    expect(page.get_by_text("Communication problems: usually fixable")).to_be_visible()
    shoot("walk-02-understand")

    on_day(monkeypatch, 10)
    page.goto("/")
    expect(page.get_by_text("Reaching out opens on 31 January: 20 days to go.")).to_be_visible()
    shoot("walk-03-today-no-contact")
    open_stage(page, "no_contact", "Space")
    expect(page.get_by_role("heading", name="Day 10 of 30")).to_be_visible()
    record(page, "slip", {"What": "Liked a photo", "Trigger": "Scrolling late at night"})
    expect(page.get_by_role("heading", name="Day 10 of 37")).to_be_visible()
    shoot("walk-04-no-contact")

    page.get_by_role("link", name="Urge to reach out?", exact=True).click()
    expect(page.get_by_role("heading", name="Before you reach out")).to_be_visible()
    shoot("walk-05-urge")
    page.get_by_label("How strong is the urge, from 1 to 10?").fill("7")
    page.get_by_label("I held on").check()
    page.get_by_role("button", name="Record this moment").click()
    expect(page.get_by_text("You held on.")).to_be_visible()

    open_stage(page, "self_work", "Work on yourself")
    record(page, "goal", {"Title": "Walk every morning"}, choose={"Area": "health"})
    record(page, "goal-checkin", {"Progress": "60"}, choose={"Goal": "Walk every morning"})
    shoot("walk-06-self-work")

    on_day(monkeypatch, 38)
    open_stage(page, "interest", "Their interest")
    expect(page.get_by_text("Nothing noticed yet.")).to_be_visible()
    record(page, "signal", {}, choose={"What did you notice?": "brings_up_memories"})
    expect(page.get_by_text("One sign is not a pattern yet.").first).to_be_visible()
    on_day(monkeypatch, 40)
    open_stage(page, "interest", "Their interest")
    record(page, "signal", {}, choose={"What did you notice?": "asks_friends_about_you"})
    expect(page.get_by_role("strong").filter(has_text="Some warm signs")).to_be_visible()
    shoot("walk-07-interest")

    open_stage(page, "reach_out", "Reach out")
    expect(page.get_by_text("A light touch on social media (you are here)")).to_be_visible()
    for day, channel in ((41, "social_media"), (44, "text"), (48, "call"), (52, "video")):
        on_day(monkeypatch, day)
        page.reload()
        record(page, "contact", {}, choose={"Channel": channel, "Response": "warm"})
    expect(page.get_by_text("Meeting in person (you are here)")).to_be_visible()
    shoot("walk-08-reach-out")

    on_day(monkeypatch, 58)
    open_stage(page, "reconnect", "Reconnect as friends")
    record(page, "hangout", {"Kind": "Coffee in town"}, choose={"Felt": "good"})
    on_day(monkeypatch, 65)
    page.reload()
    record(page, "hangout", {"Kind": "Mini-golf"}, choose={"Felt": "good"})
    shoot("walk-09-reconnect")

    on_day(monkeypatch, 70)
    open_stage(page, "conversation", "The honest conversation")
    record(page, "prep", {
        "Opening line": "Thank you for meeting me. I'd like to hear how you've been first.",
        "Regret": "I'm sorry I shut you out when we argued.",
        "Responsibility": "That was my doing, and it left you alone.",
        "Remedy": "I'm learning to say when I need a break and to come back.",
    })
    shoot("walk-10-conversation")
    record(page, "conversation", {}, choose={"Outcome": "yes"})

    page.goto("/")
    expect_next(page, "Answer the safety questions again")
    take_check(page)
    open_stage(page, "trial", "Trial period")
    record(page, "trial-plan", {"Agreements": "A night out every week\nSay it early when something bothers us",
                                "Disagreement plan": "Either of us can say 'pause, hear me' and we stop to listen."})
    scores = {"disagreements_resolved": "4", "changes_kept": "4", "feels_considered": "4", "intimacy": "4", "past_left_behind": "4"}
    for week in range(7):
        on_day(monkeypatch, 77 + 14 * week)
        page.reload()
        record(page, "trial-checkin", {}, radios=scores)
    expect(page.get_by_role("table")).to_contain_text("Small disagreements got resolved calmly")
    shoot("walk-11-trial")

    on_day(monkeypatch, 170)
    page.goto("/")
    expect(page.get_by_text("Where you are: Counselling")).to_be_visible()
    open_stage(page, "counselling", "Counselling")
    expect(page.get_by_role("listitem").filter(has_text=re.compile(r"^You lived together\.$"))).to_be_visible()
    shoot("walk-12-counselling")
    record(page, "event", {}, choose={"Kind": "counselling_started"})

    page.goto("/")
    expect(page.get_by_text("Where you are: Together again")).to_be_visible()
    shoot("walk-13-today-together")
    open_stage(page, "together", "Together again")
    shoot("walk-14-together")
    page.goto("/program/")
    expect(page.locator(".map-done")).to_have_count(10)
    shoot("walk-15-program-map")

    page.goto("/journal/")
    page.get_by_label("What's on your mind?").fill("A good week. We laughed a lot.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("A good week. We laughed a lot.")).to_be_visible()
    shoot("walk-16-journal")


def test_another_person_hears_no_and_moves_on(page, shoot, monkeypatch):
    on_day(monkeypatch, 3)
    sign_up(page, username="sam")
    take_check(page)
    open_stage(page, "understand", "Understand the breakup")
    record(page, "breakup", {"Date": "2026-01-01"}, choose={"Who ended it, and how": "them_considered"}, check=["Jealousy"])
    record(page, "mistake", {"What": "I checked their phone", "Remedy": "Talk about my worries instead"})

    on_day(monkeypatch, 30)
    open_stage(page, "interest", "Their interest")
    record(page, "event", {"Note": "They told me they don't want to try again."}, choose={"Kind": "said_no"})
    page.goto("/")
    expect(page.get_by_text("Where you are: Move on")).to_be_visible()
    shoot("moveon-01-today")
    open_stage(page, "reach_out", "Reach out")
    expect(page.get_by_role("heading", name="Reaching out is locked for now")).to_be_visible()
    expect(page.locator("form[action='/records/contact/add/']")).to_have_count(0)
    shoot("moveon-02-reach-out-locked")

    page.get_by_role("link", name="Check a message").click()
    page.wait_for_load_state("load")  # htmx listens once the page has loaded
    page.get_by_label("What kind of message is it?").select_option("outreach")
    page.get_by_label("Your draft", exact=True).fill("Hi, how are you? Coffee sometime?")
    expect(page.get_by_text("Your plan has reaching out locked right now.")).to_be_visible()
    expect(page.get_by_text("Please don't send this.")).to_be_visible()
    shoot("moveon-03-coach-locked")

    open_stage(page, "move_on", "Move on")
    expect(page.get_by_role("button", name="Start a 15-minute timer")).to_be_visible()
    for day in (31, 32, 33):
        on_day(monkeypatch, day)
        page.reload()
        record(page, "writing", {"Minutes": "20"}, choose={"How did that feel?": "better"})
    expect(page.get_by_text("3 of 3 days done.")).to_be_visible()
    shoot("moveon-04-writing-done")
