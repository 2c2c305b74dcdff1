""""They reached out to me": recorded, the plan now allows a calm reply, and the coach opens set to a reply."""

import datetime as dt
import html

import pytest
from django.urls import reverse

from secondchance.journey import models as m

from ..program.answers import READY

pytestmark = pytest.mark.django_db


@pytest.fixture
def apart(alice, monkeypatch):
    """Ten days into the space: reaching out is locked."""
    monkeypatch.setenv("SECONDCHANCE_TODAY", "2026-03-11")
    m.Assessment.objects.create(owner=alice, answers=READY, outcome="proceed", completed_at=dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc),
                                completed_on=dt.date(2026, 3, 2))
    m.Breakup.objects.create(owner=alice, date=dt.date(2026, 3, 1), ended_by="them_considered")
    return alice


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_when_they_reach_out_a_calm_reply_opens_and_the_coach_is_set_to_reply(alice_client, apart):
    assert "They reached out to me" in text(alice_client.get(reverse("today")))
    response = alice_client.post(reverse("they_reached_out"), {"date": "2026-03-10", "note": "Hope you're ok, I miss talking"})
    assert response.status_code == 302 and response["Location"] == reverse("reached_out_next")
    assert m.Event.objects.owned_by(apart).filter(kind="they_reached_out", date=dt.date(2026, 3, 10)).exists()
    page = text(alice_client.get(reverse("reached_out_next")))
    assert "one calm, short reply" in page and "?kind=reply" in page
    coach = text(alice_client.get(reverse("coach") + "?kind=reply"))
    assert '<option value="reply" selected>' in coach


def test_a_date_in_the_future_is_refused_and_nothing_is_saved(alice_client, apart):
    response = alice_client.post(reverse("they_reached_out"), {"date": "2026-04-01"})
    assert response.status_code == 400 and "Please choose a date between" in text(response)
    assert not m.Event.objects.owned_by(apart).filter(kind="they_reached_out").exists()


def test_after_harm_no_reply_is_offered_only_support(alice_client, apart):
    m.Event.objects.create(owner=apart, date=dt.date(2026, 3, 5), kind="red_flag", note="threat")
    alice_client.post(reverse("they_reached_out"), {"date": "2026-03-10"})
    page = text(alice_client.get(reverse("reached_out_next")))
    assert "You don't have to answer them" in page and "?kind=reply" not in page
