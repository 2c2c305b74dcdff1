"""Free-text screening for red flags and crisis language (PROGRAM.md "Safety").

Everything a person writes (journal, reflections, signals, meeting notes,
message drafts) passes through ``screen``. It finds what an ex did to the
writer, threats in either direction, and self-harm or suicide language, each
with the character span it is about. It leaves out:

- negated statements: "he never hit me", "I don't want to die";
- other people's stories: "my friend's boyfriend hit her", "my boss yells at me";
- figures of speech: "this job is killing me", "it hit me that it's over".

Two readers decide together (``screen_prepared``): the patterns, ours, in
``data/red_flags.txt`` (exact spans, clear reasons), and a learned model over a
sentence encoder (``secondchance.reading``), which catches the many phrasings
no pattern was written for. A finding from either counts; each says which
found it (``source``) and the sentence it is about. The model is required:
if its file is missing or altered, screening stops with an error naming it,
never quietly falling back to patterns alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .patterns import load_book, sentence_starts

CATEGORIES = ("physical", "sexual", "threat", "fear", "stalking", "control", "contempt", "repeated_cheating")
CRISIS = "crisis"

# Words that negate what follows them, a few words on, in the same clause.
_NEGATOR = re.compile(r"\b(?:not|never|no|nobody|n't|\w+n't|dont|didnt|doesnt|wont|wouldnt|cant|isnt|wasnt|hasnt|havent)\b")
# Negators that do not deny the statement after them ("I don't know why he hit me").
_NOT_A_DENIAL = re.compile(
    r"\b(?:don'?t|do\s+not|didn'?t)\s+(?:know|understand|remember|get)\s+(?:why|how|when|what|if|whether)\b"
    r"|\bcan'?t\s+(?:believe|stop\s+thinking|forget|understand)\b"
    r"|\bno\s+(?:idea|clue)\s+(?:why|how|when)\b"
    r"|\bnot\s+sure\s+(?:why|if|whether|how)\b"
    r"|\bnot\s+the\s+first\s+time\b"
    r"|\bno\s+matter\b"
    r"|\bnot\s+only\b"
)
NEGATION_WINDOW_WORDS = 4
# How far around a match to look for where its clause starts: enough for the window of words.
CLAUSE_LOOKBACK, CLAUSE_LOOKAHEAD = 80, 40
# Where a clause starts again: negation and the speaker do not carry across these.
_CLAUSE_BREAK = re.compile(
    r"[.!?;:\n]|,|\b(?:but|however|although|though|yet|then|so|because|until|and|or|when|after|before|if|unless)\b"
    # A new subject about to act ("... I'll", "... he would") starts a new clause.
    r"|(?=\b(?:i|he|she|they|we)(?:'ll|'d|\s+will|\s+would|\s+swear|'m\s+going|\s+am\s+going|'m\s+gonna)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w']+")

# Who a sentence is about. The nearest of these before a match decides whose story it is.
_EX_WORDS = frozenset(
    "he she they him her them ex partner boyfriend girlfriend husband wife fiance fiancé fiancee fiancée bf gf spouse".split()
)
_OTHER_WORDS = frozenset(
    """friend friends mom mum mother dad father parent parents boss sister brother cousin aunt uncle coworker
    co-worker colleague colleagues teacher kid kids child children son daughter neighbour neighbor neighbours neighbors
    people someone somebody everyone everybody stranger strangers roommate flatmate manager therapist doctor
    dog cat it that this life job work reality news thought realisation realization movie film song book
    character guy girl man woman team coach villain hero actor""".split()
)
# Categories about what someone else did, where the speaker must be the ex (or unnamed).
_AGENT_CHECKED = frozenset(CATEGORIES) - {"fear"}
# Where "I checked my phone" is the writer's own doing, not something done to them.
_WRITER_CAN_BE_AGENT = frozenset({"stalking"})


@dataclass(frozen=True)
class RedFlag:
    category: str
    start: int
    end: int
    text: str
    source: str = "rule"  # "rule" or "model"
    sentence: tuple[int, int] | None = None


@dataclass(frozen=True)
class Screening:
    red_flags: tuple[RedFlag, ...]
    crisis: bool
    crisis_spans: tuple[tuple[int, int], ...]
    # Where crisis language was found and by which reader: (start, end, source), rules first.
    crisis_sources: tuple[tuple[int, int, str], ...] = ()
    # What a pattern matched but found denied ("I don't want to die"): (label, start, end).
    negated: tuple[tuple[str, int, int], ...] = ()

    @property
    def route(self) -> str:
        """Crisis outranks safety: someone at risk of harming themselves needs help first."""
        if self.crisis:
            return "crisis"
        if self.red_flags:
            return "safety"
        return "none"

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(flag.category for flag in self.red_flags))


@functools.cache
def book():
    """Our red-flag and crisis patterns, compiled on first use: the server and CLI start without them."""
    return load_book(__package__, "data/red_flags.txt")


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


class Prepared:
    """A text made ready for matching once: apostrophes made straight, lower case, 3-letter pieces."""

    def __init__(self, text: str):
        self.original = text
        self.normal = text.translate(_APOSTROPHES)
        self.lower = self.normal.lower()
        self.starts = sentence_starts(self.lower)
        self._candidates: dict[str, dict] = {}

    def candidates(self, book):
        key = id(book)
        if key not in self._candidates:
            self._candidates[key] = book.candidates(self.lower, self.starts)
        return self._candidates[key]

    def clause_before(self, start: int) -> str:
        """The part of the clause that comes before ``start`` (looking back a few words is enough)."""
        window = max(0, start - CLAUSE_LOOKBACK)
        clause_start = window
        for found in _CLAUSE_BREAK.finditer(self.normal, window, min(len(self.normal), start + CLAUSE_LOOKAHEAD)):
            if found.start() > start:
                break
            clause_start = min(found.end(), start)
        return self.normal[clause_start:start]

    def is_negated(self, start: int) -> bool:
        """True when a negator stands within a few words before ``start``, in the same clause."""
        nearby = " ".join(_WORD.findall(self.normal[max(0, start - CLAUSE_LOOKBACK):start])[-NEGATION_WINDOW_WORDS:])
        if not _NEGATOR.search(nearby.lower()):
            return False  # the common case, settled without working out the clause
        clause = self.clause_before(start)
        words = _WORD.findall(clause)[-NEGATION_WINDOW_WORDS:]
        if not _NEGATOR.search(" ".join(words).lower()):
            return False
        return not _NOT_A_DENIAL.search(clause.lower())


def is_negated(text: str, start: int) -> bool:
    """True when a negator stands within a few words before the match, in the same clause."""
    return Prepared(text).is_negated(start)


def is_someone_elses_story(text: str, start: int, writer_counts: bool = False) -> bool:
    """True when the nearest person named before the match, in its sentence, is not the ex."""
    sentence = re.split(r"[.!?\n]", text[:start])[-1].lower()
    words = _WORD.findall(sentence)
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if writer_counts and word == "i":
            return True
        bare = word[:-2] if word.endswith("'s") else word
        if word in _EX_WORDS:
            # "my friend's husband" is somebody else's partner.
            previous = words[index - 1] if index else ""
            return previous.endswith("'s") and previous[:-2] in _OTHER_WORDS
        if bare in _OTHER_WORDS:
            return True
    return False


_INTENT_ONLY = re.compile(r"\b(?:threaten(?:ed|s|ing)?|said\s+(?:he|she|they)(?:'d|\s+would|'ll|\s+will))\s+(?:to\s+)?$")


_FEARED = re.compile(r"\b(?:afraid|scared|terrified|worried)(?:\s+that)?\s+$", re.IGNORECASE)


def _names_the_ex(matched: str) -> bool:
    """A match that itself says who did it ("the third time he cheated") needs no look back."""
    return any(word in _EX_WORDS for word in _WORD.findall(matched.lower()))


def _matches(prepared: Prepared, category: str, negated: list | None = None):
    text = prepared.normal
    for pattern, stretches in prepared.candidates(book())[category]:
        for match in (found for begin, end in stretches for found in pattern.finditer(text, begin, end)):
            act = match.start("core") if "core" in pattern.groupindex else match.start()
            if prepared.is_negated(act):
                if negated is not None:
                    negated.append((category, match.start(), match.end()))
                continue
            if category == "physical" and _INTENT_ONLY.search(text[max(0, act - 30):act]):
                continue  # "threatened to hit me" is a threat, not (yet) a blow
            if category == "threat" and _FEARED.search(text[max(0, act - 20):act]):
                continue  # "I'm afraid he'll hurt me if I go" is fear, not a threat made
            if category in _AGENT_CHECKED and not _names_the_ex(match.group()):
                if is_someone_elses_story(text, match.start(), category in _WRITER_CAN_BE_AGENT):
                    continue
            yield match


def _without_overlaps(flags: list[RedFlag]) -> list[RedFlag]:
    kept: list[RedFlag] = []
    for flag in sorted(flags, key=lambda f: (f.start, -(f.end - f.start))):
        if not any(k.category == flag.category and k.start <= flag.start < k.end for k in kept):
            kept.append(flag)
    return kept


def screen(text: str) -> Screening:
    """Screen one piece of writing. Pure and fast: call it on every save."""
    if not isinstance(text, str):
        raise TypeError("screen() needs text")
    return screen_prepared(Prepared(text))


def screen_prepared(prepared: Prepared) -> Screening:
    """The one decision: what the patterns find, and what the model finds that they did not."""
    from secondchance.reading.screen_model import find

    return combined(screen_rules(prepared), find(prepared.original), prepared.original)


def screen_rules(prepared: Prepared) -> Screening:
    """The patterns alone (for the combined decision, and to measure what each reader adds)."""
    text = prepared.original
    negated: list[tuple[str, int, int]] = []
    flags = [
        RedFlag(category, m.start(), m.end(), text[m.start():m.end()], "rule", sentence_around(prepared, m.start()))
        for category in CATEGORIES
        for m in _matches(prepared, category, negated)
    ]
    crisis = sorted({(m.start(), m.end()) for m in _matches(prepared, CRISIS, negated)})
    return Screening(tuple(_without_overlaps(flags)), bool(crisis), tuple(crisis), tuple((s, e, "rule") for s, e in crisis),
                     tuple(negated))


def sentence_around(prepared: Prepared, start: int) -> tuple[int, int]:
    """The span of the sentence holding ``start``, without its surrounding blanks."""
    starts = prepared.starts
    begin = max(s for s in starts if s <= start)
    later = [s for s in starts if s > start]
    end = later[0] if later else len(prepared.original)
    piece = prepared.original[begin:end]
    left = len(piece) - len(piece.lstrip())
    return begin + left, begin + len(piece.rstrip())


def combined(rules: Screening, model_findings, text: str) -> Screening:
    """Rule findings as they are; a model finding is added for each label the rules did not find,
    unless the patterns saw that very red flag denied in its span ("he never hit me").

    Crisis findings are never vetoed this way: on the dev split the veto cost crisis recall
    and bought no precision, and a missed crisis costs far more than crisis lines shown once
    too often ("I don't want to die" shows them)."""
    flags = list(rules.red_flags)
    found = {flag.category for flag in flags}
    crisis_sources = list(rules.crisis_sources)
    for finding in model_findings:
        span = (finding.start, finding.end)
        if finding.label != CRISIS and any(
            label == finding.label and span[0] <= start < span[1] for label, start, _ in rules.negated
        ):
            continue
        if finding.label == CRISIS:
            if not rules.crisis:
                crisis_sources.append((finding.start, finding.end, "model"))
        elif finding.label not in found:
            flags.append(RedFlag(finding.label, finding.start, finding.end, text[finding.start:finding.end], "model", span))
    flags.sort(key=lambda f: (f.start, f.category))
    crisis_spans = tuple((s, e) for s, e, _ in crisis_sources)
    return Screening(tuple(flags), bool(crisis_spans), crisis_spans, tuple(crisis_sources), rules.negated)
