"""Today's date for a person, in their time zone.

Tests (and DEBUG runs) can move "today" with SECONDCHANCE_TODAY=YYYY-MM-DD so a
journey across 60 days can be walked in minutes. It is ignored in production.
"""

import datetime as dt
import os
import zoneinfo

from django.conf import settings
from django.utils import timezone


def user_zone(profile) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(profile.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _override() -> dt.date | None:
    if not (settings.DEBUG or getattr(settings, "TESTING", False)):
        return None
    value = os.environ.get("SECONDCHANCE_TODAY", "")
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def now_for(profile) -> dt.datetime:
    """The moment now, in the person's time zone; SECONDCHANCE_NOW=HH:MM moves the clock in tests."""
    now = timezone.now().astimezone(user_zone(profile))
    if settings.DEBUG or getattr(settings, "TESTING", False):
        try:
            moved = dt.time.fromisoformat(os.environ.get("SECONDCHANCE_NOW", ""))
        except ValueError:
            moved = None
        if moved is not None:
            now = now.replace(hour=moved.hour, minute=moved.minute)
    return now


def today_for(profile) -> dt.date:
    return _override() or timezone.now().astimezone(user_zone(profile)).date()


def local_date(moment: dt.datetime, profile) -> dt.date:
    """The calendar day a stored (UTC) moment fell on where the person lives."""
    return moment.astimezone(user_zone(profile)).date()
