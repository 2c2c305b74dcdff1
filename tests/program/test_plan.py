"""Every rule of PROGRAM.md, as the plan applies it."""

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.program import snapshot as s
from secondchance.program.causes import Fixability, classify_cause
from secondchance.program.ladder import RUNGS, climb_ladder
from secondchance.program.no_contact import (
    MAX_NO_CONTACT_DAYS,
    MIN_NO_CONTACT_DAYS,
    no_contact_status,
    no_contact_target_days,
)
from secondchance.program.plan import build_plan
from secondchance.program.rules import RULES

from .answers import READY
from .journeys import (
    BREAKUP,
    day,
    in_trial,
    journeys,
    ready_for_conversation,
    ready_to_reach_out,
    understood,
    warm_ladder,
    with_goals,
)


def locked_actions(plan):
    return {lock.action for lock in plan.locked}


def action_ids(plan):
    return [a.id for a in plan.next_actions]


# --- Principle 2: safety first ---------------------------------------------------


@pytest.mark.parametrize(
    "flagged",
    [
        lambda j: replace(j, events=(s.Event(day(70), "red_flag", "threat"),)),
        lambda j: replace(j, readiness=s.Readiness(day(70), {**READY, "fear": "yes"})),
        lambda j: replace(j, breakup=replace(j.breakup, causes=("abuse",))),
        lambda j: replace(j, trial=s.Trial(checkins=(s.TrialCheckIn(day(70), {}, red_flag=True),))),
    ],
    ids=["event", "check", "cause", "trial-checkin"],
)
def test_a_red_flag_from_anywhere_puts_the_journey_in_safety(flagged):
    plan = build_plan(flagged(ready_for_conversation()), day(80))
    assert plan.stage == "safety"
    assert plan.safety.active
    assert not plan.outreach_allowed and not plan.reply_allowed
    assert {a.rule for a in plan.next_actions} <= {"safety_first", "crisis_support"}
    assert {"outreach", "contact_ladder", "reconnect", "honest_conversation", "trial"} <= locked_actions(plan)


def test_safety_stays_until_the_person_marks_it_resolved():
    journey = replace(ready_for_conversation(), events=(s.Event(day(70), "red_flag", "fear", detected=True),))
    assert build_plan(journey, day(200)).stage == "safety"
    disputed = replace(journey, events=(*journey.events, s.Event(day(71), "detection_disputed")))
    assert build_plan(disputed, day(200)).stage == "safety"
    resolved = replace(disputed, events=(*disputed.events, s.Event(day(72), "safety_resolved")))
    assert build_plan(resolved, day(200)).stage == "conversation"


@pytest.mark.parametrize(
    "flagged",
    [
        lambda j: replace(j, events=(s.Event(day(70), "red_flag", "threat"),)),
        lambda j: replace(j, events=(s.Event(day(70), "red_flag", "physical", detected=True),)),
        # The app keeps each flag of a check as an event too, so a later check cannot erase it.
        lambda j: replace(j, readiness=s.Readiness(day(70), {**READY, "fear": "yes"}), events=(s.Event(day(70), "red_flag", "fear"),)),
        lambda j: replace(j, trial=s.Trial(checkins=(s.TrialCheckIn(day(70), {}, red_flag=True),))),
    ],
    ids=["told", "found-in-writing-not-disputed", "check", "trial-checkin"],
)
def test_confirmed_harm_closes_the_way_back_for_good(flagged):
    journey = flagged(ready_for_conversation())
    safe_now = replace(journey, events=(*journey.events, s.Event(day(75), "safety_resolved")))
    plan = build_plan(safe_now, day(80))
    assert plan.stage == "move_on" and plan.stage_rule == "harm_closes_path"
    assert not plan.outreach_allowed and not plan.reply_allowed
    assert {"outreach", "contact_ladder", "reconnect", "honest_conversation", "trial"} <= locked_actions(plan)
    assert {a.rule for a in plan.next_actions} <= {"harm_closes_path", "move_on_always_open"}
    # A later check answered "no" to every question cannot reopen it.
    retaken = replace(safe_now, readiness=s.Readiness(day(90), dict(READY)),
                      trial=s.Trial(checkins=safe_now.trial.checkins))
    later = build_plan(retaken, day(120))
    assert later.stage == "move_on" and later.safety.confirmed == plan.safety.confirmed


