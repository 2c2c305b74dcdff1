"""How the core writes dates for people to read."""

import datetime as dt


def human_date(day: dt.date) -> str:
    """'31 January 2026': the same on every platform and in every locale setting."""
    return f"{day.day} {day:%B %Y}"
