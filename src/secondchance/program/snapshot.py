"""A journey snapshot: everything one person recorded, as plain dataclasses.

The web app builds a snapshot from its database rows; ``secondchance plan``
reads one from JSON (format: docs/journey-format.md). The core decides from
the snapshot alone, so the same snapshot always gives the same plan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

EndedBy = Literal["me_impulsive", "me_after_frustration", "them_considered", "them_impulsive", "mutual"]
Rung = Literal["social_media", "text", "call", "video", "in_person"]
Response = Literal["warm", "neutral", "cold", "none"]
Direction = Literal["positive", "negative"]
Felt = Literal["good", "okay", "awkward", "bad"]
ConversationOutcome = Literal["yes", "not_ready", "no"]
EventKind = Literal[
    "said_no",
    "blocked",
    "new_partner",
    "they_reached_out",
    "red_flag",
    "detection_disputed",
    "safety_resolved",
    "chose_move_on",
    "counselling_started",
    "went_public",
]
WritingFelt = Literal["better", "same", "worse"]
UrgeOutcome = Literal["held", "reached_out"]
Initiator = Literal["me", "them"]

TEXT_MAX = 2000


class SnapshotError(ValueError):
    """A snapshot field is missing or has the wrong form. ``path`` names the field."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class Profile:
    country: str = "OTHER"
    time_zone: str = "UTC"
    relationship_months: int = 0
    lived_together: bool = False
    married: bool = False
    children: bool = False
    shared_home: bool = False
    work_together: bool = False
    previous_breakups: int = 0


@dataclass(frozen=True)
class Readiness:
    taken_on: dt.date
    answers: dict[str, str]


@dataclass(frozen=True)
class Mistake:
    what: str
    remedy: str = ""


@dataclass(frozen=True)
class Breakup:
    date: dt.date
    ended_by: EndedBy | None = None
    causes: tuple[str, ...] = ()
    reasons_given: tuple[str, ...] = ()
    mistakes: tuple[Mistake, ...] = ()
    triggers: tuple[str, ...] = ()
    went_right: tuple[str, ...] = ()
    went_wrong: tuple[str, ...] = ()
    intense_emotions: bool = False


@dataclass(frozen=True)
class Slip:
    date: dt.date
    what: str = ""
    trigger: str = ""


@dataclass(frozen=True)
class Urge:
    date: dt.date
    intensity: int = 5
    outcome: UrgeOutcome = "held"
    helped: str = ""


@dataclass(frozen=True)
class NoContact:
    limited_contact: bool = False
    slips: tuple[Slip, ...] = ()
    urges: tuple[Urge, ...] = ()


@dataclass(frozen=True)
class GoalCheckIn:
    date: dt.date
    progress: int


@dataclass(frozen=True)
class Goal:
    area: str
    title: str
    checkins: tuple[GoalCheckIn, ...] = ()


@dataclass(frozen=True)
class SelfWork:
    goals: tuple[Goal, ...] = ()
    strengths: tuple[str, ...] = ()
    liked_qualities: tuple[str, ...] = ()
    habits_to_change: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signal:
    date: dt.date
    kind: str
    direction: Direction | None = None
    note: str = ""


@dataclass(frozen=True)
class Contact:
    date: dt.date
    channel: Rung
    initiated_by: Initiator = "me"
    response: Response = "none"


@dataclass(frozen=True)
class Hangout:
    date: dt.date
    kind: str = ""
    felt: Felt = "okay"


@dataclass(frozen=True)
class Conversation:
    date: dt.date
    outcome: ConversationOutcome


@dataclass(frozen=True)
class TrialCheckIn:
    date: dt.date
    scores: dict[str, int]
    red_flag: bool = False
    note: str = ""


@dataclass(frozen=True)
class Trial:
    agreements: tuple[str, ...] = ()
    disagreement_plan: str = ""
    checkins: tuple[TrialCheckIn, ...] = ()


@dataclass(frozen=True)
class Concern:
    date: dt.date
    who: str
    topic: str


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: EventKind
    note: str = ""
    # A red flag the screen found in the person's writing (not one they told us of):
    # only such a flag can be marked as picked up wrongly.
    detected: bool = False


@dataclass(frozen=True)
class WritingSession:
    date: dt.date
    minutes: int
    felt: WritingFelt | None = None


@dataclass(frozen=True)
class Journey:
    profile: Profile = field(default_factory=Profile)
    readiness: Readiness | None = None
    breakup: Breakup | None = None
    no_contact: NoContact = field(default_factory=NoContact)
    self_work: SelfWork = field(default_factory=SelfWork)
    signals: tuple[Signal, ...] = ()
    contacts: tuple[Contact, ...] = ()
    hangouts: tuple[Hangout, ...] = ()
    conversations: tuple[Conversation, ...] = ()
    trial: Trial = field(default_factory=Trial)
    concerns: tuple[Concern, ...] = ()
    events: tuple[Event, ...] = ()
    writing: tuple[WritingSession, ...] = ()

    def events_of(self, *kinds: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.kind in kinds)


# --- Reading a snapshot from JSON-like data ---------------------------------


def journey_from_dict(data: object) -> Journey:
    """Build a Journey from parsed JSON, or raise SnapshotError naming the bad field."""
    return _read(Journey, data, "journey")


def _read(kind: object, value: object, path: str) -> object:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return None if value is None else _read(options[0], value, path)
    if origin is Literal:
        allowed = typing.get_args(kind)
        if value not in allowed:
            raise SnapshotError(path, f"must be one of {', '.join(map(str, allowed))}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise SnapshotError(path, "must be a list")
        item = typing.get_args(kind)[0]
        return tuple(_read(item, v, f"{path}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, Mapping):
            raise SnapshotError(path, "must be an object")
        item = typing.get_args(kind)[1]
        return {str(k): _read(item, v, f"{path}.{k}") for k, v in value.items()}
    if dataclasses.is_dataclass(kind):
        return _read_dataclass(kind, value, path)
    return _read_scalar(kind, value, path)


def _read_dataclass(kind: type, value: object, path: str) -> object:
    if not isinstance(value, Mapping):
        raise SnapshotError(path, "must be an object")
    hints = typing.get_type_hints(kind)
    fields = {f.name: f for f in dataclasses.fields(kind)}
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise SnapshotError(f"{path}.{unknown[0]}", "is not a known field")
    kwargs = {}
    for name, spec in fields.items():
        if name in value:
            kwargs[name] = _read(hints[name], value[name], f"{path}.{name}")
        elif spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            raise SnapshotError(f"{path}.{name}", "is required")
    return kind(**kwargs)


def _read_scalar(kind: object, value: object, path: str) -> object:
    if kind is dt.date:
        if not isinstance(value, str):
            raise SnapshotError(path, "must be a date written YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise SnapshotError(path, "must be a date written YYYY-MM-DD") from None
    if kind is bool:
        if not isinstance(value, bool):
            raise SnapshotError(path, "must be true or false")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SnapshotError(path, "must be a whole number")
        if value < 0:
            raise SnapshotError(path, "must not be negative")
        return value
    if kind is str:
        if not isinstance(value, str):
            raise SnapshotError(path, "must be text")
        if len(value) > TEXT_MAX:
            raise SnapshotError(path, f"is longer than {TEXT_MAX} characters")
        return value
    raise SnapshotError(path, f"has a type the reader does not know: {kind!r}")  # pragma: no cover
