"""The message coach: reads a draft to the ex and says, kindly and specifically, what would land badly.

Follows PROGRAM.md stage 5 (a short, light first message: no letter of
feelings, no grand gesture, no pressure, no guilt, nothing about getting back
together yet), stage 7 (an apology in three parts: regret, responsibility,
remedy; no "sorry, but", no "sorry you feel", no demand for forgiveness) and
the first-message rule (an easy open question, a light invitation, leave
quickly).

Two readers. A fine-tuned model (``secondchance.reading.coach_model``) reads
the meaning: the problems a careful friend would name, the apology's parts,
threats and self-harm, a draft that says it is late or that earlier messages
went unanswered. Rules keep what is exact: the clock, the contact log, the
length, the plan's locks, and the patterns in ``data/coach.txt`` that guess the
kind of message and see an easy question or a light offer. Threats and
self-harm also come from the safety screen; any of them blocks sending.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from enum import Enum

from .patterns import load_book
from .screening import Prepared, screen_prepared

KINDS = ("outreach", "reply", "apology", "opening")
OUTREACH_KINDS = frozenset({"outreach"})
MAX_LENGTH = {"outreach": 300, "reply": 400}
UNANSWERED_LIMIT = 2
LATE_START, LATE_END = dt.time(23, 0), dt.time(6, 0)



@functools.cache
def book():
    """The coach's patterns (exact phrasings, open questions), compiled on first use."""
    return load_book(__package__, "data/coach.txt")


_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d")
# Words that leave the door open: they do the work of an easy question or a light offer.
_OPEN_DOOR = re.compile(
    r"\b(?:no\s+need\s+to\s+(?:reply|respond|answer|write\s+back|text\s+back)"
    r"|(?:don'?t|do\s+not)\s+(?:feel\s+you\s+)?(?:have|need)\s+to\s+(?:reply|respond|answer|write\s+back)"
    r"|only\s+if\s+(?:you|u)(?:'d|\s+would)?\s+(?:like|want)"
    r"|(?:no|zero)\s+(?:pressure|rush|expectations?)"
    r"|(?:whenever|if\s+ever)\s+(?:you'?re|you\s+are|u\s+r|ur)\s+ready"
    r"|in\s+your\s+own\s+time)\b"
)


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
    # One concrete way to write it instead, where one fits.
    example: str | None = None


@dataclass(frozen=True)
class Report:
    kind: str
    kind_guessed: bool
    verdict: str  # "send", "revise" or "dont_send"
    score: int
    findings: tuple[Finding, ...]
    apology_parts: dict[str, bool] | None
    crisis: bool


