"""Patterns of urges: when they come, what sets them off, what helps, in plain sentences."""

import datetime as dt

from secondchance.program.urge_patterns import Moment, urge_patterns

SUNDAY = dt.date(2026, 3, 1)


def test_a_few_moments_are_not_yet_a_pattern():
    patterns = urge_patterns([Moment(SUNDAY, 22, "wine")])
    assert patterns.sentences == ("Record a few more urges and slips, and their patterns will show here.",)


def test_evenings_sundays_the_commonest_trigger_and_what_helped_are_named():
    moments = [
        Moment(SUNDAY, 22, "Wine", "Calling Sam", held=True),
        Moment(SUNDAY + dt.timedelta(days=7), 21, "wine ", "calling sam", held=True),
        Moment(SUNDAY + dt.timedelta(days=2), 8, "Our song", "A walk", held=True),
        Moment(SUNDAY + dt.timedelta(days=14), None, "wine.", ""),  # a slip: a day, no hour
        Moment(SUNDAY + dt.timedelta(days=3), 23, "", "Calling Sam", held=False),  # reached out: not "what helped"
    ]
    patterns = urge_patterns(moments)
    assert dict(patterns.parts_of_day) == {"night": 0, "morning": 1, "afternoon": 0, "evening": 3}
    assert dict(patterns.weekdays)["Sunday"] == 3
    assert patterns.triggers[0] == ("Wine", 3)
    assert patterns.helped[0] == ("Calling Sam", 2)
    assert patterns.sentences == (
        "Most of your urges come in the evening (3 of 4).",
        "Sundays are your hardest day so far (3 of 5).",
        "What set them off most: Wine (3 times).",
        "What helped most when you held on: Calling Sam (twice).",
    )
