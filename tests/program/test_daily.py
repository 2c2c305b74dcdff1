"""Today's step: the library, and the choice per stage (no contact while the plan locks it; after harm, safety only)."""

from dataclasses import replace

import pytest

from secondchance.program import snapshot as s
from secondchance.program.daily import ANY, REST_DAYS, STEPS, VALID_STAGES, step_for
from secondchance.program.plan import build_plan

from .answers import READY
from .journeys import day, in_trial, ready_for_conversation, ready_to_reach_out, understood, with_goals

IDENTIFIER_LIKE = ("_", "---")


def test_the_library_is_large_varied_and_in_our_words():
    assert len(STEPS) >= 90
    assert len({step.id for step in STEPS}) == len(STEPS)
    for step in STEPS:
        assert set(step.stages) <= VALID_STAGES, step.id
        assert step.title and step.why and len(step.title) <= 80, step.id
        assert not any(mark in step.title + step.why for mark in IDENTIFIER_LIKE), step.id
        assert "!" not in step.title + step.why, step.id
    for stage in ("no_contact", "self_work", "understand", "move_on", "safety"):
        assert sum(stage in step.stages for step in STEPS) >= 6, stage


def test_steps_where_the_plan_keeps_you_apart_never_ask_for_contact():
    for step in STEPS:
        if set(step.stages) & {"understand", "no_contact", "self_work", "move_on", "safety"}:
            assert not step.contact, step.id


def plans():
    """A plan at each stage of the program, with the date it was built for."""
    yield "understand", build_plan(replace(understood(), breakup=None), day(2)), day(2)
    yield "no_contact", build_plan(understood(), day(10)), day(10)
    yield "self_work", build_plan(understood(), day(35)), day(35)
    yield "interest", build_plan(with_goals(understood()), day(35)), day(35)
    yield "reach_out", build_plan(ready_to_reach_out(), day(38)), day(38)
    yield "conversation", build_plan(ready_for_conversation(), day(58)), day(58)
    yield "trial", build_plan(in_trial(), day(70)), day(70)
    yield "move_on", build_plan(replace(understood(), events=(s.Event(day(20), "new_partner"),)), day(25)), day(25)


@pytest.mark.parametrize("expected, plan, today", list(plans()), ids=[p[0] for p in plans()])
def test_each_stage_gets_a_step_that_fits_it_and_its_locks(expected, plan, today):
    assert plan.stage == expected
    seen = set()
    for _ in range(40):
        step = step_for(plan, today, {})
        assert step is not None
        assert plan.stage in step.stages or ANY in step.stages, step.id
        if not plan.outreach_allowed:
            assert not step.contact, step.id
        seen.add(step.id)
        today = today.fromordinal(today.toordinal() + 1)
    assert len(seen) >= 5  # the step turns with the days


def test_after_a_red_flag_only_safety_and_self_care_are_offered():
    flagged = replace(ready_for_conversation(), readiness=s.Readiness(day(70), {**READY, "physical": "yes"}))
    plan = build_plan(flagged, day(71))
    for offset in range(30):
        step = step_for(plan, day(71 + offset), {})
        assert "safety" in step.stages and not step.contact, step.id


def test_a_step_done_lately_rests_and_one_skipped_today_is_not_offered_again():
    plan = build_plan(understood(), day(10))
    first = step_for(plan, day(10), {})
    assert step_for(plan, day(10), {first.id: day(9)}) != first
    assert step_for(plan, day(10), {}, skipped_today=frozenset({first.id})) != first
    rested = step_for(plan, day(10), {first.id: day(10 - REST_DAYS)})
    assert rested == first


def test_a_step_waits_for_its_day_and_every_fitting_step_can_be_reached():
    plan = build_plan(understood(), day(1))
    skipped, offered = set(), []
    while (step := step_for(plan, day(1), {}, frozenset(skipped))) is not None:
        assert step.from_day <= 1, step.id
        offered.append(step.id)
        skipped.add(step.id)
    assert len(offered) >= 6
    assert any(s.from_day > 1 and "no_contact" in s.stages for s in STEPS)  # some wait for later days


def test_journal_prompts_cover_every_stage_and_fit_the_person():
    from secondchance.program.daily import PROMPTS, prompts_for

    assert len(PROMPTS) >= 40 and len({p.id for p in PROMPTS}) == len(PROMPTS)
    for stage in ("understand", "no_contact", "self_work", "move_on", "trial", "any"):
        assert sum(stage in p.stages for p in PROMPTS) >= 5, stage
    for expected, plan, today in plans():
        offered = prompts_for(plan, today)
        assert len(offered) == 3
        assert any(plan.stage in p.stages for p in offered), expected
        assert all(plan.stage in p.stages or ANY in p.stages for p in offered), expected
    flagged = build_plan(replace(understood(), readiness=s.Readiness(day(5), {**READY, "control": "yes"})), day(6))
    assert all(set(p.stages) & {"safety", ANY} for p in prompts_for(flagged, day(6)))
