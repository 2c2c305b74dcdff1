import json
import pathlib
import subprocess
import sys

import pytest

from secondchance.cli import main

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"
TODAY = "2026-06-01"  # every example is written for this date (docs/journey-format.md)
EXPECTED_STAGE = {
    "00-readiness": "readiness",
    "01-understand": "understand",
    "02-no-contact": "no_contact",
    "02-no-contact-limited": "no_contact",
    "03-self-work": "self_work",
    "04-interest": "interest",
    "05-reach-out": "reach_out",
    "06-reconnect": "reconnect",
    "07-conversation": "conversation",
    "08-trial": "trial",
    "09-counselling": "counselling",
    "10-together": "together",
    "move-on": "move_on",
    "safety": "safety",
}
REQUIRED_KEYS = {"stage", "stages_done", "next_actions", "locked", "dates", "outreach_allowed", "safety", "reasons"}


def run_plan(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(stdin))
    status = main(["plan", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_there_is_an_example_for_every_stage():
    assert {p.stem for p in EXAMPLES.glob("*.json")} == set(EXPECTED_STAGE)


@pytest.mark.parametrize("name", sorted(EXPECTED_STAGE))
def test_each_example_gives_its_stage(capsys, name):
    status, out, _ = run_plan(capsys, "--today", TODAY, str(EXAMPLES / f"{name}.json"))
    assert status == 0
    plan = json.loads(out)
    assert plan["stage"] == EXPECTED_STAGE[name]
    assert REQUIRED_KEYS <= set(plan)
    assert set(plan["dates"]) >= {"breakup", "no_contact_target", "earliest_outreach"}
    for action in plan["next_actions"]:
        assert set(action) >= {"id", "title", "why"}
    for lock in plan["locked"]:
        assert set(lock) >= {"action", "reason"}


def test_limited_contact_example_is_in_limited_contact_mode(capsys):
    _, out, _ = run_plan(capsys, "--today", TODAY, str(EXAMPLES / "02-no-contact-limited.json"))
    assert json.loads(out)["no_contact"]["mode"] == "limited_contact"


def test_reads_standard_input(capsys, monkeypatch):
    status, out, _ = run_plan(capsys, "--today", TODAY, "-", stdin="{}", monkeypatch=monkeypatch)
    assert status == 0 and json.loads(out)["stage"] == "readiness"


@pytest.mark.parametrize(
    ("snapshot", "field"),
    [
        ('{"breakup": {"date": "2026-02-30"}}', "journey.breakup.date"),
        ('{"breakup": {}}', "journey.breakup.date"),
        ('{"contacts": [{"date": "2026-01-01", "channel": "fax"}]}', "journey.contacts[0].channel"),
        ('{"profile": {"married": "yes"}}', "journey.profile.married"),
        ('{"profile": {"previous_breakups": -1}}', "journey.profile.previous_breakups"),
        ('{"mood": 3}', "journey.mood"),
        ('{"breakup": {"date": "2026-01-01", "causes": ["astrology"]}}', "journey.breakup.causes[0]"),
        ('{"readiness": {"taken_on": "2026-01-01", "answers": {"physical": "maybe"}}}', "journey.readiness.answers.physical"),
        ('{"trial": {"checkins": [{"date": "2026-01-01", "scores": {"intimacy": 9}}]}}', "journey.trial.checkins[0].scores.intimacy"),
        ('{"signals": [{"date": "2026-01-01", "kind": "other"}]}', "journey.signals[0].direction"),
        ('{"self_work": {"goals": [{"area": "money", "title": "x"}]}}', "journey.self_work.goals[0].area"),
        ('[]', "journey"),
    ],
)
def test_bad_fields_exit_2_with_one_line_naming_the_field(capsys, monkeypatch, snapshot, field):
    status, out, err = run_plan(capsys, "--today", TODAY, "-", stdin=snapshot, monkeypatch=monkeypatch)
    assert status == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"secondchance: {field}:")


def test_invalid_json_and_bad_dates_exit_2(capsys, monkeypatch, tmp_path):
    status, _, err = run_plan(capsys, "--today", TODAY, "-", stdin="{nope", monkeypatch=monkeypatch)
    assert status == 2 and "not valid JSON" in err
    status, _, err = run_plan(capsys, "--today", "tomorrow", str(EXAMPLES / "safety.json"))
    assert status == 2 and "--today" in err
    status, _, err = run_plan(capsys, "--today", TODAY, str(tmp_path / "missing.json"))
    assert status == 2 and "cannot read" in err


def test_the_installed_command_runs_as_a_program():
    result = subprocess.run(
        [sys.executable, "-m", "secondchance", "plan", "--today", TODAY, str(EXAMPLES / "move-on.json")],
        capture_output=True, text=True, check=True,
    )
    assert json.loads(result.stdout)["stage"] == "move_on"


def test_screen_prints_json_with_spans_and_route(capsys):
    text = "He never hit me, but he threatens me."
    assert main(["screen", "--json", text]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result == {
        "red_flags": [{"category": "threat", "start": 24, "end": 36, "sentence": [0, 37], "source": "rule"}],
        "crisis": False,
        "crisis_findings": [],
        "route": "safety",
    }
    assert text[24:36] == "threatens me"


def test_screen_routes_crisis_language(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", __import__("io").TextIOWrapper(__import__("io").BytesIO("I want to die.".encode())))
    assert main(["screen", "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["route"] == "crisis"


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["screen", "   "], None, "no text"),
    (["screen"], None, "give the text"),
    (["screen", "-"], b"\xff\xfe\xfa", "not UTF-8"),
])
def test_screen_without_text_exits_2(capsys, monkeypatch, args, stdin, message):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", __import__("io").TextIOWrapper(__import__("io").BytesIO(stdin)))
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_check_message_prints_the_json_report(capsys):
    assert main(["check-message", "--json", "--kind", "apology", "I'm sorry I lied to you, but you pushed me to it."]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) >= {"kind", "verdict", "score", "findings", "apology_parts"}
    assert report["verdict"] == "revise"
    assert {f["code"] for f in report["findings"]} >= {"sorry_but"}
    for finding in report["findings"]:
        assert set(finding) == {"code", "severity", "start", "end", "message", "suggestion", "example"}
    # Each part is present or not; the "but" here makes regret a close call, so only the shape is fixed.
    assert set(report["apology_parts"]) == {"regret", "responsibility", "remedy"}
    assert all(isinstance(v, bool) for v in report["apology_parts"].values())


def test_check_message_readable_report_for_a_late_draft(capsys):
    assert main(["check-message", "--time", "01:30", "hey, you up?"]) == 0
    out = capsys.readouterr().out
    assert "Verdict: revise" in out and "late_night" in out


def test_a_blocked_draft_reports_only_why_it_cannot_be_sent(capsys):
    assert main(["check-message", "--time", "01:30", "--unanswered", "2", "hey, you up?"]) == 0
    out = capsys.readouterr().out
    assert "Verdict: dont_send" in out and "repeated_unanswered" in out and "late_night" not in out


@pytest.mark.parametrize("args", [["check-message", ""], ["check-message", "--time", "7pm", "hi"], ["check-message", "--unanswered", "-1", "hi"]])
def test_check_message_bad_input_exits_2(capsys, args):
    assert main(args) == 2
    assert capsys.readouterr().err.startswith("secondchance: ")
