"""Precision and recall per label, shared by the labelled sets of the screen and the coach."""

from collections import Counter


def precision_recall(results, labels):
    """results: (text, expected labels, predicted labels) triples. Returns the table and the misses."""
    counts = Counter()
    mistakes = []
    for text, expected, got in results:
        for label in labels:
            counts[(label, label in expected, label in got)] += 1
        if got != expected:
            mistakes.append((text, sorted(expected), sorted(got)))
    table = {}
    for label in labels:
        tp, fp, fn = counts[(label, True, True)], counts[(label, False, True)], counts[(label, True, False)]
        table[label] = {
            "support": tp + fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
        }
    return table, mistakes
