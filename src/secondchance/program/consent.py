"""Consent: their "no" ends the pursuit (PROGRAM.md Principle 1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .snapshot import Journey

CLOSED_DOOR_EVENTS = ("said_no", "blocked", "new_partner")
REPEATED_UNANSWERED_LIMIT = 2
CLOSED_DOOR_WORDS = {
    "said_no": "they said no",
    "blocked": "they blocked you",
    "new_partner": "they have a new committed partner",
}


@dataclass(frozen=True)
class ConsentStatus:
    closed: bool
    closed_by: tuple[str, ...]
    closed_on: dt.date | None
    they_reached_out_since: bool
    unanswered_in_a_row: int

    @property
    def reply_only(self) -> bool:
        """After a closed door, only their own approach opens a reply, never a new pursuit."""
        return self.closed and self.they_reached_out_since


def unanswered_in_a_row(journey: Journey) -> int:
    """Messages you sent, latest first, with no reply, until one they answered or started."""
    count = 0
    for contact in sorted(journey.contacts, key=lambda c: c.date, reverse=True):
        if contact.initiated_by == "them" or contact.response != "none":
            break
        count += 1
    return count


# The same answers can be logged as an interest signal; they close the door just the same.
SIGNAL_TO_EVENT = {"firm_no": "said_no", "blocked": "blocked", "new_partner": "new_partner"}


def closing_facts(journey: Journey) -> tuple[tuple[dt.date, str], ...]:
    facts = [(e.date, e.kind) for e in journey.events_of(*CLOSED_DOOR_EVENTS)]
    facts += [(s.date, SIGNAL_TO_EVENT[s.kind]) for s in journey.signals if s.kind in SIGNAL_TO_EVENT]
    return tuple(sorted(facts))


def consent_status(journey: Journey) -> ConsentStatus:
    closing = closing_facts(journey)
    closed_on = max((date for date, _ in closing), default=None)
    reached_out = closed_on is not None and any(
        e.date >= closed_on for e in journey.events_of("they_reached_out")
    )
    return ConsentStatus(
        closed=bool(closing),
        closed_by=tuple(dict.fromkeys(kind for _, kind in closing)),
        closed_on=closed_on,
        they_reached_out_since=reached_out,
        unanswered_in_a_row=unanswered_in_a_row(journey),
    )
