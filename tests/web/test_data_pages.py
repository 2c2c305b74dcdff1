"""Your data in your hands: a readable page of every record, and bringing a download back into an empty account."""

import datetime as dt
import html
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from secondchance.accounts.models import Profile
from secondchance.journey import models as m
from secondchance.program.readiness import QUESTIONS

from .conftest import make_person

pytestmark = pytest.mark.django_db


def fill_history(user):
    m.Breakup.objects.create(owner=user, date=dt.date(2026, 10, 1), ended_by="them_considered",
                             causes=["communication"], went_wrong="We stopped talking about money.")
    m.Slip.objects.create(owner=user, date=dt.date(2026, 10, 5), what="Sent a text at night", trigger="Our song")
    goal = m.Goal.objects.create(owner=user, area=next(iter(m.AREAS)), title="Run twice a week")
    m.GoalCheckIn.objects.create(owner=user, goal=goal, date=dt.date(2026, 10, 9), progress=40)
    m.JournalEntry.objects.create(owner=user, text="A quieter day. Walked by the river.")
    m.Assessment.objects.create(owner=user, answers={"physical": "no", "miss_what": "person"},
                                completed_at=timezone.now(), completed_on=dt.date(2026, 10, 2), outcome="not_yet")


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def download(client) -> bytes:
    return b"".join(client.get(reverse("export_data")).streaming_content)


def bring_back(client, raw: bytes, name="secondchance-export.json"):
    upload = io.BytesIO(raw)
    upload.name = name
    return client.post(reverse("import_data"), {"file": upload})


def test_the_readable_page_shows_records_in_the_questions_words(alice_client, alice, bob):
    fill_history(alice)
    m.JournalEntry.objects.create(owner=bob, text="Bob's own words")
    page = text_of(alice_client.get(reverse("readable_records")))
    assert "They ended it, after careful thought" in page  # the choice's words, not "them_considered"
    assert "them_considered" not in page
    assert "Sent a text at night" in page and "Our song" in page
    assert "Run twice a week" in page
    assert QUESTIONS["miss_what"].prompt in page and QUESTIONS["miss_what"].label_for("person") in page
    assert "A quieter day. Walked by the river." in page
    assert "Bob's own words" not in page
    assert '"pk"' not in page and "owner" not in page


def test_the_readable_page_of_a_new_account_says_what_will_appear(alice_client):
    assert "Nothing here yet" in text_of(alice_client.get(reverse("readable_records")))


def test_a_download_comes_back_whole_into_an_empty_account(client, alice, django_user_model):
    fill_history(alice)
    client.force_login(alice)
    raw = download(client)
    carol = make_person(django_user_model, "carol", country="US")
    client.force_login(carol)
    response = bring_back(client, raw)
    assert response.status_code == 302
    assert m.JournalEntry.objects.get(owner=carol).text == "A quieter day. Walked by the river."
    # When it was written comes back too (to the millisecond, as JSON keeps it).
    written = m.JournalEntry.objects.get(owner=alice).created_at
    assert abs(m.JournalEntry.objects.get(owner=carol).created_at - written) < dt.timedelta(milliseconds=1)
    checkin = m.GoalCheckIn.objects.get(owner=carol)
    assert checkin.goal.owner == carol and checkin.goal.title == "Run twice a week"
    assert m.Breakup.objects.get(owner=carol).causes == ["communication"]
    assert m.Assessment.objects.get(owner=carol).outcome == "not_yet"
    assert Profile.objects.get(owner=carol).country == "GB"  # the profile comes back too
    assert m.JournalEntry.objects.filter(owner=alice).count() == 1  # the original is untouched


def test_a_download_is_refused_by_an_account_with_records_and_nothing_changes(alice_client, alice):
    fill_history(alice)
    raw = download(alice_client)
    response = bring_back(alice_client, raw)
    assert response.status_code == 400
    assert "already has records" in text_of(response)
    assert m.JournalEntry.objects.filter(owner=alice).count() == 1
    assert m.Slip.objects.filter(owner=alice).count() == 1


@pytest.mark.parametrize("raw, words", [
    (b"\x89PNG not json at all", "isn't a Second Chance download"),
    (b'{"hello": "world"}', "has no records"),
    (json.dumps({"records": {"auth.user": [{"model": "auth.user", "pk": 1, "fields": {"username": "x"}}]}}).encode(),
     "doesn't keep"),
])
def test_a_file_that_is_not_a_download_is_refused_clearly(alice_client, alice, raw, words):
    response = bring_back(alice_client, raw)
    assert response.status_code == 400
    assert words in text_of(response)


def test_one_bad_record_brings_in_nothing_at_all(alice_client, alice, django_user_model):
    fill_history(alice)
    data = json.loads(download(alice_client))
    data["records"]["journey.slip"][0]["fields"]["date"] = "not a date"
    carol = make_person(django_user_model, "carol", country="US")
    alice_client.force_login(carol)
    response = bring_back(alice_client, json.dumps(data).encode())
    assert response.status_code == 400
    assert "isn't valid" in text_of(response)
    assert not m.JournalEntry.objects.filter(owner=carol).exists()
    assert not m.Breakup.objects.filter(owner=carol).exists()
    assert Profile.objects.get(owner=carol).country == "US"


def test_the_download_writes_each_row_exactly_as_djangos_serialiser_would(alice):
    from django.core import serializers
    from django.core.serializers.json import DjangoJSONEncoder

    from secondchance.accounts.export import _rows, owned_models

    fill_history(alice)
    m.SafetyPlan.objects.create(owner=alice, code_word="pineapple")
    for model in owned_models():
        ours = json.dumps(list(_rows(model, alice)), cls=DjangoJSONEncoder)
        django_s = json.dumps(serializers.serialize("python", model.objects.filter(owner=alice).order_by("pk")), cls=DjangoJSONEncoder)
        assert ours == django_s, model