# The words of every finding, in one place: what it means, what to do, and a way to write it instead.
ADVICE = {
    "too_long": ("This is long for a first message; a wall of text can feel heavy to receive.",
                 "Cut it to two or three short sentences. The rest can wait for a conversation.", None),
    "feelings_dump": ("A lot of love and longing at once can feel like a weight to carry.",
                      "Keep one warm line at most, or none: let them feel at ease first.",
                      "I think of you sometimes and hope you're doing well."),
    "relationship_talk_too_soon": ("Asking to get back together this early puts them on the spot.",
                                   "Leave the relationship out for now. Aim for a friendly, easy exchange.",
                                   "It would be good to hear how you are."),
    "grand_gesture": ("Gifts, surprises or turning up in person can feel overwhelming or unwelcome.",
                      "Offer something small they can easily say yes or no to.",
                      "Coffee sometime, if you're up for it?"),
    "pressure": ("This asks for an answer or sets a deadline; it takes away their choice.",
                 "Let them reply in their own time, or not at all.",
                 "No rush at all, reply only if you'd like to."),
    "guilt_trip": ("This can make them feel guilty rather than welcome.",
                   "Speak about what you want now, without keeping score of how much it hurts.",
                   "I've had a hard few weeks, but I'm finding my feet."),
    "blame": ("Saying it was their fault invites them to defend themselves, not to reply.",
              "Talk about your own part, or leave the past for a calm talk in person.",
              "I've been thinking about my part in how things went."),
    "jealousy_probe": ("Asking about who they see can read as jealousy or control.",
                       "Leave their private life to them. Ask about something you can share in.",
                       "How's the new job treating you?"),
    "monitoring": ("This shows you've been watching their life from a distance, which can feel unsettling.",
                   "Leave out what you saw or heard about them. Start from something of your own.",
                   "I walked past our old café today and it made me smile."),
    "begging": ("Pleading puts all the weight on them, and it's hard to answer kindly.",
                "Say what you'd like once, calmly, and leave the choice with them.",
                "I'd like to talk sometime, if you ever want to."),
    "non_apology": ("This sounds like an apology but shifts it onto them or keeps it vague.",
                    "Name what you did and how it hurt them.",
                    "I'm sorry I shouted at you in front of your friends."),
    "sorry_but": ("A 'but' after 'sorry' takes the apology back.",
                  "End the apology before the 'but'. Explanations can come later, if they ask.",
                  "I'm sorry I lied to you. That was wrong."),
    "excuse": ("This explains your side in a way that can sound like an excuse.",
               "Own it plainly first. If context matters, offer it later and briefly.",
               "There's no excuse for it. It was my choice."),
    "forgiveness_demand": ("Asking them to forgive or move on puts the work on them.",
                           "Leave forgiveness to them. Say what you'll change instead.",
                           "I don't expect you to forgive me. I'm working on changing it."),
    "missing_regret": ("The apology doesn't yet say you're sorry for the hurt.",
                       "Add a line naming the hurt.", "I'm sorry I ..."),
    "missing_responsibility": ("The apology doesn't yet own what you did.",
                               "Add a line that takes responsibility, with no 'but'.", "That was my doing."),
    "missing_remedy": ("The apology doesn't say what will change.",
                       "Add one concrete change you're making.", "From now on I will ..."),
    "late_night": ("It's late. Messages written at night often read differently in the morning.",
                   "Save it as a draft and read it again tomorrow before you decide.", None),
    "repeated_unanswered": ("Earlier messages haven't been answered yet.",
                            "Silence is an answer for now. Don't send another; give them space.", None),
    "threat": ("This could be read as a threat. A threat can't be part of any message to them.",
               "Don't send this. If you're this angry, step away and talk to someone you trust first.", None),
    "self_harm": ("You wrote about hurting yourself. That matters more than any message.",
                  "Please talk to someone now: the crisis lines are right here, day and night.", None),
    "outreach_locked": ("Your plan has reaching out locked right now.",
                        "Keep this as a draft. Your plan shows when reaching out opens, and why.", None),
    "harsh_tone": ("The tone comes across as harsh or bitter.",
                   "Wait until you feel calmer, then write what you'd be glad to have sent.", None),
    "no_open_question": ("There's nothing easy for them to answer.",
                         "You could add one easy question about something of theirs.",
                         "How's your sister's new baby?"),
    "no_low_pressure_invite": ("There's no light way to meet.",
                               "If it feels right, add a small offer they can easily turn down.",
                               "Coffee sometime, if you're up for it?"),
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
# What each finding costs the score: a desperate or blaming draft must land clearly below a
# calm one, so the problems that hurt most cost half the score on their own.
PENALTY = {code: 30 for code in ADVICE}
PENALTY.update(
    {code: 50 for code in ("begging", "blame", "guilt_trip", "pressure", "harsh_tone")},
    too_long=15, late_night=15, missing_regret=20, missing_responsibility=15, missing_remedy=15,
    no_open_question=5, no_low_pressure_invite=5,
)
CODES = tuple(ADVICE)
# The problems the model reads, and the kinds of message each applies to.
MODEL_PROBLEMS = {
    "relationship_talk_too_soon": frozenset({"outreach", "reply"}),
    **{code: frozenset(KINDS) for code in (
        "pressure", "guilt_trip", "blame", "feelings_dump", "grand_gesture", "jealousy_probe", "monitoring",
        "begging", "non_apology", "sorry_but", "excuse", "forgiveness_demand", "harsh_tone")},
}
APOLOGY_PARTS = ("regret", "responsibility", "remedy")
# A draft that says it: "it's 3am and...", "this is my fifth message".
TEXT_SIGNS = {"late_night_text": "late_night", "repeated_text": "repeated_unanswered"}


class CoachInputError(ValueError):
    """The draft or an option can't be checked; the message says why."""


def _spans(prepared: Prepared, section: str, negatable: bool = True):
    """Matches of a section that are not inside quotation marks and not negated."""
    quoted = _quoted_spans(prepared)
    text = prepared.normal
    for pattern, stretches in prepared.candidates(book())[section]:
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
    kind, guessed, findings, parts = read_draft(text, kind, at, unanswered, plan_locked)
    blocking = [f for f in findings if f.severity is Severity.BLOCK]
    if blocking:
        # It can't be sent: polishing tips would only distract from why, and from help.
        findings = blocking
    findings.sort(key=lambda f: (f.start if f.start is not None else len(text), f.code))
    return Report(
        kind=kind,
        kind_guessed=guessed,
        verdict=_verdict(findings),
        score=_score(findings),
        findings=tuple(findings),
        apology_parts=parts,
        crisis=any(f.code == "self_harm" for f in findings),
    )


def read_draft(text: str, kind: str, at: dt.time | None, unanswered: int, plan_locked: bool):
    """(kind, kind_guessed, every finding, apology parts): all that both readers see, before any is left out."""
    prepared = Prepared(text)
    guessed = kind == "auto"
    if guessed:
        kind = guess_kind(prepared)
    learned = _read_by_model(prepared, kind)
    findings: list[Finding] = []
    findings += _safety_findings(prepared, learned)
    findings += _problem_findings(kind, learned)
    findings += _shape_findings(prepared, kind)
    findings += _timing_findings(kind, at, unanswered, learned)
    parts = _apology_parts(learned) if kind == "apology" else None
    if parts is not None:
        findings += [_finding(f"missing_{part}") for part, present in parts.items() if not present]
    if plan_locked:
        # The caller's plan decides which kinds are locked (outreach before the target, anything after a no).
        findings.append(_finding("outreach_locked"))
    return kind, guessed, findings, parts


def _finding(code: str, start: int | None = None, end: int | None = None) -> Finding:
    message, suggestion, example = ADVICE[code]
    return Finding(code, SEVERITY[code], start, end, message, suggestion, example)


def _read_by_model(prepared: Prepared, kind: str) -> dict:
    """What the coach's model finds, by label, in the draft with its quotations blanked out.

    Words the person quotes (often the ex's) are not theirs to be coached on; blanking them,
    length for length, keeps every finding's place in the draft."""
    from secondchance.reading.coach_model import find_in_draft

    text = prepared.original
    for start, end in _quoted_spans(prepared):
        text = text[:start + 1] + " " * (end - start - 2) + text[end - 1:]
    return {found.label: found for found in find_in_draft(text, kind)}


def _safety_findings(prepared: Prepared, learned: dict) -> list[Finding]:
    result = screen_prepared(prepared)
    findings = [_finding("threat", f.start, f.end) for f in result.red_flags if f.category == "threat"]
    findings += [_finding("self_harm", start, end) for start, end in result.crisis_spans[:1]]
    seen = {f.code for f in findings}
    findings += [_finding(code, learned[code].start, learned[code].end)
                 for code in ("threat", "self_harm") if code in learned and code not in seen]
    return findings


def _problem_findings(kind: str, learned: dict) -> list[Finding]:
    return [_finding(code, learned[code].start, learned[code].end)
            for code, kinds in MODEL_PROBLEMS.items() if kind in kinds and code in learned]


def _timing_findings(kind: str, at: dt.time | None, unanswered: int, learned: dict) -> list[Finding]:
    findings = []
    said = {code: learned[label] for label, code in TEXT_SIGNS.items() if label in learned}
    if is_late(at) or "late_night" in said:
        where = said.get("late_night")
        findings.append(_finding("late_night", *((where.start, where.end) if where else ())))
    repeated_in_log = kind in OUTREACH_KINDS and unanswered >= UNANSWERED_LIMIT
    if repeated_in_log or "repeated_unanswered" in said:
        where = None if repeated_in_log else said["repeated_unanswered"]
        findings.append(_finding("repeated_unanswered", *((where.start, where.end) if where else ())))
    return findings


def _shape_findings(prepared: Prepared, kind: str) -> list[Finding]:
    findings = []
    limit = MAX_LENGTH.get(kind)
    if limit and len(prepared.original.strip()) > limit:
        findings.append(_finding("too_long"))
    if kind == "outreach" and not _OPEN_DOOR.search(prepared.lower):
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
    patterns = [pattern for pattern, _ in prepared.candidates(book())["open_question"]]
    return any(p.search(q.group()) for q in _QUESTION.finditer(prepared.normal) for p in patterns)


def _apology_parts(learned: dict) -> dict[str, bool]:
    return {part: part in learned for part in APOLOGY_PARTS}


def _verdict(findings: list[Finding]) -> str:
    severities = {f.severity for f in findings}
    if Severity.BLOCK in severities:
        return "dont_send"
    if Severity.WARN in severities:
        return "revise"
    return "send"


def _score(findings: list[Finding]) -> int:
    if any(f.severity is Severity.BLOCK for f in findings):
        return 0
    return max(0, 100 - sum(PENALTY[f.code] for f in findings))


# In a written apology, what undoes it (its missing parts are shown by the builder itself).
APOLOGY_PART_PROBLEMS = frozenset({"non_apology", "sorry_but", "excuse", "blame", "forgiveness_demand", "guilt_trip",
                                   "pressure", "harsh_tone", "begging"})


def apology_part_findings(parts: dict[str, str]) -> dict[str, list[Finding]]:
    """What would undo each part of an apology (a "but", an excuse, blame), by part name.

    The parts are read together, as the one apology they make: a short part read alone
    ("I'm sorry I shut you out") is easily mistaken for a vague one. A finding about the
    whole apology, not one sentence, goes with every part."""
    names = [name for name, text in parts.items() if text.strip()]
    if not names:
        return {}
    spans, pieces, at = {}, [], 0
    for name in names:
        piece = parts[name].strip()
        spans[name] = (at, at + len(piece))
        pieces.append(piece)
        at += len(piece) + 1
    _, _, findings, _ = read_draft("\n".join(pieces), "apology", None, 0, False)
    found: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.code not in APOLOGY_PART_PROBLEMS:
            continue
        for name, (start, end) in spans.items():
            if finding.start is None or start <= finding.start < end:
                found.setdefault(name, []).append(finding)
    return found
