"""Hardening: inputs that once broke an account (issue "Hardening")."""

import datetime as dt

import pytest
from django.urls import reverse

from secondchance.journey import models as m
from secondchance.journey.records import RECORD_KINDS

FAR = "9999-12-31"
PAGES = ["today", "program", "coach", "safety", "journal"]


def _pages_answer(client):
    for name in PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 200, (name, response.status_code)
    for stage in ("no_contact", "self_work", "move_on"):
        assert client.get(reverse("stage", args=[stage])).status_code == 200, stage


DATED_KINDS = sorted(slug for slug, kind in RECORD_KINDS.items() if "date" in kind.form.base_fields)


def test_every_dated_form_is_checked():
    # The audit counted 11 dated forms; a new one must join the list below.
    assert len(DATED_KINDS) >= 11


@pytest.mark.parametrize("slug", DATED_KINDS)
@pytest.mark.parametrize("value", [FAR, "0001-01-01", "1899-12-31"])
def test_a_date_out_of_range_is_refused_with_a_clear_message_and_saves_nothing(alice_client, alice, slug, value):
    kind = RECORD_KINDS[slug]
    response = alice_client.post(reverse("add_record", args=[slug]), {"date": value})
    # 200: the page again with the error; 302: the plan has not opened this step yet (says so).
    assert response.status_code in (200, 302), response.status_code
    assert kind.model.objects.owned_by(alice).count() == 0
    if response.status_code == 200 or slug == "breakup":
        assert "Please choose a date between 1 January 1900 and today" in response.content.decode()
    _pages_answer(alice_client)


def test_tomorrow_is_refused_but_today_is_fine(alice_client, alice):
    today = dt.date.today()
    data = {"ended_by": "mutual", "causes": ["communication"]}
    alice_client.post(reverse("add_record", args=["breakup"]), {**data, "date": (today + dt.timedelta(days=2)).isoformat()})
    assert not m.Breakup.objects.owned_by(alice).exists()
    alice_client.post(reverse("add_record", args=["breakup"]), {**data, "date": today.isoformat()})
    assert m.Breakup.objects.owned_by(alice).get().date == today


def test_a_breakup_stored_on_the_last_day_of_the_calendar_breaks_nothing_and_can_be_fixed(alice_client, alice):
    # Rows from before forms checked dates (or from an import) can hold any date the database takes.
    breakup = m.Breakup.objects.create(owner=alice, date=dt.date.max, ended_by="mutual", causes=["communication"])
    _pages_answer(alice_client)
    fixed = alice_client.post(reverse("add_record", args=["breakup"]),
                              {"date": "2026-01-01", "ended_by": "mutual", "causes": ["communication"]})
    assert fixed.status_code == 302
    assert m.Breakup.objects.owned_by(alice).get().date == dt.date(2026, 1, 1)
    assert m.Breakup.objects.owned_by(alice).get().pk == breakup.pk
    _pages_answer(alice_client)


def test_a_goal_check_in_stored_on_the_last_day_breaks_nothing(alice_client, alice):
    goal = m.Goal.objects.create(owner=alice, area="health", title="Walk")
    m.GoalCheckIn.objects.create(owner=alice, goal=goal, date=dt.date.max, progress=50)
    m.Breakup.objects.create(owner=alice, date=dt.date.min, ended_by="mutual")
    _pages_answer(alice_client)


# --- Defect 2: ids in the query string -------------------------------------------------


@pytest.mark.parametrize("value", ["²", "1" * 5000, "-1", " 1", "1e3", "١"])
def test_an_odd_draft_id_is_ignored_not_a_server_error(alice_client, value):
    response = alice_client.get(reverse("coach"), {"draft": value})
    assert response.status_code == 200


def test_another_persons_draft_id_is_not_found(alice_client, bob):
    draft = m.Draft.objects.create(owner=bob, kind="outreach", text="Hi, how have you been?")
    assert alice_client.get(reverse("coach"), {"draft": str(draft.pk)}).status_code == 404


# --- Defect 5: the lockout counts the account, not the typed text ----------------------


def test_each_spelling_of_the_email_counts_against_the_same_account(client, alice):
    from tests.web.conftest import PASSWORD

    spellings = ["alice@example.org", "Alice@example.org", "ALICE@example.org", "alice@EXAMPLE.org", "Alice"]
    for spelling in spellings:
        client.post(reverse("login"), {"username": spelling, "password": "wrong password"})
    for spelling in ["alice", "aLiCe@Example.Org"]:
        response = client.post(reverse("login"), {"username": spelling, "password": PASSWORD})
        assert response.status_code == 429, spelling
        assert "_auth_user_id" not in client.session


# --- Defect 4: two tabs saving the first breakup at once -------------------------------


