"""Times are stored in UTC and shown where the person lives, on every page that shows one."""

import datetime as dt

import pytest
from django.urls import reverse

from secondchance.accounts.models import Profile
from secondchance.journey import models as m

pytestmark = pytest.mark.django_db

# 22:30 UTC on 1 March is 11:30 on 2 March in Auckland (UTC+13 in March).
MOMENT = dt.datetime(2026, 3, 1, 22, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def in_auckland(alice):
    profile = Profile.for_user(alice)
    profile.time_zone = "Pacific/Auckland"
    profile.save()
    return alice


def test_journal_entries_and_mood_check_ins_show_local_times(alice_client, in_auckland):
    entry = m.JournalEntry.objects.create(owner=in_auckland, text="A long walk by the sea.")
    mood = m.MoodCheckIn.objects.create(owner=in_auckland, mood=3)
    m.JournalEntry.objects.filter(pk=entry.pk).update(created_at=MOMENT)
    m.MoodCheckIn.objects.filter(pk=mood.pk).update(created_at=MOMENT)
    page = alice_client.get(reverse("journal")).content.decode()
    assert "2 March 2026, 11:30" in page and "1 March 2026, 22:30" not in page
    assert "2 Mar, 11:30" in page


def test_drafts_show_when_they_were_last_changed_in_local_time(alice_client, in_auckland):
    draft = m.Draft.objects.create(owner=in_auckland, text="Hope the move went well.")
    m.Draft.objects.filter(pk=draft.pk).update(updated_at=MOMENT)
    page = alice_client.get(reverse("coach")).content.decode()
    assert "2 Mar, 11:30" in page and "1 Mar, 22:30" not in page


def test_the_zone_is_not_left_active_after_the_request(alice_client, in_auckland):
    alice_client.get(reverse("journal"))
    from django.utils import timezone

    assert timezone.get_current_timezone_name() == "UTC"
