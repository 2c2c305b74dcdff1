"""Stage 4: gauging their interest from what you notice (PROGRAM.md stage 4).

The summary weighs evidence for and against and reads it in plain words. It
never turns it into a percentage: a number would promise a precision that
noticing a few signs cannot give.
"""

from __future__ import annotations

from dataclasses import dataclass

from .snapshot import Journey, Signal
from .words import human_date

POSITIVE_SIGNALS = {
    "likes_or_comments_more": "They like or comment on your posts more",
    "brings_up_memories": "They bring up shared memories",
    "asks_friends_about_you": "They ask mutual friends how you are",
    "reached_out": "They reached out themselves",
    "responds_warmly": "They respond warmly",
}
NEGATIVE_SIGNALS = {
    "no_reply": "No reply",
    "short_cold_replies": "Short, cold replies",
    "needs_space": "They said they need space",
    "new_partner": "They have a new serious partner",
    "firm_no": "They said a clear no",
    "blocked": "They blocked you",
}
SIGNAL_LABELS = {**POSITIVE_SIGNALS, **NEGATIVE_SIGNALS}
# Signals that are not evidence to weigh but a decision to respect.
CONSENT_SIGNALS = frozenset({"new_partner", "firm_no", "blocked"})
OWN_WORDS = "other"
# A single like, or several signs on one evening, say little: interest is read from at
# least this many signs, noticed on at least this many different days.
ENOUGH_SIGNALS = 2
ENOUGH_SIGNAL_DAYS = 2


@dataclass(frozen=True)
class InterestSummary:
    evidence_for: tuple[str, ...]
    evidence_against: tuple[str, ...]
    reading: str  # "none_yet", "too_early", "leaning_warm", "mixed", "leaning_cold", "closed"
    words: str


def signal_direction(signal: Signal) -> str:
    if signal.kind in POSITIVE_SIGNALS:
        return "positive"
    if signal.kind in NEGATIVE_SIGNALS:
        return "negative"
    return signal.direction or "positive"


def _describe(signal: Signal) -> str:
    label = SIGNAL_LABELS.get(signal.kind, signal.note or signal.kind)
    return f"{human_date(signal.date)}: {label}"


def interest_summary(journey: Journey) -> InterestSummary:
    signals = sorted(journey.signals, key=lambda s: s.date)
    evidence_for = tuple(_describe(s) for s in signals if signal_direction(s) == "positive")
    evidence_against = tuple(_describe(s) for s in signals if signal_direction(s) == "negative")
    if any(s.kind in CONSENT_SIGNALS for s in signals):
        return InterestSummary(evidence_for, evidence_against, "closed", "They have given a clear answer. It deserves respect.")
    if not signals:
        return InterestSummary((), (), "none_yet", "Nothing noticed yet. That's fine: watch, don't go looking.")
    if len(signals) < ENOUGH_SIGNALS or len({s.date for s in signals}) < ENOUGH_SIGNAL_DAYS:
        return InterestSummary(evidence_for, evidence_against, "too_early",
                               "One sign is not a pattern yet. Keep noticing, over more than one day, before reading anything into it.")
    # Recent signs say more than old ones: the latest three carry double weight.
    weights = [2 if i >= len(signals) - 3 else 1 for i in range(len(signals))]
    score = sum(w if signal_direction(s) == "positive" else -w for s, w in zip(signals, weights))
    if score >= 2:
        reading, words = "leaning_warm", "Some warm signs, more for than against. Hopeful, not certain."
    elif score <= -2:
        reading, words = "leaning_cold", "More signs against than for. Give them room; don't push."
    else:
        reading, words = "mixed", "Mixed signs. Too early to read much into it."
    return InterestSummary(evidence_for, evidence_against, reading, words)
