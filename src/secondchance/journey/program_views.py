"""Pages of the program: each records what the person does and shows what the core decides."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from secondchance.accounts.models import Profile
from secondchance.program.daily import PROMPT_BY_ID, prompts_for
from secondchance.program.helplines import helplines_for
from secondchance.program.interest import SIGNAL_LABELS
from secondchance.program.ladder import RUNG_ADVICE, RUNG_LABELS, RUNGS
from secondchance.program.plan import STAGE_ORDER
from secondchance.program.screening import screen
from secondchance.program.stages import STAGE_BY_ID, STAGES
from secondchance.program.urge_patterns import Moment, urge_patterns

from . import models as m
from . import forms as f
from . import readable
from .clock import today_for
from .plan_cache import kept, plan_for
from .records import RECORD_KINDS, STAGE_RECORDS

RECENT = 20


# Stages whose pages you can use before their turn: they ask nothing of the ex.
OPEN_WHILE_APART = ("understand", "no_contact", "self_work")


def stage_states(plan):
    """Each stage as done, current, ahead or locked, for the program map."""
    done = {d.stage: d.reason for d in plan.stages_done}
    states = []
    for stage in STAGES:
        if stage.id in done:
            state, why = "done", done[stage.id]
        elif stage.id == plan.stage:
            state, why = "current", plan.stage_reason
        elif stage.id in ("move_on", "safety"):
            state, why = "open", "Open to you at any time."
        elif plan.stage in ("safety", "move_on"):
            state, why = "locked", plan.stage_reason
        elif stage.id in OPEN_WHILE_APART:
            state, why = "open", "Open to you now: its pages work while you wait for the steps before it."
        else:
            state, why = "ahead", "Opens when the stages before it are done."
        states.append({"stage": stage, "state": state, "why": why})
    return states


def _owned_recent(kind, user):
    rows = kind.model.objects.owned_by(user)
    order = "-date" if kind.dated else "-pk"
    if kind.model is m.GoalCheckIn:
        rows = rows.select_related("goal")
    return rows.order_by(order, "-pk")[:RECENT]


def _blank_form(kind, user, profile, today):
    if kind.singleton:
        return kind.form(instance=_singleton_instance(kind, user, profile), **_form_kwargs(kind, user, today))
    initial = {"date": today} if kind.dated else {}
    return kind.form(initial=initial, **_form_kwargs(kind, user, today))


def _form_kwargs(kind, user, today, plan=None):
    # Several forms share a page: ids carry the kind so labels point at the right field.
    kwargs = {"auto_id": f"{kind.slug}-%s"}
    if issubclass(kind.form, f.BoundedDateForm):
        kwargs["today"] = today
    if kind.model is m.GoalCheckIn:
        kwargs["owner"] = user
    if kind.model is m.Contact and plan is not None:
        kwargs["current_rung"] = plan.ladder.current
    return kwargs


def render_stage(request, stage_id, bound=None, crisis=False, status=200):
    """The stage page, with a bound form in place of its blank one when it failed to save."""
    plan, profile, today = plan_for(request.user)
    sections = []
    for slug in STAGE_RECORDS.get(stage_id, ()):
        kind = RECORD_KINDS[slug]
        if lock_reason(slug, plan):
            continue
        form = bound[1] if bound and bound[0] == slug else _blank_form(kind, request.user, profile, today)
        entries = None if kind.singleton else _owned_recent(kind, request.user)
        sections.append({"kind": kind, "form": form, "entries": entries})
    sections, parts = _one_part(request, stage_id, sections, bound)
    context = {
        "parts": parts,
        "plan": plan,
        "stage": STAGE_BY_ID[stage_id],
        "state": next(s for s in stage_states(plan) if s["stage"].id == stage_id),
        "sections": sections,
        "today": today,
        "crisis": crisis,
        "helplines": helplines_for(profile.country),
        "rung_labels": RUNG_LABELS,
        "rung_advice": RUNG_ADVICE[plan.ladder.current],
        "rungs": RUNGS,
        "signal_labels": SIGNAL_LABELS,
        "trial_series": _trial_series(plan),
    }
    return render(request, f"journey/stages/{stage_id}.html", context, status=status)


def _trial_series(plan):
    """The trial chart's data: one line per criterion over the check-in dates."""
    if plan.trial is None:
        return None
    dates = sorted({d.isoformat() for t in plan.trial.trends for d, _ in t.scores})
    return {
        "labels": dates,
        "series": [
            {"label": t.label, "values": [dict((d.isoformat(), s) for d, s in t.scores).get(day) for day in dates]}
            for t in plan.trial.trends
        ],
        "min": 1,
        "max": 5,
    }