def test_a_singleton_created_by_another_tab_meanwhile_is_edited_not_a_server_error(alice_client, alice, monkeypatch):
    from secondchance.journey import program_views

    m.Breakup.objects.create(owner=alice, date=dt.date(2026, 1, 1), ended_by="mutual")
    real = program_views._singleton_instance
    calls = []

    def stale_first_look(kind, user, profile):
        # The first look happens before the other tab's row existed: it sees nothing.
        calls.append(kind.slug)
        return None if len(calls) == 1 else real(kind, user, profile)

    monkeypatch.setattr(program_views, "_singleton_instance", stale_first_look)
    response = alice_client.post(reverse("add_record", args=["breakup"]),
                                 {"date": "2026-02-01", "ended_by": "them_considered", "causes": ["communication"]})
    assert response.status_code == 302
    assert m.Breakup.objects.owned_by(alice).get().date == dt.date(2026, 2, 1)
    assert len(calls) == 2


# --- Defect 7: traces left behind -------------------------------------------------------


def test_signed_in_pages_are_never_stored(alice_client):
    for name in ("today", "journal", "coach", "settings"):
        response = alice_client.get(reverse(name))
        assert "no-store" in response["Cache-Control"], name


def test_a_sign_in_ends_with_the_browser_unless_asked_to_stay(client, alice):
    from tests.web.conftest import PASSWORD

    client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert client.session.get_expire_at_browser_close()
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "alice", "password": PASSWORD, "remember": "on"})
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 14 * 24 * 3600


def test_deleting_the_account_deletes_its_sign_in_records(client, alice):
    from axes.models import AccessAttempt, AccessLog

    from tests.web.conftest import PASSWORD

    client.post(reverse("login"), {"username": "alice", "password": "wrong password"})
    client.post(reverse("login"), {"username": "alice@example.org", "password": PASSWORD})
    assert AccessAttempt.objects.filter(username="alice").exists() or AccessLog.objects.filter(username="alice").exists()
    client.post(reverse("delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert not type(alice).objects.filter(pk=alice.pk).exists()
    assert not AccessAttempt.objects.filter(username__in=["alice", "alice@example.org"]).exists()
    assert not AccessLog.objects.filter(username__in=["alice", "alice@example.org"]).exists()


def test_sign_up_answers_the_same_whether_or_not_an_email_is_known(client, alice):
    from django.contrib.auth import get_user_model

    def sign_up(name, email):
        data = {"username": name, "email": email, "country": "GB", "time_zone": "UTC",
                "password1": "carol's own long password", "password2": "carol's own long password"}
        return client.post(reverse("signup"), data)

    known, unknown = sign_up("carol", "Alice@example.org"), sign_up("dave", "nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    client.post(reverse("logout"))
    # Both people with that address can still sign in with it: the password says who.
    assert client.post(reverse("login"), {"username": "alice@example.org", "password": "carol's own long password"}).status_code == 302
    assert int(client.session["_auth_user_id"]) == get_user_model().objects.get(username="carol").pk


# --- Defect 3: odd charsets, and our own error pages --------------------------------------


@pytest.fixture
def live_app(tmp_path):
    """A real `secondchance serve`: the defect only showed under waitress."""
    import os

    from .test_guard_concurrency import _start

    env = {**os.environ, "SECONDCHANCE_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    server, port = _start(env)
    yield port
    server.terminate()
    server.wait(timeout=20)


@pytest.mark.parametrize("charset", ["latin-1", "utf-16", "nonsense", "utf-8"])
def test_a_form_in_an_odd_charset_gets_a_page_not_a_server_error(live_app, charset):
    import http.client
    import re

    connection = http.client.HTTPConnection("127.0.0.1", live_app, timeout=30)
    connection.request("GET", "/accounts/login/")
    page = connection.getresponse()
    body = page.read().decode()
    cookie = page.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    connection.request("POST", "/accounts/login/", body=f"csrfmiddlewaretoken={token}&username=caf".encode() + b"\xe9&password=x",
                       headers={"Content-Type": f"application/x-www-form-urlencoded; charset={charset}", "Cookie": cookie})
    answer = connection.getresponse()
    text = answer.read().decode("utf-8", "replace")
    assert answer.status < 500
    assert "Quick exit" in text  # the app's own page, with its safety controls


@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_error_pages_are_ours_and_keep_the_safety_controls(status):
    from secondchance.web.errors import error_page

    page = error_page(status).content.decode()
    assert "Quick exit" in page and "Safety &amp; help" in page and f"Error {status}" in page


def test_an_unknown_page_shows_our_404(alice_client):
    response = alice_client.get("/no/such/page/")
    assert response.status_code == 404 and "find that page" in response.content.decode()


def test_a_form_without_its_csrf_token_shows_our_403(alice):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(reverse("add_record", args=["journal"]), {"text": "hello"})
    assert response.status_code == 403 and "Quick exit" in response.content.decode()