def test_only_a_detection_marked_wrong_is_undone():
    detected = s.Event(day(70), "red_flag", "control", detected=True)
    told = s.Event(day(70), "red_flag", "threat")
    wrong = (s.Event(day(71), "detection_disputed"), s.Event(day(71), "safety_resolved"))
    restored = build_plan(replace(ready_for_conversation(), events=(detected, *wrong)), day(80))
    assert restored.stage == "conversation" and restored.safety.confirmed == ()
    mixed = build_plan(replace(ready_for_conversation(), events=(detected, told, *wrong)), day(80))
    assert mixed.stage == "move_on" and mixed.safety.confirmed == ("threat",)


def test_the_wrong_detection_choice_is_offered_only_for_flags_found_in_writing():
    told = build_plan(replace(ready_for_conversation(), events=(s.Event(day(70), "red_flag", "threat"),)), day(70))
    found = build_plan(replace(ready_for_conversation(), events=(s.Event(day(70), "red_flag", "threat", detected=True),)), day(70))
    assert not told.safety.disputable and found.safety.disputable


def test_thoughts_of_self_harm_alone_do_not_close_the_way_back():
    journey = replace(understood(), readiness=s.Readiness(day(5), {**READY, "self_harm": "yes"}),
                      events=(s.Event(day(6), "safety_resolved"),))
    plan = build_plan(journey, day(10))
    assert plan.safety.confirmed == ()
    assert plan.stage == "readiness" and action_ids(plan) == ["retake_check"]


def test_a_flag_after_the_resolution_brings_safety_back():
    events = (s.Event(day(70), "red_flag"), s.Event(day(72), "safety_resolved"), s.Event(day(90), "red_flag"))
    assert build_plan(replace(ready_for_conversation(), events=events), day(100)).stage == "safety"


def test_self_harm_in_the_check_offers_crisis_lines_first():
    journey = replace(understood(), readiness=s.Readiness(day(5), {**READY, "self_harm": "yes"}))
    plan = build_plan(journey, day(10))
    assert plan.safety.crisis
    assert plan.next_actions[0].id == "crisis_lines"
    assert plan.next_actions[0].rule == "crisis_support"


@settings(max_examples=150)
@given(journeys, st.integers(min_value=0, max_value=400))
def test_property_nothing_but_safety_is_offered_after_a_red_flag(journey, offset):
    flagged = replace(journey, events=(*journey.events, s.Event(day(offset), "red_flag")))
    resolved_after = any(e.kind == "safety_resolved" and e.date >= day(offset) for e in journey.events)
    plan = build_plan(flagged, day(offset))
    if not resolved_after:
        assert plan.stage == "safety"
        assert {a.rule for a in plan.next_actions} <= {"safety_first", "crisis_support"}
        assert not plan.outreach_allowed


# --- Principle 1: consent ---------------------------------------------------------


@pytest.mark.parametrize("kind", ["said_no", "blocked", "new_partner"])
def test_a_closed_door_locks_outreach_and_moves_on(kind):
    journey = replace(ready_to_reach_out(), events=(s.Event(day(35), kind),))
    plan = build_plan(journey, day(60))
    assert plan.stage == "move_on"
    assert not plan.outreach_allowed and not plan.reply_allowed
    assert any(lock.action == "outreach" and lock.rule == "consent_ends_pursuit" for lock in plan.locked)
    assert kind in plan.consent.closed_by


def test_a_firm_no_logged_as_a_signal_closes_the_door_too():
    journey = replace(ready_to_reach_out(), signals=(s.Signal(day(35), "firm_no"),))
    plan = build_plan(journey, day(60))
    assert plan.stage == "move_on" and not plan.outreach_allowed


