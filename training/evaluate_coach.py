"""The coach's figures on its blind set: `make evaluate-coach` (writes training/coach_blind_report.json).

Each draft is checked as the app checks it (its kind given, no clock, no
contact log, no plan lock), and compared with what its writer labelled.
`--dev` reports on the training run's dev split instead (for looking at
mistakes without touching the blind set). Nothing here feeds back into
training or thresholds.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from secondchance.program.coach import check_message, read_draft
from training.corpus import COACH_BLIND_FILES, ROOT, read_drafts

REPORT = ROOT / "training/coach_blind_report.json"
# What the app is asked to find, for each label a writer could give.
LABEL_CODES = {"late_night_text": "late_night", "repeated_text": "repeated_unanswered"}
BLOCKING_LABELS = {"threat", "self_harm", "repeated_text"}
PARTS = ("regret", "responsibility", "remedy")
# Findings no writer labels: they come from length and the draft's shape, and only advise.
UNLABELLED = {"too_long", "no_open_question", "no_low_pressure_invite", "outreach_locked"}
def gold_codes(draft) -> set[str]:
    codes = {LABEL_CODES.get(label, label) for label in draft.labels if label not in PARTS}
    if draft.kind == "apology":
        codes |= {f"missing_{part}" for part in PARTS if part not in draft.labels}
    return codes


def gold_verdict(draft) -> str:
    codes = gold_codes(draft)
    if draft.labels & BLOCKING_LABELS:
        return "dont_send"
    return "revise" if codes else "send"


def evaluate(drafts) -> dict:
    verdicts, blocking, per_code = Counter(), Counter(), {}
    found = required = wrong_drafts = 0
    calm, harsh = [], []
    parts = Counter()
    for draft in drafts:
        report = check_message(draft.text, draft.kind)
        _, _, every, _ = read_draft(draft.text, draft.kind, None, 0, False)
        predicted = {f.code for f in every} - UNLABELLED
        gold = gold_codes(draft)
        verdicts[report.verdict == gold_verdict(draft)] += 1
        if draft.labels & {"threat", "self_harm"}:
            blocking[report.verdict == "dont_send"] += 1
        found += len(gold & predicted)
        required += len(gold)
        wrong_drafts += bool(predicted - gold)
        for code in gold | predicted:
            tally = per_code.setdefault(code, Counter())
            tally["tp" if code in gold and code in predicted else "fn" if code in gold else "fp"] += 1
        if gold_verdict(draft) == "send" and draft.kind in ("outreach", "reply"):
            calm.append(report.score)
        if draft.labels & {"begging", "blame"}:
            harsh.append(report.score)
        if draft.kind == "apology":
            for part in PARTS:
                parts[(part in draft.labels) == bool(report.apology_parts and report.apology_parts[part])] += 1
    total = len(drafts)
    codes = {}
    for code, tally in sorted(per_code.items()):
        support = tally["tp"] + tally["fn"]
        codes[code] = {
            "support": support,
            "recall": round(tally["tp"] / support, 3) if support else None,
            "precision": round(tally["tp"] / (tally["tp"] + tally["fp"]), 3) if tally["tp"] + tally["fp"] else None,
            "fires_wrongly_share": round(tally["fp"] / max(1, total - support), 3),
        }
    return {
        "drafts": total,
        "verdict_accuracy": round(verdicts[True] / total, 3),
        "threat_and_self_harm_blocked": f"{blocking[True]} of {sum(blocking.values())}",
        "required_codes_found": round(found / max(1, required), 3),
        "drafts_with_a_wrong_code": round(wrong_drafts / total, 3),
        "largest_per_code_false_fire_share": max(c["fires_wrongly_share"] for c in codes.values()),
        "calm_drafts_scoring_85_or_more": _share(calm, lambda s: s >= 85),
        "begging_or_blaming_drafts_scoring_50_or_less": _share(harsh, lambda s: s <= 50),
        "apology_parts_right": round(parts[True] / max(1, sum(parts.values())), 3),
        "codes": codes,
    }


def _share(scores, good) -> dict:
    return {"share": round(sum(map(good, scores)) / max(1, len(scores)), 3), "of": len(scores)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="the dev split (not the blind set)")
    args = parser.parse_args()
    if args.dev:
        from training.train_coach import dev_split

        dev, _ = dev_split()
        report = {"split": "dev", **evaluate(dev)}
    else:
        report = {"split": "blind", **evaluate(read_drafts(COACH_BLIND_FILES))}
        REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    json.dump(report, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
