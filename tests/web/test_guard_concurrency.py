"""Concurrency and crashes against a real server: no acknowledged write is ever lost.

Sixteen people-tabs write at once through `secondchance serve`; then the server is
killed with SIGKILL in the middle of writes. Every write the server answered
"saved" to must be in the database, and SQLite's integrity check must pass.
Bounded to seconds.
"""

import http.client
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

PASSWORD = "a calm long password 42"
pytestmark = pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="runs its own SQLite server")


def _manage(env, *args):
    subprocess.run([sys.executable, "-m", "secondchance", "manage", *args], env=env, check=True, capture_output=True)


def _start(env):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "secondchance", "serve", "--port", str(port), "--threads", "16"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


class Tab:
    """One signed-in browser tab: cookies and the CSRF token, over plain HTTP."""

    def __init__(self, port, username):
        self.port, self.cookies = port, {}
        page = self.request("GET", "/accounts/login/")
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page[1]).group(1)
        status, _ = self.request("POST", "/accounts/login/", {"username": username, "password": PASSWORD})
        assert status == 302
        self.token = self.cookies["csrftoken"]

    def request(self, method, path, form=None):
        from urllib.parse import urlencode

        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        connection.close()
        return response.status, text


def run_together(target, count):
    """Start ``count`` threads on ``target(n)`` and wait for all of them."""
    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@pytest.fixture
def app_env(tmp_path):
    env = {**os.environ, "SECONDCHANCE_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    _manage(env, "migrate", "--verbosity", "0")
    script = ("from django.contrib.auth import get_user_model as g; from secondchance.accounts.models import Profile as P\n"
              f"for n in range(16):\n u = g().objects.create_user(f'tab{{n}}', password={PASSWORD!r}); P.objects.create(owner=u)")
    _manage(env, "shell", "-c", script)
    return env, tmp_path / "secondchance.sqlite3"


def _mood_rows(database, username):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT COUNT(*) FROM journey_moodcheckin j JOIN auth_user u ON u.id = j.owner_id "
                          "WHERE u.username = ?", (username,)).fetchone()[0]


def test_sixteen_tabs_writing_at_once_lose_nothing(app_env):
    env, database = app_env
    server, port = _start(env)
    try:
        tabs = [Tab(port, f"tab{n}") for n in range(16)]
        acknowledged, failures = [0] * 16, []

        def write(n):
            first = tabs[n].request("POST", "/records/breakup/add/", {"date": "2026-01-01", "ended_by": "mutual"})
            if first[0] >= 500:
                failures.append(first[0])
            for i in range(8):
                status, _ = tabs[n].request("POST", "/records/mood/add/", {"mood": str(1 + (i + n) % 5)})
                if status == 302:
                    acknowledged[n] += 1
                elif status >= 500:
                    failures.append(status)

        run_together(write, 16)
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert failures == []
    assert sum(acknowledged) == 16 * 8
    assert [_mood_rows(database, f"tab{n}") for n in range(16)] == acknowledged


def test_a_kill_9_mid_write_loses_no_acknowledged_write(app_env):
    env, database = app_env
    server, port = _start(env)
    tabs = [Tab(port, f"tab{n}") for n in range(4)]
    acknowledged, stop = [0] * 4, threading.Event()

    def write(n):
        while not stop.is_set():
            try:
                status, _ = tabs[n].request("POST", "/records/mood/add/", {"mood": "3"})
            except OSError:
                return
            if status == 302:
                acknowledged[n] += 1

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(2.5)
    os.kill(server.pid, signal.SIGKILL)
    server.wait(timeout=20)
    stop.set()
    for thread in threads:
        thread.join()
    assert sum(acknowledged) > 0
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for n in range(4):
        assert _mood_rows(database, f"tab{n}") >= acknowledged[n]


def test_sixteen_tabs_of_one_person_saving_the_first_breakup_at_once(app_env):
    env, database = app_env
    server, port = _start(env)
    try:
        tabs = [Tab(port, "tab0") for _ in range(16)]
        statuses, start = [], threading.Barrier(16)

        def save(n):
            start.wait()
            form = {"date": f"2026-01-{n + 1:02d}", "ended_by": "mutual"}
            statuses.append(tabs[n].request("POST", "/records/breakup/add/", form)[0])

        run_together(save, 16)
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert sorted(set(statuses)) == [302]
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM journey_breakup").fetchone()[0] == 1


def test_a_double_click_sends_one_journal_entry_twice_at_once_and_saves_it_once(app_env):
    env, database = app_env
    server, port = _start(env)
    try:
        tab = Tab(port, "tab0")
        _, page = tab.request("GET", "/journal/")
        token = re.search(r'name="submission" value="([0-9a-f]{32})"', page).group(1)
        statuses = []
        run_together(lambda n: statuses.append(tab.request("POST", "/records/journal/add/",
                                                           {"text": "One entry, sent twice.", "submission": token})[0]), 4)
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert sorted(statuses) == [302] * 4
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM journey_journalentry").fetchone()[0] == 1
