"""Reading the labelled TSV files: `labels<TAB>text`, `#` comments, labels comma-separated or `none`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN_LABELS = ("physical", "sexual", "threat", "fear", "stalking", "control", "contempt", "repeated_cheating", "crisis")
SCREEN_TRAINING_FILES = (
    *sorted((ROOT / "training/data/screen").glob("corpus_*.tsv")),
    ROOT / "tests/data/screening_labelled.tsv",
)
SCREEN_BLIND_FILES = tuple(sorted((ROOT / "tests/data/blind").glob("screen_blind_*.tsv")))


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]
    source: str


def read_tsv(path: Path, known: tuple[str, ...] = SCREEN_LABELS) -> list[Example]:
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        labels, sep, text = line.partition("\t")
        if not sep or not text.strip():
            raise ValueError(f"{path}:{number}: expected labels<TAB>text")
        names = frozenset(n.strip() for n in labels.split(",")) - {"none"}
        unknown = names - set(known)
        if unknown:
            raise ValueError(f"{path}:{number}: unknown labels {sorted(unknown)}")
        examples.append(Example(text.strip(), names, path.name))
    return examples


def read_all(paths) -> list[Example]:
    """Every example of every file, the first of any repeated text kept."""
    seen, examples = set(), []
    for path in paths:
        for example in read_tsv(path):
            key = example.text.casefold()
            if key not in seen:
                seen.add(key)
                examples.append(example)
    return examples


# Drafts to the ex are screened too: their threat and self-harm codes are the screen's labels,
# and every other draft is a plain message the screen must leave alone.
DRAFT_TO_SCREEN = {"threat": "threat", "self_harm": "crisis"}
COACH_TRAINING_FILES = (
    *sorted((ROOT / "training/data/coach").glob("corpus_*.tsv")),
    ROOT / "tests/data/coach_labelled.tsv",
)


def read_drafts_for_screen(paths=COACH_TRAINING_FILES) -> list[Example]:
    """Coach drafts as screen examples (both file formats: `kind|...|codes<TAB>text` and `kind<TAB>labels<TAB>text`)."""
    examples = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            codes, text = (fields[0].split("|")[-1], fields[1]) if len(fields) == 2 else (fields[1], fields[2])
            labels = frozenset(DRAFT_TO_SCREEN[c.strip()] for c in codes.split(",") if c.strip() in DRAFT_TO_SCREEN)
            examples.append(Example(text.strip(), labels, path.name))
    return examples


# The message coach: `kind<TAB>labels<TAB>text`.
COACH_LABELS = (
    "pressure", "guilt_trip", "blame", "relationship_talk_too_soon", "feelings_dump", "grand_gesture",
    "jealousy_probe", "monitoring", "begging", "non_apology", "sorry_but", "excuse", "forgiveness_demand",
    "harsh_tone", "threat", "self_harm", "late_night_text", "repeated_text", "regret", "responsibility", "remedy",
)
COACH_CORPUS_FILES = tuple(sorted((ROOT / "training/data/coach").glob("corpus_*.tsv")))
COACH_BLIND_FILES = tuple(sorted((ROOT / "tests/data/blind").glob("coach_blind_*.tsv")))


@dataclass(frozen=True)
class Draft:
    kind: str
    text: str
    labels: frozenset[str]
    source: str


def read_drafts(paths) -> list[Draft]:
    """Every draft of every file, the first of any repeated text kept."""
    seen, drafts = set(), []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 3 or not fields[2].strip():
                raise ValueError(f"{path}:{number}: expected kind<TAB>labels<TAB>text")
            kind, labels, text = fields
            names = frozenset(n.strip() for n in labels.split(",")) - {"none"}
            unknown = names - set(COACH_LABELS)
            if unknown or kind not in ("outreach", "reply", "apology", "opening"):
                raise ValueError(f"{path}:{number}: unknown kind {kind!r} or labels {sorted(unknown)}")
            if text.strip().casefold() not in seen:
                seen.add(text.strip().casefold())
                drafts.append(Draft(kind, text.strip(), names, path.name))
    return drafts
