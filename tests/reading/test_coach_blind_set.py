"""Floors on the coach's blind set (tests/data/blind/coach_blind_*.tsv): written from the
definitions only, frozen before any coach model was trained, never used for training or tuning.

The figures are measured by training/evaluate_coach.py and reported in BENCHMARKS.md and
docs/models/coach.md. These floors keep them from slipping; where the model falls short of
the issue's target, the floor is what it reached, not the target.
"""

import pytest

from training.corpus import COACH_BLIND_FILES, COACH_CORPUS_FILES, read_drafts
from training.evaluate_coach import evaluate
from training.train_coach import without_blind_copies

FLOORS = {  # a little below what was measured: the int8 model moves by a draft or two between CPUs
    "verdict_accuracy": 0.88,           # measured 0.898; target 0.90
    "required_codes_found": 0.87,       # measured 0.887; target 0.85
    "largest_false_fire_share": 0.045,  # measured 0.036 (self_harm, from the screen); target at most 0.03
    "calm_scoring_85": 0.89,            # measured 0.915
    "begging_or_blaming_scoring_50": 0.95,  # measured 0.967
    "blocked": 45,                      # measured 46 of 46 (2 of them leaked into training); target all
}


@pytest.fixture(scope="module")
def blind_figures():
    return evaluate(read_drafts(COACH_BLIND_FILES))


def test_the_blind_set_is_large_and_unseen():
    blind = read_drafts(COACH_BLIND_FILES)
    assert len(blind) >= 400
    corpus = read_drafts(COACH_CORPUS_FILES)
    kept = without_blind_copies(corpus, blind)
    assert len(corpus) - len(kept) <= 10  # the few near copies two writers happened to share are dropped
    assert not {d.text.casefold() for d in kept} & {d.text.casefold() for d in blind}


def test_threat_and_self_harm_drafts_are_blocked(blind_figures):
    blocked, of = map(int, blind_figures["threat_and_self_harm_blocked"].split(" of "))
    assert of >= 40 and blocked >= FLOORS["blocked"]


def test_verdicts_and_findings_floors(blind_figures):
    assert blind_figures["verdict_accuracy"] >= FLOORS["verdict_accuracy"]
    assert blind_figures["required_codes_found"] >= FLOORS["required_codes_found"]
    assert blind_figures["largest_per_code_false_fire_share"] <= FLOORS["largest_false_fire_share"]


def test_the_score_separates_calm_from_desperate(blind_figures):
    assert blind_figures["calm_drafts_scoring_85_or_more"]["share"] >= FLOORS["calm_scoring_85"]
    assert blind_figures["begging_or_blaming_drafts_scoring_50_or_less"]["share"] >= FLOORS["begging_or_blaming_scoring_50"]
