"""Signed-in pages under the real server, against a floor, and how they grow with a person's history.

Run: .venv/bin/python -m bench.pages   (or `make bench`)
Targets (issue "Fast pages at any history size"):
- Today, Journal, Program map and the live check each reach at least 50% of the signed-in floor
  (throughput, and server CPU per request) at 4 connections, with no socket errors at 16;
- each costs at most 1.3x at 10,000 rows what it costs at 10 (CPU time and queries);
- the export of 10,000 rows of each kind takes at most 1.5 s of CPU and raises memory by at most 30 MB;
- `serve` answers its first request within 2x a bare Django project under the same server;
  `secondchance check-message "hi"` and `secondchance screen "hi"` finish in at most 1.5 s.
Every figure here comes from one run, side by side: on a shared machine only ratios travel.
"""

import datetime as dt
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc

sys.path.insert(0, ".")
os.environ["SECONDCHANCE_DATA_DIR"] = tempfile.mkdtemp(prefix="secondchance-bench-")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.report import write_section  # noqa: E402
from secondchance.accounts.models import Profile  # noqa: E402
from secondchance.journey import models as m  # noqa: E402
from secondchance.journey.plan_cache import bump  # noqa: E402
from tests.program.answers import READY  # noqa: E402

DRAFT = "Hey, I saw a dog just like Biscuit today and thought of you. Hope work is going well. No need to reply."
PAGES = {
    "Today": ("GET", "/", None),
    "Journal": ("GET", "/journal/", None),
    "Program map": ("GET", "/program/", None),
    "Live check": ("POST", "/coach/check/", {"text": DRAFT, "kind": "outreach"}),
}
SIZES = (10, 100, 1_000, 10_000)
AFTER_A_WRITE = "Today, just after a write"
CONNECTIONS = (1, 4, 16)
SECONDS_PER_RUN = 3.0
PYTHON = sys.executable
BIN = os.path.dirname(PYTHON)


