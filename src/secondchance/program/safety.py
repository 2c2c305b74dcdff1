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


# Flags and resolutions are ordered by date, then by their place in the event list:
# a flag recorded after a resolution on the same day is a new flag.
_BEFORE_EVENTS = -1


def red_flags_recorded(journey: Journey) -> list[tuple[tuple[dt.date, int], str]]:
    """Every red flag with when it was recorded, from every place it can come from."""
    found: list[tuple[tuple[dt.date, int], str]] = []
    if journey.readiness is not None:
        when = (journey.readiness.taken_on, _BEFORE_EVENTS)
        found += [(when, flag) for flag in readiness.red_flags_in(journey.readiness.answers)]
        if readiness.needs_crisis_support(journey.readiness.answers):
            found.append((when, "self_harm"))
    if journey.breakup is not None:
        for cause in red_flag_causes(journey.breakup.causes):
            found.append(((journey.breakup.date, _BEFORE_EVENTS), CAUSE_BY_ID[cause].red_flag))
    for index, event in enumerate(journey.events):
        if event.kind == "red_flag":
            found.append(((event.date, index), event.note or "red_flag"))
    for checkin in journey.trial.checkins:
        if checkin.red_flag:
            found.append(((checkin.date, _BEFORE_EVENTS), "trial_checkin"))
    return found


def safety_status(journey: Journey) -> SafetyStatus:
    """Active until the person marks it resolved, on the safety page, after the latest flag."""
    flags = red_flags_recorded(journey)
    if not flags:
        return SafetyStatus(False, (), False, None, None)
    latest = max(when for when, _ in flags)
    resolutions = [(e.date, i) for i, e in enumerate(journey.events) if e.kind == "safety_resolved"]
    resolved = max(resolutions, default=None)
    active = resolved is None or resolved < latest
    open_flags = tuple(dict.fromkeys(f for when, f in sorted(flags) if resolved is None or when > resolved))
    return SafetyStatus(
        active=active,
        flags=open_flags if active else (),
        crisis=active and "self_harm" in open_flags,
        flagged_on=latest[0],
        resolved_on=resolved[0] if resolved else None,
    )