def test_after_a_no_their_own_approach_opens_only_a_calm_reply():
    events = (s.Event(day(35), "said_no"), s.Event(day(50), "they_reached_out"))
    plan = build_plan(replace(ready_to_reach_out(), events=events), day(60))
    assert plan.stage == "move_on"
    assert plan.reply_allowed and not plan.outreach_allowed
    assert plan.next_actions[0].id == "calm_reply"
    assert plan.next_actions[0].rule == "calm_reply_only"


def test_their_approach_before_the_no_opens_nothing():
    events = (s.Event(day(20), "they_reached_out"), s.Event(day(35), "said_no"))
    plan = build_plan(replace(ready_to_reach_out(), events=events), day(60))
    assert not plan.reply_allowed and "calm_reply" not in action_ids(plan)


def test_two_unanswered_messages_lock_the_next_outreach():
    contacts = (s.Contact(day(40), "social_media", "me", "none"), s.Contact(day(45), "social_media", "me", "none"))
    plan = build_plan(replace(ready_to_reach_out(), contacts=contacts), day(50))
    assert plan.consent.unanswered_in_a_row == 2
    assert not plan.outreach_allowed
    assert action_ids(plan) == ["wait_for_reply"]
    assert any(lock.rule == "repeated_unanswered" for lock in plan.locked)


def test_one_unanswered_message_does_not_lock():
    contacts = (s.Contact(day(40), "social_media", "me", "warm"), s.Contact(day(45), "text", "me", "none"))
    assert build_plan(replace(ready_to_reach_out(), contacts=contacts), day(50)).outreach_allowed


@settings(max_examples=200)
@given(journeys, st.integers(min_value=-30, max_value=400))
def test_property_outreach_never_before_day_30_nor_after_a_closed_door(journey, offset):
    today = day(offset)
    plan = build_plan(journey, today)
    if plan.outreach_allowed:
        assert journey.breakup is not None
        assert (today - journey.breakup.date).days >= MIN_NO_CONTACT_DAYS
        assert not plan.consent.closed
        assert not plan.safety.active
    if plan.consent.closed and plan.reply_allowed:
        assert plan.consent.they_reached_out_since


# --- Stage 0 and Move On ----------------------------------------------------------


def test_without_a_check_the_first_step_is_the_check():
    plan = build_plan(s.Journey(), day(0))
    assert plan.stage == "readiness" and action_ids(plan) == ["take_check"]
    assert plan.dates.breakup is None and not plan.outreach_allowed


def test_not_yet_asks_to_focus_on_yourself_and_check_again_later():
    journey = replace(understood(), readiness=s.Readiness(day(5), {**READY, "self_care": "no"}))
    plan = build_plan(journey, day(6))
    assert plan.stage == "readiness"
    assert action_ids(plan) == ["self_care", "retake_check"]
    assert "27 January 2026" in plan.next_actions[1].title


def test_the_reasons_for_not_yet_read_as_sentences():
    answers = {**READY, "self_care": "no", "something_changed": "no", "patient": "no"}
    plan = build_plan(replace(understood(), readiness=s.Readiness(day(5), answers)), day(6))
    assert plan.stage_reason.startswith("Your check on ")
    assert ".;" not in plan.stage_reason and ". ;" not in plan.stage_reason
    assert plan.stage_reason.count(". ") >= 2  # the date's sentence, then one per reason


@pytest.mark.parametrize(
    "change",
    [
        lambda j: replace(j, readiness=s.Readiness(day(5), {**READY, "ex_empathy": "no"})),
        lambda j: replace(j, breakup=replace(j.breakup, causes=("not_serious",))),
        lambda j: replace(j, events=(s.Event(day(40), "chose_move_on"),)),
    ],
    ids=["check", "dealbreaker-cause", "own-choice"],
)
def test_move_on_from_a_dealbreaker_the_check_or_your_own_choice(change):
    plan = build_plan(change(ready_for_conversation()), day(60))
    assert plan.stage == "move_on"
    assert plan.move_on is not None


