"""Loading a shipped text model and running it: its files verified (files.py), loaded once per process.

A missing or altered file stops whoever asked for the model with a message
naming the file: a screen that silently fell back to patterns alone would
miss what the patterns miss, without anyone knowing.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import files
from .files import SCREEN, ModelFileError, ModelSpec

# Longest piece of text the model reads at once, in word pieces (as in training).
MAX_TOKENS = 256
# How many recently read pieces keep their answer.
RECENT_PIECES = 2048


class TextModel:
    """A sequence classifier: texts in, one probability per label out."""

    def __init__(self, spec: ModelSpec, directory: Path | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        directory = directory or files.data_dir()
        self.spec = spec
        config = json.loads(files.verified(directory / spec.config).read_text(encoding="utf-8"))
        self.labels: tuple[str, ...] = tuple(config["labels"])
        self.thresholds: dict[str, float] = {k: float(v) for k, v in config["thresholds"].items()}
        self.tokenizer = Tokenizer.from_file(str(files.verified(directory / spec.tokenizer)))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        options = onnxruntime.SessionOptions()
        # One thread per request: the server runs several requests at once.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # Live checks read the same sentences again as a person types; only a digest of each
        # piece is kept (never its words), with the probabilities it was given.
        self._recent: OrderedDict[bytes, Reading] = OrderedDict()
        self._recent_lock = threading.Lock()
        self.session = onnxruntime.InferenceSession(
            str(files.verified(directory / spec.onnx)), options, providers=["CPUExecutionProvider"]
        )
        outputs = [output.name for output in self.session.get_outputs()]
        if outputs != ["token_logits"]:
            raise ModelFileError(f"{directory / spec.onnx}: gives {outputs}, not each word piece's logits. "
                                 "Rebuild it with `make train-screen` or `make train-coach`.")

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        """Character span of every word piece of ``text`` (no special tokens)."""
        return [span for span in self.tokenizer.encode(text, add_special_tokens=False).offsets]

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """One row per text, one column per label."""
        return np.array([reading.probabilities() for reading in self.read(texts)]).reshape(len(texts), len(self.labels))

    def read(self, texts: list[str]) -> list[Reading]:
        """What the model makes of each text, word piece by word piece. Pieces read lately are not read again."""
        keys = [hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest() for text in texts]
        with self._recent_lock:
            known = [self._recent.get(key) for key in keys]
        missing = [n for n, reading in enumerate(known) if reading is None]
        fresh = self._run([texts[n] for n in missing])
        result = list(known)
        for n, reading in zip(missing, fresh):
            result[n] = reading
        with self._recent_lock:
            for key, reading in zip(keys, result):
                self._recent[key] = reading
                self._recent.move_to_end(key)
            while len(self._recent) > RECENT_PIECES:
                self._recent.popitem(last=False)
        return result

    def forget_recent(self) -> None:
        """Read every piece afresh from now on (for measuring a first reading)."""
        with self._recent_lock:
            self._recent.clear()

    def _run(self, texts: list[str]) -> list[Reading]:
        encodings = self.tokenizer.encode_batch(texts)
        kept = [_within_limit(len(e.ids)) for e in encodings]
        ids = [[e.ids[n] for n in rows] for e, rows in zip(encodings, kept)]
        # Similar lengths together: less padding to run through the encoder.
        order = sorted(range(len(ids)), key=lambda n: len(ids[n]))
        readings: list[Reading | None] = [None] * len(ids)
        for begin in range(0, len(order), 16):
            batch = order[begin:begin + 16]
            width = max(len(ids[n]) for n in batch)
            input_ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, n in enumerate(batch):
                input_ids[row, : len(ids[n])] = ids[n]
                mask[row, : len(ids[n])] = 1
            (logits,) = self.session.run(None, {"input_ids": input_ids, "attention_mask": mask})
            for row, n in enumerate(batch):
                encoding, rows = encodings[n], kept[n]
                offsets = tuple(None if encoding.special_tokens_mask[k] else encoding.offsets[k] for k in rows)
                readings[n] = Reading(logits[row, : len(rows)].copy(), offsets)
        return readings


def _within_limit(count: int) -> list[int]:
    """Which word pieces the model reads: all of them, or the first MAX_TOKENS - 1 and the closing one."""
    if count <= MAX_TOKENS:
        return list(range(count))
    return [*range(MAX_TOKENS - 1), count - 1]


@dataclass(frozen=True)
class Reading:
    """A text as the model read it: each word piece's logits, and where each piece is in the text.

    The head is linear on the mean of the word pieces, so the whole text's logits are the
    mean of every row, and a sentence's are the mean of its own pieces' rows: one run of
    the encoder answers for the text and for each sentence in it."""

    logits: np.ndarray  # word pieces × labels, special tokens included
    offsets: tuple  # (start, end) in the text of each row, None for a special token

    def probabilities(self, span: tuple[int, int] | None = None) -> np.ndarray:
        """Per label: the whole text's probability, or that of the word pieces inside ``span``."""
        if span is None:
            rows = self.logits
        else:
            inside = [n for n, at in enumerate(self.offsets) if at is not None and at[0] >= span[0] and at[1] <= span[1]]
            if not inside:
                return np.zeros(self.logits.shape[1], dtype=np.float32)
            rows = self.logits[inside]
        return 1.0 / (1.0 + np.exp(-rows.mean(axis=0)))


_LOADED: dict[str, TextModel] = {}
_LOCK = threading.Lock()


def load(spec: ModelSpec = SCREEN) -> TextModel:
    """The model, loaded on first use and kept for the life of the process."""
    model = _LOADED.get(spec.name)
    if model is None:
        with _LOCK:
            model = _LOADED.get(spec.name)
            if model is None:
                model = _LOADED[spec.name] = TextModel(spec)
    return model
