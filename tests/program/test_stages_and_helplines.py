import re

from secondchance.program.helplines import DEFAULT_COUNTRY, HELPLINES, helplines_for
from secondchance.program.readiness import Outcome
from secondchance.program.stages import STAGES, next_step_after_check


def test_stages_run_from_zero_to_ten_with_move_on_and_safety_beside_them():
    numbered = [s.number for s in STAGES if s.number is not None]
    assert numbered == list(range(11))
    assert {s.id for s in STAGES if s.number is None} == {"move_on", "safety"}


def test_next_step_follows_the_check_outcome():
    assert next_step_after_check(None).stage.id == "readiness"
    assert next_step_after_check(Outcome.SAFETY_FIRST).stage.id == "safety"
    assert next_step_after_check(Outcome.MOVE_ON).stage.id == "move_on"
    assert next_step_after_check(Outcome.NOT_YET).stage.id == "self_work"
    assert next_step_after_check("proceed").stage.id == "understand"


def test_every_country_has_a_crisis_line_and_each_line_a_checked_date():
    for entry in HELPLINES.values():
        assert entry.crisis
        for line in (*entry.abuse, *entry.crisis):
            assert line.checked


def test_helplines_fall_back_to_the_worldwide_list():
    assert helplines_for("gb").code == "GB"
    assert helplines_for("ZZ").code == DEFAULT_COUNTRY
    assert helplines_for(None).code == DEFAULT_COUNTRY
    assert helplines_for("US").crisis[0].contact == "988"


def test_each_line_can_be_reached_from_the_page_and_says_where_it_was_checked():
    for country in HELPLINES.values():
        assert country.abuse and country.crisis, country.code
        for line in (*country.abuse, *country.crisis):
            assert re.fullmatch(r"\+?\d*", line.tel) and re.fullmatch(r"\+?\d*", line.sms), line
            assert line.tel or line.sms or line.url or country.code == "OTHER", line
            assert not line.url or line.url.startswith("https://"), line
