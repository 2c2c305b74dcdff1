"""Stage 0 of PROGRAM.md: "Before you start: safety and readiness".

The check is a fixed list of steps, each a short screen of questions. The
answers decide one of four outcomes:

- ``safety_first``: any red-flag answer (the safety screen is a hard stop,
  PROGRAM.md "Principles" 2 and "Safety").
- ``move_on``: a dealbreaker (no serious intentions, no empathy) or a clear
  end from the ex (a firm no, a block, a new committed partner: Principle 1).
- ``not_yet``: mostly loneliness, no healing yet, or not ready to wait.
- ``proceed``: none of the above.

Every outcome carries the answers that drove it, so the person can see why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

NOTE_MAX_LENGTH = 2000


class Outcome(str, Enum):
    SAFETY_FIRST = "safety_first"
    MOVE_ON = "move_on"
    NOT_YET = "not_yet"
    PROCEED = "proceed"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


YES_NO = (Choice("yes", "Yes"), Choice("no", "No"))
YES_UNSURE_NO = (Choice("yes", "Yes"), Choice("unsure", "I'm not sure"), Choice("no", "No"))


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    choices: tuple[Choice, ...] = ()
    hint: str = ""
    free_text: bool = False

    @property
    def values(self) -> frozenset[str]:
        return frozenset(choice.value for choice in self.choices)

    def label_for(self, value: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    intro: str
    questions: tuple[Question, ...]
    is_safety_screen: bool = False


# --- The red flags of PROGRAM.md "Safety", asked in our own words. ----------
# Each question id is the red-flag category it screens for.
RED_FLAG_QUESTIONS = (
    Question("physical", "Has your ex ever hit, pushed, grabbed, choked or hurt you in any physical way?", YES_NO),
    Question("sexual", "Did they ever pressure or force you into anything sexual you didn't want?", YES_NO),
    Question("threat", "Have they threatened you, someone close to you, a pet, or themselves to get their way?", YES_NO),
    Question("fear", "Do you feel afraid of them, or unsafe at the thought of seeing them?", YES_NO),
    Question(
        "stalking",
        "Have they followed you, turned up uninvited, or tracked your phone, messages or location?",
        YES_NO,
    ),
    Question("control", "Did they control your money, your phone, who you saw or where you went?", YES_NO),
    Question("contempt", "Did they often insult you, call you names or make you feel small?", YES_NO),
    Question("repeated_cheating", "Did they cheat on you more than once?", YES_NO),
)
CRISIS_QUESTION = Question(
    "self_harm",
    "Lately, have you had thoughts of hurting yourself or of not wanting to be alive?",
    YES_NO,
    hint="If yes, you'll see people you can talk to right away, day or night.",
)
RED_FLAG_IDS = frozenset(q.id for q in RED_FLAG_QUESTIONS)

STEPS: tuple[Step, ...] = (
    Step(
        "safety-harm",
        "Your safety comes first",
        "A few direct questions before anything else. Answer for the whole relationship, not only the end.",
        RED_FLAG_QUESTIONS[0:3],
        is_safety_screen=True,
    ),
    Step(
        "safety-control",
        "How things were between you",
        "Some harm is quieter than a raised hand. These count too.",
        RED_FLAG_QUESTIONS[3:6],
        is_safety_screen=True,
    ),
    Step(
        "safety-respect",
        "Respect, and how you are now",
        "Two last questions about them, and one about you.",
        (*RED_FLAG_QUESTIONS[6:8], CRISIS_QUESTION),
        is_safety_screen=True,
    ),
    Step(
        "motive-missing",
        "What you are missing",
        "There is no wrong answer here. Being honest with yourself now saves pain later.",
        (
            Question(
                "miss_what",
                "When you miss them, what do you miss most?",
                (
                    Choice("person", "Them: who they are"),
                    Choice("routine", "Having someone, the routine, not being alone"),
                    Choice("both", "Honestly, a bit of both"),
                ),
            ),
            Question(
                "something_changed",
                "Has something important changed since you broke up, in you, in them or in your lives?",
                YES_UNSURE_NO,
            ),
        ),
    ),
    Step(
        "motive-healing",
        "Looking after yourself",
        "Healing first makes every later step steadier.",
        (
            Question(
                "self_care",
                "Since the breakup, have you been looking after yourself: sleep, food, friends, ways of coping that help?",
                (Choice("yes", "Yes, mostly"), Choice("some", "Some days"), Choice("no", "Not really")),
            ),
            Question(
                "ex_healing",
                "As far as you can tell, have they had time and space to heal too?",
                YES_UNSURE_NO,
            ),
        ),
    ),
    Step(
        "motive-patience",
        "Patience, and your own footing",
        "This program is slow on purpose, and it can end without getting back together.",
        (
            Question(
                "patient",
                "Could you go at least a month, maybe three, without contacting them?",
                YES_UNSURE_NO,
            ),
            Question(
                "ok_if_not",
                "If it doesn't work out, do you believe you would be okay in time?",
                YES_UNSURE_NO,
            ),
        ),
    ),
    Step(
        "reasons-them",
        "About them",
        "Some things can't be fixed by effort on your side alone.",
        (
            Question(
                "ex_serious",
                "Were they serious about the relationship, rather than keeping their options open?",
                YES_UNSURE_NO,
            ),
            Question(
                "ex_empathy",
                "When you were hurting, could they care about how you felt?",
                YES_UNSURE_NO,
            ),
            Question(
                "ex_closed_door",
                "Have they clearly said it's over for good, blocked you, or started a committed relationship?",
                YES_NO,
                hint="Their choice deserves respect, even when it hurts.",
            ),
        ),
    ),
    Step(
        "reasons-both",
        "Could it work this time?",
        "Think of both of you, not just your hopes.",
        (
            Question("both_changed", "Have you both changed for the better since the breakup?", YES_UNSURE_NO),
            Question("trust_rebuildable", "Could trust between you be rebuilt?", YES_UNSURE_NO),
            Question("both_willing", "Would you both be willing to put in real work?", YES_UNSURE_NO),
        ),
    ),
    Step(
        "notes",
        "Anything else?",
        "Optional. Only you can see this.",
        (
            Question(
                "note",
                "Is there anything you want to remember about how you feel today?",
                hint=f"Up to {NOTE_MAX_LENGTH} characters.",
                free_text=True,
            ),
        ),
    ),
)

STEP_IDS = tuple(step.id for step in STEPS)
QUESTIONS: dict[str, Question] = {q.id: q for step in STEPS for q in step.questions}


class InvalidAnswers(ValueError):
    """Raised when answers name an unknown question or hold a value it does not offer."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{key}: {msg}" for key, msg in self.errors.items()))


