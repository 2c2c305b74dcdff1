"""The message coach: reads a draft to the ex and says, kindly and specifically, what would land badly.

Follows PROGRAM.md stage 5 (a short, light first message: no letter of
feelings, no grand gesture, no pressure, no guilt, nothing about getting back
together yet), stage 7 (an apology in three parts: regret, responsibility,
remedy; no "sorry, but", no "sorry you feel", no demand for forgiveness) and
the first-message rule (an easy open question, a light invitation, leave
quickly). Threats and self-harm language come from the safety screen and block
sending; so does a plan that has outreach locked.

The patterns are ours, in ``data/coach.txt``; tone comes from VADER.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .patterns import load_book
from .screening import Prepared, screen_prepared

KINDS = ("outreach", "reply", "apology", "opening")
OUTREACH_KINDS = frozenset({"outreach"})
MAX_LENGTH = {"outreach": 300, "reply": 400}
DECLARATIONS_THAT_OVERWHELM = 2
UNANSWERED_LIMIT = 2
LATE_START, LATE_END = dt.time(23, 0), dt.time(6, 0)
HARSH_TONE = -0.6
PENALTY = {"info": 5, "warn": 15, "block": 60}

BOOK = load_book(__package__, "data/coach.txt")
_SENTIMENT = SentimentIntensityAnalyzer()
_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d")


class Severity(str, Enum):
    INFO = "info"
    WARN = "warn"
    BLOCK = "block"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    start: int | None
    end: int | None
    message: str
    suggestion: str


@dataclass(frozen=True)
class Report:
    kind: str
    kind_guessed: bool
    verdict: str  # "send", "revise" or "dont_send"
    score: int
    findings: tuple[Finding, ...]
    apology_parts: dict[str, bool] | None
    crisis: bool
    # VADER's compound score, when it was needed to decide (None otherwise).
    tone: float | None


# The words of every finding, in one place: what it means and what to do instead.
ADVICE = {
    "too_long": ("This is long for a first message; a wall of text can feel heavy to receive.",
                 "Cut it to two or three short sentences. The rest can wait for a conversation."),
    "feelings_dump": ("Several declarations of love or longing at once can feel like pressure.",
                      "Keep one warm line at most, or none: let them feel at ease first."),
    "relationship_talk_too_soon": ("Asking to get back together in a first message puts them on the spot.",
                                   "Leave the relationship out for now. Aim for a friendly, easy exchange."),
    "grand_gesture": ("Gifts, surprises or turning up in person can feel overwhelming or unwelcome.",
                      "Offer something small they can easily say yes or no to, like a coffee."),
    "pressure": ("This asks for an answer or sets a deadline; it takes away their choice.",
                 "Let them reply in their own time. 'No rush at all' goes a long way."),
    "guilt_trip": ("This can make them feel guilty rather than welcome.",
                   "Speak about what you want now, without keeping score of the past."),
    "blame": ("'You always / you never' and 'your fault' invite defence, not a reply.",
              "Talk about your own part, or leave the past for a calm conversation in person."),
    "jealousy_probe": ("Asking about who they see can read as jealousy or control.",
                       "Leave their private life to them. Ask about something you can share in."),
    "monitoring": ("This shows you've been watching their life from a distance, which can feel unsettling.",
                   "Leave out what you saw or heard about them. Start from something of your own."),
    "no_open_question": ("There's nothing easy for them to answer.",
                         "Add one easy, open question, like how something of theirs is going."),
    "no_low_pressure_invite": ("There's no light way to meet.",
                               "If it feels right, add a low-key offer: a coffee or a walk, 'if you're up for it'."),
    "non_apology": ("This sounds like an apology but shifts it onto them or keeps it vague.",
                    "Name what you did and how it hurt them: 'I'm sorry I ...'."),
    "sorry_but": ("A 'but' after 'sorry' takes the apology back.",
                  "End the apology before the 'but'. Explanations can come later, if they ask."),
    "excuse": ("This explains your side in a way that can sound like an excuse.",
               "Own it plainly first. If context matters, offer it later and briefly."),
    "forgiveness_demand": ("Asking them to forgive or move on puts the work on them.",
                           "Leave forgiveness to them. Say what you'll change instead."),
    "missing_regret": ("The apology doesn't yet say you're sorry for the hurt.",
                       "Add a line naming the hurt: 'I'm sorry I ...'."),
    "missing_responsibility": ("The apology doesn't yet own what you did.",
                               "Add a line that takes responsibility: 'That was my doing.'"),
    "missing_remedy": ("The apology doesn't say what will change.",
                       "Add one concrete change: 'From now on I will ...'."),
    "late_night": ("It's late where you are. Messages sent at night often read differently in the morning.",
                   "Save it as a draft and read it again tomorrow before you decide."),
    "repeated_unanswered": ("You've already sent messages that haven't been answered.",
                            "Silence is an answer for now. Don't send another; give them space."),
    "threat": ("This could be read as a threat. A threat can't be part of any message to them.",
               "Don't send this. If you're this angry, step away and talk to someone you trust first."),
    "self_harm": ("You wrote about hurting yourself. That matters more than any message.",
                  "Please talk to someone now: the crisis lines are right here, day and night."),
    "outreach_locked": ("Your plan has reaching out locked right now.",
                        "Keep this as a draft. Your plan shows when reaching out opens, and why."),
    "harsh_tone": ("The tone comes across as harsh or bitter.",
                   "Wait until you feel calmer, then write what you'd be glad to have sent."),
}
SEVERITY = {code: Severity.WARN for code in ADVICE}
SEVERITY.update(
    no_open_question=Severity.INFO,
    no_low_pressure_invite=Severity.INFO,
    repeated_unanswered=Severity.BLOCK,
    threat=Severity.BLOCK,
    self_harm=Severity.BLOCK,
    outreach_locked=Severity.BLOCK,
)
CODES = tuple(ADVICE)
# Which section of coach.txt finds which code, and the kinds of message it applies to.
SECTION_CODES = {
    "relationship_talk": ("relationship_talk_too_soon", OUTREACH_KINDS),
    "grand_gesture": ("grand_gesture", frozenset(KINDS)),
    "pressure": ("pressure", frozenset(KINDS)),
    "guilt_trip": ("guilt_trip", frozenset(KINDS)),
    "blame": ("blame", frozenset(KINDS)),
    "jealousy_probe": ("jealousy_probe", frozenset(KINDS)),
    "monitoring": ("monitoring", frozenset(KINDS)),
    "non_apology": ("non_apology", frozenset(KINDS)),
    "sorry_but": ("sorry_but", frozenset(KINDS)),
    "excuse": ("excuse", frozenset({"apology", "opening", "reply"})),
    "forgiveness_demand": ("forgiveness_demand", frozenset(KINDS)),
}


class CoachInputError(ValueError):
    """The draft or an option can't be checked; the message says why."""


