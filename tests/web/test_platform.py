import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from secondchance.journey.models import Assessment

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite settings only apply to SQLite")


def test_data_lives_in_the_configured_folder():
    assert Path(settings.DATA_DIR) == Path(os.environ["SECONDCHANCE_DATA_DIR"])
    secret = Path(settings.DATA_DIR) / "secret_key"
    if not os.environ.get("SECONDCHANCE_SECRET_KEY"):
        assert secret.read_text().strip() == settings.SECRET_KEY
        assert secret.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("name", ["today", "signup", "login", "safety"])
def test_pages_send_a_strict_content_security_policy(client, name):
    policy = client.get(reverse(name))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'"


def test_pages_load_nothing_from_other_sites(alice_client):
    assessment = Assessment.objects.create(owner=alice_client.get(reverse("today")).context["user"])
    urls = [reverse("today"), reverse("safety"), reverse("check_start"), reverse("check_history"), reverse("settings")]
    urls.append(reverse("check_step", kwargs={"pk": assessment.pk, "step_id": "safety-harm"}))
    for url in urls:
        page = alice_client.get(url).content.decode()
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", page), url
        assert "<script>" not in page and "style=" not in page, url


def test_safety_page_needs_no_account_and_follows_the_chosen_country(client):
    page = client.get(reverse("safety"), {"country": "AU"}).content.decode()
    assert "1800 737 732" in page and "13 11 14" in page
    page = client.get(reverse("safety"), {"country": "nowhere"}).content.decode()
    assert "hotpeachpages.net" in page


def test_welcome_page_for_visitors(client):
    page = client.get(reverse("today")).content.decode()
    assert "Create your private account" in page
    assert 'href="#main"' in page  # skip link


@on_sqlite
def test_sqlite_runs_in_wal_mode_with_immediate_transactions():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


def test_the_app_can_be_installed_manifest_icons_and_service_worker(client):
    import json

    manifest = client.get("/manifest.webmanifest")
    assert manifest.status_code == 200 and manifest["Content-Type"] == "application/manifest+json"
    data = json.loads(manifest.content)
    assert data["name"] == "Second Chance" and data["display"] == "standalone" and data["start_url"] == "/"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert client.get(icon["src"]).status_code == 200, icon["src"]
    worker = client.get("/sw.js")
    assert worker.status_code == 200 and worker["Content-Type"].startswith("application/javascript")
    assert "no-cache" in worker["Cache-Control"]
    body = worker.content.decode()
    assert '"/safety/"' in body and '"/urge/"' in body
    page = client.get("/").content.decode()
    assert 'rel="manifest"' in page and 'data-service-worker="/sw.js"' in page


def test_in_discreet_mode_the_installed_app_has_a_plain_name(client, django_user_model):
    import json

    from secondchance.accounts.models import Profile

    user = django_user_model.objects.create_user("quiet", password="a calm long password 42")
    Profile.objects.create(owner=user, discreet_mode=True)
    client.force_login(user)
    assert json.loads(client.get("/manifest.webmanifest").content)["name"] == "Notes"
