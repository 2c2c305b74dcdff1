"""How the coach's training chooses each label's threshold on the dev split."""

import numpy as np

from training.corpus import COACH_LABELS
from training.train_coach import choose_thresholds


def _dev_split_with_one_ramp(label: str):
    # 200 drafts without the label, scored evenly between 0 and 0.5 (0.00125, 0.00375, ...):
    # a threshold t fires wrongly on the share of them scoring t or more.
    scores = np.zeros((200, len(COACH_LABELS)))
    scores[:, COACH_LABELS.index(label)] = (np.arange(200) + 0.5) / 400
    gold = np.zeros_like(scores, dtype=int)
    nothing = np.zeros(200, dtype=bool)
    return choose_thresholds(scores, gold, {"threat": nothing, "self_harm": nothing})


def test_a_problem_may_fire_wrongly_on_two_percent_of_dev_drafts():
    assert _dev_split_with_one_ramp("pressure")["pressure"] == 0.49  # 4 of 200 score 0.49 or more


def test_a_finding_that_holds_a_draft_back_must_be_far_quieter():
    # "Earlier messages went unanswered" turns a draft into "don't send".
    assert _dev_split_with_one_ramp("repeated_text")["repeated_text"] == 0.5  # none scores 0.5
