import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from secondchance.journey import forms
from secondchance.journey import models as m
from secondchance.journey.records import RECORD_KINDS, STAGE_RECORDS

pytestmark = pytest.mark.django_db

STAGE_IDS = sorted(STAGE_RECORDS)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-03-01")
    return dt.date(2026, 3, 1)


@pytest.mark.parametrize("stage_id", STAGE_IDS)
def test_every_stage_page_opens_for_a_new_person(alice_client, stage_id):
    response = alice_client.get(reverse("stage", args=[stage_id]))
    assert response.status_code == 200
    assert "<h1>" in response.content.decode()


def test_program_map_shows_every_stage_and_where_you_are(alice_client):
    page = alice_client.get(reverse("program")).content.decode()
    for title in ("Before you start", "Understand the breakup", "Trial period", "Together again", "Move on", "Safety"):
        assert title in page
    assert 'aria-current="step"' in page


def test_unknown_stage_is_not_found(alice_client):
    assert alice_client.get(reverse("stage", args=["nowhere"])).status_code == 404
    assert alice_client.post(reverse("add_record", args=["nothing"])).status_code == 404


VALID = {
    "breakup": {"date": "2026-01-01", "ended_by": "them_impulsive", "causes": ["communication"], "reasons_given": "We drifted."},
    "mistake": {"what": "I went quiet in arguments", "remedy": "Say when I need a break"},
    "slip": {"date": "2026-01-10", "what": "Sent a text", "trigger": "Wine"},
    "goal": {"area": "health", "title": "Walk daily"},
    "signal": {"date": "2026-02-01", "kind": "brings_up_memories"},
    "event": {"date": "2026-02-02", "kind": "they_reached_out"},
    "concern": {"date": "2026-02-06", "who": "My sister", "topic": "jealousy"},
    "writing": {"date": "2026-02-07", "minutes": "20", "felt": "better"},
    "journal": {"text": "A calmer day today."},
    "mood": {"mood": "4"},
}


@pytest.mark.parametrize("slug", sorted(VALID))
def test_each_record_saves_for_its_owner(alice_client, alice, slug):
    kind = RECORD_KINDS[slug]
    response = alice_client.post(reverse("add_record", args=[slug]), VALID[slug])
    assert response.status_code == 302, response.content.decode()[:3000]
    assert kind.model.objects.owned_by(alice).count() == 1


