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
    # Harm the person told us of, or that was found in their writing and not marked as wrong:
    # it closes the way back to the ex for good (Principle 2), whether or not Safety is active.
    confirmed: tuple[str, ...] = ()
    # An open flag came from the screen, so "this was picked up wrongly" is theirs to say.
    disputable: bool = False


@dataclass(frozen=True)
class RecordedFlag:
    when: tuple[dt.date, int]
    name: str
    detected: bool = False


# Flags and resolutions are ordered by date, then by their place in the event list:
# a flag recorded after a resolution on the same day is a new flag.
_BEFORE_EVENTS = -1
# Thoughts of self-harm call for crisis support; they say nothing against the ex.
NOT_ABOUT_THE_EX = frozenset({"self_harm"})
# How each flag is named to the person, in plain words.
FLAG_WORDS = {
    "physical": "being hurt physically",
    "sexual": "being pressured or forced sexually",
    "threat": "threats",
    "fear": "feeling afraid of them",
    "stalking": "being followed, watched or tracked",
    "control": "being controlled",
    "contempt": "insults and being made to feel small",
    "repeated_cheating": "cheating, more than once",
    "trial_checkin": "something that felt unsafe during your trial",
    "self_harm": "thoughts of hurting yourself",
}


def flag_words(name: str) -> str:
    return FLAG_WORDS.get(name, "something that felt unsafe")


def red_flags_recorded(journey: Journey) -> list[RecordedFlag]:
    """Every red flag with when it was recorded, from every place it can come from."""
    found: list[RecordedFlag] = []
    if journey.readiness is not None:
        when = (journey.readiness.taken_on, _BEFORE_EVENTS)
        found += [RecordedFlag(when, flag) for flag in readiness.red_flags_in(journey.readiness.answers)]
        if readiness.needs_crisis_support(journey.readiness.answers):
            found.append(RecordedFlag(when, "self_harm"))
    if journey.breakup is not None:
        for cause in red_flag_causes(journey.breakup.causes):
            found.append(RecordedFlag((journey.breakup.date, _BEFORE_EVENTS), CAUSE_BY_ID[cause].red_flag))
    for index, event in enumerate(journey.events):
        if event.kind == "red_flag":
            found.append(RecordedFlag((event.date, index), event.note or "red_flag", event.detected))
    for checkin in journey.trial.checkins:
        if checkin.red_flag:
            found.append(RecordedFlag((checkin.date, _BEFORE_EVENTS), "trial_checkin"))
    return found


def _marked_wrong(journey: Journey, flag: RecordedFlag) -> bool:
    """A detected flag the person said was picked up wrongly, at any time after it was recorded."""
    return flag.detected and any(
        event.kind == "detection_disputed" and (event.date, index) > flag.when for index, event in enumerate(journey.events)
    )


def safety_status(journey: Journey) -> SafetyStatus:
    """Active until the person marks it resolved, on the safety page, after the latest flag."""
    flags = red_flags_recorded(journey)
    if not flags:
        return SafetyStatus(False, (), False, None, None)
    latest = max(flag.when for flag in flags)
    resolutions = [(e.date, i) for i, e in enumerate(journey.events) if e.kind == "safety_resolved"]
    resolved = max(resolutions, default=None)
    active = resolved is None or resolved < latest
    open_flags = [flag for flag in sorted(flags, key=lambda f: f.when) if resolved is None or flag.when > resolved]
    confirmed = [f.name for f in sorted(flags, key=lambda f: f.when) if f.name not in NOT_ABOUT_THE_EX and not _marked_wrong(journey, f)]
    names = tuple(dict.fromkeys(f.name for f in open_flags))
    return SafetyStatus(
        active=active,
        flags=names if active else (),
        crisis=active and "self_harm" in names,
        flagged_on=latest[0],
        resolved_on=resolved[0] if resolved else None,
        confirmed=tuple(dict.fromkeys(confirmed)),
        disputable=active and any(f.detected for f in open_flags),
    )
