"""The learned screen: which labels a text carries, and the sentence each one is about.

The model was trained on whole texts, from a few words to a journal paragraph.
It reads a text the same way: in pieces of a few sentences (up to
``CHUNK_TOKENS`` word pieces, overlapping by a sentence), so a long entry is
read as a run of paragraphs, not one truncated block. When a piece carries a
label, the same reading points at the sentence it is about (the model gives
each word piece's logits; a sentence's are the mean of its own); when no
single sentence carries it (the meaning is spread over several), the finding
covers the whole piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .files import SCREEN
from .model import TextModel, load

CHUNK_TOKENS = 160
# A sentence ends at . ! ? or a line break; texting without any is read in slices of this many word pieces.
_SENTENCE_END = re.compile(r"[.!?\n]+[\"')\]]*\s*")
LONG_SENTENCE_TOKENS = 30


@dataclass(frozen=True)
class ModelFinding:
    label: str
    start: int
    end: int
    probability: float


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, without surrounding blanks."""
    spans, begin = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, len(text)))
    trimmed = []
    for start, end in spans:
        piece = text[start:end]
        if piece.strip():
            left = len(piece) - len(piece.lstrip())
            trimmed.append((start + left, start + len(piece.rstrip())))
    return trimmed


def _split_long(span, offsets) -> list[tuple[int, int]]:
    """A sentence longer than LONG_SENTENCE_TOKENS, in slices of that many word pieces (texting often
    has no full stops). The slices only narrow what a finding points at: the model reads them together."""
    start, end = span
    inside = [(a, b) for a, b in offsets if a >= start and b <= end]
    if len(inside) <= LONG_SENTENCE_TOKENS:
        return [span]
    return [(inside[first][0], inside[min(first + LONG_SENTENCE_TOKENS, len(inside)) - 1][1])
            for first in range(0, len(inside), LONG_SENTENCE_TOKENS)]


def units(text: str, model: TextModel) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(sentences, chunks): the spans read one by one, and the overlapping pieces read first."""
    offsets = model.token_offsets(text)
    sentences = [piece for span in sentence_spans(text) for piece in _split_long(span, offsets)]
    if not sentences:
        return [], []
    sizes = [sum(1 for a, b in offsets if a >= s and b <= e) for s, e in sentences]
    chunks, first = [], 0
    while first < len(sentences):
        last, total = first, sizes[first]
        while last + 1 < len(sentences) and total + sizes[last + 1] <= CHUNK_TOKENS:
            last += 1
            total += sizes[last]
        chunks.append((first, last))
        if last == len(sentences) - 1:
            break
        first = last if last > first else last + 1  # overlap by one sentence
    return sentences, chunks


def find(text: str, model: TextModel | None = None, prefix: str = "", unpointed: frozenset[str] = frozenset()) -> list[ModelFinding]:
    """Every label the model finds in ``text``, each with the span it is about (most likely first).

    ``prefix`` goes before every piece the model reads (the coach's model reads "apology: ..."),
    and is not part of any span. Labels in ``unpointed`` are only needed as present or not: they
    cover their piece and are never pointed at a sentence."""
    model = model or load(SCREEN)
    sentences, chunks = units(text, model)
    if not chunks:
        return []
    chunk_spans = [(sentences[a][0], sentences[b][1]) for a, b in chunks]
    readings = model.read([prefix + text[s:e] for s, e in chunk_spans])
    findings: dict[str, ModelFinding] = {}
    for (first, last), (start, end), reading in zip(chunks, chunk_spans, readings):
        probs = reading.probabilities()
        fired = [(label, float(p)) for label, p in zip(model.labels, probs) if p >= model.thresholds[label]]
        if not fired:
            continue
        # Where each sentence sits in the piece the model read (after the prefix).
        shift = len(prefix) - start
        by_sentence = {n: reading.probabilities((sentences[n][0] + shift, sentences[n][1] + shift)) for n in range(first, last + 1)}
        for label, probability in fired:
            column = model.labels.index(label)
            span = (start, end)
            if last > first and label not in unpointed:
                best = max(by_sentence, key=lambda n: by_sentence[n][column])
                if by_sentence[best][column] >= model.thresholds[label]:
                    span = sentences[best]
            known = findings.get(label)
            if known is None or probability > known.probability:
                findings[label] = ModelFinding(label, span[0], span[1], probability)
    return sorted(findings.values(), key=lambda f: -f.probability)


def text_probabilities(text: str, model: TextModel | None = None, prefix: str = "") -> dict[str, float]:
    """The highest probability of each label over the pieces of ``text`` (for evaluation and thresholds)."""
    model = model or load(SCREEN)
    sentences, chunks = units(text, model)
    if not chunks:
        return {label: 0.0 for label in model.labels}
    probs = model.probabilities([prefix + text[sentences[a][0]:sentences[b][1]] for a, b in chunks])
    return {label: float(probs[:, n].max()) for n, label in enumerate(model.labels)}
