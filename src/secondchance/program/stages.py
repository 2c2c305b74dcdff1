"""The stages of PROGRAM.md, in order, and what follows the stage 0 check."""

from __future__ import annotations

from dataclasses import dataclass

from .readiness import Outcome


@dataclass(frozen=True)
class Stage:
    id: str
    number: int | None
    title: str
    summary: str


STAGES: tuple[Stage, ...] = (
    Stage("readiness", 0, "Before you start", "Check that it's safe and that now is a good time."),
    Stage("understand", 1, "Understand the breakup", "Look honestly at what went wrong and what can change."),
    Stage("no_contact", 2, "Space", "Time apart, at least 30 days, to let things settle."),
    Stage("self_work", 3, "Work on yourself", "Friends, health, habits: steady ground of your own."),
    Stage("interest", 4, "Their interest", "Notice the signs without investigating."),
    Stage("reach_out", 5, "Reach out", "One short, light message when the time is right."),
    Stage("reconnect", 6, "Reconnect as friends", "Relaxed meetings, no pressure."),
    Stage("conversation", 7, "The honest conversation", "Talk about what went wrong, with a real apology."),
    Stage("trial", 8, "Trial period", "Try again slowly and check in often."),
    Stage("counselling", 9, "Counselling", "A professional's help where the past runs deep."),
    Stage("together", 10, "Together again", "Ease back into a shared life."),
    Stage("move_on", None, "Move on", "Caring for yourself and looking forward."),
    Stage("safety", None, "Safety", "Support when something isn't safe."),
)
STAGE_BY_ID = {stage.id: stage for stage in STAGES}


@dataclass(frozen=True)
class NextStep:
    stage: Stage
    title: str
    detail: str


# Where each stage 0 outcome leads, and the one thing to do next.
_AFTER_CHECK = {
    Outcome.SAFETY_FIRST: (
        "safety",
        "Look at your support options",
        "Reconnecting isn't the focus now. Your safety is. Find people who can help below.",
    ),
    Outcome.MOVE_ON: (
        "move_on",
        "Begin moving on",
        "Put your energy into your own life for now: friends, rest, things you enjoy.",
    ),
    Outcome.NOT_YET: (
        "self_work",
        "Focus on yourself for a while",
        "Look after your sleep, your friends and your days. Take the check again in a few weeks.",
    ),
    Outcome.PROCEED: (
        "understand",
        "Understand the breakup",
        "Start by writing down what went wrong, honestly and without blame. No contact in the meantime.",
    ),
}


def next_step_after_check(outcome: Outcome | None) -> NextStep:
    """The next step on the journey, given the latest stage 0 outcome (None: not taken yet)."""
    if outcome is None:
        return NextStep(STAGE_BY_ID["readiness"], "Take the first check", "About five minutes of questions, one screen at a time.")
    stage_id, title, detail = _AFTER_CHECK[Outcome(outcome)]
    return NextStep(STAGE_BY_ID[stage_id], title, detail)
