import pytest
from hypothesis import given
from hypothesis import strategies as st

from secondchance.program import readiness
from secondchance.program.readiness import (
    QUESTIONS,
    RED_FLAG_IDS,
    STEPS,
    InvalidAnswers,
    Outcome,
    assess_readiness,
    first_unanswered_step,
    missing_questions,
    steps_to_ask,
    validate_answers,
)

from .answers import NO_RED_FLAGS, READY


def outcome_of(**changes):
    return assess_readiness({**READY, **changes})


def driver_ids(result):
    return {d.question_id for d in result.drivers}


def test_ready_answers_proceed_with_reasons():
    result = assess_readiness(READY)
    assert result.outcome is Outcome.PROCEED
    assert result.offers_reconciliation
    assert {"something_changed", "self_care", "patient", "both_willing"} <= driver_ids(result)
    assert result.watch == ()


@pytest.mark.parametrize("flag", sorted(RED_FLAG_IDS))
def test_each_red_flag_gives_safety_first(flag):
    result = outcome_of(**{flag: "yes"})
    assert result.outcome is Outcome.SAFETY_FIRST
    assert result.red_flags == (flag,)
    assert driver_ids(result) == {flag}
    assert not result.offers_reconciliation


def test_self_harm_gives_safety_first_with_crisis_support():
    result = outcome_of(self_harm="yes")
    assert result.outcome is Outcome.SAFETY_FIRST
    assert result.crisis
    assert driver_ids(result) == {"self_harm"}


def test_safety_screen_stops_the_check_no_readiness_questions_needed():
    answers = {**NO_RED_FLAGS, "fear": "yes"}
    assert missing_questions(answers) == ()
    assert all(step.is_safety_screen for step in steps_to_ask(answers))
    assert assess_readiness(answers).outcome is Outcome.SAFETY_FIRST


def test_red_flag_on_the_first_screen_still_asks_the_rest_of_the_safety_screen():
    answers = {"physical": "yes", "sexual": "no", "threat": "no"}
    assert first_unanswered_step(answers).id == "safety-control"
    assert "self_harm" in missing_questions(answers)


@pytest.mark.parametrize(
    ("question", "answer"),
    [("ex_closed_door", "yes"), ("ex_serious", "no"), ("ex_empathy", "no")],
)
def test_dealbreakers_and_a_closed_door_give_move_on(question, answer):
    result = outcome_of(**{question: answer})
    assert result.outcome is Outcome.MOVE_ON
    assert driver_ids(result) == {question}


def test_move_on_outranks_not_yet():
    result = outcome_of(ex_closed_door="yes", miss_what="routine", self_care="no")
    assert result.outcome is Outcome.MOVE_ON


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("miss_what", "routine"),
        ("self_care", "no"),
        ("something_changed", "no"),
        ("patient", "no"),
        ("ok_if_not", "no"),
        ("both_changed", "no"),
        ("trust_rebuildable", "no"),
        ("both_willing", "no"),
    ],
)
def test_loneliness_or_no_healing_gives_not_yet(question, answer):
    result = outcome_of(**{question: answer})
    assert result.outcome is Outcome.NOT_YET
    assert driver_ids(result) == {question}


def test_a_few_unsure_answers_still_proceed_and_are_listed_to_watch():
    result = outcome_of(something_changed="unsure", ex_healing="unsure", miss_what="both")
    assert result.outcome is Outcome.PROCEED
    assert {d.question_id for d in result.watch} == {"something_changed", "ex_healing", "miss_what"}


def test_mostly_unsure_answers_give_not_yet():
    unsure = dict(something_changed="unsure", ex_healing="unsure", patient="unsure", trust_rebuildable="unsure")
    result = outcome_of(**unsure)
    assert result.outcome is Outcome.NOT_YET
    assert driver_ids(result) == set(unsure)


def test_missing_answers_are_refused_by_name():
    answers = dict(READY)
    del answers["patient"]
    with pytest.raises(InvalidAnswers) as error:
        assess_readiness(answers)
    assert error.value.errors == {"patient": "needs an answer"}


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"physical": "maybe"}, "physical"),
        ({"physical": 1}, "physical"),
        ({"is_admin": "yes"}, "is_admin"),
        ({"note": "x" * (readiness.NOTE_MAX_LENGTH + 1)}, "note"),
    ],
)
def test_tampered_or_oversized_values_are_refused_by_name(answers, field):
    with pytest.raises(InvalidAnswers) as error:
        validate_answers(answers)
    assert set(error.value.errors) == {field}


def test_note_at_the_limit_is_kept():
    note = "x" * readiness.NOTE_MAX_LENGTH
    assert validate_answers({"note": note}) == {"note": note}


def test_resume_point_is_the_first_step_with_an_open_question():
    assert first_unanswered_step({}).id == STEPS[0].id
    answers = {**NO_RED_FLAGS, "miss_what": "person", "something_changed": "yes"}
    assert first_unanswered_step(answers).id == "motive-healing"
    assert first_unanswered_step(READY) is None


def test_every_driver_explains_itself_in_words():
    for result in (assess_readiness(READY), outcome_of(physical="yes"), outcome_of(patient="no")):
        for driver in result.drivers:
            assert driver.why and driver.prompt == QUESTIONS[driver.question_id].prompt
            assert driver.answer_label != ""


choice_questions = [q for q in QUESTIONS.values() if not q.free_text]
answer_sets = st.fixed_dictionaries({q.id: st.sampled_from(sorted(q.values)) for q in choice_questions})


@given(answer_sets, st.sampled_from(sorted(RED_FLAG_IDS)))
def test_any_red_flag_gives_safety_first_whatever_else_was_answered(answers, flag):
    result = assess_readiness({**answers, flag: "yes"})
    assert result.outcome is Outcome.SAFETY_FIRST
    assert flag in result.red_flags
    assert not result.offers_reconciliation


@given(answer_sets)
def test_every_outcome_lists_the_answers_that_drove_it(answers):
    result = assess_readiness(answers)
    assert result.drivers
    for driver in result.drivers:
        assert answers[driver.question_id] == driver.answer


@given(answer_sets)
def test_the_same_answers_always_give_the_same_result(answers):
    assert assess_readiness(answers) == assess_readiness(dict(reversed(list(answers.items()))))


@given(answer_sets)
def test_proceed_only_without_red_flags_dealbreakers_or_a_no(answers):
    result = assess_readiness(answers)
    if result.outcome is Outcome.PROCEED:
        assert not readiness.red_flags_in(answers)
        assert answers["ex_closed_door"] == "no"
        assert "no" not in {answers[q] for q in ("self_care", "patient", "both_willing", "trust_rebuildable")}
