"""Date arithmetic that never leaves the calendar.

A person can type any date the database holds (year 1 to 9999). Adding a
waiting period to 31 December 9999 must give a date, not an OverflowError
that breaks their account, so shifts stop at the ends of the calendar.
"""

import datetime as dt


def shifted(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held at ``date.min``/``date.max`` instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
