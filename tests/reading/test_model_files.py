"""The shipped model: verified by its pinned hash, loaded without the network, failing loudly."""

import shutil
import socket
import subprocess
import sys

import pytest

from secondchance.reading import model as model_module
from secondchance.reading import pins
from secondchance.reading import files
from secondchance.reading.files import SCREEN, ModelFileError, data_dir, sha256_of
from secondchance.reading.model import TextModel


def test_every_shipped_file_matches_its_pinned_hash():
    for name in (SCREEN.onnx, SCREEN.config, SCREEN.tokenizer):
        assert sha256_of(data_dir() / name) == pins.SHA256[name]


def test_the_model_file_is_int8_and_small():
    assert (data_dir() / SCREEN.onnx).stat().st_size <= 40 * 1024 * 1024


@pytest.fixture
def copied_model(tmp_path):
    for name in (SCREEN.onnx, SCREEN.config, SCREEN.tokenizer):
        shutil.copyfile(data_dir() / name, tmp_path / name)
    return tmp_path


def test_a_corrupt_model_file_is_refused_naming_the_file(copied_model):
    with (copied_model / SCREEN.onnx).open("r+b") as handle:
        handle.seek(1000)
        handle.write(b"\x00\x01\x02\x03")
    with pytest.raises(ModelFileError, match=r"screen\.int8\.onnx.*corrupt"):
        TextModel(SCREEN, copied_model)


def test_a_file_changed_after_it_was_verified_is_checked_again(copied_model):
    config = copied_model / SCREEN.config
    files.verified(config)
    config.write_text(config.read_text().replace('"crisis": 0.', '"crisis": 0.9'))
    with pytest.raises(ModelFileError, match="screen.json"):
        files.verified(config)


def test_a_missing_model_file_is_refused_naming_the_file(copied_model):
    (copied_model / SCREEN.onnx).unlink()
    with pytest.raises(ModelFileError, match=r"screen\.int8\.onnx.*missing"):
        TextModel(SCREEN, copied_model)


def test_changed_thresholds_are_refused_too(copied_model):
    config = copied_model / SCREEN.config
    config.write_text(config.read_text().replace('"crisis": 0.', '"crisis": 0.9'))
    with pytest.raises(ModelFileError, match="screen.json"):
        TextModel(SCREEN, copied_model)


def test_loading_touches_no_network(monkeypatch, copied_model):
    attempts = []

    def refuse(self, *args, **kwargs):
        attempts.append(args)
        raise OSError("network blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, *a))
    model = TextModel(SCREEN, copied_model)
    assert model.probabilities(["he shoved me into the door"]).shape == (1, len(model.labels))
    assert attempts == []


def test_the_model_is_loaded_once_per_process():
    assert model_module.load() is model_module.load()


def _cli_with_broken_model(tmp_path, verb_args):
    # A copy of the package whose model file is damaged: the command must stop and say which file.
    script = (
        "import sys, secondchance.reading.files as m\n"
        f"m.data_dir = lambda: __import__('pathlib').Path({str(tmp_path)!r})\n"
        "from secondchance.cli import main\n"
        f"sys.exit(main({verb_args!r}))\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)


def test_the_cli_stops_with_a_clear_message_when_the_model_is_corrupt(copied_model):
    (copied_model / SCREEN.onnx).write_bytes(b"not a model")
    done = _cli_with_broken_model(copied_model, ["screen", "hi"])
    assert done.returncode == 1
    assert "screen.int8.onnx" in done.stderr and "corrupt" in done.stderr
    assert done.stdout == ""


def test_serve_refuses_to_start_without_its_model(copied_model):
    (copied_model / SCREEN.onnx).unlink()
    done = _cli_with_broken_model(copied_model, ["serve", "--port", "8799"])
    assert done.returncode == 1
    assert "screen.int8.onnx" in done.stderr