@dataclass(frozen=True)
class Driver:
    """One answer that drove the outcome, with why it matters."""

    question_id: str
    answer: str
    why: str

    @property
    def prompt(self) -> str:
        return QUESTIONS[self.question_id].prompt

    @property
    def answer_label(self) -> str:
        return QUESTIONS[self.question_id].label_for(self.answer)


@dataclass(frozen=True)
class ReadinessResult:
    outcome: Outcome
    drivers: tuple[Driver, ...]
    red_flags: tuple[str, ...]
    crisis: bool
    # Answers the person was unsure about: shown as things to keep an eye on.
    watch: tuple[Driver, ...]

    @property
    def offers_reconciliation(self) -> bool:
        return self.outcome is Outcome.PROCEED


def step_by_id(step_id: str) -> Step:
    for step in STEPS:
        if step.id == step_id:
            return step
    raise KeyError(step_id)


def validate_answers(answers: Mapping[str, object]) -> dict[str, str]:
    """Return the answers cleaned, or raise InvalidAnswers naming each bad field.

    Missing answers are allowed here (a check is saved as it goes); use
    ``missing_questions`` to know whether it is complete.
    """
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for key, value in answers.items():
        question = QUESTIONS.get(key)
        if question is None:
            errors[key] = "is not a question of the check"
        elif not isinstance(value, str):
            errors[key] = "must be text"
        elif question.free_text:
            if len(value) > NOTE_MAX_LENGTH:
                errors[key] = f"is longer than {NOTE_MAX_LENGTH} characters"
            else:
                clean[key] = value
        elif value not in question.values:
            errors[key] = f"must be one of {', '.join(sorted(question.values))}"
        else:
            clean[key] = value
    if errors:
        raise InvalidAnswers(errors)
    return clean


