"""The ``secondchance`` command."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import threading
import webbrowser
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secondchance.web.settings")
    import django

    django.setup()


def _can_open_browser() -> bool:
    # Without a desktop, webbrowser may take over the terminal with a text browser.
    return sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def serve(args: argparse.Namespace) -> int:
    from concurrent.futures import ThreadPoolExecutor

    from secondchance.reading.files import check_files

    # A server that could not screen what people write must not start. Hashing the model's
    # files runs beside Django's start-up (hashlib leaves the other core free to work).
    with ThreadPoolExecutor(max_workers=1) as checker:
        checked = checker.submit(check_files)
        _setup_django()
        from django.conf import settings
        from django.core.management import call_command
        from waitress import serve as waitress_serve

        from secondchance.web.wsgi import application

        _migrate_if_needed(call_command)
        checked.result()
    # The model itself is read once the first page has gone out.
    _get_ready_after_the_first_page(_load_the_screen)
    url = f"http://{args.host}:{args.port}/"
    where = settings.DATABASES["default"]["NAME"]
    print(f"Second Chance is running at {url}  (data: {where}; press Ctrl+C to stop)", flush=True)
    if args.open and _can_open_browser():
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    waitress_serve(application, host=args.host, port=args.port, threads=args.threads, ident="secondchance", _quiet=True,
                   **proxy_options(os.environ.get("SECONDCHANCE_TRUSTED_PROXY", "")))
    return 0


def _migrate_if_needed(call_command) -> None:
    """Migrate only when a migration is waiting: an up-to-date database starts at once."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def _load_the_screen() -> None:
    from secondchance.reading.model import load  # brings numpy and onnxruntime: not before it is needed

    load()


def _get_ready_after_the_first_page(load_model) -> None:
    """Prepare the readers once the first page has gone out, so it does not wait behind them."""
    from django.core.signals import request_finished

    once = threading.Lock()

    def start(**kwargs):
        if not once.acquire(blocking=False):  # pages finishing together start it once
            return
        request_finished.disconnect(dispatch_uid="get-ready-to-read")
        threading.Thread(target=_get_ready_to_read, args=(load_model,), name="load-screen-model", daemon=True).start()

    request_finished.connect(start, dispatch_uid="get-ready-to-read", weak=False)


def _get_ready_to_read(load_model) -> None:
    """Everything that reads what people write, made ready while the first pages are served."""
    from secondchance.program import coach, screening

    screening.book()
    coach.book()
    load_model()


def proxy_options(trusted: str) -> dict:
    """waitress settings for a reverse proxy we trust (its address): take the client's address and https from it.

    Without them waitress drops X-Forwarded-Proto, so every request looks like plain http and hosted
    mode redirects to https forever; and every person's address is the proxy's.
    """
    if not trusted.strip():
        return {}
    return {
        "trusted_proxy": trusted.strip(),
        "trusted_proxy_count": 1,
        "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
        "clear_untrusted_proxy_headers": True,
    }


def plan(args: argparse.Namespace) -> int:
    """Print the plan for a journey snapshot as JSON; bad input exits 2 with one line naming the field."""
    from secondchance.program.journey_json import load_journey, plan_to_dict
    from secondchance.program.plan import build_plan
    from secondchance.program.snapshot import SnapshotError

    try:
        today = dt.date.fromisoformat(args.today)
    except ValueError:
        return _usage_error(f"--today: {args.today!r} is not a date written YYYY-MM-DD")
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return _usage_error(f"{args.file}: cannot read it ({error})")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return _usage_error(f"{args.file}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})")
    try:
        journey = load_journey(data)
    except SnapshotError as error:
        return _usage_error(str(error))
    print(json.dumps(plan_to_dict(build_plan(journey, today)), indent=2, ensure_ascii=False))
    return 0


def _usage_error(message: str) -> int:
    print(f"secondchance: {message}", file=sys.stderr)
    return 2


def screen(args: argparse.Namespace) -> int:
    """Screen text for red flags and crisis language; --jsonl screens one text per input line."""
    from secondchance.program.screening import screen as screen_text

    if args.jsonl:
        for line in sys.stdin:
            text = line.rstrip("\n")
            print(json.dumps(_screening_to_dict(screen_text(text)) if text.strip() else _EMPTY_SCREENING, ensure_ascii=False), flush=True)
        return 0
    text, problem = _read_text_argument(args.text, "screen")
    if problem:
        return _usage_error(problem)
    result = screen_text(text)
    if args.json:
        print(json.dumps(_screening_to_dict(result), ensure_ascii=False))
        return 0
    if result.crisis:
        print("Crisis language found. Please talk to someone now: see the crisis lines on the Safety page.")
    for flag in result.red_flags:
        print(f"{flag.category}: \"{flag.text}\" (characters {flag.start}-{flag.end}, found by the {flag.source})")
    if result.route == "none":
        print("No red flags found.")
    return 0


_EMPTY_SCREENING = {"red_flags": [], "crisis": False, "crisis_findings": [], "route": "none"}


def _screening_to_dict(result) -> dict:
    return {
        "red_flags": [
            {"category": f.category, "start": f.start, "end": f.end, "sentence": list(f.sentence or (f.start, f.end)),
             "source": f.source}
            for f in result.red_flags
        ],
        "crisis": result.crisis,
        "crisis_findings": [{"start": s, "end": e, "source": source} for s, e, source in result.crisis_sources],
        "route": result.route,
    }


