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
ROUNDS = 11


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


def one_pass(function, drafts):
    """CPU seconds for one pass over the drafts, and each draft's own time."""
    each = []
    started = time.process_time()
    for draft in drafts:
        t0 = time.perf_counter()
        function(draft)
        each.append(time.perf_counter() - t0)
    return time.process_time() - started, each


def compare(coach, vader, drafts):
    """Coach and VADER passes interleaved, so a noisy moment on this shared machine hits both alike.

    Returns the median coach pass, the median VADER pass, the median of the per-round
    ratios, and the median time of one draft through the coach.
    """
    coach_passes, vader_passes, ratios, each = [], [], [], []
    for _ in range(ROUNDS):
        coach_pass, times = one_pass(coach, drafts)
        vader_pass, _ = one_pass(vader, drafts)
        coach_passes.append(coach_pass)
        vader_passes.append(vader_pass)
        ratios.append(coach_pass / vader_pass)
        each += times
    return statistics.median(coach_passes), statistics.median(vader_passes), statistics.median(ratios), statistics.median(each)


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
        coach_pass, vader_pass, ratio, coach_each = compare(lambda d, k=kind: check_message(d, k), vader.polarity_scores, drafts)
        rate = len(drafts) / coach_pass
        worst_rate, worst_ratio = min(worst_rate, rate), max(worst_ratio, ratio)
        speed.append(f"| {kind} | {len(drafts)} | {rate:,.0f} | {coach_each * 1000:.2f} ms | "
                     f"{len(drafts) / vader_pass:,.0f} | {ratio:.2f}x |")
    verdict = (f"Slowest kind: {worst_rate:,.0f} messages/s (target 2,000); "
               f"highest cost: {worst_ratio:.2f}x VADER alone (target at most 2x).")
    body = ("\n".join(lines) + f"\n\n{len(rows)} labelled drafts, {len(mistakes)} with any finding wrong.\n\n"
            + "Speed on 300-character drafts, one core, CPU time, median of "
            + f"{ROUNDS} rounds (coach and VADER passes interleaved):\n\n" + "\n".join(speed) + "\n\n" + verdict)
    print(body)
    write_section("coach", "Message coach (`bench/coach.py`)", body)


if __name__ == "__main__":
    main()
