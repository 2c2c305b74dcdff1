"""Message coach: precision and recall per code, speed per kind, and its cost next to VADER alone.

Run: .venv/bin/python -m bench.coach
Targets (issue "The message coach"): at least 2,000 messages/s on one core for
300-character messages, and no more than 2x the cost of VADER alone.
"""

import statistics
import sys
import time

sys.path.insert(0, ".")

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from bench.report import write_section  # noqa: E402
from secondchance.program.coach import CODES, KINDS, check_message  # noqa: E402
from tests.program.coach_set import load_labelled, score  # noqa: E402

LENGTH = 300
ROUNDS = 7


def three_hundred_characters(rows, kind):
    """Drafts of this kind, each run on to 300 characters with the next ones."""
    texts = [r["text"] for r in rows if r["kind"] == kind]
    drafts = []
    for i in range(len(texts)):
        text = texts[i]
        j = i + 1
        while len(text) < LENGTH:
            text += " " + texts[j % len(texts)]
            j += 1
        drafts.append(text[:LENGTH])
    return drafts


def timed(function, drafts):
    """Median seconds per pass, and median seconds per draft, over several passes."""
    passes, each = [], []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for draft in drafts:
            t0 = time.perf_counter()
            function(draft)
            each.append(time.perf_counter() - t0)
        passes.append(time.perf_counter() - started)
    return statistics.median(passes), statistics.median(each)


def main() -> None:
    rows = load_labelled()
    table, mistakes = score(rows)
    lines = ["| code | drafts | precision | recall |", "| --- | ---: | ---: | ---: |"]
    for code in CODES:
        figures = table[code]
        lines.append(f"| {code} | {figures['support']} | {figures['precision']:.3f} | {figures['recall']:.3f} |")
    vader = SentimentIntensityAnalyzer()
    speed = ["| kind | drafts | messages/s | median latency | VADER alone, messages/s | cost vs VADER |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    worst_rate, worst_ratio = float("inf"), 0.0
    for kind in KINDS:
        drafts = three_hundred_characters(rows, kind)
        coach_pass, coach_each = timed(lambda d, k=kind: check_message(d, k), drafts)
        vader_pass, _ = timed(vader.polarity_scores, drafts)
        rate, ratio = len(drafts) / coach_pass, coach_pass / vader_pass
        worst_rate, worst_ratio = min(worst_rate, rate), max(worst_ratio, ratio)
        speed.append(f"| {kind} | {len(drafts)} | {rate:,.0f} | {coach_each * 1000:.2f} ms | "
                     f"{len(drafts) / vader_pass:,.0f} | {ratio:.2f}x |")
    verdict = (f"Slowest kind: {worst_rate:,.0f} messages/s (target 2,000); "
               f"highest cost: {worst_ratio:.2f}x VADER alone (target at most 2x).")
    body = ("\n".join(lines) + f"\n\n{len(rows)} labelled drafts, {len(mistakes)} with any finding wrong.\n\n"
            + "Speed on 300-character drafts, one core, median of "
            + f"{ROUNDS} passes:\n\n" + "\n".join(speed) + "\n\n" + verdict)
    print(body)
    write_section("coach", "Message coach (`bench/coach.py`)", body)


if __name__ == "__main__":
    main()
