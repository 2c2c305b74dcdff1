"""Stage 1: the causes of a breakup and how fixable each is (PROGRAM.md stage 1)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Fixability(str, Enum):
    FIXABLE = "fixable"
    NEEDS_HELP = "needs_professional_help"
    DEALBREAKER = "dealbreaker"


@dataclass(frozen=True)
class Cause:
    id: str
    label: str
    fixability: Fixability
    # The red-flag category this cause is, when it is also a safety matter.
    red_flag: str | None = None


CAUSES: tuple[Cause, ...] = (
    Cause("communication", "Communication problems", Fixability.FIXABLE),
    Cause("not_heard", "Not feeling heard", Fixability.FIXABLE),
    Cause("misunderstandings", "Small misunderstandings", Fixability.FIXABLE),
    Cause("silly_fights", "Silly fights", Fixability.FIXABLE),
    Cause("jealousy", "Jealousy", Fixability.FIXABLE),
    Cause("attention", "Too little attention or time together", Fixability.FIXABLE),
    Cause("work_life", "Work-life balance", Fixability.FIXABLE),
    Cause("beliefs", "Clashing beliefs or politics", Fixability.FIXABLE),
    Cause("distance", "Long distance or a move", Fixability.FIXABLE),
    Cause("different_goals", "Different goals in life", Fixability.FIXABLE),
    Cause("cheating_once", "Cheating", Fixability.NEEDS_HELP),
    Cause("financial_dishonesty", "Dishonesty about money", Fixability.NEEDS_HELP),
    Cause("controlling", "Controlling behaviour", Fixability.NEEDS_HELP),
    Cause("lies", "Trust broken by lies", Fixability.NEEDS_HELP),
    Cause("abuse", "Abuse of any kind", Fixability.DEALBREAKER, red_flag="physical"),
    Cause("no_respect", "No respect: insults, belittling", Fixability.DEALBREAKER, red_flag="contempt"),
    Cause("repeated_cheating", "Repeated cheating", Fixability.DEALBREAKER, red_flag="repeated_cheating"),
    Cause("not_serious", "They were never serious about us", Fixability.DEALBREAKER),
    Cause("no_empathy", "They couldn't feel for me", Fixability.DEALBREAKER),
)
CAUSE_BY_ID = {cause.id: cause for cause in CAUSES}
# "Different goals" is fixable only sometimes; the plan says so.
MAYBE_FIXABLE = frozenset({"different_goals"})
TRUST_BREAKING = frozenset({"cheating_once", "financial_dishonesty", "lies", "repeated_cheating"})


def classify_cause(cause_id: str) -> Fixability:
    """Fixability of a known cause; a cause of the person's own wording needs reflection."""
    cause = CAUSE_BY_ID.get(cause_id)
    return cause.fixability if cause else Fixability.NEEDS_HELP


def cause_label(cause_id: str) -> str:
    cause = CAUSE_BY_ID.get(cause_id)
    return cause.label if cause else cause_id


def dealbreakers_in(cause_ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in cause_ids if classify_cause(c) is Fixability.DEALBREAKER)


def red_flag_causes(cause_ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in cause_ids if c in CAUSE_BY_ID and CAUSE_BY_ID[c].red_flag)
