"""Pattern files we own: "[section]" headers, one regular expression a line, "@name = regex" macros.

Compiled once at import. Running 150 expressions over every message is slow, so
each expression also gets its "cover": literal strings of which at least one
must appear in any text it matches (worked out from the parsed expression). A
message is then tested only against the expressions whose cover it contains,
and only on the sentences that contain it.
"""

from __future__ import annotations

import bisect
import re
import re._constants as sre
import re._parser as sre_parse
from dataclasses import dataclass
from importlib import resources

import ahocorasick

MIN_STEM = 3
# Words in nearly every message make poor covers: a pattern keyed on "you" runs on every text.
COMMON = frozenset(
    """you your you're are were was that this what have has had for not don won can will would could
    with her his him she they them their there then than and but all out get got like just new one now
    how who when where which why see say said tell told going come make made know think time way well
    back about from some any more only ever never also very really been being does did the i'm i'll
    'll 're 've ell old ike ove end our its it's let want need""".split()
)


@dataclass
class Section:
    patterns: tuple[re.Pattern[str], ...]
    # For each pattern, strings one of which is in any text it matches (None: can't tell).
    covers: tuple[frozenset[str] | None, ...] = ()

    @property
    def always(self) -> frozenset[int]:
        return frozenset(n for n, cover in enumerate(self.covers) if cover is None)


_SENTENCE_END = re.compile(r"[.!?\n]+")


def sentence_starts(lower: str) -> list[int]:
    """Where each sentence starts: the patterns never reach across a full stop, "!", "?" or a new line."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(lower))]


class PatternBook:
    """All sections of one pattern file, and one Aho-Corasick automaton over every cover string.

    One pass of the automaton over a text finds every required word of every
    pattern at once, so each pattern is run only where it could match.
    """

    def __init__(self, sections: dict[str, Section]):
        self.sections = sections
        # Every pattern gets a number in file order; the automaton maps a word to the numbers it unlocks.
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        self._always: list[int] = []
        targets: dict[str, list[int]] = {}
        for name, section in sections.items():
            for pattern, cover in zip(section.patterns, section.covers):
                number = len(self._patterns)
                self._patterns.append((name, pattern))
                if cover is None:
                    self._always.append(number)
                for stem in cover or ():
                    targets.setdefault(stem, []).append(number)
        self._automaton = ahocorasick.Automaton()
        self._unlocks: list[tuple[int, ...]] = []
        for stem, numbers in targets.items():
            self._automaton.add_word(stem, (len(stem), len(self._unlocks)))
            self._unlocks.append(tuple(numbers))
        if targets:
            self._automaton.make_automaton()
        self._always_set = frozenset(self._always)

    def candidates(self, lower: str, starts: list[int]):
        """For each section, the patterns worth running, each with the stretches of text to run it on.

        A pattern is run only on the sentences that hold one of its required words;
        one without such words runs on the whole text.
        """
        seen: dict[int, set[int]] = {}  # stem -> sentences it occurs in
        if self._unlocks:
            for end, (length, stem) in self._automaton.iter(lower):
                sentence = bisect.bisect_right(starts, end - length + 1) - 1
                if stem in seen:
                    seen[stem].add(sentence)
                else:
                    seen[stem] = {sentence}
        found: dict[int, set[int]] = {}
        for stem, sentences in seen.items():
            for number in self._unlocks[stem]:
                if number in found:
                    found[number] |= sentences
                else:
                    found[number] = set(sentences)
        whole = ((0, len(lower)),)
        result: dict[str, list] = {name: [] for name in self.sections}
        stretches_of: dict[frozenset[int], tuple[tuple[int, int], ...]] = {}
        for number in sorted(found.keys() | self._always):
            name, pattern = self._patterns[number]
            if number in self._always_set:
                stretches = whole
            else:
                sentences = frozenset(found[number])
                if sentences not in stretches_of:
                    stretches_of[sentences] = _stretches(sorted(sentences), starts, len(lower))
                stretches = stretches_of[sentences]
            result[name].append((pattern, stretches))
        return result


def _stretches(sentences: list[int], starts: list[int], length: int) -> tuple[tuple[int, int], ...]:
    """Sentences joined into (start, end) stretches where they follow one another."""
    stretches: list[list[int]] = []
    for index in sentences:
        begin = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else length
        if stretches and stretches[-1][1] == begin:
            stretches[-1][1] = end
        else:
            stretches.append([begin, end])
    return tuple((a, b) for a, b in stretches)


def load_book(package: str, filename: str) -> PatternBook:
    return PatternBook(load_sections(package, filename))


def load_sections(package: str, filename: str) -> dict[str, Section]:
    text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    macros: dict[str, str] = {}
    raw: dict[str, list[str]] = {}
    section = None
    for line in (raw_line.strip() for raw_line in text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            name, _, value = line[1:].partition("=")
            macros[name.strip()] = value.strip()
        elif line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            raw[section] = []
        else:
            for name, value in macros.items():
                line = line.replace("{" + name + "}", value)
            raw[section].append(line)
    return {name: _section(lines) for name, lines in raw.items()}


def _section(lines: list[str]) -> Section:
    patterns = tuple(re.compile(line, re.IGNORECASE) for line in lines)
    return Section(patterns, tuple(required_literals(line) for line in lines))


def required_literals(expression: str) -> frozenset[str] | None:
    """Strings (lower case, 3+ letters) one of which is in every match, or None if none can be told."""
    try:
        return _cover(list(sre_parse.parse(expression, re.IGNORECASE)))
    except (re.error, TypeError, ValueError):  # pragma: no cover - a pattern the analysis can't read
        return None


def _selectivity(cover):
    """Rarer, longer and fewer strings make a better cover."""
    return (-sum(s in COMMON for s in cover), min(map(len, cover)), -len(cover))


def _better(current, candidate):
    if not candidate or any(len(s) < MIN_STEM for s in candidate):
        return current
    if current is None:
        return candidate
    return max(current, candidate, key=_selectivity)


def _cover(items) -> frozenset[str] | None:
    best = None
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av).lower())
            continue
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run = []
        best = _better(best, _cover_of(op, av))
    if run:
        best = _better(best, frozenset({"".join(run)}))
    return best


def _cover_of(op, av) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _cover(list(av[-1]))
    if op is sre.BRANCH:
        covers = [_cover(list(branch)) for branch in av[1]]
        if any(c is None for c in covers):
            return None
        return frozenset().union(*covers)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, _, sub = av
        return _cover(list(sub)) if low >= 1 else None
    return None
