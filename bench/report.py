"""Write one benchmark's figures into its own section of BENCHMARKS.md."""

import datetime as dt
import os
import pathlib
import platform
import re

# Timings mean little on a busy machine: the load when the run began is printed with its figures.
LOAD_AT_START = os.getloadavg()[0]
BENCHMARKS = pathlib.Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
HEADER = "# Benchmarks\n\nFigures printed by the scripts in `bench/` (run them with `make bench`).\n"


def write_section(name: str, title: str, body: str) -> None:
    """Replace the section between this benchmark's markers, keeping the others."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    stamp = (f"_{dt.date.today().isoformat()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
             f"load average {LOAD_AT_START:.2f} when the run began._")
    section = f"{start}\n## {title}\n\n{stamp}\n\n{body.strip()}\n{end}"
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else HEADER
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section + "\n"
    BENCHMARKS.write_text(text, encoding="utf-8")
