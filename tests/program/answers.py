"""Answer sets for the stage 0 check, shared by the core and web tests."""

from secondchance.program.readiness import CRISIS_QUESTION, RED_FLAG_QUESTIONS

NO_RED_FLAGS = {**{q.id: "no" for q in RED_FLAG_QUESTIONS}, CRISIS_QUESTION.id: "no"}

READY = {
    **NO_RED_FLAGS,
    "miss_what": "person",
    "something_changed": "yes",
    "self_care": "yes",
    "ex_healing": "yes",
    "patient": "yes",
    "ok_if_not": "yes",
    "ex_serious": "yes",
    "ex_empathy": "yes",
    "ex_closed_door": "no",
    "both_changed": "yes",
    "trust_rebuildable": "yes",
    "both_willing": "yes",
}
