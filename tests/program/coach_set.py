"""The labelled drafts for the message coach, and how to score the coach on them."""

import datetime as dt
import pathlib
from collections import Counter

from secondchance.program.coach import CODES, check_message

LABELLED = pathlib.Path(__file__).resolve().parent.parent / "data" / "coach_labelled.tsv"


def load_labelled(path=LABELLED):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, text = line.split("\t", 1)
        kind, time, unanswered, codes = head.split("|")
        rows.append({
            "kind": kind,
            "at": None if time == "-" else dt.time.fromisoformat(time),
            "unanswered": int(unanswered),
            "codes": frozenset() if codes == "none" else frozenset(codes.split(",")),
            "text": text,
        })
    return rows


def predicted(row):
    report = check_message(row["text"], row["kind"], row["at"], row["unanswered"])
    return frozenset(f.code for f in report.findings)


def score(rows):
    counts = Counter()
    mistakes = []
    for row in rows:
        got = predicted(row)
        for code in CODES:
            counts[(code, code in row["codes"], code in got)] += 1
        if got != row["codes"]:
            mistakes.append((row["text"], sorted(row["codes"]), sorted(got)))
    table = {}
    for code in CODES:
        tp, fp, fn = counts[(code, True, True)], counts[(code, False, True)], counts[(code, True, False)]
        table[code] = {
            "support": tp + fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
        }
    return table, mistakes