@login_required
def stage_page(request, stage_id):
    if stage_id not in STAGE_RECORDS and stage_id != "readiness":
        raise Http404("No such stage")
    if stage_id == "readiness":
        return redirect("check_start")
    return render_stage(request, stage_id)


@login_required
def program_map(request):
    plan, _, _ = plan_for(request.user)
    return render(request, "journey/program.html", {"plan": plan, "states": stage_states(plan), "order": STAGE_ORDER})


def _record_red_flags(user, today, kind, form):
    """Screen what was written; a red flag is recorded as an event and leads to the safety page."""
    text = form.screened_text() if hasattr(form, "screened_text") else ""
    if not text.strip():
        return None
    result = screen(text)
    for flag in result.red_flags:
        m.Event.objects.create(
            owner=user, date=today, kind="red_flag", note=flag.category, detail=f"“{flag.text}” in {kind.label.lower()}"[:200],
            detected=True,
        )
    return result


class AlreadySaved(Exception):
    """This showing of the form was saved before (a double click, a resend)."""


def _claim_submission(user, token: str) -> None:
    """Note that this showing of a form is being saved; AlreadySaved if it was, earlier."""
    if not token:
        return  # a form without the field (an old page still open) saves as before
    m.Submission.objects.owned_by(user).filter(created_at__lt=timezone.now() - SUBMISSIONS_KEPT).delete()
    try:
        with transaction.atomic():
            m.Submission.objects.create(owner=user, token=token[:32])
    except IntegrityError:
        raise AlreadySaved from None


SUBMISSIONS_KEPT = dt.timedelta(days=1)


def _save_record(request, kind, form, today):
    with transaction.atomic():
        _claim_submission(request.user, request.POST.get("submission", ""))
        record = form.save(commit=False)
        if kind.model is not Profile:
            record.owner = request.user
        if "date" not in form.fields and hasattr(record, "date"):
            record.date = today
        record.save()
        form.save_m2m()
        screening = _record_red_flags(request.user, today, kind, form)
    return record, screening


def _after_save(request, kind, screening):
    if screening is not None and screening.crisis:
        # Same response, crisis lines first; what they wrote is already saved, and they should know it.
        messages.success(request, "Saved.")
        return render_stage(request, kind.stage, crisis=True) if kind.stage in STAGE_RECORDS else _journal_page(request, crisis=True)
    if screening is not None and screening.red_flags:
        messages.warning(request, "Saved. Some of what you wrote sounds unsafe, so we've brought you to the safety page.")
        if request.headers.get("HX-Request"):
            # A whole new page, not a swap: the safety page must be the page they are on.
            response = HttpResponse(status=204)
            response["HX-Redirect"] = reverse("safety")
            return response
        return redirect("safety")
    messages.success(request, "Saved.")
    return redirect(_return_url(kind))


def _return_url(kind):
    if kind.stage == "journal":
        return reverse("journal")
    if kind.stage == "today":
        return reverse("today")
    url = reverse("stage", kwargs={"stage_id": kind.stage})
    return f"{url}?part={kind.slug}" if kind.stage in ONE_PART_AT_A_TIME else url


# Long stages shown one part at a time: all of Understand at once was five phone screens tall.
ONE_PART_AT_A_TIME = ("understand",)


def _one_part(request, stage_id, sections, bound):
    """(the sections to show, the part nav): the part asked for, or the one with an error, or the first."""
    if stage_id not in ONE_PART_AT_A_TIME or not sections:
        return sections, None
    slugs = [section["kind"].slug for section in sections]
    wanted = bound[0] if bound else request.GET.get("part")
    current = slugs.index(wanted) if wanted in slugs else 0
    nav = {
        "parts": [(n + 1, section["kind"], n == current) for n, section in enumerate(sections)],
        "next": sections[current + 1]["kind"] if current + 1 < len(sections) else None,
        "number": current + 1,
        "count": len(sections),
    }
    return [sections[current]], nav


