import pytest
from django.urls import reverse

from secondchance.journey.models import Assessment
from secondchance.program.readiness import NOTE_MAX_LENGTH, STEPS

from ..program.answers import NO_RED_FLAGS, READY
from .conftest import step_url

pytestmark = pytest.mark.django_db


def start_check(client):
    response = client.post(reverse("check_start"))
    assessment = Assessment.objects.latest("pk")
    assert response.url == step_url(assessment, STEPS[0].id)
    return assessment


def answer_steps(client, assessment, answers, steps=STEPS):
    response = None
    for step in steps:
        data = {q.id: answers[q.id] for q in step.questions if q.id in answers}
        response = client.post(step_url(assessment, step.id), {**data, "direction": "next"})
        assert response.status_code == 302, response.content.decode()[:2000]
    return response


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({}, "proceed"),
        ({"ex_closed_door": "yes"}, "move_on"),
        ({"miss_what": "routine"}, "not_yet"),
        ({"self_care": "no"}, "not_yet"),
    ],
)
def test_each_outcome_is_reached_from_the_browser_flow(alice_client, changes, outcome):
    assessment = start_check(alice_client)
    response = answer_steps(alice_client, assessment, {**READY, **changes, "note": "Feeling steadier."})
    assert response.url == reverse("check_result", kwargs={"pk": assessment.pk})
    assessment.refresh_from_db()
    assert assessment.outcome == outcome
    assert assessment.completed_at is not None
    assert assessment.answers["note"] == "Feeling steadier."


def test_a_red_flag_ends_the_check_after_the_safety_screen(alice_client):
    assessment = start_check(alice_client)
    safety_steps = [s for s in STEPS if s.is_safety_screen]
    response = answer_steps(alice_client, assessment, {**NO_RED_FLAGS, "control": "yes"}, safety_steps)
    assert response.url == reverse("check_result", kwargs={"pk": assessment.pk})
    assessment.refresh_from_db()
    assert assessment.outcome == "safety_first"

    page = alice_client.get(response.url).content.decode()
    assert "Your safety comes first" in page
    assert "0808 2000 247" in page  # Alice lives in the UK
    assert "Quick exit" in page
    assert "Understand the breakup" not in page
    assert "You can begin" not in page


def test_today_after_safety_first_offers_only_safety(alice_client):
    assessment = start_check(alice_client)
    answer_steps(alice_client, assessment, {**NO_RED_FLAGS, "physical": "yes"}, STEPS[:3])
    page = alice_client.get(reverse("today")).content.decode()
    assert "Right now: your safety" in page
    assert "Next step:" not in page


def test_crisis_answer_shows_crisis_lines_first(alice_client):
    assessment = start_check(alice_client)
    response = answer_steps(alice_client, assessment, {**NO_RED_FLAGS, "self_harm": "yes"}, STEPS[:3])
    page = alice_client.get(response.url).content.decode()
    assert page.index("Samaritans") < page.index("0808 2000 247")


def test_answers_are_saved_as_you_go_and_the_check_resumes(alice_client):
    assessment = start_check(alice_client)
    answer_steps(alice_client, assessment, READY, STEPS[:4])
    assessment.refresh_from_db()
    assert assessment.answers["miss_what"] == "person"
    assert not assessment.is_complete
    response = alice_client.get(reverse("check_resume", kwargs={"pk": assessment.pk}))
    assert response.url == step_url(assessment, STEPS[4].id)
    today = alice_client.get(reverse("today")).content.decode()
    assert "Continue your check" in today


def test_back_keeps_what_was_answered_and_shows_it_again(alice_client):
    assessment = start_check(alice_client)
    answer_steps(alice_client, assessment, READY, STEPS[:1])
    response = alice_client.post(step_url(assessment, STEPS[1].id), {"fear": "no", "direction": "back"})
    assert response.url == step_url(assessment, STEPS[0].id)
    assessment.refresh_from_db()
    assert assessment.answers["fear"] == "no"
    page = alice_client.get(step_url(assessment, STEPS[1].id))
    assert page.context["form"]["fear"].value() == "no"


