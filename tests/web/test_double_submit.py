"""The same showing of a form, sent twice, saves one row; a fresh showing saves another."""

import re

import pytest
from django.urls import reverse

from secondchance.journey import models as m

pytestmark = pytest.mark.django_db


def token_on(page: str) -> str:
    return re.search(r'name="submission" value="([0-9a-f]{32})"', page).group(1)


def test_a_form_sent_twice_saves_once_and_says_so(alice_client, alice):
    token = token_on(alice_client.get(reverse("journal")).content.decode())
    form = {"text": "Walked to the lake.", "submission": token}
    alice_client.post(reverse("add_record", args=["journal"]), form)
    again = alice_client.post(reverse("add_record", args=["journal"]), form, follow=True)
    assert m.JournalEntry.objects.owned_by(alice).count() == 1
    assert "already saved" in again.content.decode()


def test_each_showing_of_a_form_saves_its_own_row(alice_client, alice):
    for _ in range(2):
        token = token_on(alice_client.get(reverse("journal")).content.decode())
        alice_client.post(reverse("add_record", args=["journal"]), {"text": "Same words, two entries.", "submission": token})
    assert m.JournalEntry.objects.owned_by(alice).count() == 2


def test_a_refused_form_does_not_use_up_its_showing(alice_client, alice):
    token = token_on(alice_client.get(reverse("stage", args=["no_contact"])).content.decode())
    alice_client.post(reverse("add_record", args=["slip"]), {"date": "1800-01-01", "what": "texted", "submission": token})
    alice_client.post(reverse("add_record", args=["slip"]), {"date": "2026-01-02", "what": "texted", "submission": token})
    assert m.Slip.objects.owned_by(alice).count() == 1


def test_a_draft_saved_twice_from_one_page_is_one_draft(alice_client, alice):
    token = token_on(alice_client.get(reverse("coach")).content.decode())
    form = {"kind": "reply", "text": "Thanks, that's kind of you.", "action": "save", "submission": token}
    alice_client.post(reverse("coach"), form)
    alice_client.post(reverse("coach"), form)
    assert m.Draft.objects.owned_by(alice).count() == 1


def test_the_saved_showing_is_kept_with_its_owner(alice_client, alice, bob):
    token = token_on(alice_client.get(reverse("journal")).content.decode())
    alice_client.post(reverse("add_record", args=["journal"]), {"text": "Alice's entry.", "submission": token})
    assert m.Submission.objects.owned_by(alice).count() == 1
    assert not m.Submission.objects.owned_by(bob).exists()