def _rerender_with_errors(request, kind, form):
    if kind.stage == "journal":
        return _journal_page(request, form=form)
    if kind.stage in STAGE_RECORDS:
        return render_stage(request, kind.stage, bound=(kind.slug, form))
    messages.error(request, "That didn't save: " + " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(_return_url(kind))


# Records that only make sense once the plan has opened their step.
_RECONCILIATION = {"contact", "hangout", "prep", "conversation", "trial-plan", "trial-checkin"}


def lock_reason(slug, plan):
    """Why this record can't be added now, or "" when it can. The core decides; this only asks."""
    if slug not in _RECONCILIATION:
        return ""
    if plan.safety.active:
        return "This step is paused while your safety comes first."
    locks = {lock.action: lock.reason for lock in plan.locked}
    if slug == "contact" and not (plan.outreach_allowed or plan.reply_allowed):
        return "Reaching out is locked: " + locks.get("outreach", "not yet.")
    if slug == "hangout" and not plan.ladder.reached_in_person:
        return "Meeting in person comes after warm replies on each step of the contact ladder."
    if slug in ("prep", "conversation") and "honest_conversation" in locks:
        return locks["honest_conversation"]
    if slug.startswith("trial") and "trial" in locks:
        return locks["trial"]
    return ""


def _singleton_instance(kind, user, profile):
    """The one row a singleton kind edits (None for kinds that add rows, or before the first save)."""
    if not kind.singleton:
        return None
    return profile if kind.model is Profile else kind.model.objects.owned_by(user).first()


@login_required
@require_POST
def add_record(request, slug):
    kind = RECORD_KINDS.get(slug)
    if kind is None:
        raise Http404("No such record")
    plan, profile, _ = plan_for(request.user)
    locked = lock_reason(slug, plan)
    if locked:
        messages.error(request, f"Not saved. {locked}")
        return redirect(_return_url(kind))
    today = today_for(profile)
    for attempt in (1, 2):
        form = kind.form(request.POST, instance=_singleton_instance(kind, request.user, profile),
                         **_form_kwargs(kind, request.user, today, plan))
        if not form.is_valid():
            return _rerender_with_errors(request, kind, form)
        try:
            record, screening = _save_record(request, kind, form, today)
            break
        except AlreadySaved:
            if request.headers.get("HX-Request"):
                return HttpResponse(status=204)  # the first send already updated the page
            messages.info(request, "That was already saved, so it's there once.")
            return redirect(_return_url(kind))
        except IntegrityError:
            # Another tab created this person's one row a moment ago: save again, as an edit of it.
            if not kind.singleton or attempt == 2:
                raise
    if slug == "mood" and request.headers.get("HX-Request"):
        # htmx swaps just the mood box on Today; without scripts the form posts and redirects.
        latest = {"words": record.get_mood_display(), "created_at": record.created_at}
        context = {"mood_choices": m.MoodCheckIn.MOODS, "latest_mood": latest, "mood_saved": True}
        return render(request, "includes/mood_section.html", context)
    return _after_save(request, kind, screening)


# Safety history is kept as it was written: it can be neither changed nor deleted.
KEPT_AS_WRITTEN = ("red_flag", "safety_resolved", "detection_disputed")


def _editable(request, slug, pk):
    kind = RECORD_KINDS.get(slug)
    if kind is None or kind.singleton:
        raise Http404("No such record")
    record = m.get_owned_or_404(kind.model, request.user, pk=pk)
    if slug == "event" and record.kind in KEPT_AS_WRITTEN:
        raise Http404("Safety history is kept")
    return kind, record


@login_required
@require_http_methods(["GET", "POST"])
def edit_record(request, slug, pk):
    kind, record = _editable(request, slug, pk)
    plan, profile, today = plan_for(request.user)
    if request.method == "POST":
        form = kind.form(request.POST, instance=record, **_form_kwargs(kind, request.user, today, plan))
        if form.is_valid():
            try:
                _, screening = _save_record(request, kind, form, today)
            except AlreadySaved:
                messages.info(request, "That change was already saved.")
                return redirect(_return_url(kind))
            return _after_save(request, kind, screening)
    else:
        form = kind.form(instance=record, **_form_kwargs(kind, request.user, today, plan))
    status = 400 if form.errors else 200
    return render(request, "journey/edit_record.html", {"kind": kind, "form": form, "back": _return_url(kind)}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def delete_record(request, slug, pk):
    kind, record = _editable(request, slug, pk)
    if request.method == "POST":
        record.delete()
        messages.success(request, "Deleted. It's gone from your records.")
        return redirect(_return_url(kind))
    return render(request, "journey/confirm_delete.html", {"kind": kind, "record": record, "back": _return_url(kind)})


# --- Journal --------------------------------------------------------------------


JOURNAL_PAGE = 20
MOODS_SHOWN = 30


def _when(moment, short=False) -> str:
    """A stored time as the person reads it, in their zone: "3 March 2026, 21:40" (short: "3 Mar, 21:40")."""
    local = timezone.localtime(moment)
    return f"{local.day} {local:%b, %H:%M}" if short else f"{local.day} {local:%B %Y, %H:%M}"


def _journal_page(request, form=None, crisis=False):
    plan, profile, today = plan_for(request.user)
    # A prompt the person chose starts the entry; none is ever put there for them.
    chosen = PROMPT_BY_ID.get(request.GET.get("prompt", ""))
    if form is None:
        form = RECORD_KINDS["journal"].form(initial={"text": f"{chosen.prompt}\n\n"} if chosen else None)
    query = request.GET.get("q", "").strip()[:100]
    start = _page_start(request.GET.get("from", ""))
    # The newest page, the one nearly always opened, is kept as written until something changes.
    history = (_journal_history(request.user, query, start) if query or start
               else kept(request.user, "journal-history", lambda: _journal_history(request.user, "", 0)))
    context = {
        "form": form,
        "prompts": prompts_for(plan, today),
        # Written by our own template, which escaped every value the person typed.
        "history": mark_safe(history),
        "crisis": crisis,
        "helplines": helplines_for(profile.country),
    }
    return render(request, "journey/journal.html", context)


def _journal_history(user, query: str, start: int) -> str:
    """The mood chart and table and one page of entries (20, newest first from ``start``), as HTML."""
    entries = m.JournalEntry.objects.owned_by(user)
    if query:
        entries = entries.filter(Q(text__icontains=query))
    # One more than a page, to know whether older entries remain without counting them all.
    shown = list(entries.values("pk", "text", "created_at")[start:start + JOURNAL_PAGE + 1])
    moods = list(reversed(m.MoodCheckIn.objects.owned_by(user).order_by("-created_at").values("mood", "created_at")[:MOODS_SHOWN]))
    mood_words = dict(m.MoodCheckIn.MOODS)
    return render_to_string("journey/journal_history.html", {
        "entries": [{**entry, "when": _when(entry["created_at"])} for entry in shown[:JOURNAL_PAGE]],
        # Built once, not reversed for each entry: "/records/journal/".
        "records_base": reverse("add_record", args=["journal"]).removesuffix("add/"),
        "older": start + JOURNAL_PAGE if len(shown) > JOURNAL_PAGE else None,
        "newer": max(start - JOURNAL_PAGE, 0) if start else None,
        "query": query,
        "moods": [{"when": _when(mood["created_at"], short=True), "mood": mood["mood"], "words": mood_words[mood["mood"]]} for mood in moods],
        "mood_series": {
            "labels": [f"{timezone.localtime(mood['created_at']):%d %b}" for mood in moods],
            "series": [{"label": "Mood", "values": [mood["mood"] for mood in moods]}],
            "min": 1,
            "max": 5,
        },
    })


def _page_start(value: str) -> int:
    """Where a page of the journal starts; anything but a small whole number starts at the newest."""
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 7 else 0


@login_required
def journal(request):
    return _journal_page(request)


# --- Urges and safety ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def urge(request):
    profile = Profile.for_user(request.user)
    notes = m.SelfNotes.objects.owned_by(request.user).first()
    form = RECORD_KINDS["urge"].form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        today = today_for(profile)
        with transaction.atomic():
            record = form.save(commit=False)
            record.owner = request.user
            record.date = today
            record.save()
            if record.outcome == "reached_out":
                # A contact during no contact is a slip: recorded, counted, never shamed.
                m.Slip.objects.create(owner=request.user, date=today, what=URGE_SLIP, trigger=record.trigger)
        if record.outcome == "held":
            messages.success(request, "You held on. That took strength.")
        else:
            messages.info(request, "Noted as a slip. It extends your space a little; your progress so far still counts.")
        return redirect("today")
    reasons = [line for line in (notes.reasons_to_wait if notes else "").splitlines() if line.strip()]
    patterns = urge_patterns(_moments(request.user, today_for(profile)))
    return render(request, "journey/urge.html", {"form": form, "reasons": reasons, "patterns": patterns, "patterns_chart": {
        "type": "bar", "labels": [label.capitalize() for label, _ in patterns.parts_of_day],
        "series": [{"label": "Urges", "values": [n for _, n in patterns.parts_of_day]}], "min": 0, "max": None,
    }})


URGE_SLIP = "Reached out during an urge"
PATTERN_DAYS = 90


def _moments(user, today) -> list[Moment]:
    """The last three months of urges (with their local hour) and slips (a day only)."""
    since = today - dt.timedelta(days=PATTERN_DAYS)
    urges = m.Urge.objects.owned_by(user).filter(date__gte=since).values_list("date", "created_at", "trigger", "helped", "outcome")
    # A slip made by an urge that reached out is that urge again: counted once.
    slips = m.Slip.objects.owned_by(user).filter(date__gte=since).exclude(what=URGE_SLIP).values_list("date", "trigger")
    return [Moment(day, timezone.localtime(created).hour, trigger, helped, outcome == "held")
            for day, created, trigger, helped, outcome in urges] + [Moment(day, None, trigger) for day, trigger in slips]


@login_required
@require_http_methods(["GET"])
def readable_records(request):
    """Everything the person has written, in the questions' own words, to read or print."""
    profile = Profile.for_user(request.user)
    sections = readable.readable_records(request.user, today_for(profile))
    return render(request, "journey/readable_records.html", {"sections": sections})
