"""Move On: accepting, and the 3-day positive expressive writing plan (PROGRAM.md Move On)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import shifted
from .snapshot import Journey

WRITING_MIN_MINUTES = 15
WRITING_MAX_MINUTES = 30
WRITING_DAYS = 3


@dataclass(frozen=True)
class WritingProgress:
    days_done: int
    complete: bool
    write_today: bool
    felt_worse: bool
    advice: str


def writing_days_in_a_row(journey: Journey) -> int:
    """The longest run of consecutive days with a session of at least 15 minutes."""
    days = sorted({s.date for s in journey.writing if s.minutes >= WRITING_MIN_MINUTES})
    best = run = 0
    previous = None
    for day in days:
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        best = max(best, run)
        previous = day
    return best


def _current_run(journey: Journey, today: dt.date) -> int:
    days = {s.date for s in journey.writing if s.minutes >= WRITING_MIN_MINUTES}
    start = today if today in days else shifted(today, -1)
    run, day = 0, start
    while day in days:
        run += 1
        if day == dt.date.min:
            break
        day = shifted(day, -1)
    return run


def writing_progress(journey: Journey, today: dt.date) -> WritingProgress:
    complete = writing_days_in_a_row(journey) >= WRITING_DAYS
    felt_worse = any(s.felt == "worse" for s in journey.writing)
    run = min(_current_run(journey, today), WRITING_DAYS)
    wrote_today = any(s.date == today and s.minutes >= WRITING_MIN_MINUTES for s in journey.writing)
    if felt_worse:
        advice = "Writing left you feeling worse. It's fine to stop; talking with a friend or a counsellor may suit you better."
    elif complete:
        advice = "You finished three days of writing. Notice what you found."
    elif wrote_today:
        advice = f"Day {run} of {WRITING_DAYS} done. Come back tomorrow."
    else:
        advice = f"Write for {WRITING_MIN_MINUTES}-{WRITING_MAX_MINUTES} minutes today about good things that came out of the breakup (day {run + 1} of {WRITING_DAYS})."
    return WritingProgress(
        days_done=WRITING_DAYS if complete else run,
        complete=complete,
        write_today=not (complete or wrote_today or felt_worse),
        felt_worse=felt_worse,
        advice=advice,
    )
