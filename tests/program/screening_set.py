"""The labelled sentences for the red-flag screen, and how to score the screen on them."""

import pathlib
from collections import Counter

from secondchance.program.screening import CATEGORIES, CRISIS, screen

LABELLED = pathlib.Path(__file__).resolve().parent.parent / "data" / "screening_labelled.tsv"
LABELS = (*CATEGORIES, CRISIS)


def load_labelled():
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        labels, text = line.split("\t", 1)
        rows.append((frozenset() if labels == "none" else frozenset(labels.split(",")), text))
    return rows


def predicted(text):
    result = screen(text)
    return frozenset(result.categories) | ({CRISIS} if result.crisis else frozenset())


def score(rows):
    """Precision and recall per label, and the sentences each got wrong."""
    counts = Counter()
    mistakes = []
    for expected, text in rows:
        got = predicted(text)
        for label in LABELS:
            counts[(label, label in expected, label in got)] += 1
        if got != expected:
            mistakes.append((text, sorted(expected), sorted(got)))
    table = {}
    for label in LABELS:
        tp, fp, fn = counts[(label, True, True)], counts[(label, False, True)], counts[(label, True, False)]
        table[label] = {
            "support": tp + fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
        }
    return table, mistakes