def test_expressive_writing_counts_three_consecutive_days():
    journey = replace(understood(), events=(s.Event(day(30), "chose_move_on"),))
    sessions = (s.WritingSession(day(31), 20), s.WritingSession(day(32), 10), s.WritingSession(day(33), 15))
    plan = build_plan(replace(journey, writing=sessions), day(33))
    assert plan.move_on.days_done == 1  # ten minutes is too short to count: the run starts again
    full = (s.WritingSession(day(31), 15), s.WritingSession(day(32), 30), s.WritingSession(day(33), 20))
    plan = build_plan(replace(journey, writing=full), day(34))
    assert plan.move_on.complete and "expressive_writing" not in action_ids(plan)


def test_writing_is_offered_never_forced_and_stops_when_it_hurts():
    journey = replace(understood(), events=(s.Event(day(30), "chose_move_on"),))
    plan = build_plan(journey, day(31))
    assert "expressive_writing" in action_ids(plan)
    hurt = replace(journey, writing=(s.WritingSession(day(31), 20, "worse"),))
    plan = build_plan(hurt, day(32))
    assert plan.move_on.felt_worse and "expressive_writing" not in action_ids(plan)


# --- Stage 1: understanding and cause fixability ------------------------------------


@pytest.mark.parametrize(
    ("cause", "fixability"),
    [
        ("communication", Fixability.FIXABLE),
        ("distance", Fixability.FIXABLE),
        ("cheating_once", Fixability.NEEDS_HELP),
        ("financial_dishonesty", Fixability.NEEDS_HELP),
        ("repeated_cheating", Fixability.DEALBREAKER),
        ("no_empathy", Fixability.DEALBREAKER),
    ],
)
def test_cause_fixability(cause, fixability):
    assert classify_cause(cause) is fixability


def test_understanding_needs_causes_and_mistakes_with_remedies():
    journey = understood(mistakes=(s.Mistake("I was cold", ""),))
    plan = build_plan(journey, day(40))
    assert plan.stage == "understand" and action_ids(plan) == ["add_remedies"]
    plan = build_plan(understood(causes=(), ended_by=None, mistakes=()), day(40))
    assert action_ids(plan) == ["record_who_ended_it", "record_causes", "record_mistakes"]


# --- Stage 2: no contact ----------------------------------------------------------


def test_the_minimum_is_thirty_days():
    plan = build_plan(with_goals(understood()), day(29))
    assert plan.stage == "no_contact"
    assert plan.dates.earliest_outreach == day(30)
    lock = next(lock for lock in plan.locked if lock.action == "outreach")
    assert lock.until == day(30) and lock.rule == "no_contact_minimum"
    assert build_plan(with_goals(understood()), day(30)).stage != "no_contact"


def test_the_target_is_longer_after_a_considered_breakup_a_deep_cause_or_strong_feelings():
    base, _ = no_contact_target_days(understood())
    assert base == MIN_NO_CONTACT_DAYS
    for change in (
        {"ended_by": "them_considered"},
        {"causes": ("cheating_once",)},
        {"intense_emotions": True},
    ):
        longer, reasons = no_contact_target_days(understood(**change))
        assert longer > base and len(reasons) == 2


def test_slips_extend_the_target_and_keep_the_history():
    slips = (s.Slip(day(10), "Texted at night", "Wine"), s.Slip(day(12), "Called", "Birthday"))
    journey = replace(understood(), no_contact=s.NoContact(slips=slips))
    status = no_contact_status(journey, day(20))
    assert status.slips == 2
    assert status.target_days == MIN_NO_CONTACT_DAYS + 14
    assert status.days_done == 20  # counting goes on from the breakup, not from the slip


@settings(max_examples=40, deadline=None)
@given(journey=journeys, offset=st.integers(min_value=0, max_value=200))
def test_property_the_plan_reads_only_slip_dates_and_no_urges(journey, offset):
    """The web snapshot loads only these (journey/snapshot.py): the plan must not need the rest."""
    slips = (s.Slip(day(5), "Texted at night", "Wine"), s.Slip(day(9), "Called", "Birthday"))
    urges = (s.Urge(day(6), 9, "slipped", "A walk"),)
    full = replace(journey, no_contact=replace(journey.no_contact, slips=slips, urges=urges))
    slim = replace(journey, no_contact=replace(journey.no_contact, slips=tuple(s.Slip(x.date) for x in slips), urges=()))
    assert build_plan(full, day(offset)) == build_plan(slim, day(offset))


