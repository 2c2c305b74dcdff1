"""Safety from any stage (PROGRAM.md Principle 2 and "Safety")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import readiness
from .causes import CAUSE_BY_ID, red_flag_causes
from .snapshot import Journey


@dataclass(frozen=True)
class SafetyStatus:
    active: bool
    flags: tuple[str, ...]
    crisis: bool
    flagged_on: dt.date | None
    resolved_on: dt.date | None


def red_flags_recorded(journey: Journey) -> list[tuple[dt.date, str]]:
    """Every red flag with the date it was recorded, from every place it can come from."""
    found: list[tuple[dt.date, str]] = []
    if journey.readiness is not None:
        for flag in readiness.red_flags_in(journey.readiness.answers):
            found.append((journey.readiness.taken_on, flag))
        if readiness.needs_crisis_support(journey.readiness.answers):
            found.append((journey.readiness.taken_on, "self_harm"))
    if journey.breakup is not None:
        for cause in red_flag_causes(journey.breakup.causes):
            found.append((journey.breakup.date, CAUSE_BY_ID[cause].red_flag))
    for event in journey.events_of("red_flag"):
        found.append((event.date, event.note or "red_flag"))
    for checkin in journey.trial.checkins:
        if checkin.red_flag:
            found.append((checkin.date, "trial_checkin"))
    return found


def safety_status(journey: Journey) -> SafetyStatus:
    """Active until the person marks it resolved, on the safety page, after the latest flag."""
    flags = red_flags_recorded(journey)
    if not flags:
        return SafetyStatus(False, (), False, None, None)
    latest = max(date for date, _ in flags)
    resolved = max((e.date for e in journey.events_of("safety_resolved")), default=None)
    active = resolved is None or resolved < latest
    open_flags = tuple(dict.fromkeys(f for d, f in sorted(flags) if resolved is None or d > resolved))
    return SafetyStatus(
        active=active,
        flags=open_flags if active else (),
        crisis=active and "self_harm" in open_flags,
        flagged_on=latest,
        resolved_on=resolved,
    )
