"""Every list a page shows is read through an index in its own order: no sorting of all a person's rows.

Checked with SQLite's EXPLAIN QUERY PLAN on the very queries the pages run.
"""

import pytest
from django.db import connection

from secondchance.journey import models as m
from secondchance.journey.program_views import _owned_recent
from secondchance.journey.records import RECORD_KINDS

pytestmark = pytest.mark.django_db


def plan_of(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


def page_lists(user):
    for kind in RECORD_KINDS.values():
        if not kind.singleton:
            yield kind.slug, _owned_recent(kind, user)
    yield "journal", m.JournalEntry.objects.owned_by(user)[:50]
    yield "moods", m.MoodCheckIn.objects.owned_by(user).order_by("-created_at")[:60]
    yield "drafts", m.Draft.objects.owned_by(user)[:20]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="EXPLAIN QUERY PLAN is SQLite's")
def test_no_page_list_sorts_every_row(alice):
    plans = {name: plan_of(rows) for name, rows in page_lists(alice)}
    assert len(plans) >= 15
    sorted_in_memory = {name: plan for name, plan in plans.items() if "TEMP B-TREE" in plan}
    assert sorted_in_memory == {}
    assert all("USING INDEX" in plan or "USING COVERING INDEX" in plan for plan in plans.values()), plans