def test_limited_contact_when_children_a_home_or_work_are_shared():
    journey = replace(understood(), profile=s.Profile(children=True))
    plan = build_plan(journey, day(10))
    assert plan.no_contact.mode == "limited_contact"
    assert plan.next_actions[0].rule == "limited_contact_mode"
    assert "logistics only" in plan.next_actions[0].title


@given(
    st.lists(st.builds(s.Slip, date=st.integers(0, 200).map(day)), max_size=30).map(tuple),
    st.sampled_from(s.EndedBy.__args__),
    st.lists(st.sampled_from(["communication", "lies", "cheating_once", "jealousy"]), max_size=3).map(tuple),
    st.booleans(),
)
def test_property_the_target_stays_within_30_and_90_days_and_slips_never_shorten_it(slips, ended_by, causes, intense):
    journey = replace(
        understood(ended_by=ended_by, causes=causes, intense_emotions=intense), no_contact=s.NoContact(slips=slips)
    )
    days, _ = no_contact_target_days(journey)
    assert MIN_NO_CONTACT_DAYS <= days <= MAX_NO_CONTACT_DAYS
    fewer, _ = no_contact_target_days(replace(journey, no_contact=s.NoContact(slips=slips[:-1])))
    assert fewer <= days


# --- Stages 3 to 5 ----------------------------------------------------------------


def test_self_work_needs_a_goal_with_a_check_in():
    plan = build_plan(understood(), day(40))
    assert plan.stage == "self_work" and action_ids(plan) == ["set_goal"]
    goal = s.Goal("health", "Sleep by 11", ())
    plan = build_plan(replace(understood(), self_work=s.SelfWork(goals=(goal,))), day(40))
    assert action_ids(plan) == ["goal_checkin"]


def test_interest_is_read_from_evidence_without_a_probability():
    journey = with_goals(understood())
    plan = build_plan(journey, day(40))
    assert plan.stage == "interest" and plan.interest.reading == "none_yet"
    cold = replace(journey, signals=(s.Signal(day(35), "no_reply"), s.Signal(day(36), "short_cold_replies")))
    plan = build_plan(cold, day(40))
    assert plan.stage == "interest" and plan.interest.reading == "leaning_cold"
    assert not plan.outreach_allowed
    warm = replace(journey, signals=(s.Signal(day(35), "brings_up_memories"), s.Signal(day(36), "other", "positive", "Sent a song")))
    plan = build_plan(warm, day(40))
    assert plan.interest.reading == "leaning_warm"
    assert plan.interest.evidence_for[1].endswith("Sent a song")
    assert "%" not in plan.interest.words


def test_outreach_opens_when_every_gate_is_passed():
    plan = build_plan(ready_to_reach_out(), day(40))
    assert plan.stage == "reach_out" and plan.outreach_allowed and plan.reply_allowed
    assert plan.ladder.current == "social_media"


def test_the_ladder_climbs_one_rung_at_a_time_after_a_warm_response():
    assert climb_ladder(()).current == "social_media"
    lukewarm = (s.Contact(day(40), "social_media", "me", "neutral"),)
    assert climb_ladder(lukewarm).current == "social_media"
    skipped = (s.Contact(day(40), "call", "me", "warm"),)
    status = climb_ladder(skipped)
    assert status.current == "social_media" and status.out_of_order == skipped
    assert climb_ladder(warm_ladder()).current == "in_person"


