"""The shipped models' files: where they are and whether they are the ones pinned.

Kept apart from the model's reader (which brings numpy and onnxruntime) so that
`serve` can check the files while it starts, without loading either.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

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


def data_dir() -> Path:
    return Path(str(resources.files(__package__).joinpath("data")))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# Files already found to match their pin in this process, by path, size and modification time:
# start-up checks the files and the loader would otherwise read all 23 MB again.
_VERIFIED: set[tuple[str, int, int]] = set()


def verified(path: Path) -> Path:
    """The path, once its bytes match the pinned hash; otherwise a ModelFileError naming it."""
    try:
        stat = path.stat()
        seen = (str(path), stat.st_size, stat.st_mtime_ns)
    except OSError:
        seen = None
    if seen in _VERIFIED:
        return path
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
    if seen is not None:
        _VERIFIED.add(seen)
    return path


def check_files(spec: ModelSpec = SCREEN) -> None:
    """ModelFileError unless every file of the model is present and the one pinned (fast: no session is made)."""
    for name in (spec.onnx, spec.config, spec.tokenizer):
        verified(data_dir() / name)
