import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from secondchance.accounts.models import Profile

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "username": "sam",
    "email": "sam@example.org",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "country": "AU",
    "time_zone": "Australia/Sydney",
}


def test_sign_up_creates_a_profile_signs_in_and_starts_the_check(client):
    response = client.post(reverse("signup"), SIGN_UP)
    assert response.status_code == 302
    assert response.url == reverse("check_start")
    user = get_user_model().objects.get(username="sam")
    assert user.password.startswith("argon2$")
    profile = Profile.objects.get(owner=user)
    assert (profile.country, profile.time_zone) == ("AU", "Australia/Sydney")
    assert client.get(reverse("today")).context["user"] == user


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"password2": "something else entirely"}, "didn’t match"),
        ({"password1": "short", "password2": "short"}, "too short"),
        ({"country": "XX"}, "Select a valid choice"),
        ({"username": ""}, "This field is required"),
        ({"email": "not-an-email"}, "valid email"),
    ],
)
def test_sign_up_with_bad_input_says_why_and_creates_nothing(client, change, message):
    response = client.post(reverse("signup"), {**SIGN_UP, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.exists()
    assert not Profile.objects.exists()


@pytest.mark.parametrize("login", ["alice", "alice@example.org"])
def test_sign_in_with_username_or_e_mail(client, alice, login):
    response = client.post(reverse("login"), {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("today")


def test_sign_out_needs_a_post_and_ends_the_session(alice_client):
    assert alice_client.get(reverse("logout")).status_code == 405
    alice_client.post(reverse("logout"))
    response = alice_client.get(reverse("check_history"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_password_change_takes_effect(alice_client, alice):
    new = "another calm password 77"
    response = alice_client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new)


def test_repeated_failed_sign_ins_are_throttled(client, alice):
    for _ in range(5):
        client.post(reverse("login"), {"username": "alice", "password": "wrong password"})
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert "paused for 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_settings_change_country_for_helplines(alice_client, alice):
    alice_client.post(reverse("settings"), {"country": "IE", "time_zone": "Europe/Dublin"})
    assert Profile.objects.get(owner=alice).country == "IE"
    assert "Samaritans" in alice_client.get(reverse("safety")).content.decode()


def test_discreet_mode_hides_the_app_name(alice_client, alice):
    alice_client.post(reverse("settings"), {"country": "GB", "time_zone": "Europe/London", "discreet_mode": "on"})
    page = alice_client.get(reverse("today")).content.decode()
    assert "<title>Notes</title>" in page
    assert "Second Chance" not in page


def test_export_gives_back_only_your_own_rows(alice_client, alice, bob):
    from secondchance.journey.models import JournalEntry

    JournalEntry.objects.create(owner=alice, text="mine")
    JournalEntry.objects.create(owner=bob, text="not mine")
    response = alice_client.get(reverse("export_data"))
    assert response["Content-Disposition"].startswith('attachment; filename="secondchance-export-')
    assert response.streaming
    data = json.loads(b"".join(response.streaming_content))
    entries = data["records"]["journey.journalentry"]
    assert [e["fields"]["text"] for e in entries] == ["mine"]
    assert data["records"]["accounts.profile"][0]["fields"]["country"] == "GB"


def test_export_file_name_has_no_app_name_in_discreet_mode(alice_client, alice):
    Profile.objects.filter(owner=alice).update(discreet_mode=True)
    assert 'filename="notes-export-' in alice_client.get(reverse("export_data"))["Content-Disposition"]


def test_deleting_the_account_needs_the_password_and_removes_every_row(alice_client, alice, bob):
    from secondchance.journey.models import JournalEntry

    JournalEntry.objects.create(owner=alice, text="mine")
    JournalEntry.objects.create(owner=bob, text="theirs")
    response = alice_client.post(reverse("delete_account"), {"password": "wrong one", "confirm": "on"})
    assert "That password isn&#x27;t right." in response.content.decode()
    assert get_user_model().objects.filter(username="alice").exists()
    alice_client.post(reverse("delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert not get_user_model().objects.filter(username="alice").exists()
    assert list(JournalEntry.objects.values_list("text", flat=True)) == ["theirs"]
    assert not Profile.objects.filter(owner_id=alice.pk).exists()


def test_hosted_settings_pass_the_deploy_check(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "SECONDCHANCE_DATA_DIR": str(tmp_path), "SECONDCHANCE_HOSTED": "1",
           "SECONDCHANCE_SECRET_KEY": "x" * 30 + "-Lq9#vB2$kP7&wN4*zR8@tY3!mC6^hJ1", "SECONDCHANCE_ALLOWED_HOSTS": "example.org",
           "DJANGO_SETTINGS_MODULE": "secondchance.web.settings"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run([sys.executable, "-m", "secondchance", "manage", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_time_zone_list_starts_with_common_zones_and_leaves_out_legacy_aliases(client):
    page = client.get(reverse("signup")).content.decode()
    options = re.findall(r'<option value="([^"]+)"', page[page.index('id="id_time_zone"'):])
    assert options[:3] == ["UTC", "Europe/London", "Europe/Dublin"]
    assert "America/New_York" in options[:60] and "Asia/Tokyo" in options[:60]
    assert not {"Factory", "W-SU", "EST5EDT", "US/Eastern"} & set(options)
    assert len(options) > 300  # every place-named zone is still there


def test_the_export_streams_every_row_of_a_long_history_as_valid_json(alice_client, alice):
    from secondchance.journey.models import JournalEntry, MoodCheckIn

    JournalEntry.objects.bulk_create(JournalEntry(owner=alice, text=f"entry {n} \u201cquoted\u201d") for n in range(1203))
    MoodCheckIn.objects.bulk_create(MoodCheckIn(owner=alice, mood=1 + n % 5) for n in range(7))
    response = alice_client.get(reverse("export_data"))
    pieces = list(response.streaming_content)
    assert len(pieces) > 1203  # written row by row, not built whole in memory
    data = json.loads(b"".join(pieces))
    texts = [row["fields"]["text"] for row in data["records"]["journey.journalentry"]]
    assert texts == [f"entry {n} \u201cquoted\u201d" for n in range(1203)]
    assert len(data["records"]["journey.moodcheckin"]) == 7
    assert data["records"]["journey.slip"] == []


@pytest.mark.parametrize(
    ("languages", "country"),
    [("en-GB,en;q=0.9", "GB"), ("en-AU", "AU"), ("de", "OTHER"), ("fr-CA,fr;q=0.8", "CA"), ("", "OTHER"), ("en", "OTHER")],
)
def test_sign_up_suggests_the_country_from_the_browsers_language(client, languages, country):
    from secondchance.program.helplines import HELPLINES

    # A language without a region only counts when we have that language's country's lines.
    expected = "DE" if languages == "de" and "DE" in HELPLINES else country
    page = client.get(reverse("signup"), HTTP_ACCEPT_LANGUAGE=languages).content.decode()
    assert re.search(rf'<option value="{expected}"[^>]*selected', page), page[page.find('id="id_country"'):][:300]
