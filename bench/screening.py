"""Red-flag screen: precision and recall per category on the labelled set, and speed.

Run: .venv/bin/python -m bench.screening
"""

import statistics
import sys
import time

sys.path.insert(0, ".")

from bench.report import write_section  # noqa: E402
from secondchance.program.screening import screen  # noqa: E402
from tests.program.screening_set import LABELS, load_labelled, score  # noqa: E402

ROUNDS = 5


def main() -> None:
    rows = load_labelled()
    table, mistakes = score(rows)
    lines = ["| category | sentences | precision | recall |", "| --- | ---: | ---: | ---: |"]
    for label in LABELS:
        figures = table[label]
        lines.append(f"| {label} | {figures['support']} | {figures['precision']:.3f} | {figures['recall']:.3f} |")
    texts = [text for _, text in rows]
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for text in texts:
            screen(text)
        timings.append(time.perf_counter() - started)
    per_second = len(texts) / statistics.median(timings)
    body = "\n".join(lines) + (
        f"\n\n{len(rows)} labelled sentences ({sum(not e for e, _ in rows)} with no flag), "
        f"{len(mistakes)} screened wrongly. Speed: {per_second:,.0f} sentences/s on one core "
        f"(median of {ROUNDS} passes)."
    )
    print(body)
    write_section("screening", "Red-flag screening (`bench/screening.py`)", body)


if __name__ == "__main__":
    main()
