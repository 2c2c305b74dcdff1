"""Today's step: one small, concrete thing to do each day, chosen from where the person is.

Pure: the plan, the date and what was marked lately go in; a step comes out. The library is
data (data/daily_steps.json), in our own words.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from .stages import STAGE_BY_ID

# A step done within this many days waits its turn again, unless nothing else fits.
REST_DAYS = 14
# Where a red flag closed the way back, or Safety is open, these are the only steps offered.
SAFE_STAGES = frozenset({"safety"})
ANY = "any"


@dataclass(frozen=True)
class DailyStep:
    id: str
    stages: tuple[str, ...]
    title: str
    why: str
    # Asks the person to contact or meet their ex: offered only while the plan allows it.
    contact: bool = False
    # The earliest day apart (days since the breakup) the step makes sense.
    from_day: int = 0


def _load() -> tuple[DailyStep, ...]:
    raw = json.loads(resources.files(__package__).joinpath("data/daily_steps.json").read_text(encoding="utf-8"))
    return tuple(
        DailyStep(item["id"], tuple(item["stages"]), item["title"], item["why"], bool(item.get("contact")), int(item.get("from_day", 0)))
        for item in raw
    )


STEPS = _load()
STEP_BY_ID = {step.id: step for step in STEPS}
VALID_STAGES = frozenset(STAGE_BY_ID) | {ANY}


def harm_or_safety(plan) -> bool:
    """Only safety and self-care fit: Safety is open, or harm the person told us of closed the way back."""
    return plan.safety.active or bool(plan.safety.confirmed)


def _fits(step: DailyStep, plan, days_apart: int) -> bool:
    if harm_or_safety(plan):
        return bool(SAFE_STAGES & set(step.stages))
    if step.contact and not plan.outreach_allowed:
        return False
    return (plan.stage in step.stages or ANY in step.stages) and step.from_day <= days_apart


def days_apart(plan, day: dt.date) -> int:
    return max((day - plan.dates.breakup).days, 0) if plan.dates.breakup else 0


def step_for(plan, day: dt.date, marked: Mapping[str, dt.date], skipped_today: frozenset[str] = frozenset()) -> DailyStep | None:
    """The step for ``day``: one that fits the stage and the plan's locks, not done lately, turning with the date.

    ``marked`` holds each step's latest day done or skipped; ``skipped_today`` the ones the person
    said "not today" to, which are not offered again that day.
    """
    fitting = [s for s in STEPS if _fits(s, plan, days_apart(plan, day)) and s.id not in skipped_today]
    if not fitting:
        return None
    rested = [s for s in fitting if s.id not in marked or (day - marked[s.id]).days >= REST_DAYS]
    pool = sorted(rested or fitting, key=lambda s: s.id)
    return pool[day.toordinal() % len(pool)]


@dataclass(frozen=True)
class JournalPrompt:
    id: str
    stages: tuple[str, ...]
    prompt: str


def _load_prompts() -> tuple[JournalPrompt, ...]:
    raw = json.loads(resources.files(__package__).joinpath("data/journal_prompts.json").read_text(encoding="utf-8"))
    return tuple(JournalPrompt(item["id"], tuple(item["stages"]), item["prompt"]) for item in raw)


PROMPTS = _load_prompts()
PROMPT_BY_ID = {prompt.id: prompt for prompt in PROMPTS}


def prompts_for(plan, day: dt.date, count: int = 3) -> tuple[JournalPrompt, ...]:
    """A few prompts that fit the stage (after harm: safety and everyday ones), turning with the date.

    Offered as a choice, never required: writing about a loss helps some people and hurts
    others who keep searching for its meaning (PROGRAM.md)."""
    stage = "safety" if harm_or_safety(plan) else plan.stage
    own = sorted((p for p in PROMPTS if stage in p.stages), key=lambda p: p.id)
    everyday = sorted((p for p in PROMPTS if ANY in p.stages), key=lambda p: p.id)
    turn = day.toordinal()
    chosen = [own[(turn + i) % len(own)] for i in range(min(count - 1, len(own)))] if own else []
    chosen += [everyday[(turn + i) % len(everyday)] for i in range(count - len(chosen))]
    return tuple(dict.fromkeys(chosen))
