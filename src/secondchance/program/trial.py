"""Stage 8: the trial period and its check-ins (PROGRAM.md stage 8)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .dates import shifted
from .snapshot import Journey

CRITERIA = {
    "disagreements_resolved": "Small disagreements got resolved calmly",
    "changes_kept": "The changes you agreed on are being kept",
    "feels_considered": "It still feels considered, not hasty",
    "intimacy": "Emotional and physical closeness",
    "past_left_behind": "The past isn't being dragged up",
}
CRITERIA_SHORT = {
    "disagreements_resolved": "disagreements",
    "changes_kept": "changes kept",
    "feels_considered": "pace",
    "intimacy": "closeness",
    "past_left_behind": "past left behind",
}
SCORE_MIN, SCORE_MAX = 1, 5
LOW_SCORE = 2
DROP_THAT_WARNS = 2
CHECKIN_EVERY_DAYS = 7
TRIAL_MIN_CHECKINS = 6
TRIAL_MIN_DAYS = 84
CONCERN_REPEATS_THAT_WARN = 2


@dataclass(frozen=True)
class CriterionTrend:
    criterion: str
    label: str
    scores: tuple[tuple[dt.date, int], ...]
    trend: str  # "improving", "steady", "worsening", "not_enough_data"


@dataclass(frozen=True)
class TrialHealth:
    trends: tuple[CriterionTrend, ...]
    warnings: tuple[str, ...]
    checkins: int
    days: int
    next_checkin: dt.date | None
    long_enough: bool


def _trend(scores: list[int]) -> str:
    if len(scores) < 2:
        return "not_enough_data"
    recent = scores[-3:]
    change = recent[-1] - recent[0]
    if change > 0:
        return "improving"
    if change < 0:
        return "worsening"
    return "steady"


def old_patterns_returning(criterion: str, scores: list[int]) -> str | None:
    """A criterion that falls sharply, or stays low twice running, is a warning."""
    label = CRITERIA[criterion].lower()
    if len(scores) >= 2 and max(scores[:-1]) - scores[-1] >= DROP_THAT_WARNS:
        return f"Old patterns may be returning: {label} dropped to {scores[-1]} of {SCORE_MAX}."
    if len(scores) >= 2 and scores[-1] <= LOW_SCORE and scores[-2] <= LOW_SCORE:
        return f"Two low check-ins in a row: {label}."
    return None


def repeated_concerns(journey: Journey) -> tuple[str, ...]:
    """The same concern from different people weighs: it is a warning, not a verdict."""
    people = defaultdict(set)
    for concern in journey.concerns:
        people[concern.topic.strip().lower()].add(concern.who.strip().lower())
    return tuple(
        f"{len(who)} people close to you raised the same worry: {topic}."
        for topic, who in sorted(people.items())
        if len(who) >= CONCERN_REPEATS_THAT_WARN
    )


def trial_health(journey: Journey, started: dt.date, today: dt.date) -> TrialHealth:
    checkins = sorted((c for c in journey.trial.checkins if c.date >= started), key=lambda c: c.date)
    trends = []
    warnings = []
    for criterion, label in CRITERIA.items():
        series = [(c.date, c.scores[criterion]) for c in checkins if criterion in c.scores]
        scores = [s for _, s in series]
        trends.append(CriterionTrend(criterion, label, tuple(series), _trend(scores)))
        warning = old_patterns_returning(criterion, scores)
        if warning:
            warnings.append(warning)
    if any(c.red_flag for c in checkins):
        warnings.append("A check-in recorded a red flag.")
    warnings.extend(repeated_concerns(journey))
    last = checkins[-1].date if checkins else started
    return TrialHealth(
        trends=tuple(trends),
        warnings=tuple(warnings),
        checkins=len(checkins),
        days=(today - started).days,
        next_checkin=shifted(last, CHECKIN_EVERY_DAYS),
        long_enough=len(checkins) >= TRIAL_MIN_CHECKINS and (today - started).days >= TRIAL_MIN_DAYS,
    )
