import re

import pytest
from playwright.sync_api import expect

from secondchance.program.readiness import STEPS

from ..program.answers import NO_RED_FLAGS, READY

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a calm long password 42"


def sign_up(page, username="robin", country="United Kingdom"):
    page.goto("/")
    page.get_by_role("link", name="Create your private account").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(f"{username}@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_label("Country").select_option(label=country)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Before you start")).to_be_visible()


def answer_step(page, answers, step):
    for question in step.questions:
        if question.id in answers:
            if question.free_text:
                page.get_by_label(question.prompt).fill(answers[question.id])
            else:
                page.locator(f"input[name='{question.id}'][value='{answers[question.id]}']").check()
    page.get_by_role("button", name=re.compile("^(Next|See my result)$")).click()


def test_sign_up_and_take_the_check_to_proceed(page, shoot):
    sign_up(page)
    shoot("01-check-start")
    page.get_by_role("button", name="Start the check").click()
    for number, step in enumerate(STEPS, start=1):
        expect(page.locator("#progress-label")).to_have_text(f"Step {number} of {len(STEPS)}")
        expect(page.get_by_role("heading", level=1)).to_have_text(step.title)
        if number == 1:
            shoot("02-check-first-step")
        answer_step(page, {**READY, "note": "I want to do this slowly."}, step)
    expect(page.get_by_role("heading", name="You can begin, slowly")).to_be_visible()
    expect(page.get_by_text("Something important has changed since the breakup.")).to_be_visible()
    shoot("03-result-proceed")
    page.get_by_role("link", name="Go to Today").click()
    expect(page.get_by_text("Where you are: Understand the breakup")).to_be_visible()
    expect(page.get_by_role("heading", name="Next step: Write down when and how it ended")).to_be_visible()
    shoot("04-today")


def test_missing_answer_shows_a_clear_error_and_keeps_the_others(page):
    sign_up(page)
    page.get_by_role("button", name="Start the check").click()
    page.locator("input[name='physical'][value='no']").check()
    page.get_by_role("button", name="Next").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please choose an answer.")
    expect(summary).to_be_focused()
    expect(page.locator("input[name='physical'][value='no']")).to_be_checked()


def test_leaving_and_coming_back_resumes_where_you_were(page):
    sign_up(page)
    page.get_by_role("button", name="Start the check").click()
    for step in STEPS[:4]:
        answer_step(page, READY, step)
    page.get_by_role("link", name="Today").first.click()
    page.get_by_role("link", name="Continue your check").click()
    expect(page.locator("#progress-label")).to_have_text(f"Step 5 of {len(STEPS)}")
    page.get_by_role("button", name="Back").click()
    expect(page.locator("input[name='miss_what'][value='person']")).to_be_checked()


def test_a_red_flag_lands_on_safety_and_hides_reconciliation(page, shoot):
    sign_up(page)
    page.get_by_role("button", name="Start the check").click()
    for step in STEPS[:3]:
        answer_step(page, {**NO_RED_FLAGS, "threat": "yes"}, step)
    expect(page.get_by_role("heading", name="Your safety comes first")).to_be_visible()
    expect(page.get_by_text("0808 2000 247")).to_be_visible()
    expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
    expect(page.get_by_role("link", name="Go to Today")).to_have_count(0)
    shoot("05-result-safety-first")
    page.get_by_role("link", name="Today").first.click()
    expect(page.get_by_role("heading", name="Right now: your safety")).to_be_visible()
    expect(page.get_by_text("Next step:")).to_have_count(0)


def test_quick_exit_by_button_leaves_and_replaces_history(page, outside_requests):
    page.goto("/safety/")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("https://www.bbc.co.uk/weather")
    assert outside_requests.seen == ["https://www.bbc.co.uk/weather"]
    page.go_back()
    assert "/safety/" not in page.url


def test_quick_exit_by_pressing_escape_twice(page):
    page.goto("/safety/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.bbc.co.uk/weather")


def test_skip_link_is_the_first_stop_for_the_keyboard(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()


def test_quick_exit_is_the_next_stop_after_the_skip_link(page):
    sign_up(page, username="jo")
    page.goto("/journal/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Quick exit")).to_be_focused()


@pytest.mark.parametrize("page", [{"width": 390, "height": 844}], indirect=True)
def test_phone_width_in_dark_mode(page, shoot):
    page.emulate_media(color_scheme="dark")
    sign_up(page, username="kit", country="Australia")
    page.get_by_role("button", name="Start the check").click()
    expect(page.get_by_role("heading", name="Your safety comes first")).to_be_visible()
    page.wait_for_load_state("load")  # the stylesheet, before reading computed styles
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(22, 24, 28)"
    shoot("06-phone-dark-check")


def test_mood_check_in_updates_in_place(page):
    sign_up(page, username="lee")
    page.goto("/")
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Save mood").click()
    expect(page.locator("#mood-section").get_by_role("status")).to_have_text("Saved. Last check-in: Good, just now.")
    assert page.url.endswith("/")


def test_crisis_words_in_the_journal_show_help_at_once_and_keep_the_entry(page, shoot):
    sign_up(page, username="noor")
    page.goto("/journal/")
    page.get_by_label("What's on your mind?").fill("Honestly I don't want to be alive anymore.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="You don't have to hold this alone")).to_be_visible()
    expect(page.get_by_role("link", name="116 123")).to_be_visible()
    expect(page.get_by_text("Honestly I don't want to be alive anymore.")).to_be_visible()
    shoot("journal-crisis")


def test_the_coach_gives_live_feedback_as_you_type(page, shoot):
    sign_up(page, username="ola")
    page.get_by_role("link", name="Check a message").click()
    page.wait_for_load_state("load")  # htmx listens once the page has loaded
    page.get_by_label("What kind of message is it?").select_option("apology")
    page.get_by_label("Your draft", exact=True).press_sequentially("I'm sorry I yelled, but you started it.", delay=5)
    report = page.locator("#coach-report")
    expect(report).to_contain_text("Worth another look")
    expect(report.locator("mark").first).to_contain_text("sorry I yelled, but")
    expect(report).to_contain_text("End the apology before the 'but'.")
    shoot("coach-live-feedback")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved. Nothing has been sent.")).to_be_visible()
