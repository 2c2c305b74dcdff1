"""Jo's path: help first on the Safety page, a red flag that stays a red flag, and her own safety plan."""

import pytest
from django.urls import reverse

from secondchance.journey import models as m

from ..program.answers import NO_RED_FLAGS, READY
from .test_check import answer_steps, start_check

pytestmark = pytest.mark.django_db


def _flag_told_in_the_check(client):
    """Jo answers yes to a red-flag question in her first check."""
    from secondchance.program.readiness import STEPS

    assessment = start_check(client)
    answer_steps(client, assessment, {**NO_RED_FLAGS, "physical": "yes", "control": "yes"}, [s for s in STEPS if s.is_safety_screen])


def test_help_comes_first_and_what_resolves_the_stage_comes_last(alice_client):
    _flag_told_in_the_check(alice_client)
    page = alice_client.get(reverse("safety")).content.decode()
    helplines, own_plan, devices, why = (page.index(marker) for marker in
                                         ('id="helplines-title"', 'id="safety-plan-title"', 'id="digital-title"', 'id="why-title"'))
    assert helplines < own_plan < devices < why
    assert "being hurt physically" in page and "being controlled" in page
    # She told us herself: there is nothing the app picked up wrongly.
    assert "picked up wrongly" not in page


def test_safe_now_leads_to_move_on_and_support_never_back_to_pursuit(alice_client, alice):
    _flag_told_in_the_check(alice_client)
    refused = alice_client.post(reverse("resolve_safety"), {"choice": "disputed"})
    assert refused.url == reverse("safety")
    assert not m.Event.objects.owned_by(alice).filter(kind__in=["safety_resolved", "detection_disputed"]).exists()

    alice_client.post(reverse("resolve_safety"), {"choice": "resolved"})
    today = alice_client.get(reverse("today")).content.decode()
    assert "Where you are: Move on" in today
    assert "won&#x27;t guide you back toward someone who did that" in today
    assert "Your safety plan and helplines" in today
    reach_out = alice_client.get(reverse("stage", args=["reach_out"])).content.decode()
    assert 'action="/records/contact/add/"' not in reach_out
    safety = alice_client.get(reverse("safety")).content.decode()
    assert "What you told us" in safety and "I&#x27;m safe for now" not in safety


def test_a_later_check_shows_the_earlier_harm_and_cannot_reopen_the_path(alice_client):
    _flag_told_in_the_check(alice_client)
    alice_client.post(reverse("resolve_safety"), {"choice": "resolved"})
    retake = start_check(alice_client)
    response = answer_steps(alice_client, retake, READY)
    result = alice_client.get(response.url).content.decode()
    assert "What you told us before still stands" in result
    assert "being hurt physically, being controlled" in result
    assert "You can begin" not in result
    assert "Where you are: Move on" in alice_client.get(reverse("today")).content.decode()


def test_only_words_picked_up_wrongly_restore_where_she_was(alice_client, alice):
    alice_client.post(reverse("add_record", args=["journal"]), {"text": "He threatened me again."})
    flag = m.Event.objects.owned_by(alice).get(kind="red_flag")
    assert flag.detected
    page = alice_client.get(reverse("safety")).content.decode()
    assert "Something I wrote was picked up wrongly" in page
    alice_client.post(reverse("resolve_safety"), {"choice": "disputed"})
    today = alice_client.get(reverse("today")).content.decode()
    assert "Where you are: Move on" not in today and "Right now: your safety" not in today


def test_a_detection_she_does_not_dispute_stays_a_red_flag(alice_client, alice):
    alice_client.post(reverse("add_record", args=["journal"]), {"text": "He threatened me again."})
    alice_client.post(reverse("resolve_safety"), {"choice": "resolved"})
    assert "Where you are: Move on" in alice_client.get(reverse("today")).content.decode()


def test_her_safety_plan_is_saved_privately_and_printable(alice_client, alice, client, bob):
    response = alice_client.post(reverse("save_safety_plan"), {
        "warning_signs": "He starts drinking early on Saturdays", "safe_places": "Priya's flat on Ash Road",
        "safe_people": "Priya, my sister", "what_to_take": "Passport, inhaler", "numbers": "Priya 07700 900123",
        "code_word": "pineapple",
    })
    assert response.url == reverse("safety") + "#safety-plan"
    saved = m.SafetyPlan.objects.owned_by(alice).get()
    assert saved.code_word == "pineapple"
    assert "Priya&#x27;s flat on Ash Road" in alice_client.get(reverse("safety")).content.decode()
    printable = alice_client.get(reverse("print_safety_plan")).content.decode()
    assert "He starts drinking early on Saturdays" in printable and "pineapple" in printable
    # Saving again changes the one plan, it never makes a second.
    alice_client.post(reverse("save_safety_plan"), {"code_word": "mango"})
    assert m.SafetyPlan.objects.owned_by(alice).get().code_word == "mango"
    # Nobody else sees it, and nothing in it was read as a red flag.
    assert not m.Event.objects.owned_by(alice).filter(kind="red_flag").exists()
    client.force_login(bob)
    assert "mango" not in client.get(reverse("print_safety_plan")).content.decode()
    assert "mango" not in client.get(reverse("safety")).content.decode()


def test_an_oversized_plan_is_refused_with_a_clear_message_and_changes_nothing(alice_client, alice):
    alice_client.post(reverse("save_safety_plan"), {"code_word": "pineapple"})
    response = alice_client.post(reverse("save_safety_plan"), {"code_word": "x" * 300, "numbers": "Priya"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Something needs another look" in page and "A code word" in page
    assert m.SafetyPlan.objects.owned_by(alice).get().code_word == "pineapple"


def test_discreet_mode_shows_her_plan_first(alice_client, alice):
    from secondchance.accounts.models import Profile

    Profile.objects.filter(owner=alice).update(discreet_mode=True)
    page = alice_client.get(reverse("safety")).content.decode()
    assert "<title>Notes</title>" in page
    assert page.index('id="safety-plan-title"') < page.index('id="helplines-title"')


def test_without_an_account_the_page_still_helps(client):
    page = client.get(reverse("safety")).content.decode()
    assert 'id="helplines-title"' in page and "A safety plan" in page
    assert 'action="/safety/plan/"' not in page
