"""Helplines per country (PROGRAM.md "Helplines"), read once from one data file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

DEFAULT_COUNTRY = "OTHER"


@dataclass(frozen=True)
class Helpline:
    name: str
    contact: str
    tel: str
    note: str
    checked: str


@dataclass(frozen=True)
class CountryHelplines:
    code: str
    name: str
    abuse: tuple[Helpline, ...]
    crisis: tuple[Helpline, ...]


def _load() -> dict[str, CountryHelplines]:
    raw = json.loads(resources.files(__package__).joinpath("data/helplines.json").read_text(encoding="utf-8"))
    table = {}
    for code, entry in raw["countries"].items():
        lines = {
            kind: tuple(
                Helpline(line["name"], line["contact"], line["tel"], line["note"], line["checked"])
                for line in entry[kind]
            )
            for kind in ("abuse", "crisis")
        }
        table[code] = CountryHelplines(code, entry["name"], lines["abuse"], lines["crisis"])
    return table


HELPLINES = _load()
COUNTRY_CHOICES = tuple((code, entry.name) for code, entry in HELPLINES.items())


def helplines_for(country: str | None) -> CountryHelplines:
    """The country's helplines; countries we have no list for get the worldwide ones."""
    return HELPLINES.get((country or "").upper(), HELPLINES[DEFAULT_COUNTRY])
