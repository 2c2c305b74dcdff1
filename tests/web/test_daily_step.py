"""Today's step on Today: marked done (tomorrow's is named), or "not today" (another is offered)."""

import html
import re

import pytest
from django.urls import reverse

from secondchance.journey import models as m
from secondchance.program.daily import STEP_BY_ID

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_a_fixed_day(monkeypatch):
    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-03-01")


def offered_step(client):
    page = html.unescape(client.get(reverse("today")).content.decode())
    found = re.search(r'name="step" value="([^"]+)"', page)
    return (STEP_BY_ID[found.group(1)] if found else None), page


def test_today_shows_a_step_first_and_done_names_tomorrows(alice_client, alice):
    step, page = offered_step(alice_client)
    assert step is not None
    assert page.index("Today's step") < page.index("How are you feeling?")
    assert step.title in page and step.why in page
    alice_client.post(reverse("mark_step"), {"step": step.id, "outcome": "done"})
    alice_client.post(reverse("mark_step"), {"step": step.id, "outcome": "done"})  # a double click
    assert list(m.StepMark.objects.owned_by(alice).values_list("step_id", "outcome")) == [(step.id, "done")]
    after = html.unescape(alice_client.get(reverse("today")).content.decode())
    assert "Today's step is done" in after and step.title in after and "Tomorrow: " in after


def test_not_today_offers_another_step(alice_client, alice):
    step, _ = offered_step(alice_client)
    alice_client.post(reverse("mark_step"), {"step": step.id, "outcome": "skipped"})
    other, _ = offered_step(alice_client)
    assert other is not None and other.id != step.id


def test_a_stale_or_made_up_step_marks_nothing(alice_client, alice, bob):
    step, _ = offered_step(alice_client)
    response = alice_client.post(reverse("mark_step"), {"step": "not-a-step", "outcome": "done"}, follow=True)
    assert "has changed since the page was opened" in html.unescape(response.content.decode())
    alice_client.post(reverse("mark_step"), {"step": step.id, "outcome": "deleted"})
    assert not m.StepMark.objects.exists()
