import pytest
from django.urls import reverse

from secondchance.accounts.models import Profile

PASSWORD = "a calm long password 42"


def make_person(django_user_model, username, country="GB"):
    user = django_user_model.objects.create_user(username=username, email=f"{username}@example.org", password=PASSWORD)
    Profile.objects.create(owner=user, country=country, time_zone="Europe/London")
    return user


@pytest.fixture
def alice(django_user_model):
    return make_person(django_user_model, "alice")


@pytest.fixture
def bob(django_user_model):
    return make_person(django_user_model, "bob", country="US")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


def step_url(assessment, step_id):
    return reverse("check_step", kwargs={"pk": assessment.pk, "step_id": step_id})