def make_person(username: str, rows: int):
    """Someone 60 days past a breakup, with ``rows`` journal entries, mood check-ins and slips."""
    user = get_user_model().objects.create_user(username, password="a calm long password 42")
    Profile.objects.create(owner=user, country="GB", time_zone="Europe/London")
    today = timezone.localdate()
    m.Assessment.objects.create(owner=user, answers=READY, outcome="proceed", completed_at=timezone.now(),
                                completed_on=today - dt.timedelta(days=59))
    m.Breakup.objects.create(owner=user, date=today - dt.timedelta(days=60), ended_by="mutual")
    m.JournalEntry.objects.bulk_create(m.JournalEntry(owner=user, text=f"Entry {n}: a quiet day, a long walk.") for n in range(rows))
    m.MoodCheckIn.objects.bulk_create(m.MoodCheckIn(owner=user, mood=1 + n % 5) for n in range(rows))
    m.Slip.objects.bulk_create(
        m.Slip(owner=user, date=today - dt.timedelta(days=60 - n * 59 // max(rows, 1)), what="Looked at their page")
        for n in range(rows))
    bump(user.pk)
    return user


def send(client: Client, page: str):
    method, url, data = PAGES[page]
    response = client.post(url, data) if method == "POST" else client.get(url)
    assert response.status_code == 200, (page, response.status_code)
    return response


def growth() -> dict:
    """CPU ms and queries per request for each page, in-process, at each history size (plan kept warm)."""
    table = {}
    for rows in SIZES:
        user = make_person(f"growth{rows}", rows)
        client = Client()
        client.force_login(user)
        for page in PAGES:
            for _ in range(3):
                send(client, page)
            timings = []
            for _ in range(25):
                started = time.process_time()
                send(client, page)
                timings.append((time.process_time() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                send(client, page)
            table[(page, rows)] = (statistics.median(timings), len(queries))
        table[(AFTER_A_WRITE, rows)] = today_after_a_write(client, user)
    return table


def today_after_a_write(client: Client, user) -> tuple[float, int]:
    """Today's CPU ms (median of 9) and queries when a write has just moved the stamp: the plan is computed afresh."""
    timings = []
    for _ in range(9):
        bump(user.pk)
        started = time.process_time()
        send(client, "Today")
        timings.append((time.process_time() - started) * 1000)
    bump(user.pk)
    with CaptureQueriesContext(connection) as queries:
        send(client, "Today")
    return statistics.median(timings), len(queries)


def export_cost() -> tuple[float, float, int]:
    """CPU seconds and memory raised (MB) by streaming the export of 10,000 rows of each kind."""
    user = make_person("exporter", 10_000)
    client = Client()
    client.force_login(user)
    started = time.process_time()
    size = sum(len(chunk) for chunk in client.get("/accounts/export/").streaming_content)
    cpu = time.process_time() - started
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    for _ in client.get("/accounts/export/").streaming_content:
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return cpu, (peak - base) / 2**20, size


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, path: str = "/accounts/login/", timeout: float = 60) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"nothing answered on port {port}")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(port: int, pid: int, method: str, url: str, body: bytes | None, headers: dict, connections: int) -> dict:
    """Each connection sends requests back to back (keep-alive) for a few seconds."""
    latencies, errors, stop = [], [0], threading.Event()

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while not stop.is_set():
            started = time.perf_counter()
            try:
                conn.request(method, url, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    raise OSError(response.status)
                latencies.append(time.perf_counter() - started)
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    cpu_before, started = cpu_seconds(pid), time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(SECONDS_PER_RUN)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed, cpu = time.perf_counter() - started, cpu_seconds(pid) - cpu_before
    done = max(len(latencies), 1)
    ordered = sorted(latencies) or [0.0]
    return {"rps": len(latencies) / elapsed, "cpu_ms": cpu * 1000 / done, "errors": errors[0],
            "p50": ordered[len(ordered) // 2] * 1000, "p99": ordered[int(len(ordered) * 0.99) - 1 if len(ordered) > 1 else 0] * 1000}


def under_the_server() -> dict:
    """Each page and the floor at 1, 4 and 16 connections, side by side, for one signed-in person."""
    user = make_person("server", 1_000)
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    port = free_port()
    server = subprocess.Popen([PYTHON, "-m", "bench.serve_floor", str(port)], env=os.environ.copy())
    try:
        wait_for(port)
        csrf = "b" * 32
        headers = {"Cookie": f"sessionid={session}; csrftoken={csrf}", "X-CSRFToken": csrf,
                   "Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{port}/coach/",
                   "Host": f"127.0.0.1:{port}"}
        targets = {"Floor": ("GET", "/bench-floor/", None)} | {
            page: (method, url, "&".join(f"{k}={v.replace(' ', '+')}" for k, v in data.items()).encode() if data else None)
            for page, (method, url, data) in PAGES.items()}
        results = {}
        for connections in CONNECTIONS:
            for name, (method, url, body) in targets.items():
                load(port, server.pid, method, url, body, headers, connections=1)  # warm: plan kept, model read
                results[(name, connections)] = load(port, server.pid, method, url, body, headers, connections)
        return results
    finally:
        server.terminate()
        server.wait()


def new_django_project() -> str:
    """A project as `django-admin startproject` makes it (its default apps and middleware), migrated."""
    folder = tempfile.mkdtemp(prefix="secondchance-bench-project-")
    subprocess.run([os.path.join(BIN, "django-admin"), "startproject", "benchproject", folder], check=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=folder, env=_without_our_settings(), check=True)
    return folder


def _without_our_settings() -> dict:
    return {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}


def start_up() -> tuple[float, float, float]:
    """Seconds to the first 200 after start (median of 3): `secondchance serve` on a migrated database,
    a one-view Django site with no apps, and a new `startproject` project, all under waitress."""
    project = new_django_project()
    env = _without_our_settings()
    commands = (  # (the command for a port, the page to ask for, the folder to run in)
        (lambda port: [os.path.join(BIN, "secondchance"), "serve", "--port", str(port)], "/accounts/login/", None),
        (lambda port: [PYTHON, "-m", "bench.bare_site", str(port)], "/", None),
        (lambda port: [PYTHON, "-m", "waitress", "--threads=8", f"--port={port}", "benchproject.wsgi:application"],
         "/admin/login/", project),
    )
    times = [[] for _ in commands]
    for _ in range(3):
        for (command, url, folder), taken in zip(commands, times):
            port = free_port()
            started = time.perf_counter()
            process = subprocess.Popen(command(port), env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wait_for(port, url)
                taken.append(time.perf_counter() - started)
            finally:
                process.terminate()
                process.wait()
    return tuple(statistics.median(taken) for taken in times)


def cli_seconds(*args: str) -> float:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([os.path.join(BIN, "secondchance"), *args], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def report(growth_table, export, server, startup, cli) -> str:
    lines = ["Under the real server (waitress, 8 threads), a person with 1,000 rows of each kind, each page against "
             "the signed-in floor (session, user, a 1 KB page) in the same run; "
             f"{SECONDS_PER_RUN:.0f} s per measurement. Share of the floor: its requests/s, and its CPU per request "
             "(floor's CPU ms / page's CPU ms).", "",
             "| page | connections | requests/s | p50 ms | p99 ms | server CPU ms/request | errors | share of floor (throughput) | share of floor (CPU) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for connections in CONNECTIONS:
        floor = server[("Floor", connections)]
        for name in ("Floor", *PAGES):
            r = server[(name, connections)]
            lines.append(f"| {name} | {connections} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['cpu_ms']:.2f} | "
                         f"{r['errors']} | {r['rps'] / floor['rps']:.0%} | {floor['cpu_ms'] / r['cpu_ms']:.0%} |")
    lines += ["", "Growth, in-process (Django's test client, plan kept as in use): median CPU ms per request (25 requests) "
              "and queries, by rows of each kind (journal entries, mood check-ins, slips). The last row is the one "
              "request after each write that computes the plan afresh from the person's rows.", "",
              "| page | " + " | ".join(f"{n:,} rows" for n in SIZES) + " | 10,000 / 10 (CPU) | queries at 10 / 10,000 |",
              "| --- |" + " ---: |" * (len(SIZES) + 2)]
    for page in (*PAGES, AFTER_A_WRITE):
        cells = " | ".join(f"{growth_table[(page, n)][0]:.1f}" for n in SIZES)
        ratio = growth_table[(page, SIZES[-1])][0] / growth_table[(page, SIZES[0])][0]
        lines.append(f"| {page} | {cells} | {ratio:.2f}x | {growth_table[(page, SIZES[0])][1]} / {growth_table[(page, SIZES[-1])][1]} |")
    cpu, memory, size = export
    ours, bare, project = startup
    lines += ["", f"Export of 10,000 rows of each kind ({size / 2**20:.1f} MB of JSON, streamed): {cpu:.2f} s of CPU, "
              f"memory raised by {memory:.1f} MB at its peak (target: 1.5 s, 30 MB).", "",
              f"Start-up to the first 200 (median of 3, databases migrated, all under waitress): `secondchance serve` "
              f"{ours:.2f} s; a new project as `django-admin startproject` makes it (default apps and middleware) "
              f"{project:.2f} s: {ours / project:.1f}x; a one-view site with no apps or middleware {bare:.2f} s: "
              f"{ours / bare:.1f}x (target 2x a bare Django project).", "",
              f"Command line (median of 5, wall): `secondchance check-message \"hi\"` {cli['check-message']:.2f} s, "
              f"`secondchance screen \"hi\"` {cli['screen']:.2f} s (target 1.5 s)."]
    return "\n".join(lines)


def main() -> int:
    call_command("migrate", verbosity=0)
    server = under_the_server()
    print({key: {k: round(v, 2) for k, v in value.items()} for key, value in server.items()}, flush=True)
    growth_table = growth()
    export = export_cost()
    startup = start_up()
    cli = {"check-message": cli_seconds("check-message", "hi"), "screen": cli_seconds("screen", "hi")}
    body = report(growth_table, export, server, startup, cli)
    print(body)
    write_section("pages", "Pages, growth, export and start-up (`bench/pages.py`)", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
