"""axe-core on every page, light and dark, phone and desktop."""

import datetime as dt

import pytest

from secondchance.journey import models as m
from secondchance.journey.records import STAGE_RECORDS
from secondchance.program.readiness import STEPS

from ..program.answers import READY
from .conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PUBLIC_PAGES = ["/", "/accounts/login/", "/accounts/signup/", "/safety/"]
PRIVATE_PAGES = [
    "/", "/program/", "/journal/", "/urge/", "/coach/", "/safety/", "/safety/plan/print/", "/records/print/", "/they-reached-out/", "/they-reached-out/next/", "/check/", "/check/history/", "/accounts/settings/",
    "/accounts/password/", "/accounts/delete/", f"/check/{{check}}/step/{STEPS[0].id}/", "/check/{done}/result/",
    *[f"/program/{stage}/" for stage in sorted(STAGE_RECORDS)],
]


def a_person_well_into_the_program(django_user_model):
    from tests.web.conftest import PASSWORD, make_person

    user = make_person(django_user_model, "ari")
    done = m.Assessment.objects.create(owner=user, answers=dict(READY), outcome="proceed",
                                       completed_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC), completed_on=dt.date(2026, 1, 2))
    check = m.Assessment.objects.create(owner=user)
    m.Breakup.objects.create(owner=user, date=dt.date(2026, 1, 1), ended_by="mutual", causes=["communication"])
    m.Mistake.objects.create(owner=user, what="Went quiet", remedy="Speak up")
    m.JournalEntry.objects.create(owner=user, text="A steady day.")
    m.MoodCheckIn.objects.create(owner=user, mood=3)
    m.MoodCheckIn.objects.create(owner=user, mood=4)
    return user, PASSWORD, {"check": check.pk, "done": done.pk}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"])
def test_no_serious_accessibility_problems_on_any_page(page, scheme, django_user_model):
    page.emulate_media(color_scheme=scheme)
    problems = {}
    for url in PUBLIC_PAGES:
        page.goto(url)
        problems[url] = axe_violations(page)
    user, password, ids = a_person_well_into_the_program(django_user_model)
    page.goto("/accounts/login/")
    page.get_by_label("Username or e-mail").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    for url in PRIVATE_PAGES:
        page.goto(url.format(**ids))
        problems[url] = axe_violations(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"], f"{url} scrolls sideways"
    assert {url: found for url, found in problems.items() if found} == {}
