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
    sms: str = ""
    url: str = ""
    # The page the number was checked against, and whether that page is the organisation's own.
    source: str = ""
    verified: bool = False


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
                Helpline(line["name"], line["contact"], line["tel"], line["note"], line["checked"],
                         line.get("sms", ""), line.get("url", ""), line.get("source", ""),
                         bool(line.get("verified_with_organisation")))
                for line in entry[kind]
            )
            for kind in ("abuse", "crisis")
        }
        table[code] = CountryHelplines(code, entry["name"], lines["abuse"], lines["crisis"])
    return table


HELPLINES = _load()
# By name, so a person finds their country quickly; "Somewhere else" last.
COUNTRY_CHOICES = tuple(sorted(
    ((code, entry.name) for code, entry in HELPLINES.items()), key=lambda pair: (pair[0] == DEFAULT_COUNTRY, pair[1])
))
# Where a browser names only its language, the country most of its speakers here would mean.
LANGUAGE_COUNTRIES = {
    "de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL", "pl": "PL", "sv": "SE", "da": "DK", "fi": "FI",
    "nb": "NO", "nn": "NO", "no": "NO", "pt": "PT", "el": "GR", "cs": "CZ", "ro": "RO", "ja": "JP",
}


def country_choices() -> tuple[tuple[str, str], ...]:
    """The countries with a helpline list (a callable, so a longer list needs no migration)."""
    return COUNTRY_CHOICES


def country_from_languages(accept_language: str) -> str:
    """The country a browser's languages point to ("en-GB,en;q=0.9" gives GB), or the default."""
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().replace("_", "-")
        language, _, region = tag.partition("-")
        region = region.split("-")[-1].upper() if region else ""
        if region in HELPLINES and region != DEFAULT_COUNTRY:
            return region
        if not region and LANGUAGE_COUNTRIES.get(language.lower()) in HELPLINES:
            return LANGUAGE_COUNTRIES[language.lower()]
    return DEFAULT_COUNTRY


def helplines_for(country: str | None) -> CountryHelplines:
    """The country's helplines; countries we have no list for get the worldwide ones."""
    return HELPLINES.get((country or "").upper(), HELPLINES[DEFAULT_COUNTRY])
