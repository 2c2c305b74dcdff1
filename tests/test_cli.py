import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_python_m_secondchance_lists_its_commands():
    result = subprocess.run([sys.executable, "-m", "secondchance", "--help"], capture_output=True, text=True, check=True)
    assert "serve" in result.stdout


def test_serve_migrates_a_fresh_data_folder_and_answers_on_the_port(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SECONDCHANCE_DATA_DIR"] = str(tmp_path / "data")
    server = subprocess.Popen(
        [sys.executable, "-m", "secondchance", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/signup/", timeout=5) as response:
                    assert response.status == 200
                    assert response.headers["Server"] == "secondchance"  # waitress, not runserver
                    body = response.read().decode()
            except OSError:
                assert server.poll() is None, server.stdout.read()
                time.sleep(0.3)
        assert body is not None and "Create your private account" in body
        assert (tmp_path / "data" / "secondchance.sqlite3").exists()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/secondchance/app.css", timeout=5) as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.django_db
def test_serve_prepares_the_readers_once_after_the_first_page(client, monkeypatch):
    from secondchance import cli
    from secondchance.program import coach, screening

    loaded = threading.Event()
    calls = []

    def load():
        calls.append(1)
        loaded.set()

    cli._get_ready_after_the_first_page(load)
    assert not calls  # nothing is prepared before a page has gone out
    client.get("/accounts/login/")
    client.get("/accounts/login/")
    assert loaded.wait(30)
    assert calls == [1]
    assert screening.book.cache_info().currsize == 1 and coach.book.cache_info().currsize == 1
