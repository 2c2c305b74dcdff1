"""Stage 5: the contact ladder (PROGRAM.md stage 5, S3 #4).

Social media, then text, then a call, a video call, and meeting in person:
one rung at a time, and only after a warm response on the current rung.
"""

from __future__ import annotations

from dataclasses import dataclass

from .snapshot import Contact

RUNGS = ("social_media", "text", "call", "video", "in_person")
RUNG_LABELS = {
    "social_media": "A light touch on social media",
    "text": "A text message",
    "call": "A phone call",
    "video": "A video call",
    "in_person": "Meeting in person",
}


@dataclass(frozen=True)
class LadderStatus:
    current: str
    reached_in_person: bool
    climbed: tuple[str, ...]
    out_of_order: tuple[Contact, ...]


def climb_ladder(contacts: tuple[Contact, ...]) -> LadderStatus:
    """Walk the contacts in date order; a warm response on the current rung opens the next."""
    position = 0
    climbed: list[str] = []
    out_of_order: list[Contact] = []
    for contact in sorted(contacts, key=lambda c: c.date):
        rung = RUNGS.index(contact.channel)
        if rung > position and contact.initiated_by == "me":
            out_of_order.append(contact)
            continue
        if rung >= position and contact.response == "warm" and position < len(RUNGS) - 1:
            climbed.append(RUNGS[position])
            position += 1
    return LadderStatus(RUNGS[position], position == len(RUNGS) - 1, tuple(climbed), tuple(out_of_order))
