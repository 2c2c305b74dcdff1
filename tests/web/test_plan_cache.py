"""The plan is computed once per change: the kept plan always equals a fresh one, after every kind of write."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db.models.signals import post_save
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from secondchance.journey import models as m
from secondchance.journey import plan_cache
from secondchance.journey.plan_cache import plan_for
from secondchance.journey.snapshot import journey_for
from secondchance.program.plan import build_plan

from ..program.answers import READY
from .test_program_pages import VALID

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_a_fixed_day(monkeypatch):
    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-03-01")


def fresh_plan(user):
    _, _, today = plan_for(user)
    return build_plan(journey_for(user), today)


def assert_kept_plan_is_fresh(user):
    kept, _, _ = plan_for(user)
    assert kept == fresh_plan(user)


def writes(client, user):
    """Every way a person's records change, through the pages they use."""
    yield "check", lambda: m.Assessment.objects.create(
        owner=user, answers=READY, outcome="proceed", completed_at=timezone.now(), completed_on=dt.date(2026, 1, 2))
    for slug, data in VALID.items():
        yield f"add {slug}", lambda slug=slug, data=data: client.post(reverse("add_record", args=[slug]), data)
    yield "add goal check-in", lambda: client.post(reverse("add_record", args=["goal-checkin"]), {
        "goal": m.Goal.objects.owned_by(user).get().pk, "date": "2026-02-10", "progress": "60"})
    yield "edit slip", lambda: client.post(reverse("edit_record", args=["slip", m.Slip.objects.owned_by(user).get().pk]), {
        **VALID["slip"], "date": "2026-01-20"})
    yield "delete slip", lambda: client.post(reverse("delete_record", args=["slip", m.Slip.objects.owned_by(user).get().pk]))
    yield "relationship", lambda: client.post(reverse("add_record", args=["relationship"]), {
        "relationship_months": "30", "children": "on"})
    yield "settings", lambda: client.post(reverse("settings"), {"country": "US", "time_zone": "America/New_York"})
    yield "red flag in a slip", lambda: client.post(reverse("add_record", args=["slip"]), {
        "date": "2026-02-20", "what": "He hit me when I called"})
    yield "safe for now", lambda: client.post(reverse("resolve_safety"), {"choice": "resolved"})


def test_after_every_kind_of_write_the_kept_plan_equals_a_fresh_one(alice_client, alice):
    stages = set()
    for name, write in writes(alice_client, alice):
        plan_for(alice)  # kept before the write
        response = write()
        assert getattr(response, "status_code", 302) in (200, 302), name
        kept, _, _ = plan_for(alice)
        assert kept == fresh_plan(alice), name
        stages.add(kept.stage)
    assert len(stages) >= 3  # the walk really moved the plan


def test_without_the_stamp_a_kept_plan_would_go_stale(alice_client, alice):
    """The check above can fail: with saves not stamped, the kept plan misses a new breakup."""
    m.Assessment.objects.create(owner=alice, answers=READY, outcome="proceed", completed_at=timezone.now(),
                                completed_on=dt.date(2026, 1, 2))
    before, _, _ = plan_for(alice)
    uid = f"plan-stamp-save-{m.Breakup._meta.label}"
    post_save.disconnect(sender=m.Breakup, dispatch_uid=uid)
    try:
        alice_client.post(reverse("add_record", args=["breakup"]), VALID["breakup"])
        kept, _, _ = plan_for(alice)
        assert kept == before and kept != fresh_plan(alice)
    finally:
        plan_cache.connect()
    m.Slip.objects.create(owner=alice, date=dt.date(2026, 2, 1), what="A text")  # stamped again
    assert_kept_plan_is_fresh(alice)


def test_a_kept_plan_is_read_without_rebuilding_the_history(alice, monkeypatch, django_assert_max_num_queries):
    for day in range(1, 200):
        m.JournalEntry.objects.create(owner=alice, text=f"Day {day}")
    plan_for(alice)
    monkeypatch.setattr(plan_cache, "journey_for", lambda user: pytest.fail("the history was loaded again"))
    with django_assert_max_num_queries(2):  # the profile and the stamp
        plan_for(alice)


def test_a_new_day_brings_a_new_plan(alice, monkeypatch):
    m.Breakup.objects.create(owner=alice, date=dt.date(2026, 2, 1))
    first, _, _ = plan_for(alice)
    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-03-15")
    later, _, today = plan_for(alice)
    assert today == dt.date(2026, 3, 15)
    assert later == build_plan(journey_for(alice), today) and later != first


def test_one_persons_write_leaves_anothers_kept_plan_alone(alice, bob):
    plan_for(bob)
    stamp = m.PlanStamp.objects.get(owner=bob).version
    m.Slip.objects.create(owner=alice, date=dt.date(2026, 2, 1), what="A text")
    assert m.PlanStamp.objects.get(owner=bob).version == stamp


def test_deleting_an_account_leaves_no_stamp_behind(alice_client, alice):
    m.Slip.objects.create(owner=alice, date=dt.date(2026, 2, 1), what="A text")
    alice.delete()
    assert not m.PlanStamp.objects.filter(owner_id=alice.pk).exists()


def test_hosted_mode_keeps_plans_in_redis(alice):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379 on this machine")
    backend = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/9"}}
    m.Breakup.objects.create(owner=alice, date=dt.date(2026, 2, 1))
    with override_settings(CACHES=backend):
        from django.core.cache import caches

        caches["default"].clear()
        first, _, today = plan_for(alice)
        assert caches["default"].get(plan_cache._key(alice, plan_cache._stamp(alice), today)) == first
        m.Slip.objects.create(owner=alice, date=dt.date(2026, 2, 10), what="Sent a text")
        assert_kept_plan_is_fresh(alice)
        caches["default"].clear()
    cache.clear()


def test_what_today_and_the_journal_keep_follows_every_write(alice_client, alice):
    def today():
        return alice_client.get(reverse("today")).content.decode()

    def journal():
        return alice_client.get(reverse("journal")).content.decode()

    assert "Nothing yet." in today() and "Nothing written yet" in journal()
    alice_client.post(reverse("add_record", args=["journal"]), {"text": "First light walk."})
    assert "First light walk." in today() and "First light walk." in journal()
    entry = m.JournalEntry.objects.owned_by(alice).get()
    alice_client.post(reverse("edit_record", args=["journal", entry.pk]), {"text": "Second thoughts."})
    assert "Second thoughts." in today() and "First light walk." not in journal()
    alice_client.post(reverse("add_record", args=["mood"]), {"mood": "2"})
    assert "Last check-in: Low" in today() and "2 (Low)" in journal()
    alice_client.post(reverse("delete_record", args=["journal", entry.pk]))
    assert "Second thoughts." not in today() and "Second thoughts." not in journal()
    check = m.Assessment.objects.create(owner=alice)
    assert reverse("check_resume", args=[check.pk]) in today()
