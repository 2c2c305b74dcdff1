"""The one decision: patterns and model together, each finding with its sentence and source."""

import json
import subprocess
import sys

import numpy as np

from secondchance.program.screening import screen, screen_rules, Prepared
from secondchance.reading.screen_model import find, sentence_spans


def test_sentences_are_split_without_their_blanks():
    text = "Work was fine.  He shoved me again!\nThe dog is ok"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Work was fine.", "He shoved me again!", "The dog is ok"]


def test_a_flag_buried_in_a_journal_paragraph_points_at_its_sentence():
    text = ("Long shift at the café today and my feet are killing me. Mum rang about Sunday lunch. "
            "When I got home he shoved me into the radiator because dinner wasn't ready. "
            "Anyway I watched two episodes of Bake Off and went to bed early.")
    result = screen(text)
    physical = [f for f in result.red_flags if f.category == "physical"]
    assert physical, result
    start, end = physical[0].sentence
    assert "shoved me into the radiator" in text[start:end]
    assert "Bake Off" not in text[start:end] and "Mum rang" not in text[start:end]


def test_indirect_crisis_language_the_patterns_miss_is_found_by_the_model():
    text = "i've given the cat to my sister and written the letters. tomorrow nobody has to worry about me anymore"
    assert not screen_rules(Prepared(text)).crisis
    result = screen(text)
    assert result.crisis and result.route == "crisis"
    assert ("model" in {source for _, _, source in result.crisis_sources})


def test_figures_of_speech_and_games_raise_nothing():
    for text in ("this commute is actually killing me lol", "we absolutely murdered them at fifa last night",
                 "i'm dying to see the new spider-man film", "she destroyed me at squash again, rematch on friday"):
        assert screen(text).route == "none", text


def test_model_findings_say_so_and_rule_findings_keep_their_exact_span():
    text = "He hit me when I tried to leave the flat."
    rule_flags = [f for f in screen(text).red_flags if f.source == "rule"]
    assert rule_flags and rule_flags[0].text != text
    model_only = find("ngl he gets real handsy when i say no and just keeps going")
    assert any(f.label == "sexual" for f in model_only)


def _cli(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "secondchance", *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_screen_jsonl_answers_one_json_object_per_line():
    lines = ["we had a lovely walk by the canal", "", "he says if i leave he'll make sure i never see the kids again"]
    done = _cli("screen", "--jsonl", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["route"] for a in answers] == ["none", "none", "safety"]
    flag = answers[2]["red_flags"][0]
    assert flag["category"] == "threat" and flag["source"] in ("rule", "model")
    assert set(flag) == {"category", "start", "end", "sentence", "source"}


def test_one_reading_points_at_the_sentence(monkeypatch):
    """The encoder runs once per piece: the sentence a finding is about comes from the same reading."""
    from secondchance.reading.model import load

    model = load()
    model.forget_recent()
    runs = []
    original = model._run
    monkeypatch.setattr(model, "_run", lambda texts: runs.append(len(texts)) or original(texts))
    text = ("Long shift at the café today and my feet are killing me. Mum rang about Sunday lunch. "
            "When I got home he shoved me into the radiator because dinner wasn't ready. "
            "Anyway I watched two episodes of Bake Off and went to bed early.")
    physical = next(f for f in find(text) if f.label == "physical")
    assert text[physical.start:physical.end] == "When I got home he shoved me into the radiator because dinner wasn't ready."
    assert runs == [1]


def test_a_whole_piece_reads_as_the_mean_of_its_word_pieces():
    from secondchance.reading.model import load

    model = load()
    text = "he said if i ever leave he will find me. i believe him."
    (reading,) = model.read([text])
    assert reading.logits.shape == (len(model.tokenizer.encode(text).ids), len(model.labels))
    whole = 1 / (1 + np.exp(-reading.logits.mean(axis=0)))
    assert np.allclose(reading.probabilities(), whole)
    first = reading.probabilities((0, text.index(".") + 1))
    assert not np.allclose(first, reading.probabilities())
