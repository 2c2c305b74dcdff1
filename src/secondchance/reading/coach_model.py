"""The coach's learned reader: which problems and apology parts a draft carries, and where.

Its model was fine-tuned on drafts written as "<kind>: <draft>", because the
same words mean different things in different kinds of message (talk of the
future is too soon in a first message, not in an honest conversation). It reads
a draft the way the screen's model reads a text: in pieces, then sentence by
sentence to point at the one a finding is about.
"""

from __future__ import annotations

from .files import COACH
from .model import TextModel, load
from .screen_model import ModelFinding, find, text_probabilities


# The apology's parts are only counted, never marked: no need to find their sentence.
UNPOINTED = frozenset({"regret", "responsibility", "remedy"})


def prefix_for(kind: str) -> str:
    return f"{kind}: "


def find_in_draft(text: str, kind: str, model: TextModel | None = None) -> list[ModelFinding]:
    """Every label the coach's model finds in a draft of this kind, most likely first."""
    return find(text, model or load(COACH), prefix_for(kind), UNPOINTED)


def draft_probabilities(text: str, kind: str, model: TextModel | None = None) -> dict[str, float]:
    """The highest probability of each label over the pieces of the draft (for thresholds and evaluation)."""
    return text_probabilities(text, model or load(COACH), prefix_for(kind))
