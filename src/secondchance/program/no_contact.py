"""Stage 2: the no-contact period (PROGRAM.md stage 2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import shifted
from .causes import Fixability, classify_cause
from .snapshot import Journey

MIN_NO_CONTACT_DAYS = 30
MAX_NO_CONTACT_DAYS = 90
# How much each reason for more space adds to the 30-day minimum.
EXTRA_DAYS_THEY_ENDED_IT_AFTER_THOUGHT = 21
EXTRA_DAYS_COMPLEX_CAUSE = 21
EXTRA_DAYS_INTENSE_EMOTIONS = 14
EXTRA_DAYS_PER_SLIP = 7


@dataclass(frozen=True)
class NoContactStatus:
    mode: str  # "no_contact" or "limited_contact"
    target_days: int
    target_date: dt.date
    days_done: int
    days_left: int
    slips: int
    reasons: tuple[str, ...]
    rules: tuple[str, ...]
    limited_contact_reasons: tuple[str, ...]


def limited_contact_reasons(journey: Journey) -> tuple[str, ...]:
    """Why silence is impossible (children, shared home, work): then limited contact, logistics only."""
    profile = journey.profile
    reasons = []
    if profile.children:
        reasons.append("you share children")
    if profile.shared_home:
        reasons.append("you still share a home")
    if profile.work_together:
        reasons.append("you work together")
    if journey.no_contact.limited_contact and not reasons:
        reasons.append("you chose limited contact")
    return tuple(reasons)


def no_contact_target_days(journey: Journey) -> tuple[int, tuple[str, ...]]:
    """A personal target between 30 and 90 days, with the reasons for any extra time."""
    days, reasons, _ = _target_with_rules(journey)
    return days, reasons


def _target_with_rules(journey: Journey) -> tuple[int, tuple[str, ...], tuple[str, ...]]:
    days = MIN_NO_CONTACT_DAYS
    reasons = [f"At least {MIN_NO_CONTACT_DAYS} days apart for everyone."]
    rules = ["no_contact_minimum"]
    breakup = journey.breakup
    if breakup is not None:
        if breakup.ended_by == "them_considered":
            days += EXTRA_DAYS_THEY_ENDED_IT_AFTER_THOUGHT
            reasons.append(f"They ended it after careful thought: +{EXTRA_DAYS_THEY_ENDED_IT_AFTER_THOUGHT} days.")
        complex_causes = [c for c in breakup.causes if classify_cause(c) is Fixability.NEEDS_HELP]
        if complex_causes:
            days += EXTRA_DAYS_COMPLEX_CAUSE
            reasons.append(f"A cause that runs deep ({', '.join(complex_causes)}): +{EXTRA_DAYS_COMPLEX_CAUSE} days.")
        if breakup.intense_emotions:
            days += EXTRA_DAYS_INTENSE_EMOTIONS
            reasons.append(f"Feelings are still very strong: +{EXTRA_DAYS_INTENSE_EMOTIONS} days.")
    if days > MIN_NO_CONTACT_DAYS:
        rules.append("no_contact_longer_when")
    slips = len(slips_during_no_contact(journey))
    if slips:
        days += EXTRA_DAYS_PER_SLIP * slips
        reasons.append(f"{slips} slip{'s' if slips > 1 else ''} during no contact: +{EXTRA_DAYS_PER_SLIP * slips} days.")
        rules.append("slips_extend_never_reset")
    if days > MAX_NO_CONTACT_DAYS:
        reasons.append(f"Capped at {MAX_NO_CONTACT_DAYS} days.")
        rules.append("no_contact_maximum")
    return clamp_no_contact_days(days), tuple(reasons), tuple(rules)


def clamp_no_contact_days(days: int) -> int:
    return max(MIN_NO_CONTACT_DAYS, min(MAX_NO_CONTACT_DAYS, days))


def slips_during_no_contact(journey: Journey):
    """Slips are kept forever; those after the breakup count towards extra time."""
    if journey.breakup is None:
        return journey.no_contact.slips
    return tuple(s for s in journey.no_contact.slips if s.date >= journey.breakup.date)


def no_contact_status(journey: Journey, today: dt.date) -> NoContactStatus | None:
    if journey.breakup is None:
        return None
    days, reasons, rules = _target_with_rules(journey)
    target = shifted(journey.breakup.date, days)
    limited = limited_contact_reasons(journey)
    done = max(0, (today - journey.breakup.date).days)
    return NoContactStatus(
        mode="limited_contact" if limited else "no_contact",
        target_days=days,
        target_date=target,
        days_done=done,
        days_left=max(0, (target - today).days),
        slips=len(slips_during_no_contact(journey)),
        reasons=reasons,
        rules=rules,
        limited_contact_reasons=limited,
    )
