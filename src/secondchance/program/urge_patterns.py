"""When urges come, what sets them off and what helps: read from the person's own urges and slips."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

PARTS_OF_DAY = (("night", "at night", 0, 6), ("morning", "in the morning", 6, 12),
                ("afternoon", "in the afternoon", 12, 18), ("evening", "in the evening", 18, 24))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Fewer than this and a "pattern" would be a guess.
ENOUGH = 3


@dataclass(frozen=True)
class Moment:
    """One urge or slip: its day, its local hour when known, what set it off, what helped."""

    day: dt.date
    hour: int | None = None
    trigger: str = ""
    helped: str = ""
    held: bool = False


@dataclass(frozen=True)
class UrgePatterns:
    count: int
    parts_of_day: tuple[tuple[str, int], ...]
    weekdays: tuple[tuple[str, int], ...]
    triggers: tuple[tuple[str, int], ...]
    helped: tuple[tuple[str, int], ...]
    sentences: tuple[str, ...]


def _common(texts, top: int = 3) -> tuple[tuple[str, int], ...]:
    """The most frequent answers, matched without regard to case or spacing, in the person's first wording."""
    first: dict[str, str] = {}
    counts: Counter = Counter()
    for text in texts:
        key = " ".join(text.split()).casefold().rstrip(".")
        if key:
            first.setdefault(key, " ".join(text.split()).rstrip("."))
            counts[key] += 1
    return tuple((first[key], n) for key, n in counts.most_common(top))


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def urge_patterns(moments: list[Moment]) -> UrgePatterns:
    timed = [m for m in moments if m.hour is not None]
    parts = tuple((label, sum(start <= m.hour < end for m in timed)) for label, _, start, end in PARTS_OF_DAY)
    weekdays = tuple((name, sum(m.day.weekday() == i for m in moments)) for i, name in enumerate(WEEKDAYS))
    triggers = _common(m.trigger for m in moments)
    helped = _common(m.helped for m in moments if m.held)
    sentences: list[str] = []
    if len(moments) < ENOUGH:
        sentences.append("Record a few more urges and slips, and their patterns will show here.")
    else:
        if len(timed) >= ENOUGH:
            (label, count), = sorted(parts, key=lambda p: -p[1])[:1]
            words = next(w for key, w, _, _ in PARTS_OF_DAY if key == label)
            sentences.append(f"Most of your urges come {words} ({count} of {len(timed)}).")
        name, count = max(weekdays, key=lambda d: d[1])
        if count >= 2:
            sentences.append(f"{name}s are your hardest day so far ({count} of {len(moments)}).")
        if triggers:
            sentences.append(f"What set them off most: {triggers[0][0]} ({_times(triggers[0][1])}).")
        if helped:
            sentences.append(f"What helped most when you held on: {helped[0][0]} ({_times(helped[0][1])}).")
    return UrgePatterns(len(moments), parts, weekdays, triggers, helped, tuple(sentences))