def test_the_advice_fits_the_rung_and_a_skipped_rung_is_named():
    first = build_plan(ready_to_reach_out(), day(40))
    advice = first.next_actions[0].why
    assert "social media" in first.next_actions[0].title and "coffee" not in advice and "invitation" in advice
    met = replace(ready_to_reach_out(), contacts=(s.Contact(day(41), "in_person", "me", "warm"),))
    plan = build_plan(met, day(42))
    assert plan.ladder.current == "social_media"
    assert plan.next_actions[0].id == "back_to_rung" and "meeting in person" in plan.next_actions[0].why
    near_the_top = build_plan(replace(ready_to_reach_out(), contacts=warm_ladder()[:-1]), day(60))
    assert near_the_top.next_actions[0].title == "Next step on the ladder: a video call"
    assert "coffee" not in near_the_top.next_actions[0].why


@given(st.lists(st.builds(s.Contact, date=st.integers(0, 100).map(day), channel=st.sampled_from(RUNGS),
                          initiated_by=st.sampled_from(("me", "them")),
                          response=st.sampled_from(("warm", "neutral", "cold", "none"))), max_size=12))
def test_property_each_rung_needs_its_own_warm_response(contacts):
    status = climb_ladder(tuple(contacts))
    warm = sum(1 for c in contacts if c.response == "warm")
    assert RUNGS.index(status.current) <= warm
    assert list(status.climbed) == list(RUNGS[: RUNGS.index(status.current)])


# --- Stages 6 to 10 ---------------------------------------------------------------


def test_the_honest_conversation_needs_two_friendly_meetings():
    journey = replace(ready_to_reach_out(), contacts=warm_ladder(), hangouts=(s.Hangout(day(50), "coffee", "good"),))
    plan = build_plan(journey, day(60))
    assert plan.stage == "reconnect"
    assert "honest_conversation" in locked_actions(plan)
    awkward = replace(journey, hangouts=(*journey.hangouts, s.Hangout(day(55), "bowling", "bad")))
    assert build_plan(awkward, day(60)).stage == "reconnect"
    plan = build_plan(ready_for_conversation(), day(60))
    assert plan.stage == "conversation" and "honest_conversation" not in locked_actions(plan)


def test_not_ready_means_back_to_friendship_and_revisit_later():
    journey = replace(ready_for_conversation(), conversations=(s.Conversation(day(60), "not_ready"),))
    assert build_plan(journey, day(70)).stage == "reconnect"
    later = replace(journey, hangouts=(*journey.hangouts, s.Hangout(day(80), "walk", "good")))
    assert build_plan(later, day(95)).stage == "conversation"


def test_the_trial_needs_a_yes():
    assert "trial" in locked_actions(build_plan(ready_for_conversation(), day(60)))
    no = replace(ready_for_conversation(), conversations=(s.Conversation(day(60), "no"),))
    assert build_plan(no, day(61)).stage == "move_on"
    plan = build_plan(in_trial(), day(62))
    assert plan.stage == "trial" and "trial" not in locked_actions(plan)


def test_the_trial_starts_with_a_fresh_safety_screen():
    journey = replace(in_trial(), readiness=s.Readiness(day(5), dict(READY)))
    assert "rescreen" in action_ids(build_plan(journey, day(62)))
    assert "rescreen" not in action_ids(build_plan(in_trial(), day(62)))


def checkins(*scores, start=62):
    names = ("disagreements_resolved", "changes_kept", "feels_considered", "intimacy", "past_left_behind")
    return tuple(s.TrialCheckIn(day(start + 7 * i), dict.fromkeys(names, score)) for i, score in enumerate(scores))


def test_trial_health_shows_trends_and_warns_when_old_patterns_return():
    journey = replace(in_trial(), trial=replace(in_trial().trial, checkins=checkins(3, 4, 5)))
    plan = build_plan(journey, day(80))
    assert {t.trend for t in plan.trial.trends} == {"improving"}
    assert plan.trial.warnings == ()
    worse = replace(journey, trial=replace(journey.trial, checkins=checkins(5, 5, 3)))
    plan = build_plan(worse, day(80))
    assert {t.trend for t in plan.trial.trends} == {"worsening"}
    assert any("Old patterns" in w for w in plan.trial.warnings)
    assert "talk_about_warnings" in action_ids(plan)


