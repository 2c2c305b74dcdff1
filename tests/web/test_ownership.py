import pytest
from django.urls import reverse

from secondchance.journey.models import Assessment
from secondchance.program.readiness import STEPS

from ..program.answers import READY
from .conftest import step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def bobs_check(bob):
    return Assessment.objects.create(owner=bob, answers={"physical": "no"})


def test_it_hides_another_persons_check(alice_client, bobs_check):
    for url in (
        reverse("check_resume", kwargs={"pk": bobs_check.pk}),
        reverse("check_result", kwargs={"pk": bobs_check.pk}),
        step_url(bobs_check, STEPS[0].id),
    ):
        assert alice_client.get(url).status_code == 404


def test_it_refuses_to_change_another_persons_check(alice_client, bobs_check):
    data = {q.id: READY[q.id] for q in STEPS[0].questions}
    response = alice_client.post(step_url(bobs_check, STEPS[0].id), {**data, "physical": "yes", "direction": "next"})
    assert response.status_code == 404
    bobs_check.refresh_from_db()
    assert bobs_check.answers == {"physical": "no"}


def test_history_and_today_show_only_your_own_checks(alice_client, alice, bobs_check):
    mine = Assessment.objects.create(owner=alice)
    history = alice_client.get(reverse("check_history"))
    assert list(history.context["checks"]) == list(Assessment.objects.filter(owner=alice))
    today = alice_client.get(reverse("today"))
    assert today.context["in_progress"] == mine.pk != bobs_check.pk


def test_owned_by_scopes_the_query(alice, bob, bobs_check):
    assert list(Assessment.objects.owned_by(alice)) == []
    assert list(Assessment.objects.owned_by(bob)) == [bobs_check]
