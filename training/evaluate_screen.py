"""The screen's figures on the blind set: `make evaluate-screen` (writes training/screen_blind_report.json).

Reports the combined decision the app uses, and the patterns and the model
alone, so what each reader adds is visible. Nothing here feeds back into
training or thresholds.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field

from secondchance.program.screening import CATEGORIES, CRISIS, Prepared, combined, screen_rules
from secondchance.reading.screen_model import find
from training.corpus import ROOT, SCREEN_BLIND_FILES, read_all

# Words that make a harmless sentence look alarming; used only to pick out the look-alike negatives.
ALARMING = re.compile(
    r"\b(kill\w*|die|dying|dead|death|murder\w*|hit|beat\w*|destroy\w*|hurt\w*|end (it|things)|gone|"
    r"pills?|bridge|threat\w*|choke\w*|punch\w*|slap\w*|scared|afraid|follow\w*|track\w*|cheat\w*|stab\w*)\b",
    re.IGNORECASE,
)
REPORT = ROOT / "training/screen_blind_report.json"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        self.tp += gold and predicted
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def as_dict(self) -> dict:
        return {"recall": round(self.recall, 3), "precision": round(self.precision, 3),
                "found": self.tp, "missed": self.fn, "false_alarms": self.fp}


@dataclass
class Scores:
    red_flag: Tally = field(default_factory=Tally)
    crisis: Tally = field(default_factory=Tally)
    categories: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    quiet_negatives: list[int] = field(default_factory=lambda: [0, 0])
    quiet_lookalikes: list[int] = field(default_factory=lambda: [0, 0])

    def add(self, example, categories: set[str], crisis: bool) -> None:
        gold_cats = example.labels - {CRISIS}
        self.red_flag.add(bool(gold_cats), bool(categories))
        self.crisis.add(CRISIS in example.labels, crisis)
        for category, tally in self.categories.items():
            tally.add(category in gold_cats, category in categories)
        if not example.labels:
            quiet = not categories and not crisis
            self.quiet_negatives[0] += quiet
            self.quiet_negatives[1] += 1
            if ALARMING.search(example.text):
                self.quiet_lookalikes[0] += quiet
                self.quiet_lookalikes[1] += 1

    def as_dict(self) -> dict:
        return {
            "red_flag_route": self.red_flag.as_dict(),
            "crisis": self.crisis.as_dict(),
            "categories": {c: t.as_dict() for c, t in self.categories.items()},
            "negatives_raising_nothing": _share(self.quiet_negatives),
            "alarming_looking_negatives_raising_nothing": _share(self.quiet_lookalikes),
        }


def _share(pair) -> dict:
    return {"share": round(pair[0] / pair[1], 3) if pair[1] else 1.0, "quiet": pair[0], "of": pair[1]}


def evaluate(examples) -> dict[str, Scores]:
    results = {"combined": Scores(), "rules_only": Scores(), "model_only": Scores()}
    empty_rules = None
    for example in examples:
        prepared = Prepared(example.text)
        rules = screen_rules(prepared)
        model = find(example.text)
        if empty_rules is None:
            empty_rules = type(rules)((), False, (), ())
        both = combined(rules, model, example.text)
        alone = combined(empty_rules, model, example.text)
        for name, result in (("combined", both), ("rules_only", rules), ("model_only", alone)):
            results[name].add(example, {f.category for f in result.red_flags}, result.crisis)
    return results


def main() -> int:
    examples = read_all(SCREEN_BLIND_FILES)
    results = evaluate(examples)
    report = {"texts": len(examples), **{name: scores.as_dict() for name, scores in results.items()}}
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    json.dump(report, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
