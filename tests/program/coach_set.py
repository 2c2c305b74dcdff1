"""The labelled drafts for the message coach, and how to score the coach on them."""

import datetime as dt
import pathlib

from secondchance.program.coach import CODES, check_message

from .labelled import precision_recall

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
    """Precision and recall per code, and the drafts with any finding wrong."""
    return precision_recall(((row["text"], row["codes"], predicted(row)) for row in rows), CODES)
