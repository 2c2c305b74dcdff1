"""The dates worth a reminder in the person's own calendar, read from their plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WRITING_DAYS = 3
# In discreet mode every reminder is called this, whatever it is about.
NEUTRAL_TITLE = "Check-in"


@dataclass(frozen=True)
class Reminder:
    key: str
    date: dt.date
    title: str


def reminders(plan) -> tuple[Reminder, ...]:
    """Each upcoming date the plan knows: the end of the space, the retake, the next check-in, the writing days."""
    found: list[Reminder] = []
    dates = plan.dates
    if plan.no_contact is not None and dates.no_contact_target and dates.no_contact_target >= plan.today:
        found.append(Reminder("space-done", dates.no_contact_target, "Your days of space are done today"))
    if dates.retake_check and dates.retake_check >= plan.today:
        found.append(Reminder("retake-check", dates.retake_check, "Your check opens again today"))
    if dates.next_checkin and dates.next_checkin >= plan.today:
        title = "Trial check-in" if plan.trial is not None else "Check in on your goals"
        found.append(Reminder("check-in", dates.next_checkin, title))
    writing = plan.move_on
    if plan.stage == "move_on" and writing is not None and not writing.complete:
        first = plan.today if writing.write_today else plan.today + dt.timedelta(days=1)
        for n in range(max(WRITING_DAYS - writing.days_done, 0)):
            found.append(Reminder(f"writing-{n + 1}", first + dt.timedelta(days=n), "A writing day: twenty minutes, if you'd like"))
    return tuple(found)
