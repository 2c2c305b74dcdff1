"""Stage 9: when counselling is recommended, and why (PROGRAM.md stage 9)."""

from __future__ import annotations

from dataclasses import dataclass

from .causes import TRUST_BREAKING
from .snapshot import Journey


@dataclass(frozen=True)
class CounsellingAdvice:
    recommended: bool
    reasons: tuple[str, ...]


def counselling_advice(journey: Journey) -> CounsellingAdvice:
    profile = journey.profile
    reasons = []
    if profile.married:
        reasons.append("You were married.")
    if profile.lived_together:
        reasons.append("You lived together.")
    if profile.children:
        reasons.append("You have children together.")
    if journey.breakup is not None:
        broken = [c for c in journey.breakup.causes if c in TRUST_BREAKING]
        if broken:
            reasons.append("Trust was broken, and rebuilding it is hard to do alone.")
    if profile.previous_breakups >= 1:
        reasons.append("You have broken up and got back together before; on-off couples tend to be less happy.")
    return CounsellingAdvice(bool(reasons), tuple(reasons))