def check_message_command(args: argparse.Namespace) -> int:
    """Check a draft to the ex: a readable report, or JSON."""
    from secondchance.program.coach import CoachInputError, check_message, parse_time

    text, problem = _read_text_argument(args.text, "check")
    if problem:
        return _usage_error(problem)
    try:
        report = check_message(text, args.kind, parse_time(args.time), args.unanswered)
    except CoachInputError as error:
        return _usage_error(str(error))
    if args.json:
        print(json.dumps(_report_to_dict(report), ensure_ascii=False))
    else:
        print(_report_to_text(text, report))
    return 0


def _report_to_dict(report) -> dict:
    data = {
        "kind": report.kind,
        "kind_guessed": report.kind_guessed,
        "verdict": report.verdict,
        "score": report.score,
        "findings": [
            {"code": f.code, "severity": f.severity.value, "start": f.start, "end": f.end,
             "message": f.message, "suggestion": f.suggestion, "example": f.example}
            for f in report.findings
        ],
    }
    if report.apology_parts is not None:
        data["apology_parts"] = dict(report.apology_parts)
    return data


_VERDICT_WORDS = {
    "send": "Looks kind and clear. It's yours to send, or not.",
    "revise": "Worth another look before you send it.",
    "dont_send": "Please don't send this.",
}


def _report_to_text(text: str, report) -> str:
    guessed = " (guessed from the words)" if report.kind_guessed else ""
    lines = [f"Kind: {report.kind}{guessed}", f"Verdict: {report.verdict} ({report.score}/100). {_VERDICT_WORDS[report.verdict]}"]
    for f in report.findings:
        where = f' "{text[f.start:f.end]}"' if f.start is not None else ""
        example = f' You could write: "{f.example}"' if f.example else ""
        lines.append(f"- [{f.severity.value}] {f.code}{where}: {f.message} {f.suggestion}{example}")
    if report.apology_parts is not None:
        parts = ", ".join(f"{part} {'yes' if present else 'missing'}" for part, present in report.apology_parts.items())
        lines.append(f"Apology parts: {parts}")
    return "\n".join(lines)


def _read_text_argument(value: str | None, verb: str) -> tuple[str, str]:
    """The text from the argument or standard input, or a message saying what is wrong with it."""
    if value is None:
        return "", f"give the text to {verb} as an argument, or - to read standard input"
    if value == "-":
        try:
            value = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError:
            return "", "the input is not UTF-8 text"
    if "\x00" in value:
        return "", "the input is not text"
    if not value.strip():
        return "", f"there is no text to {verb}"
    return value, ""


def manage(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["secondchance manage", *args.rest])
    return 0


def worker(args: argparse.Namespace) -> int:
    """The background worker that sends the daily e-mails (hosted mode): run it beside `serve`."""
    _setup_django()
    from django.core.management import call_command

    call_command("db_worker", *(["--batch"] if args.batch else []))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="secondchance", description="Second Chance: a calm guide after a breakup.")
    commands = parser.add_subparsers(dest="command", required=True)

    serve_cmd = commands.add_parser("serve", help="apply migrations, then serve the app")
    serve_cmd.add_argument("--host", default=os.environ.get("SECONDCHANCE_HOST", DEFAULT_HOST))
    serve_cmd.add_argument("--port", type=int, default=int(os.environ.get("SECONDCHANCE_PORT", DEFAULT_PORT)))
    serve_cmd.add_argument("--threads", type=int, default=8)
    serve_cmd.add_argument("--open", action="store_true", help="open the app in your browser once it is up")
    serve_cmd.set_defaults(func=serve)

    plan_cmd = commands.add_parser("plan", help="print the plan for a journey snapshot (JSON) as JSON")
    plan_cmd.add_argument("--today", required=True, help="the date to plan for, YYYY-MM-DD")
    plan_cmd.add_argument("file", help="the snapshot file, or - to read standard input")
    plan_cmd.set_defaults(func=plan)

    coach_cmd = commands.add_parser("check-message", help="check a draft message to your ex before you send it")
    coach_cmd.add_argument("--kind", default="auto", choices=["auto", "outreach", "reply", "apology", "opening"])
    coach_cmd.add_argument("--time", help="when you'd send it, HH:MM in your time zone")
    coach_cmd.add_argument("--unanswered", type=int, default=0, help="messages you sent that got no reply")
    coach_cmd.add_argument("--json", action="store_true", help="print the report as JSON")
    coach_cmd.add_argument("text", nargs="?", help="the draft, or - to read standard input")
    coach_cmd.set_defaults(func=check_message_command)

    screen_cmd = commands.add_parser("screen", help="screen text for red flags and crisis language")
    screen_cmd.add_argument("--json", action="store_true", help="print the result as JSON")
    screen_cmd.add_argument("--jsonl", action="store_true", help="read one text per line on standard input, print one JSON object per line")
    screen_cmd.add_argument("text", nargs="?", help="the text, or - to read standard input")
    screen_cmd.set_defaults(func=screen)

    worker_cmd = commands.add_parser("worker", help="run the background worker that sends the daily e-mails")
    worker_cmd.add_argument("--batch", action="store_true", help="send what is due now, then stop")
    worker_cmd.set_defaults(func=worker)

    manage_cmd = commands.add_parser("manage", help="run a Django management command", add_help=False)
    manage_cmd.add_argument("rest", nargs=argparse.REMAINDER)
    manage_cmd.set_defaults(func=manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    from secondchance.reading.files import ModelFileError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ModelFileError as error:
        print(f"secondchance: cannot read text without its model: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
