"""The private calendar feed: every event on the plan's own dates in the person's zone; a replaced link answers 404."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from secondchance.accounts.models import Profile
from secondchance.journey import models as m
from secondchance.journey.plan_cache import plan_for

from ..program.answers import READY

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_auckland(alice, monkeypatch):
    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-03-11")
    Profile.objects.filter(owner=alice).update(time_zone="Pacific/Auckland")
    m.Assessment.objects.create(owner=alice, answers=READY, outcome="proceed", completed_at=dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc),
                                completed_on=dt.date(2026, 3, 2))
    m.Breakup.objects.create(owner=alice, date=dt.date(2026, 3, 1), ended_by="them_considered")
    goal = m.Goal.objects.create(owner=alice, area="health", title="Walk")
    m.GoalCheckIn.objects.create(owner=alice, goal=goal, date=dt.date(2026, 3, 9), progress=30)
    return alice


def feed_url(client) -> str:
    client.post(reverse("change_feed"), {"action": "make"})
    return reverse("calendar_feed", args=[m.CalendarFeed.objects.get().token])


def events(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return [c for c in Calendar.from_ical(response.content).walk("VEVENT")]


def test_every_event_falls_on_the_plans_dates_in_the_persons_zone(alice_client, in_auckland):
    url = feed_url(alice_client)
    alice_client.post(reverse("change_feed"), {"action": "hour", "daily_hour": "7"})
    found = {str(e["summary"]): e for e in events(Client().get(url))}  # no sign-in: calendar apps have none
    plan, _, _ = plan_for(Profile.objects.get(owner=in_auckland).owner)
    assert found["Your days of space are done today"]["dtstart"].dt == plan.dates.no_contact_target
    assert found["Check in on your goals"]["dtstart"].dt == plan.dates.next_checkin
    daily = found["Daily check-in: how are you today?"]
    start = daily["dtstart"].dt
    assert (start.hour, str(start.tzinfo)) == (7, "Pacific/Auckland") and start.date() == plan.today
    assert daily["rrule"]["FREQ"] == ["DAILY"]


def test_a_replaced_or_turned_off_link_answers_404(alice_client, in_auckland):
    old = feed_url(alice_client)
    alice_client.post(reverse("change_feed"), {"action": "replace"})
    new = reverse("calendar_feed", args=[m.CalendarFeed.objects.get().token])
    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    alice_client.post(reverse("change_feed"), {"action": "off"})
    assert Client().get(new).status_code == 404


def test_discreet_mode_keeps_every_title_neutral(alice_client, in_auckland):
    Profile.objects.filter(owner=in_auckland).update(discreet_mode=True)
    url = feed_url(alice_client)
    response = Client().get(url)
    assert {str(e["summary"]) for e in events(response)} == {"Check-in"}
    assert b"second chance" not in response.content.lower() and b"secondchance" not in response.content.lower()


def test_settings_shows_the_link_and_the_way_to_replace_it(alice_client, in_auckland):
    page = alice_client.get(reverse("settings")).content.decode()
    assert "Make my private calendar link" in page
    url = feed_url(alice_client)
    page = alice_client.get(reverse("settings")).content.decode()
    assert url in page and "Make a new link" in page