def _spans(prepared: Prepared, section: str, negatable: bool = True):
    """Matches of a section that are not inside quotation marks and not negated."""
    quoted = _quoted_spans(prepared)
    text = prepared.normal
    for pattern, stretches in prepared.candidates(BOOK)[section]:
        for match in (found for begin, end in stretches for found in pattern.finditer(text, begin, end)):
            if any(start <= match.start() < end for start, end in quoted):
                continue
            if negatable and prepared.is_negated(match.start()):
                continue
            yield match.start(), match.end()


def _has(prepared: Prepared, section: str, negatable: bool = True) -> bool:
    return next(_spans(prepared, section, negatable), None) is not None


def _quoted_spans(prepared: Prepared) -> tuple[tuple[int, int], ...]:
    cached = getattr(prepared, "_quoted", None)
    if cached is None:
        cached = tuple((m.start(), m.end()) for m in _QUOTED.finditer(prepared.normal))
        prepared._quoted = cached
    return cached


def guess_kind(text: str | Prepared) -> str:
    """Pick the kind of message from its words: apology, opening, reply, or else outreach."""
    prepared = text if isinstance(text, Prepared) else Prepared(text)
    if _has(prepared, "regret", negatable=False) or _has(prepared, "non_apology", negatable=False):
        return "apology"
    if _has(prepared, "opening", negatable=False):
        return "opening"
    if _has(prepared, "reply_marker", negatable=False):
        return "reply"
    return "outreach"


def parse_time(value: str | None) -> dt.time | None:
    if value in (None, ""):
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise CoachInputError(f"time {value!r} is not a time written HH:MM") from None


def is_late(at: dt.time | None) -> bool:
    return at is not None and (at >= LATE_START or at < LATE_END)


