import datetime as dt

import pytest
from django.urls import reverse

from secondchance.journey import models as m

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def afternoon(monkeypatch):
    # The late-night finding follows the clock: these tests pin it to the afternoon unless they move it.
    monkeypatch.setenv("SECONDCHANCE_NOW", "14:00")

WARM = "Hi Sam, how did the move go? A coffee sometime, if you're up for it."
PUSHY = "I miss you. I love you. Answer me tonight."


def test_the_page_opens_with_an_empty_feedback_box(alice_client):
    page = alice_client.get(reverse("coach")).content.decode()
    assert "Check a message" in page and "Start typing" in page


def test_checking_shows_the_verdict_marks_and_suggestions(alice_client):
    page = alice_client.post(reverse("coach"), {"kind": "reply", "text": PUSHY, "action": "check"}).content.decode()
    assert "Worth another look" in page
    assert '<mark class="sev-warn">Answer me tonight.<sup>' in page
    assert "Let them reply in their own time, or not at all." in page
    assert not m.Draft.objects.exists()


def test_live_feedback_answers_htmx_with_just_the_report(alice_client):
    response = alice_client.post(reverse("coach_check"), {"kind": "reply", "text": WARM}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="coach-report"')
    assert "Looks kind and clear." in page


def test_outreach_is_marked_dont_send_while_the_plan_has_it_locked(alice_client):
    page = alice_client.post(reverse("coach"), {"kind": "outreach", "text": WARM, "action": "check"}).content.decode()
    assert "Please don&#x27;t send this." in page or "Please don't send this." in page
    assert "Your plan has reaching out locked right now." in page


def test_a_recorded_no_locks_every_kind_but_a_reply_they_started(alice_client, alice, monkeypatch):
    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-03-01")
    m.Event.objects.create(owner=alice, date=dt.date(2026, 2, 1), kind="said_no")
    for kind in ("outreach", "opening", "reply"):
        page = alice_client.post(reverse("coach"), {"kind": kind, "text": WARM, "action": "check"}).content.decode()
        assert "Your plan has reaching out locked right now." in page, kind
    m.Event.objects.create(owner=alice, date=dt.date(2026, 2, 10), kind="they_reached_out")
    page = alice_client.post(reverse("coach"), {"kind": "reply", "text": WARM, "action": "check"}).content.decode()
    assert "Your plan has reaching out locked right now." not in page


def test_saving_keeps_the_draft_for_its_owner_only(alice_client, alice, bob):
    response = alice_client.post(reverse("coach"), {"kind": "auto", "text": WARM, "action": "save"})
    draft = m.Draft.objects.owned_by(alice).get()
    assert response.url == f"{reverse('coach')}?draft={draft.pk}"
    page = alice_client.get(response.url).content.decode()
    assert "how did the move go" in page and "Score " in page
    bobs = m.Draft.objects.create(owner=bob, text="Bob's words")
    assert alice_client.get(reverse("coach"), {"draft": bobs.pk}).status_code == 404
    assert alice_client.post(reverse("delete_draft", args=[bobs.pk])).status_code == 404
    alice_client.post(reverse("delete_draft", args=[draft.pk]))
    assert not m.Draft.objects.owned_by(alice).exists()


def test_sleep_on_it_is_offered_late_and_sets_the_draft_aside_until_morning(alice_client, alice, monkeypatch):
    monkeypatch.setenv("SECONDCHANCE_NOW", "14:00")
    assert 'value="sleep"' not in alice_client.get(reverse("coach")).content.decode()
    monkeypatch.setenv("SECONDCHANCE_NOW", "23:40")
    assert 'value="sleep"' in alice_client.get(reverse("coach")).content.decode()
    alice_client.post(reverse("coach"), {"kind": "outreach", "text": PUSHY, "action": "sleep"})
    draft = m.Draft.objects.owned_by(alice).get()
    local = draft.set_aside_until.astimezone(dt.timezone.utc)
    assert draft.set_aside_until.hour in (7, 8) or local.hour in (7, 8)


def test_a_threat_in_a_saved_draft_is_recorded_and_leads_to_safety(alice_client, alice):
    response = alice_client.post(reverse("coach"), {"kind": "outreach", "text": "I'll make you pay for this.", "action": "save"})
    assert response.url == reverse("safety")
    assert m.Event.objects.owned_by(alice).get(kind="red_flag").note == "threat"
    assert m.Draft.objects.owned_by(alice).count() == 1


def test_self_harm_in_a_draft_shows_crisis_lines_at_once(alice_client):
    page = alice_client.post(reverse("coach"), {"kind": "outreach", "text": "I don't want to live without you.", "action": "check"}).content.decode()
    assert "116 123" in page


@pytest.mark.parametrize(("data", "message"), [({"kind": "outreach", "text": ""}, "This field is required"),
                                                ({"kind": "letter", "text": "hi"}, "Select a valid choice"),
                                                ({"kind": "outreach", "text": "x" * 2001}, "at most 2000 characters")])
def test_bad_input_is_explained_and_nothing_is_saved(alice_client, data, message):
    page = alice_client.post(reverse("coach"), {**data, "action": "save"}).content.decode()
    assert message in page
    assert not m.Draft.objects.exists()


def test_sleep_on_it_shows_the_morning_in_the_persons_own_time_zone(alice_client, alice, monkeypatch):
    from secondchance.accounts.models import Profile

    profile = Profile.for_user(alice)
    profile.time_zone = "Pacific/Auckland"  # 11 to 13 hours ahead of UTC: 08:00 there is never 08:00 UTC
    profile.save()
    monkeypatch.setenv("SECONDCHANCE_NOW", "23:40")
    response = alice_client.post(reverse("coach"), {"kind": "outreach", "text": PUSHY, "action": "sleep"}, follow=True)
    page = response.content.decode()
    assert "Set aside until 08:00." in page
    assert "set aside until 08:00" in page and "set aside until 19:00" not in page and "set aside until 20:00" not in page
    assert "You set this draft aside until 08:00." in page


def test_a_dont_send_draft_tells_the_copy_button_to_ask_first(alice_client):
    report = alice_client.post(reverse("coach_check"), {"kind": "reply", "text": "I'll make you pay for this."}).content.decode()
    assert 'data-verdict="dont_send"' in report
    calm = alice_client.post(reverse("coach_check"), {"kind": "reply", "text": WARM}).content.decode()
    assert 'data-verdict="send"' in calm