def test_a_goal_check_in_only_takes_your_own_goals(alice_client, alice, bob):
    bobs_goal = m.Goal.objects.create(owner=bob, area="health", title="Bob's")
    response = alice_client.post(reverse("add_record", args=["goal-checkin"]), {"goal": bobs_goal.pk, "date": "2026-02-01", "progress": "50"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not m.GoalCheckIn.objects.exists()


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    [
        ("slip", {"date": "not a date", "what": "x"}, "Enter a valid date"),
        ("slip", {"date": "2026-01-10", "what": "x" * 201}, "at most 200 characters"),
        ("journal", {"text": "x" * 2001}, "at most 2000 characters"),
        ("journal", {"text": ""}, "This field is required"),
        ("goal", {"area": "astrology", "title": "x"}, "Select a valid choice"),
        ("signal", {"date": "2026-02-01", "kind": "other"}, "Describe what you noticed"),
        ("mood", {"mood": "9"}, "one of the options"),
    ],
)
def test_bad_input_says_why_keeps_the_text_and_saves_nothing(alice_client, alice, slug, data, message):
    response = alice_client.post(reverse("add_record", args=[slug]), data)
    kind = RECORD_KINDS[slug]
    assert kind.model.objects.owned_by(alice).count() == 0
    if response.status_code == 302:  # the mood form lives on Today: the message travels with the redirect
        response = alice_client.get(response.url)
    page = response.content.decode()
    assert message in page
    for value in data.values():
        if len(value) > 20:
            assert value[:20] in page


def test_a_red_flag_in_writing_records_it_and_opens_the_safety_page(alice_client, alice, today):
    response = alice_client.post(reverse("add_record", args=["journal"]), {"text": "Last night he grabbed me by the arm."})
    assert response.url == reverse("safety")
    assert m.JournalEntry.objects.owned_by(alice).count() == 1
    flag = m.Event.objects.owned_by(alice).get(kind="red_flag")
    assert flag.note == "physical" and "grabbed me by" in flag.detail
    safety = alice_client.get(reverse("safety")).content.decode()
    assert "Why you're seeing this" in safety and "grabbed me by" in safety
    today_page = alice_client.get(reverse("today")).content.decode()
    assert "Right now: your safety" in today_page
    stage = alice_client.get(reverse("stage", args=["reach_out"])).content.decode()
    assert "Paused while your safety comes first" in stage
    assert 'action="/records/contact/add/"' not in stage


def test_crisis_language_shows_crisis_lines_on_the_same_response_and_saves(alice_client, alice):
    response = alice_client.post(reverse("add_record", args=["journal"]), {"text": "I can't go on like this."})
    assert response.status_code == 200
    page = response.content.decode()
    assert "You don't have to hold this alone" in page
    assert "116 123" in page  # Samaritans, for Alice in the UK
    assert "Saved." in page
    assert m.JournalEntry.objects.owned_by(alice).get().text == "I can't go on like this."


def test_safety_is_left_only_on_purpose_and_history_is_kept(alice_client, alice, today):
    alice_client.post(reverse("add_record", args=["journal"]), {"text": "He threatened me again."})
    assert alice_client.post(reverse("resolve_safety"), {}).url == reverse("safety")
    assert not m.Event.objects.filter(kind="safety_resolved").exists()
    alice_client.post(reverse("resolve_safety"), {"choice": "disputed"})
    kinds = list(m.Event.objects.owned_by(alice).order_by("pk").values_list("kind", flat=True))
    assert kinds == ["red_flag", "detection_disputed", "safety_resolved"]
    assert "Right now: your safety" not in alice_client.get(reverse("today")).content.decode()
    flag = m.Event.objects.get(kind="red_flag")
    assert alice_client.get(reverse("delete_record", args=["event", flag.pk])).status_code == 404


def test_a_recorded_no_locks_outreach_and_moves_on(alice_client, alice, today):
    alice_client.post(reverse("add_record", args=["event"]), {"date": "2026-02-20", "kind": "said_no"})
    page = alice_client.get(reverse("stage", args=["reach_out"])).content.decode()
    assert "Reaching out is locked for now" in page
    assert 'action="/records/contact/add/"' not in page
    assert "Move on" in alice_client.get(reverse("today")).content.decode()


def test_the_urge_tool_records_both_answers_without_resetting(alice_client, alice, today):
    alice_client.post(reverse("urge"), {"intensity": "8", "outcome": "held", "helped": "Called my brother"})
    alice_client.post(reverse("urge"), {"intensity": "9", "outcome": "reached_out"})
    assert list(m.Urge.objects.owned_by(alice).values_list("outcome", flat=True).order_by("pk")) == ["held", "reached_out"]
    assert m.Slip.objects.owned_by(alice).get().date == today


def test_deleting_asks_first_and_only_touches_your_own(alice_client, alice, bob):
    mine = m.Slip.objects.create(owner=alice, date=dt.date(2026, 1, 5), what="Texted")
    theirs = m.Slip.objects.create(owner=bob, date=dt.date(2026, 1, 5), what="Called")
    url = reverse("delete_record", args=["slip", mine.pk])
    assert "This can't be undone" in alice_client.get(url).content.decode()
    assert m.Slip.objects.filter(pk=mine.pk).exists()
    alice_client.post(url)
    assert not m.Slip.objects.filter(pk=mine.pk).exists()
    assert alice_client.post(reverse("delete_record", args=["slip", theirs.pk])).status_code == 404
    assert m.Slip.objects.filter(pk=theirs.pk).exists()


def test_singletons_edit_the_one_record(alice_client, alice):
    for reasons in ("We drifted.", "We drifted apart slowly."):
        alice_client.post(reverse("add_record", args=["breakup"]), {**VALID["breakup"], "reasons_given": reasons})
    assert m.Breakup.objects.owned_by(alice).get().reasons_given == "We drifted apart slowly."


def test_journal_search_finds_only_your_matching_entries(alice_client, alice, bob):
    m.JournalEntry.objects.create(owner=alice, text="Walked by the sea")
    m.JournalEntry.objects.create(owner=alice, text="Quiet evening")
    m.JournalEntry.objects.create(owner=bob, text="Sea swim with friends")
    page = alice_client.get(reverse("journal"), {"q": "sea"}).content.decode()
    assert "Walked by the sea" in page and "Quiet evening" not in page and "Sea swim" not in page


def test_the_journal_shows_twenty_entries_a_page_newest_first_with_older_ones_a_link_away(alice_client, alice):
    for i in range(45):
        m.JournalEntry.objects.create(owner=alice, text=f"Entry number {i:02d}.")
    first = alice_client.get(reverse("journal")).content.decode()
    assert "Entry number 44." in first and "Entry number 25." in first and "Entry number 24." not in first
    assert '?from=20"' in first and "Newer entries" not in first
    second = alice_client.get(reverse("journal"), {"from": "20"}).content.decode()
    assert "Entry number 24." in second and "Entry number 44." not in second and "Newer entries" in second
    last = alice_client.get(reverse("journal"), {"from": "40"}).content.decode()
    assert "Entry number 00." in last and "Older entries" not in last
    assert alice_client.get(reverse("journal"), {"from": "²0"}).status_code == 200  # not a number: the newest page


def _make_entries(user, n):
    for i in range(n):
        m.JournalEntry.objects.create(owner=user, text=f"entry {i}")
        m.MoodCheckIn.objects.create(owner=user, mood=1 + i % 5)
        m.Slip.objects.create(owner=user, date=dt.date(2026, 1, 1 + i % 28), what=f"slip {i}")
        m.Signal.objects.create(owner=user, date=dt.date(2026, 1, 1 + i % 28), kind="responds_warmly")


@pytest.mark.parametrize("name", ["today", "journal"])
def test_page_queries_do_not_grow_with_entries(alice_client, alice, django_assert_max_num_queries, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _make_entries(alice, 2)
    with CaptureQueriesContext(connection) as few:
        alice_client.get(reverse(name))
    _make_entries(alice, 30)
    with CaptureQueriesContext(connection) as many:
        alice_client.get(reverse(name))
    assert len(many) == len(few)


def test_today_can_be_moved_in_tests_only(alice_client, settings, monkeypatch):
    from secondchance.journey.clock import today_for

    monkeypatch.setenv("SECONDCHANCE_TODAY", "2030-05-05")
    assert today_for(alice_client.get(reverse("today")).context["user"].profile) == dt.date(2030, 5, 5)
    settings.TESTING = False
    settings.DEBUG = False
    assert today_for(alice_client.get(reverse("today")).context["user"].profile) != dt.date(2030, 5, 5)


@pytest.mark.parametrize(
    ("slug", "data"),
    [
        ("contact", {"date": "2026-02-03", "channel": "text", "initiated_by": "me", "response": "warm"}),
        ("hangout", {"date": "2026-02-04", "kind": "coffee", "felt": "good"}),
        ("conversation", {"date": "2026-02-05", "outcome": "yes"}),
        ("trial-checkin", {"date": "2026-02-08", "red_flag": ""}),
    ],
)
def test_steps_the_plan_has_not_opened_refuse_to_save(alice_client, alice, slug, data):
    response = alice_client.post(reverse("add_record", args=[slug]), data)
    assert response.status_code == 302
    assert RECORD_KINDS[slug].model.objects.owned_by(alice).count() == 0
    assert "Not saved." in alice_client.get(response.url).content.decode()


def test_mood_check_in_answers_htmx_with_just_the_mood_box(alice_client, alice):
    response = alice_client.post(reverse("add_record", args=["mood"]), {"mood": "2"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<section aria-labelledby="mood-title" id="mood-section">')
    assert "Saved. Last check-in: Low, just now." in page
    assert m.MoodCheckIn.objects.owned_by(alice).get().mood == 2


def test_with_htmx_a_red_flag_still_takes_the_whole_page_to_safety(alice_client, alice):
    response = alice_client.post(reverse("add_record", args=["slip"]), {"date": "2026-01-10", "what": "He hit me when I called"},
                                 HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("safety")
    assert m.Event.objects.owned_by(alice).filter(kind="red_flag", note="physical").exists()


def test_not_yet_leads_to_what_is_open_and_the_check_waits(alice_client, alice, monkeypatch):
    from secondchance.journey.models import Assessment, Breakup

    from tests.program.answers import READY

    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-03-10")
    Assessment.objects.create(owner=alice, answers={**READY, "self_care": "no"},
                              completed_at=dt.datetime(2026, 3, 5, 12, tzinfo=dt.timezone.utc))
    Breakup.objects.create(owner=alice, date=dt.date(2026, 3, 1), ended_by="them_considered")
    today = alice_client.get(reverse("today")).content.decode()
    assert "Open Work on yourself" in today and "Take the check again" not in today
    assert "Your check opens again on" in today and "days to go" not in today
    start = alice_client.post(reverse("check_start"))
    assert start.status_code == 409 and "It opens again on" in start.content.decode()
    program = alice_client.get(reverse("program")).content.decode()
    assert "Open to you now" in program


def test_a_contact_above_the_current_rung_is_questioned_before_it_is_saved(today):
    form = forms.ContactForm(
        {"date": "2026-02-27", "channel": "in_person", "initiated_by": "me", "response": "warm"},
        today=today, current_rung="social_media",
    )
    assert not form.is_valid()
    assert "Your ladder is at: a light touch on social media" in form.errors["channel"][0]
    assert "confirm_above" in form.fields
    confirmed = forms.ContactForm(
        {"date": "2026-02-27", "channel": "in_person", "initiated_by": "me", "response": "warm", "confirm_above": "on"},
        today=today, current_rung="social_media",
    )
    assert confirmed.is_valid(), confirmed.errors
    their_idea = forms.ContactForm(
        {"date": "2026-02-27", "channel": "in_person", "initiated_by": "them", "response": "warm"},
        today=today, current_rung="social_media",
    )
    assert their_idea.is_valid() and "confirm_above" not in their_idea.fields
    on_the_rung = forms.ContactForm({"date": "2026-02-27", "channel": "social_media", "initiated_by": "me", "response": "warm"},
                                    today=today, current_rung="social_media")
    assert on_the_rung.is_valid() and "confirm_above" not in on_the_rung.fields


def test_the_apology_builder_shows_what_would_undo_a_part_before_saving(alice, today):
    taking_it_back = {"apology_regret": "I'm sorry I shouted at you at Jess's party.",
                      "apology_responsibility": "That was my doing, but you also never asked how I was."}
    form = forms.ConversationPrepForm(taking_it_back, today=today, instance=m.ConversationPrep(owner=alice))
    assert not form.is_valid()
    assert set(form.apology_findings) == {"apology_responsibility"}
    assert {f.code for f in form.apology_findings["apology_responsibility"]} & {"sorry_but", "blame"}
    rendered = str(form["confirm_apology"])
    assert 'type="checkbox"' in rendered

    kept = forms.ConversationPrepForm({**taking_it_back, "confirm_apology": "on"}, today=today,
                                      instance=m.ConversationPrep(owner=alice))
    assert kept.is_valid(), kept.errors
    saved = kept.save()

    # A part already saved is not questioned again when another part changes.
    later = forms.ConversationPrepForm({**taking_it_back, "goals": "Live nearer my mum"}, today=today, instance=saved)
    assert later.is_valid(), later.errors


def test_a_clean_apology_part_saves_at_once_and_the_box_stays_hidden(alice, today):
    form = forms.ConversationPrepForm({"apology_regret": "I was wrong to shout at you in front of your friends."},
                                      today=today, instance=m.ConversationPrep(owner=alice))
    assert form.is_valid(), form.errors
    assert 'type="hidden"' in str(form["confirm_apology"])


def test_every_record_can_be_edited_by_its_owner_only(alice_client, alice, client, bob, today):
    alice_client.post(reverse("add_record", args=["slip"]), {"date": "2026-02-20", "what": "Liked a photo", "trigger": "Late night"})
    slip = m.Slip.objects.owned_by(alice).get()
    edit = reverse("edit_record", args=["slip", slip.pk])
    form_page = alice_client.get(edit).content.decode()
    assert "Liked a photo" in form_page and "Save changes" in form_page
    assert 'href="%s"' % edit in alice_client.get(reverse("stage", args=["no_contact"])).content.decode()

    refused = alice_client.post(edit, {"date": "2031-01-01", "what": "Liked two photos", "trigger": "Late night"})
    assert refused.status_code == 400 and "Please choose a date between" in refused.content.decode()
    assert m.Slip.objects.get(pk=slip.pk).what == "Liked a photo"

    assert alice_client.post(edit, {"date": "2026-02-21", "what": "Liked two photos", "trigger": "Late night"}).status_code == 302
    changed = m.Slip.objects.get(pk=slip.pk)
    assert (changed.what, changed.date) == ("Liked two photos", dt.date(2026, 2, 21))
    assert m.Slip.objects.owned_by(alice).count() == 1

    client.force_login(bob)
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"date": "2026-02-21", "what": "mine now", "trigger": ""}).status_code == 404
    assert m.Slip.objects.get(pk=slip.pk).what == "Liked two photos"


def test_an_edit_is_screened_like_a_new_record_and_safety_history_cannot_be_edited(alice_client, alice, today):
    alice_client.post(reverse("add_record", args=["journal"]), {"text": "A quiet day at work."})
    entry = m.JournalEntry.objects.owned_by(alice).get()
    response = alice_client.post(reverse("edit_record", args=["journal", entry.pk]), {"text": "He shoved me into the door last night."})
    assert response.url == reverse("safety")
    flag = m.Event.objects.owned_by(alice).get(kind="red_flag")
    assert flag.detected
    assert alice_client.get(reverse("edit_record", args=["event", flag.pk])).status_code == 404


def test_understand_shows_one_part_at_a_time(alice_client, alice, today):
    page = alice_client.get(reverse("stage", args=["understand"])).content.decode()
    assert "Part 1 of 3" in page
    assert 'action="/records/breakup/add/"' in page and 'action="/records/mistake/add/"' not in page
    assert "Next part: a mistake of yours" in page
    mistakes = alice_client.get(reverse("stage", args=["understand"]) + "?part=mistake").content.decode()
    assert 'action="/records/mistake/add/"' in mistakes and 'action="/records/breakup/add/"' not in mistakes
    saved = alice_client.post(reverse("add_record", args=["mistake"]), {"what": "I checked their phone", "remedy": "Talk about my worries instead"})
    assert saved.url == reverse("stage", args=["understand"]) + "?part=mistake"
    refused = alice_client.post(reverse("add_record", args=["relationship"]), {"relationship_months": "-3"})
    assert 'action="/records/relationship/add/"' in refused.content.decode()


def test_the_journal_offers_prompts_as_a_choice_and_a_chosen_one_starts_the_entry(alice_client):
    from secondchance.program.daily import PROMPT_BY_ID

    page = alice_client.get(reverse("journal")).content.decode()
    offered = re.findall(r'href="\?prompt=([a-z-]+)#id_text"', page)
    assert len(offered) == 3 and all(p in PROMPT_BY_ID for p in offered)
    empty = re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S).group(1)
    assert empty.strip() == ""  # nothing is written for you unless you choose
    chosen = alice_client.get(reverse("journal"), {"prompt": offered[0]}).content.decode()
    started = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", chosen, re.S).group(1))
    assert started.strip() == PROMPT_BY_ID[offered[0]].prompt


def test_the_urge_page_shows_when_urges_come_and_what_set_them_off(alice_client, alice, today):
    for n in range(3):
        response = alice_client.post(reverse("urge"), {"intensity": "6", "trigger": "Wine", "outcome": "held", "helped": "Calling Sam"})
        assert response.status_code == 302
    alice_client.post(reverse("urge"), {"intensity": "8", "trigger": "Our song", "outcome": "reached_out"})
    evening = dt.datetime(2026, 2, 27, 20, 30, tzinfo=dt.timezone.utc)  # 20:30 in London
    m.Urge.objects.owned_by(alice).update(created_at=evening)
    assert m.Slip.objects.owned_by(alice).get().trigger == "Our song"
    page = html.unescape(alice_client.get(reverse("urge")).content.decode())
    assert "Most of your urges come in the evening (4 of 4)." in page
    assert "What set them off most: Wine (3 times)." in page
    assert "What helped most when you held on: Calling Sam (3 times)." in page
    assert "<caption>Urges by time of day, last three months</caption>" in page
