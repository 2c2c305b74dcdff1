import pytest

from secondchance.program.screening import CATEGORIES, Prepared, screen, screen_rules

from .screening_set import LABELS, load_labelled, score

RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.9
ROWS = load_labelled()


def test_the_labelled_set_is_large_and_covers_every_category():
    assert len(ROWS) >= 300
    for label in LABELS:
        assert sum(label in expected for expected, _ in ROWS) >= 20, label
    assert sum(not expected for expected, _ in ROWS) >= 100


@pytest.mark.parametrize("label", LABELS)
def test_recall_and_precision_per_category(label):
    table, mistakes = score(ROWS)
    wrong = [m for m in mistakes if label in m[1] or label in m[2]]
    assert table[label]["recall"] >= RECALL_FLOOR, wrong
    assert table[label]["precision"] >= PRECISION_FLOOR, wrong


@pytest.mark.parametrize(
    "text",
    [
        "He never hit me.",
        "I don't think he would ever hurt me, honestly.",
        "He didn't threaten me, he just cried.",
        "This job is killing me.",
        "It hit me that we're really done.",
        "My friend's boyfriend hits her.",
        "My boss yells at me.",
        "I'm dying to see her.",
    ],
)
def test_negations_figures_of_speech_and_other_peoples_stories_pass(text):
    result = screen(text)
    assert result.route == "none", result


def test_spans_point_at_what_was_found():
    text = "We argued a lot. Then he grabbed me by the arm and I felt unsafe."
    result = screen(text)
    found = {flag.category: text[flag.start:flag.end] for flag in result.red_flags}
    assert found == {"physical": "grabbed me by", "fear": "I felt unsafe"}


def test_curly_apostrophes_are_read_like_straight_ones():
    assert "control" in screen("He won\u2019t let me see my friends.").categories
    # The patterns read the curly negation; crisis lines still show (crisis recall comes first).
    assert not screen_rules(Prepared("I don\u2019t want to die.")).crisis


def test_crisis_outranks_safety_and_keeps_its_span():
    text = "He hit me again. I want to die."
    result = screen(text)
    assert result.route == "crisis"
    assert result.categories == ("physical",)
    assert [text[s:e] for s, e in result.crisis_spans] == ["want to die"]


def test_threats_count_in_either_direction():
    assert screen("I'm going to make him pay.").categories == ("threat",)
    assert screen("He said he'd ruin my life.").categories == ("threat",)


def test_each_category_has_patterns():
    from secondchance.program.screening import book

    assert set(book().sections) == {*CATEGORIES, "crisis"}


def test_screen_refuses_what_is_not_text():
    with pytest.raises(TypeError):
        screen(None)


def test_each_patterns_cover_is_in_every_text_it_matches():
    """The speed-up must never skip a pattern that would have matched."""
    from secondchance.program.patterns import required_literals
    from secondchance.program.screening import book

    texts = [text.replace("\u2019", "'").lower() for _, text in ROWS]
    for name, section in book().sections.items():
        for pattern in section.patterns:
            cover = required_literals(pattern.pattern)
            for text in texts:
                if pattern.search(text):
                    assert cover is None or any(stem in text for stem in cover), (name, pattern.pattern, text)


@pytest.mark.parametrize(
    ("expression", "cover"),
    [
        (r"\bhit(?:s|ting)?\s+me\b", {"hit"}),
        (r"\b(?:punch|slap)(?:ed)?\s+me", {"punch", "slap"}),
        (r"\b(?:a|b)\s+me", None),
        (r"\bno\s+(?:reason|point)\s+to\s+live", {"reason", "point"}),
        (r"(?:x)?yz", None),
    ],
)
def test_required_literals(expression, cover):
    from secondchance.program.patterns import required_literals

    found = required_literals(expression)
    assert (set(found) if found is not None else None) == cover
