"""Floors on the blind set (tests/data/blind): written from the definitions only, frozen before training.

The figures are measured by training/evaluate_screen.py and reported in
BENCHMARKS.md and docs/models/screen.md. These floors keep them from slipping;
they are never a target to tune to, and the blind texts never enter training.
"""

import pytest

from training.corpus import SCREEN_BLIND_FILES, SCREEN_TRAINING_FILES, read_all
from training.evaluate_screen import evaluate

# The targets are: red-flag recall 0.95 at precision 0.90, every category 0.85,
# crisis recall 0.98 at precision 0.85, look-alikes quiet in 95%. Where the model falls
# short, the floor is what it reached (see docs/models/screen.md), not the target. The int8
# model's figures move by a text or two between machines (their CPUs round differently),
# so each floor sits a little below the range measured.
FLOORS = {
    "red_flag_recall": 0.94,     # measured 0.951; target 0.95
    "red_flag_precision": 0.87,  # measured 0.881-0.889; target 0.90
    "category_recall": 0.83,     # lowest measured: control 0.842-0.860; target 0.85
    "crisis_recall": 0.96,       # measured 0.976-0.981; target 0.98
    "crisis_precision": 0.76,    # measured 0.778-0.788; target 0.85
    "lookalikes_quiet": 0.79,    # measured 0.808; target 0.95
}


@pytest.fixture(scope="module")
def blind_figures():
    return evaluate(read_all(SCREEN_BLIND_FILES))["combined"].as_dict()


def test_the_blind_set_is_large_and_unseen():
    blind = read_all(SCREEN_BLIND_FILES)
    assert len(blind) >= 800
    training = {e.text.casefold() for e in read_all(SCREEN_TRAINING_FILES)}
    # The training script drops the few texts two writers happened to share.
    assert sum(e.text.casefold() in training for e in blind) <= 5


def test_red_flag_route_floors(blind_figures):
    route = blind_figures["red_flag_route"]
    assert route["recall"] >= FLOORS["red_flag_recall"]
    assert route["precision"] >= FLOORS["red_flag_precision"]


def test_every_category_floor(blind_figures):
    for category, figures in blind_figures["categories"].items():
        assert figures["recall"] >= FLOORS["category_recall"], category


def test_crisis_floors(blind_figures):
    assert blind_figures["crisis"]["recall"] >= FLOORS["crisis_recall"]
    assert blind_figures["crisis"]["precision"] >= FLOORS["crisis_precision"]


def test_figures_of_speech_stay_quiet(blind_figures):
    assert blind_figures["alarming_looking_negatives_raising_nothing"]["share"] >= FLOORS["lookalikes_quiet"]
