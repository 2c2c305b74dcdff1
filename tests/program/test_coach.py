
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.program.coach import (
    ADVICE,
    CODES,
    KINDS,
    CoachInputError,
    Severity,
    check_message,
    guess_kind,
    is_late,
    parse_time,
)

from .coach_set import load_labelled, score

ROWS = load_labelled()
SAFETY_RECALL_FLOOR = 0.9
RECALL_FLOOR = 0.85
PRECISION_FLOOR = 0.85


def codes(report):
    return {f.code for f in report.findings}


def test_the_labelled_set_is_large_and_covers_every_kind():
    assert len(ROWS) >= 200
    for kind in (*KINDS, "auto"):
        assert sum(row["kind"] == kind for row in ROWS) >= 10, kind
    assert sum(not row["codes"] for row in ROWS) >= 50  # good drafts, which must pass clean


@pytest.mark.parametrize("code", [c for c in CODES if c not in ("outreach_locked", "harsh_tone")])
def test_precision_and_recall_per_code(code):
    table, mistakes = score(ROWS)
    wrong = [m for m in mistakes if code in m[1] or code in m[2]]
    assert table[code]["support"] >= 2, code
    if code in ("threat", "self_harm"):
        # These come from the screen (patterns and model); its precision is measured on the
        # screen's blind set. On drafts, none may be missed.
        assert table[code]["recall"] >= SAFETY_RECALL_FLOOR, wrong
        return
    assert table[code]["recall"] >= RECALL_FLOOR, wrong
    assert table[code]["precision"] >= PRECISION_FLOOR, wrong


def test_a_short_warm_honest_message_passes_clean():
    report = check_message("Hi Sam, how did the move go? A coffee sometime, if you're up for it.")
    assert (report.kind, report.verdict, report.score, report.findings) == ("outreach", "send", 100, ())


@pytest.mark.parametrize(
    "text",
    [
        "I'm not going to pressure you. How is the new job? Coffee sometime?",
        "No pressure at all. How have you been? A walk sometime?",
        "I won't ask who you're seeing. How is your running going? Coffee sometime?",
        'You once said "you always forget my birthday" and you were right. How are you? Coffee sometime?',
    ],
)
def test_negation_and_quotation_are_not_findings(text):
    assert codes(check_message(text, "outreach")) == set()


def test_spans_point_at_the_words():
    text = "How are you? Coffee sometime? Answer me now."
    finding = check_message(text, "outreach").findings[0]
    assert (finding.code, text[finding.start:finding.end]) == ("pressure", "Answer me now")


def test_every_finding_explains_itself_and_suggests_a_fix():
    for code in CODES:
        message, suggestion = ADVICE[code]
        assert message and suggestion and message != suggestion
        assert message[-1] in ".'" and suggestion[-1] in ".'"


def test_verdict_follows_the_worst_finding():
    assert check_message("Hi, how are you?", "outreach").verdict == "send"  # info only
    assert check_message("You always ruin things. How are you? Coffee?", "outreach").verdict == "revise"
    assert check_message("I'll make you pay. How are you? Coffee?", "outreach").verdict == "dont_send"


def test_a_locked_plan_stops_the_message():
    locked = check_message("Hi, how are you? Coffee sometime?", "outreach", plan_locked=True)
    assert locked.verdict == "dont_send" and "outreach_locked" in codes(locked)
    reply = check_message("Thanks for your message! Coffee sounds nice.", "reply", plan_locked=False)
    assert reply.verdict == "send"


def test_repeated_unanswered_blocks_the_next_outreach():
    assert "repeated_unanswered" in codes(check_message("Hi, how are you? Coffee?", "outreach", unanswered=2))
    assert "repeated_unanswered" not in codes(check_message("Hi, how are you? Coffee?", "outreach", unanswered=1))


def test_self_harm_blocks_and_says_to_talk_to_someone():
    report = check_message("I can't go on like this without you.", "outreach")
    assert report.crisis and report.verdict == "dont_send"
    assert "crisis lines" in next(f for f in report.findings if f.code == "self_harm").suggestion


@pytest.mark.parametrize(
    ("time", "late"),
    [("23:00", True), ("22:59", False), ("02:30", True), ("05:59", True), ("06:00", False), (None, False)],
)
def test_late_night_is_between_eleven_and_six(time, late):
    assert is_late(parse_time(time)) is late


def test_apology_parts_are_reported():
    report = check_message("I'm sorry I lied. That was my fault.", "apology")
    assert report.apology_parts == {"regret": True, "responsibility": True, "remedy": False}
    assert check_message("Hi there, how are you?", "outreach").apology_parts is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I'm sorry I hurt you.", "apology"),
        ("Sorry if you were upset.", "apology"),
        ("Thank you for meeting me. I'd like to hear how you are.", "opening"),
        ("Thanks for your message, good to hear from you!", "reply"),
        ("Hey, how have you been?", "outreach"),
    ],
)
def test_auto_picks_the_kind_and_says_so(text, kind):
    assert guess_kind(text) == kind
    report = check_message(text, "auto")
    assert report.kind == kind and report.kind_guessed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("",), "no message"),
        (("   \n",), "no message"),
        ((None,), "no message"),
        (("hi", "letter"), "kind must be one of"),
    ],
)
def test_bad_input_is_refused_clearly(args, message):
    with pytest.raises(CoachInputError, match=message):
        check_message(*args)
    with pytest.raises(CoachInputError, match="HH:MM"):
        parse_time("7pm")


@settings(max_examples=200)
@given(st.text(min_size=1, max_size=400).filter(str.strip), st.sampled_from((*KINDS, "auto")),
       st.one_of(st.none(), st.times()), st.integers(0, 5))
def test_property_any_draft_gets_a_consistent_report(text, kind, at, unanswered):
    report = check_message(text, kind, at, unanswered)
    assert 0 <= report.score <= 100
    for finding in report.findings:
        assert finding.code in CODES
        if finding.start is not None:
            assert 0 <= finding.start < finding.end <= len(text)
    severities = {f.severity for f in report.findings}
    expected = "dont_send" if Severity.BLOCK in severities else "revise" if Severity.WARN in severities else "send"
    assert report.verdict == expected
    assert report == check_message(text, kind, at, unanswered)


def test_a_harsh_tone_is_named_only_when_no_rule_explains_it():
    report = check_message("This is awful, horrible, terrible and disgusting.", "reply")
    assert "harsh_tone" in codes(report) and report.tone <= -0.6
    ruled = check_message("You always ruin everything, it's awful and horrible.", "reply")
    assert "harsh_tone" not in codes(ruled) and "blame" in codes(ruled)
