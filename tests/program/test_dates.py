"""Any date the database can hold gives a plan: the core never overflows (hardening defect 1)."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.program import snapshot as s
from secondchance.program.dates import shifted
from secondchance.program.plan import build_plan

from .journeys import in_trial, understood, with_goals


def test_shifting_saturates_at_the_ends_of_the_calendar():
    assert shifted(dt.date(9999, 12, 30), 30) == dt.date.max
    assert shifted(dt.date(1, 1, 2), -5) == dt.date.min
    assert shifted(dt.date(2026, 1, 1), 30) == dt.date(2026, 1, 31)


def test_a_breakup_on_the_last_day_of_the_calendar_gives_a_plan():
    from dataclasses import replace

    journey = understood(date=dt.date.max)
    plan = build_plan(journey, dt.date(2026, 11, 23))
    assert plan.stage in {"no_contact", "understand", "self_work"}
    assert build_plan(replace(with_goals(journey)), dt.date.max) is not None


def test_a_goal_checkin_on_the_last_day_gives_a_plan():
    from dataclasses import replace

    goal = s.Goal("health", "Walk", (s.GoalCheckIn(dt.date.max, 50),))
    journey = replace(understood(), self_work=s.SelfWork(goals=(goal,)))
    assert build_plan(journey, dt.date(2026, 11, 23)).dates.next_checkin == dt.date.max


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.from_type(s.Journey), st.dates())
def test_property_every_journey_with_any_dates_gives_a_plan(journey, today):
    build_plan(journey, today)


@settings(max_examples=100)
@given(st.dates(), st.dates())
def test_property_a_trial_with_any_dates_gives_a_plan(yes_on, today):
    from dataclasses import replace

    journey = in_trial()
    journey = replace(journey, conversations=(s.Conversation(yes_on, "yes"),),
                      trial=replace(journey.trial, checkins=(s.TrialCheckIn(dt.date.max, {}),)))
    build_plan(journey, today)


def test_writing_days_at_the_start_of_the_calendar_are_counted_without_overflow():
    from dataclasses import replace

    from secondchance.program.move_on import writing_progress

    sessions = tuple(s.WritingSession(dt.date.min + dt.timedelta(days=n), 20, "better") for n in range(2))
    journey = replace(understood(), writing=sessions)
    assert writing_progress(journey, dt.date.min + dt.timedelta(days=1)).days_done == 2
