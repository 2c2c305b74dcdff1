"""Reminder dates come from the plan: the space's end, the retake after "not yet", check-ins, the writing days."""

from dataclasses import replace

from secondchance.program import snapshot as s
from secondchance.program.plan import build_plan
from secondchance.program.reminders import reminders

from .answers import READY
from .journeys import day, understood, with_goals


def by_key(plan):
    return {r.key: r.date for r in reminders(plan)}


def test_the_space_and_the_next_goal_check_in():
    plan = build_plan(with_goals(understood()), day(12))
    found = by_key(plan)
    assert found["space-done"] == plan.dates.no_contact_target
    assert found["check-in"] == plan.dates.next_checkin


def test_not_yet_reminds_of_the_day_the_check_opens_again():
    plan = build_plan(replace(understood(), readiness=s.Readiness(day(5), {**READY, "self_care": "no"})), day(6))
    assert by_key(plan)["retake-check"] == plan.dates.retake_check


def test_moving_on_gives_three_writing_days_and_nothing_in_the_past():
    plan = build_plan(replace(understood(), events=(s.Event(day(20), "new_partner"),)), day(25))
    found = by_key(plan)
    writing = sorted(v for k, v in found.items() if k.startswith("writing-"))
    assert len(writing) == 3 and writing[0] >= plan.today
    assert all(date >= plan.today for date in found.values())
