"""The labelled sentences for the red-flag screen, and how to score the screen on them."""

import pathlib

from secondchance.program.screening import CATEGORIES, CRISIS, Prepared, screen_rules

from .labelled import precision_recall

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
    # The patterns alone: this set is what they were written from (and is now training data for the
    # model), so it checks the patterns did not regress. The app's decision is measured on the blind set.
    result = screen_rules(Prepared(text))
    return frozenset(result.categories) | ({CRISIS} if result.crisis else frozenset())


def score(rows):
    """Precision and recall per label, and the sentences each got wrong."""
    return precision_recall(((text, expected, predicted(text)) for expected, text in rows), LABELS)