def check_message(
    text: str,
    kind: str = "auto",
    at: dt.time | None = None,
    unanswered: int = 0,
    plan_locked: bool = False,
) -> Report:
    """Check one draft. Pure: the same draft and options always give the same report."""
    if not isinstance(text, str) or not text.strip():
        raise CoachInputError("there is no message to check")
    if kind not in (*KINDS, "auto"):
        raise CoachInputError(f"kind must be one of {', '.join((*KINDS, 'auto'))}")
    if unanswered < 0:
        raise CoachInputError("unanswered can't be negative")
    prepared = Prepared(text)
    guessed = kind == "auto"
    if guessed:
        kind = guess_kind(prepared)
    findings: list[Finding] = []
    findings += _safety_findings(prepared)
    findings += _pattern_findings(prepared, kind)
    findings += _shape_findings(prepared, kind)
    parts = _apology_parts(prepared) if kind == "apology" else None
    if parts is not None:
        findings += [_finding(f"missing_{part}") for part, present in parts.items() if not present]
    if is_late(at):
        findings.append(_finding("late_night"))
    if kind in OUTREACH_KINDS and unanswered >= UNANSWERED_LIMIT:
        findings.append(_finding("repeated_unanswered"))
    if plan_locked:
        # The caller's plan decides which kinds are locked (outreach before the target, anything after a no).
        findings.append(_finding("outreach_locked"))
    # Tone only speaks when no rule has named the problem (one clear reason beats two vague
    # ones), so VADER is asked only then.
    tone = None
    if kind != "apology" and all(f.severity is Severity.INFO for f in findings):
        tone = _SENTIMENT.polarity_scores(text)["compound"]
        if tone <= HARSH_TONE:
            findings.append(_finding("harsh_tone"))
    findings.sort(key=lambda f: (f.start if f.start is not None else len(text), f.code))
    return Report(
        kind=kind,
        kind_guessed=guessed,
        verdict=_verdict(findings),
        score=_score(findings),
        findings=tuple(findings),
        apology_parts=parts,
        crisis=any(f.code == "self_harm" for f in findings),
        tone=tone,
    )


def _finding(code: str, start: int | None = None, end: int | None = None) -> Finding:
    message, suggestion = ADVICE[code]
    return Finding(code, SEVERITY[code], start, end, message, suggestion)


def _safety_findings(prepared: Prepared) -> list[Finding]:
    result = screen_prepared(prepared)
    findings = [_finding("threat", f.start, f.end) for f in result.red_flags if f.category == "threat"]
    findings += [_finding("self_harm", start, end) for start, end in result.crisis_spans[:1]]
    return findings


def _pattern_findings(prepared: Prepared, kind: str) -> list[Finding]:
    findings = []
    for section, (code, kinds) in SECTION_CODES.items():
        if kind not in kinds:
            continue
        seen_end = -1
        for start, end in sorted(_spans(prepared, section)):
            if start >= seen_end:
                findings.append(_finding(code, start, end))
                seen_end = end
    declarations = sorted(_spans(prepared, "declaration"))
    if kind in ("outreach", "reply", "opening") and len(declarations) >= DECLARATIONS_THAT_OVERWHELM:
        findings.append(_finding("feelings_dump", declarations[0][0], declarations[-1][1]))
    return findings


def _shape_findings(prepared: Prepared, kind: str) -> list[Finding]:
    findings = []
    limit = MAX_LENGTH.get(kind)
    if limit and len(prepared.original.strip()) > limit:
        findings.append(_finding("too_long"))
    if kind == "outreach":
        if not _has_open_question(prepared):
            findings.append(_finding("no_open_question"))
        if not _has(prepared, "low_pressure_invite", negatable=False):
            findings.append(_finding("no_low_pressure_invite"))
    return findings


_QUESTION = re.compile(r"[^.!?\n]*\?")


def _has_open_question(prepared: Prepared) -> bool:
    """An easy question to answer: a sentence ending in "?" that asks how, what, would you..."""
    if "?" not in prepared.normal:
        return False
    patterns = [pattern for pattern, _ in prepared.candidates(BOOK)["open_question"]]
    return any(p.search(q.group()) for q in _QUESTION.finditer(prepared.normal) for p in patterns)


def _apology_parts(prepared: Prepared) -> dict[str, bool]:
    return {part: _has(prepared, part) for part in ("regret", "responsibility", "remedy")}


def _verdict(findings: list[Finding]) -> str:
    severities = {f.severity for f in findings}
    if Severity.BLOCK in severities:
        return "dont_send"
    if Severity.WARN in severities:
        return "revise"
    return "send"


def _score(findings: list[Finding]) -> int:
    return max(0, 100 - sum(PENALTY[f.severity.value] for f in findings))