def test_steps_cannot_be_skipped(alice_client):
    assessment = start_check(alice_client)
    response = alice_client.get(step_url(assessment, "reasons-both"))
    assert response.url == step_url(assessment, STEPS[0].id)
    response = alice_client.post(step_url(assessment, "reasons-both"), {"both_changed": "yes", "direction": "next"})
    assessment.refresh_from_db()
    assert assessment.answers == {}


def test_progress_is_shown(alice_client):
    assessment = start_check(alice_client)
    page = alice_client.get(step_url(assessment, STEPS[0].id)).content.decode()
    assert f"Step 1 of {len(STEPS)}" in page
    assert "<progress" in page


def test_missing_answers_get_a_clear_message_and_save_nothing(alice_client):
    assessment = start_check(alice_client)
    response = alice_client.post(step_url(assessment, STEPS[0].id), {"physical": "no", "direction": "next"})
    assert response.status_code == 200
    assert "Please choose an answer." in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.answers == {}


def test_tampered_values_get_a_clear_message_and_save_nothing(alice_client):
    assessment = start_check(alice_client)
    data = {"physical": "never-ever", "sexual": "no", "threat": "no", "direction": "next"}
    response = alice_client.post(step_url(assessment, STEPS[0].id), data)
    assert response.status_code == 200
    assert "isn&#x27;t one of the options" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.answers == {}


def test_extra_fields_are_ignored_not_stored(alice_client):
    assessment = start_check(alice_client)
    data = {"physical": "no", "sexual": "no", "threat": "no", "outcome": "proceed", "direction": "next"}
    alice_client.post(step_url(assessment, STEPS[0].id), data)
    assessment.refresh_from_db()
    assert assessment.answers == {"physical": "no", "sexual": "no", "threat": "no"}
    assert assessment.outcome == ""


def test_an_oversized_note_is_refused_and_loses_nothing(alice_client):
    assessment = start_check(alice_client)
    answer_steps(alice_client, assessment, READY, STEPS[:-1])
    too_long = "I keep thinking about it. " * 100
    assert len(too_long) > NOTE_MAX_LENGTH
    response = alice_client.post(step_url(assessment, "notes"), {"note": too_long, "direction": "next"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Please keep this to {NOTE_MAX_LENGTH} characters" in page
    assert "I keep thinking about it." in page  # what they wrote is still in the box
    assessment.refresh_from_db()
    assert "note" not in assessment.answers
    assert not assessment.is_complete
    assert assessment.answers["both_willing"] == "yes"


def test_retaking_keeps_the_history(alice_client, monkeypatch):
    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-03-01")
    first = start_check(alice_client)
    answer_steps(alice_client, first, {**READY, "patient": "no"})
    assert alice_client.post(reverse("check_start")).status_code == 409  # "not yet" waits a few weeks
    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-04-01")
    second = start_check(alice_client)
    answer_steps(alice_client, second, READY)
    outcomes = list(Assessment.objects.values_list("outcome", flat=True).order_by("pk"))
    assert outcomes == ["not_yet", "proceed"]
    history = alice_client.get(reverse("check_history")).content.decode()
    assert history.count("See result") == 2


def test_a_finished_check_is_read_only(alice_client):
    assessment = start_check(alice_client)
    answer_steps(alice_client, assessment, READY)
    response = alice_client.post(step_url(assessment, STEPS[0].id), {**NO_RED_FLAGS, "physical": "yes", "direction": "next"})
    assert response.url == reverse("check_result", kwargs={"pk": assessment.pk})
    assessment.refresh_from_db()
    assert assessment.answers["physical"] == "no"
    assert assessment.outcome == "proceed"


def test_unknown_step_is_not_found(alice_client):
    assessment = start_check(alice_client)
    assert alice_client.get(step_url(assessment, "no-such-step")).status_code == 404


def test_pages_need_sign_in(client):
    for name in ("check_start", "check_history"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
