"""The message coach: figures on its blind set, and the live check's speed on one core.

Run: .venv/bin/python -m bench.coach   (or `make bench`)
Quality comes only from the blind set (tests/data/blind/coach_blind_*.tsv), never from training data.
Target (issue "A coach that reads the draft"): p95 at most 40 ms for a 300-character draft.
"""

import os
import statistics
import sys
import time

sys.path.insert(0, ".")

from bench.report import write_section  # noqa: E402
from secondchance.program.coach import check_message  # noqa: E402
from secondchance.program.screening import screen  # noqa: E402
from secondchance.reading.coach_model import find_in_draft  # noqa: E402
from secondchance.reading.files import COACH, SCREEN  # noqa: E402
from secondchance.reading.model import load  # noqa: E402
from training.corpus import COACH_BLIND_FILES, read_drafts  # noqa: E402
from training.evaluate_coach import evaluate  # noqa: E402

LENGTH, RUNS = 300, 300


def drafts_of_length(drafts, length: int, count: int) -> list[tuple[str, str]]:
    """(kind, text) of about ``length`` characters, made by joining blind drafts of one kind in turn."""
    made, at = [], 0
    while len(made) < count:
        kind, text = drafts[at % len(drafts)].kind, ""
        same = [d.text for d in drafts if d.kind == kind]
        step = 0
        while len(text) < length:
            text = f"{text} {same[(at + step) % len(same)]}".strip()
            step += 1
        made.append((kind, text[:length]))
        at += 1
    return made


def forget_recent_pieces() -> None:
    for spec in (SCREEN, COACH):
        load(spec).forget_recent()


def timings_ms(function, drafts) -> tuple[float, float]:
    """Median and p95 of a first reading of each draft (nothing remembered from the one before)."""
    timings = []
    for kind, text in drafts:
        forget_recent_pieces()
        started = time.perf_counter()
        function(text, kind)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), statistics.quantiles(timings, n=20)[-1]


def typing_ms(drafts, count: int = 20) -> tuple[float, float]:
    """As a person types: the draft checked again after each word, as the page's live check does."""
    timings = []
    for kind, text in drafts[:count]:
        forget_recent_pieces()
        words = text.split(" ")
        for end in range(1, len(words) + 1):
            started = time.perf_counter()
            check_message(" ".join(words[:end]), kind)
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), statistics.quantiles(timings, n=20)[-1]


def code_table(codes: dict) -> str:
    lines = ["| finding | drafts with it | recall | precision | fires where it should not |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for code, figures in codes.items():
        recall = "–" if figures["recall"] is None else f"{figures['recall']:.3f}"
        precision = "–" if figures["precision"] is None else f"{figures['precision']:.3f}"
        lines.append(f"| {code} | {figures['support']} | {recall} | {precision} | {figures['fires_wrongly_share']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    blind = read_drafts(COACH_BLIND_FILES)
    report = evaluate(blind)
    drafts = drafts_of_length(blind, LENGTH, RUNS)
    check_message("warm up", "outreach")
    whole = timings_ms(lambda text, kind: check_message(text, kind), drafts)
    screen_only = timings_ms(lambda text, kind: screen(text), drafts)
    model_only = timings_ms(find_in_draft, drafts)
    typing = typing_ms(drafts)
    calm, harsh = report["calm_drafts_scoring_85_or_more"], report["begging_or_blaming_drafts_scoring_50_or_less"]
    body = (
        f"Blind set: {report['drafts']} drafts written from the label definitions only, frozen before the "
        "model was trained (`tests/data/blind/coach_blind_*.tsv`), each checked as the app checks it "
        "(its kind given; no clock, contact log or plan lock).\n\n"
        f"| measure | blind set | target |\n| --- | ---: | ---: |\n"
        f"| verdict right (send / revise / don't send) | {report['verdict_accuracy']:.3f} | ≥ 0.90 |\n"
        f"| threat and self-harm drafts blocked | {report['threat_and_self_harm_blocked']} | all |\n"
        f"| required findings found | {report['required_codes_found']:.3f} | ≥ 0.85 |\n"
        f"| largest share of drafts where one code fires wrongly | {report['largest_per_code_false_fire_share']:.3f} | ≤ 0.03 |\n"
        f"| drafts with any wrong finding | {report['drafts_with_a_wrong_code']:.3f} | |\n"
        f"| calm outreach and replies scoring 85 or more | {calm['share']:.3f} of {calm['of']} | |\n"
        f"| begging or blaming drafts scoring 50 or less | {harsh['share']:.3f} of {harsh['of']} | |\n"
        f"| apology parts read right | {report['apology_parts_right']:.3f} | |\n\n"
        "Each finding (recall: share of drafts labelled with it where it was found; the last column: share of "
        "drafts without it where it fired):\n\n" + code_table(report["codes"])
        + f"\n\nSpeed on one core (pinned), {RUNS} drafts of {LENGTH} characters: whole check median "
        f"{whole[0]:.1f} ms, p95 {whole[1]:.1f} ms (target p95 ≤ 40 ms); of which the safety screen alone "
        f"median {screen_only[0]:.1f} ms, p95 {screen_only[1]:.1f} ms, and the coach's model alone median "
        f"{model_only[0]:.1f} ms, p95 {model_only[1]:.1f} ms. While typing (the draft checked after "
        f"every word, pieces already read not read again): median {typing[0]:.1f} ms, p95 {typing[1]:.1f} ms."
    )
    print(body)
    write_section("coach", "Message coach (`bench/coach.py`)", body)


if __name__ == "__main__":
    main()