def red_flags_in(answers: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(q.id for q in RED_FLAG_QUESTIONS if answers.get(q.id) == "yes")


def needs_crisis_support(answers: Mapping[str, str]) -> bool:
    return answers.get(CRISIS_QUESTION.id) == "yes"


def is_hard_stop(answers: Mapping[str, str]) -> bool:
    """The safety screen stops the check: no readiness questions after a red flag."""
    return bool(red_flags_in(answers)) or needs_crisis_support(answers)


def steps_to_ask(answers: Mapping[str, str]) -> tuple[Step, ...]:
    """The steps this person goes through: only the safety screen once it has stopped them."""
    if is_hard_stop(answers):
        return tuple(step for step in STEPS if step.is_safety_screen)
    return STEPS


def missing_questions(answers: Mapping[str, str]) -> tuple[str, ...]:
    """Required questions still unanswered, in the order they are asked."""
    return tuple(
        q.id
        for step in steps_to_ask(answers)
        for q in step.questions
        if not q.free_text and q.id not in answers
    )


def first_unanswered_step(answers: Mapping[str, str]) -> Step | None:
    """Where to resume: the first step with a required question still open."""
    missing = set(missing_questions(answers))
    for step in steps_to_ask(answers):
        if any(q.id in missing for q in step.questions):
            return step
    return None


def _driver(question_id: str, answers: Mapping[str, str], why: str) -> Driver:
    return Driver(question_id, answers[question_id], why)


_RED_FLAG_WHY = {
    "physical": "Physical harm is never something to work around.",
    "sexual": "Pressure about sex is a serious harm, whatever the relationship.",
    "threat": "Threats are a way of controlling someone, and they can escalate.",
    "fear": "Feeling afraid of someone is a signal to trust.",
    "stalking": "Being watched or tracked takes away your freedom and safety.",
    "control": "Control over money, phone, friends or movement is a form of abuse.",
    "contempt": "Regular insults and belittling wear a person down; they are not a fixable quirk.",
    "repeated_cheating": "A pattern of cheating tends to repeat, and it keeps hurting you.",
}


def _safety_drivers(answers: Mapping[str, str]) -> tuple[Driver, ...]:
    drivers = [_driver(flag, answers, _RED_FLAG_WHY[flag]) for flag in red_flags_in(answers)]
    if needs_crisis_support(answers):
        drivers.append(_driver(CRISIS_QUESTION.id, answers, "You matter more than any relationship. Talk to someone now."))
    return tuple(drivers)


def _move_on_drivers(answers: Mapping[str, str]) -> tuple[Driver, ...]:
    rules = (
        ("ex_closed_door", "yes", "They have made their choice, and we respect it. The path now is your own."),
        ("ex_serious", "no", "Someone who wasn't serious is unlikely to become so because you come back."),
        ("ex_empathy", "no", "A partner who can't care about your pain is a dealbreaker, not a fixable problem."),
    )
    return tuple(_driver(qid, answers, why) for qid, value, why in rules if answers.get(qid) == value)


def _not_yet_drivers(answers: Mapping[str, str]) -> tuple[Driver, ...]:
    rules = (
        ("miss_what", "routine", "Missing company more than the person points to loneliness, which heals in other ways."),
        ("self_care", "no", "You deserve some steady ground under you before anything else."),
        ("something_changed", "no", "If nothing has changed, the same problems would likely return."),
        ("patient", "no", "The program needs at least 30 days of space; it can't be rushed."),
        ("ok_if_not", "no", "It's wise to build a life you'd be okay in either way, first."),
        ("both_changed", "no", "Change on both sides is what makes a second try different from the first."),
        ("trust_rebuildable", "no", "Without a way back to trust, a second try rests on sand."),
        ("both_willing", "no", "It takes two people willing to work at it."),
    )
    return tuple(_driver(qid, answers, why) for qid, value, why in rules if answers.get(qid) == value)


_WATCH_WHY = "You weren't sure. That's fine: keep an eye on it as you go."
UNSURE_VALUES = frozenset({"unsure", "both", "some"})
# More open questions than this and the honest answer is "not yet".
MAX_UNSURE_TO_PROCEED = 3


def _unsure_answers(answers: Mapping[str, str]) -> tuple[Driver, ...]:
    return tuple(_driver(q.id, answers, _WATCH_WHY) for q in QUESTIONS.values() if answers.get(q.id) in UNSURE_VALUES)


def assess_readiness(answers: Mapping[str, object]) -> ReadinessResult:
    """Decide the stage 0 outcome from a complete set of answers.

    A red flag decides ``safety_first`` whatever else was answered; only then
    are dealbreakers, then readiness, weighed.
    """
    clean = validate_answers(answers)
    missing = missing_questions(clean)
    if missing:
        raise InvalidAnswers({qid: "needs an answer" for qid in missing})
    flags = red_flags_in(clean)
    crisis = needs_crisis_support(clean)
    if flags or crisis:
        return ReadinessResult(Outcome.SAFETY_FIRST, _safety_drivers(clean), flags, crisis, ())
    unsure = _unsure_answers(clean)
    move_on = _move_on_drivers(clean)
    if move_on:
        return ReadinessResult(Outcome.MOVE_ON, move_on, (), False, unsure)
    not_yet = _not_yet_drivers(clean)
    if not_yet:
        return ReadinessResult(Outcome.NOT_YET, not_yet, (), False, unsure)
    if len(unsure) > MAX_UNSURE_TO_PROCEED:
        return ReadinessResult(Outcome.NOT_YET, _too_unsure_drivers(clean, unsure), (), False, ())
    return ReadinessResult(Outcome.PROCEED, _proceed_drivers(clean), (), False, unsure)


def _too_unsure_drivers(answers: Mapping[str, str], unsure: tuple[Driver, ...]) -> tuple[Driver, ...]:
    why = "Several open questions at once: give yourself time to see more clearly before acting."
    return tuple(_driver(d.question_id, answers, why) for d in unsure)


_PROCEED_WHY = {
    "miss_what": "It's them you miss, not only company.",
    "something_changed": "Something important has changed since the breakup.",
    "self_care": "You have been looking after yourself.",
    "ex_healing": "They have had room to heal too.",
    "patient": "You're ready to give it time.",
    "ok_if_not": "You'd be okay whichever way it goes.",
    "ex_serious": "They were serious about you.",
    "ex_empathy": "They could care about your feelings.",
    "ex_closed_door": "They haven't closed the door.",
    "both_changed": "You have both grown since.",
    "trust_rebuildable": "Trust could be rebuilt.",
    "both_willing": "You'd both put in the work.",
}
_POSITIVE_VALUE = {"miss_what": "person", "ex_closed_door": "no"}


def _proceed_drivers(answers: Mapping[str, str]) -> tuple[Driver, ...]:
    return tuple(
        _driver(qid, answers, why)
        for qid, why in _PROCEED_WHY.items()
        if answers.get(qid) == _POSITIVE_VALUE.get(qid, "yes")
    )