def test_the_same_worry_from_two_people_is_a_warning():
    concerns = (s.Concern(day(70), "Sister", "Jealousy"), s.Concern(day(71), "Best friend", "jealousy "))
    plan = build_plan(replace(in_trial(), concerns=concerns), day(75))
    assert any("2 people" in w for w in plan.trial.warnings)
    one = replace(in_trial(), concerns=concerns[:1])
    assert build_plan(one, day(75)).trial.warnings == ()


def test_counselling_is_recommended_for_serious_or_broken_trust_or_on_off():
    assert not build_plan(in_trial(), day(62)).counselling.recommended
    for profile in (s.Profile(married=True), s.Profile(lived_together=True), s.Profile(children=True), s.Profile(previous_breakups=2)):
        assert build_plan(replace(in_trial(), profile=profile), day(62)).counselling.recommended
    cheated = replace(in_trial(), breakup=replace(in_trial().breakup, causes=("cheating_once",)))
    assert build_plan(cheated, day(62)).counselling.reasons


def test_a_long_healthy_trial_leads_to_counselling_when_recommended_then_together():
    healthy = checkins(*[4] * 13)
    journey = replace(in_trial(), trial=replace(in_trial().trial, checkins=healthy), profile=s.Profile(married=True))
    plan = build_plan(journey, day(62 + 90))
    assert plan.stage == "counselling"
    started = replace(journey, events=(s.Event(day(100), "counselling_started"),))
    plan = build_plan(started, day(62 + 90))
    assert plan.stage == "together"
    assert [d.stage for d in plan.stages_done] == [
        "readiness", "understand", "no_contact", "self_work", "interest", "reach_out",
        "reconnect", "conversation", "trial", "counselling",
    ]


# --- Every decision explained, and always the same ---------------------------------


@settings(max_examples=150)
@given(journeys, st.integers(min_value=-30, max_value=400))
def test_property_every_decision_lists_its_facts_and_cites_a_rule(journey, offset):
    plan = build_plan(journey, day(offset))
    assert plan.stage_reason and plan.reasons[0] == plan.stage_reason
    assert plan.next_actions
    for action in plan.next_actions:
        assert action.why and action.rule in RULES
    for lock in plan.locked:
        assert lock.reason and lock.rule in RULES
    for done in plan.stages_done:
        assert done.reason


@settings(max_examples=100)
@given(journeys, st.integers(min_value=-30, max_value=400))
def test_property_the_same_snapshot_always_gives_the_same_plan(journey, offset):
    shuffled = replace(journey, events=tuple(reversed(journey.events)), contacts=tuple(reversed(journey.contacts)))
    assert build_plan(journey, day(offset)) == build_plan(journey, day(offset))
    assert build_plan(shuffled, day(offset)).stage == build_plan(journey, day(offset)).stage


@settings(max_examples=150)
@given(journeys, st.integers(min_value=-30, max_value=400))
def test_property_stages_are_done_in_order_without_skipping(journey, offset):
    from secondchance.program.plan import STAGE_ORDER

    done = [d.stage for d in build_plan(journey, day(offset)).stages_done]
    assert done == list(STAGE_ORDER[: len(done)])


def test_every_rule_is_used_by_the_plan_or_a_module():
    import pathlib

    import secondchance.program as program

    source = "".join(p.read_text() for p in pathlib.Path(program.__file__).parent.glob("*.py") if p.name != "rules.py")
    unused = [rule_id for rule_id in RULES if f'"{rule_id}"' not in source]
    assert unused == []


def test_today_is_an_argument_not_the_clock():
    journey = with_goals(understood())
    assert build_plan(journey, BREAKUP + dt.timedelta(days=10)).stage == "no_contact"
    assert build_plan(journey, BREAKUP + dt.timedelta(days=31)).stage == "interest"


