"""Reading a journey snapshot from JSON and writing a plan as JSON (docs/journey-format.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum

from . import readiness
from .causes import CAUSE_BY_ID
from .interest import OWN_WORDS, SIGNAL_LABELS
from .plan import Plan
from .self_work import AREAS
from .snapshot import Journey, SnapshotError, journey_from_dict
from .trial import CRITERIA, SCORE_MAX, SCORE_MIN

URGE_MAX = 10
PROGRESS_MAX = 100
MINUTES_MAX = 24 * 60


def load_journey(data: object) -> Journey:
    """Parse and check a snapshot; raise SnapshotError naming the first bad field."""
    journey = journey_from_dict(data)
    _check_vocabulary(journey)
    return journey


def _check_vocabulary(journey: Journey) -> None:
    if journey.readiness is not None:
        try:
            readiness.validate_answers(journey.readiness.answers)
        except readiness.InvalidAnswers as error:
            key, problem = next(iter(error.errors.items()))
            raise SnapshotError(f"journey.readiness.answers.{key}", problem) from None
    if journey.breakup is not None:
        for i, cause in enumerate(journey.breakup.causes):
            if cause not in CAUSE_BY_ID:
                raise SnapshotError(f"journey.breakup.causes[{i}]", f"unknown cause {cause!r}; see docs/journey-format.md")
    for i, urge in enumerate(journey.no_contact.urges):
        _in_range(f"journey.no_contact.urges[{i}].intensity", urge.intensity, 1, URGE_MAX)
    for i, goal in enumerate(journey.self_work.goals):
        if goal.area not in AREAS:
            raise SnapshotError(f"journey.self_work.goals[{i}].area", f"must be one of {', '.join(AREAS)}")
        for j, checkin in enumerate(goal.checkins):
            _in_range(f"journey.self_work.goals[{i}].checkins[{j}].progress", checkin.progress, 0, PROGRESS_MAX)
    for i, signal in enumerate(journey.signals):
        if signal.kind not in SIGNAL_LABELS and signal.kind != OWN_WORDS:
            raise SnapshotError(f"journey.signals[{i}].kind", f"unknown signal {signal.kind!r}")
        if signal.kind == OWN_WORDS and signal.direction is None:
            raise SnapshotError(f"journey.signals[{i}].direction", "is required for a signal in your own words")
    for i, checkin in enumerate(journey.trial.checkins):
        for key, score in checkin.scores.items():
            if key not in CRITERIA:
                raise SnapshotError(f"journey.trial.checkins[{i}].scores.{key}", f"must be one of {', '.join(CRITERIA)}")
            _in_range(f"journey.trial.checkins[{i}].scores.{key}", score, SCORE_MIN, SCORE_MAX)
    for i, session in enumerate(journey.writing):
        _in_range(f"journey.writing[{i}].minutes", session.minutes, 1, MINUTES_MAX)


def _in_range(path: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise SnapshotError(path, f"must be between {low} and {high}")


def plan_to_dict(plan: Plan) -> dict:
    """The plan as JSON-ready data: the keys of docs/journey-format.md, then the details."""
    return {
        "today": plan.today.isoformat(),
        "stage": plan.stage,
        "stage_title": plan.stage_title,
        "stage_reason": plan.stage_reason,
        "stage_rule": plan.stage_rule,
        "stages_done": [{"stage": d.stage, "reason": d.reason} for d in plan.stages_done],
        "next_actions": [
            {"id": a.id, "title": a.title, "why": a.why, "rule": a.rule, "source": a.source} for a in plan.next_actions
        ],
        "locked": [
            {"action": lock.action, "reason": lock.reason, "rule": lock.rule, "until": _plain(lock.until)}
            for lock in plan.locked
        ],
        "dates": _plain(plan.dates),
        "outreach_allowed": plan.outreach_allowed,
        "reply_allowed": plan.reply_allowed,
        "safety": plan.safety.active,
        "crisis": plan.safety.crisis,
        "reasons": list(plan.reasons),
        "causes": _plain(plan.causes),
        "interest": _plain(plan.interest),
        "counselling": _plain(plan.counselling),
        "no_contact": _plain(plan.no_contact),
        "contact_ladder": {
            "current": plan.ladder.current,
            "climbed": list(plan.ladder.climbed),
            "out_of_order": _plain(plan.ladder.out_of_order),
        },
        "goals": _plain(plan.goals),
        "trial": _plain(plan.trial),
        "move_on": _plain(plan.move_on),
    }


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
