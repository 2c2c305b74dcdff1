"""Loading a shipped text model and running it: files verified by pinned hashes, loaded once per process.

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
from importlib import resources
from pathlib import Path

import numpy as np

from . import pins


class ModelFileError(RuntimeError):
    """A model file is missing, unreadable or not the one this release was built with."""


@dataclass(frozen=True)
class ModelSpec:
    """Where a model's files are and what they must hash to."""

    name: str
    onnx: str
    config: str
    tokenizer: str = "tokenizer.json"


SCREEN = ModelSpec("screen", "screen.int8.onnx", "screen.json")
COACH = ModelSpec("coach", "coach.int8.onnx", "coach.json")
# Longest piece of text the model reads at once, in word pieces (as in training).
MAX_TOKENS = 256
# How many recently read pieces keep their answer.
RECENT_PIECES = 2048


def data_dir() -> Path:
    return Path(str(resources.files(__package__).joinpath("data")))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified(path: Path) -> Path:
    """The path, once its bytes match the pinned hash; otherwise a ModelFileError naming it."""
    expected = pins.SHA256.get(path.name)
    if expected is None:
        raise ModelFileError(f"{path}: no pinned sha256 for this file in secondchance/reading/pins.py")
    try:
        actual = sha256_of(path)
    except OSError as error:
        raise ModelFileError(f"{path}: the model file is missing or unreadable ({error.strerror or error}). "
                             "Reinstall Second Chance, or run `make train-screen` to build it.") from error
    if actual != expected:
        raise ModelFileError(f"{path}: the model file is corrupt or not the one this release was built with "
                             f"(sha256 {actual[:12]}…, expected {expected[:12]}…). Reinstall Second Chance.")
    return path


class TextModel:
    """A sequence classifier: texts in, one probability per label out."""

    def __init__(self, spec: ModelSpec, directory: Path | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        directory = directory or data_dir()
        self.spec = spec
        config = json.loads(verified(directory / spec.config).read_text(encoding="utf-8"))
        self.labels: tuple[str, ...] = tuple(config["labels"])
        self.thresholds: dict[str, float] = {k: float(v) for k, v in config["thresholds"].items()}
        self.tokenizer = Tokenizer.from_file(str(verified(directory / spec.tokenizer)))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        options = onnxruntime.SessionOptions()
        # One thread per request: the server runs several requests at once.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # Live checks read the same sentences again as a person types; only a digest of each
        # piece is kept (never its words), with the probabilities it was given.
        self._recent: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._recent_lock = threading.Lock()
        self.session = onnxruntime.InferenceSession(
            str(verified(directory / spec.onnx)), options, providers=["CPUExecutionProvider"]
        )

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        """Character span of every word piece of ``text`` (no special tokens)."""
        return [span for span in self.tokenizer.encode(text, add_special_tokens=False).offsets]

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """One row per text, one column per label. Pieces read lately are not read again."""
        keys = [hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest() for text in texts]
        result = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        with self._recent_lock:
            known = {n: self._recent.get(key) for n, key in enumerate(keys)}
        missing = [n for n, row in known.items() if row is None]
        fresh = self._run([texts[n] for n in missing])
        with self._recent_lock:
            for n, row in known.items():
                if row is not None:
                    result[n] = row
                    self._recent.move_to_end(keys[n])
            for n, row in zip(missing, fresh):
                result[n] = row
                self._recent[keys[n]] = row
            while len(self._recent) > RECENT_PIECES:
                self._recent.popitem(last=False)
        return result

    def forget_recent(self) -> None:
        """Read every piece afresh from now on (for measuring a first reading)."""
        with self._recent_lock:
            self._recent.clear()

    def _run(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(texts)
        ids = [e.ids[: MAX_TOKENS - 1] + ([e.ids[-1]] if len(e.ids) > MAX_TOKENS else []) for e in encodings]
        # Similar lengths together: less padding to run through the encoder.
        order = sorted(range(len(ids)), key=lambda n: len(ids[n]))
        result = np.zeros((len(ids), len(self.labels)), dtype=np.float32)
        for begin in range(0, len(order), 16):
            batch = order[begin:begin + 16]
            width = max(len(ids[n]) for n in batch)
            input_ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, n in enumerate(batch):
                input_ids[row, : len(ids[n])] = ids[n]
                mask[row, : len(ids[n])] = 1
            (probs,) = self.session.run(None, {"input_ids": input_ids, "attention_mask": mask})
            result[batch] = probs
        return result


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