@pytest.mark.parametrize(
    ("journey", "rule"),
    [
        (replace(ready_to_reach_out(), events=(s.Event(day(35), "blocked"),)), "consent_ends_pursuit"),
        (replace(ready_to_reach_out(), events=(s.Event(day(35), "chose_move_on"),)), "move_on_always_open"),
        (understood(causes=("no_empathy",)), "dealbreaker_move_on"),
        (replace(ready_for_conversation(), conversations=(s.Conversation(day(60), "no"),)), "conversation_outcome"),
        (replace(understood(), readiness=s.Readiness(day(5), {**READY, "ex_serious": "no"})), "readiness_check"),
    ],
)
def test_move_on_names_the_rule_that_led_there(journey, rule):
    plan = build_plan(journey, day(70))
    assert (plan.stage, plan.stage_rule) == ("move_on", rule)


def test_no_contact_lists_the_rules_behind_its_target():
    plain = no_contact_status(understood(), day(5))
    assert plain.rules == ("no_contact_minimum",)
    slips = tuple(s.Slip(day(i)) for i in range(1, 12))
    heavy = replace(understood(ended_by="them_considered", causes=("lies",)), no_contact=s.NoContact(slips=slips))
    status = no_contact_status(heavy, day(5))
    assert status.rules == ("no_contact_minimum", "no_contact_longer_when", "slips_extend_never_reset", "no_contact_maximum")
    assert status.target_days == MAX_NO_CONTACT_DAYS


def test_a_flag_recorded_after_a_resolution_on_the_same_day_counts():
    events = (s.Event(day(70), "red_flag"), s.Event(day(70), "safety_resolved"), s.Event(day(70), "red_flag", "fear"))
    plan = build_plan(replace(ready_for_conversation(), events=events), day(70))
    assert plan.stage == "safety" and plan.safety.flags == ("fear",)
    resolved = replace(ready_for_conversation(), events=events[:2])
    assert build_plan(resolved, day(70)).stage == "move_on"


def test_goal_progress_shows_the_latest_check_in_and_the_change():
    goals = (
        s.Goal("health", "Walk daily", (s.GoalCheckIn(day(20), 70), s.GoalCheckIn(day(10), 30))),
        s.Goal("social", "Call a friend weekly", ()),
    )
    plan = build_plan(replace(understood(), self_work=s.SelfWork(goals=goals)), day(25))
    walk, call = plan.goals
    assert (walk.latest, walk.checkins, walk.change) == (70, 2, 40)
    assert (call.latest, call.checkins, call.change) == (None, 0, 0)


def test_not_yet_shows_when_the_check_opens_again_and_no_countdown_to_reaching_out():
    journey = replace(understood(), readiness=s.Readiness(day(5), {**READY, "self_care": "no"}))
    plan = build_plan(journey, day(10))
    assert plan.dates.retake_check == dt.date(2026, 1, 27)
    outreach = next(lock for lock in plan.locked if lock.action == "outreach")
    assert outreach.until is None and outreach.reason == "First finish: Before you start."
    ready = build_plan(understood(), day(10))
    assert ready.dates.retake_check is None
    assert next(lock for lock in ready.locked if lock.action == "outreach").until == ready.dates.no_contact_target


def test_a_new_partner_is_met_with_the_loss_first_then_move_on_gently():
    journey = replace(ready_to_reach_out(), events=(s.Event(day(35), "new_partner"),))
    first_days = build_plan(journey, day(36))
    assert first_days.next_actions[0].id == "go_gently"
    assert "someone new hurts" in first_days.next_actions[0].why
    assert "expressive_writing" not in action_ids(first_days)[:1]
    later = build_plan(journey, day(35 + 10))
    assert "go_gently" not in action_ids(later)


def test_one_sign_of_interest_is_not_yet_a_pattern():
    one_like = replace(with_goals(understood()), signals=(s.Signal(day(20), "likes_or_comments_more"),))
    plan = build_plan(one_like, day(40))
    assert plan.stage == "interest" and plan.interest.reading == "too_early"
    same_evening = replace(one_like, signals=(*one_like.signals, s.Signal(day(20), "responds_warmly")))
    assert build_plan(same_evening, day(40)).stage == "interest"
    two_days = replace(one_like, signals=(*one_like.signals, s.Signal(day(23), "responds_warmly")))
    assert build_plan(two_days, day(40)).stage != "interest"
