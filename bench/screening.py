"""The screen: figures on the blind set, speed on one core, start-up and memory.

Run: .venv/bin/python -m bench.screening   (or `make bench`)
Quality comes only from the blind set (tests/data/blind), never from training data.
"""

import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, ".")

from bench.report import write_section  # noqa: E402
from secondchance.program.screening import screen  # noqa: E402
from secondchance.reading.model import load  # noqa: E402
from training.corpus import SCREEN_BLIND_FILES, read_all  # noqa: E402
from training.evaluate_screen import evaluate  # noqa: E402

SHORT, LONG = 300, 3000
SHORT_RUNS, LONG_RUNS, CLI_RUNS = 300, 60, 5


def texts_of_length(examples, length: int, count: int) -> list[str]:
    """Texts of about ``length`` characters, made by joining blind-set texts in turn."""
    pieces = [e.text for e in examples]
    made, at = [], 0
    while len(made) < count:
        text = ""
        while len(text) < length:
            text = f"{text} {pieces[at % len(pieces)]}".strip()
            at += 1
        made.append(text[:length])
    return made


def p95_ms(texts) -> tuple[float, float]:
    timings = []
    model = load()
    for text in texts:
        model.forget_recent()  # a first reading each time, as for a new text
        started = time.perf_counter()
        screen(text)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), statistics.quantiles(timings, n=20)[-1]


def cli_wall_seconds() -> float:
    timings = []
    for _ in range(CLI_RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "secondchance", "screen", "hi"], check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


MEMORY_PROBE = """
import os, resource
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secondchance.web.settings")
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
from secondchance.web.wsgi import application
from secondchance.program.screening import screen_rules, Prepared
screen_rules(Prepared("warm up the patterns"))
before = rss()
from secondchance.program.screening import screen
screen("He shoved me. " * 200)
print(before, rss())
"""


def memory_growth_mb() -> tuple[float, float]:
    env = {**os.environ, "SECONDCHANCE_DATA_DIR": "/tmp/secondchance-bench"}
    done = subprocess.run([sys.executable, "-c", MEMORY_PROBE], check=True, capture_output=True, text=True, env=env)
    before, after = map(float, done.stdout.split())
    return before, after - before


def quality_table(report) -> str:
    lines = ["| | texts with it | recall | precision |", "| --- | ---: | ---: | ---: |"]
    route, crisis = report["red_flag_route"], report["crisis"]
    lines.append(f"| red-flag route | {route['found'] + route['missed']} | {route['recall']:.3f} | {route['precision']:.3f} |")
    for name, figures in report["categories"].items():
        lines.append(f"| {name} | {figures['found'] + figures['missed']} | {figures['recall']:.3f} | {figures['precision']:.3f} |")
    lines.append(f"| crisis | {crisis['found'] + crisis['missed']} | {crisis['recall']:.3f} | {crisis['precision']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    blind = read_all(SCREEN_BLIND_FILES)
    results = {name: scores.as_dict() for name, scores in evaluate(blind).items()}
    both = results["combined"]
    compare = ["| reader | red-flag recall | red-flag precision | crisis recall | crisis precision |",
               "| --- | ---: | ---: | ---: | ---: |"]
    for name, figures in results.items():
        r, c = figures["red_flag_route"], figures["crisis"]
        compare.append(f"| {name.replace('_', ' ')} | {r['recall']:.3f} | {r['precision']:.3f} | {c['recall']:.3f} | {c['precision']:.3f} |")
    quiet, looks = both["negatives_raising_nothing"], both["alarming_looking_negatives_raising_nothing"]

    load()
    short_median, short_p95 = p95_ms(texts_of_length(blind, SHORT, SHORT_RUNS))
    long_median, long_p95 = p95_ms(texts_of_length(blind, LONG, LONG_RUNS))
    cli = cli_wall_seconds()
    base, growth = memory_growth_mb()
    body = (
        f"Blind set: {len(blind)} texts written from the label definitions only, frozen before training "
        "(`tests/data/blind`). The app's decision (patterns and model together):\n\n"
        + quality_table(both)
        + f"\n\nTexts with no label that raise nothing: {quiet['share']:.3f} ({quiet['quiet']} of {quiet['of']}); "
        f"of those with alarming-looking words (kill, die, hit, murder, follow, ...): {looks['share']:.3f} "
        f"({looks['quiet']} of {looks['of']}).\n\nEach reader alone and together, same texts:\n\n"
        + "\n".join(compare)
        + f"\n\nSpeed on one core (pinned), whole screen (patterns and model): {SHORT}-character texts "
        f"median {short_median:.1f} ms, p95 {short_p95:.1f} ms ({SHORT_RUNS} texts); {LONG}-character entries "
        f"median {long_median:.1f} ms, p95 {long_p95:.1f} ms ({LONG_RUNS} entries). "
        f"`secondchance screen \"hi\"`: {cli:.2f} s wall (median of {CLI_RUNS}). "
        f"Resident memory of the app process: {base:.0f} MB before the model, +{growth:.0f} MB with it loaded and used."
    )
    print(body)
    write_section("screening", "Red-flag and crisis screen (`bench/screening.py`)", body)


if __name__ == "__main__":
    main()
