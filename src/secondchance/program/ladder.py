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

# What fits each rung, so the advice never runs ahead of where the ladder is.
RUNG_ADVICE = {
    "social_media": ("A like or a short, warm comment on something they posted. No direct message yet, "
                     "no invitation: let them see you're around and doing well."),
    "text": ("One short, light text: a shared joke or a simple hello with an easy question. "
             "No invitation yet, and nothing about the two of you."),
    "call": "A short call, once texts have been warm. Keep it light and end it while it's going well.",
    "video": "A relaxed video call. Still nothing about getting back together.",
    "in_person": "A low-key meeting that is easy to say no to: a coffee or a walk, somewhere public.",
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


def is_above(channel: str, current: str) -> bool:
    """A contact you start on a rung the ladder hasn't reached yet."""
    return RUNGS.index(channel) > RUNGS.index(current)
