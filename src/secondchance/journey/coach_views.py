"""The "Check a message" page: live feedback on a draft, drafts kept, never sent by the app."""

import datetime as dt
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from secondchance.program.coach import check_message, guess_kind, is_late
from secondchance.program.helplines import helplines_for

from . import models as m
from .clock import now_for
from .forms import DraftForm
from .program_views import AlreadySaved, _claim_submission, _record_red_flags, plan_for
from .records import RecordKind

MORNING = dt.time(8, 0)
DRAFT_KIND = RecordKind("draft", m.Draft, DraftForm, "coach", "A message draft", dated=False)


def locked_kinds(plan) -> set[str]:
    """Which kinds of message the plan has locked now. The core decides; this only reads it."""
    locked = set()
    if not plan.outreach_allowed:
        locked.add("outreach")
    if plan.consent.closed or plan.safety.active:
        locked |= {"outreach", "opening"}
        if not plan.reply_allowed:
            locked.add("reply")
    return locked


def review(text, kind, plan, now):
    effective = guess_kind(text) if kind == "auto" else kind
    report = check_message(
        text,
        kind,
        at=now.time(),
        unanswered=plan.consent.unanswered_in_a_row,
        plan_locked=effective in locked_kinds(plan),
    )
    return report, highlighted(text, report)


def highlighted(text, report):
    """The draft cut into pieces, each either plain or marked with the finding it is about."""
    # Imported here, as the model's reader brings numpy: the server starts without it.
    from secondchance.reading.screen_model import sentence_spans

    pieces, position = [], 0
    # In a draft of several sentences, a finding about all of it is in the list, not marked:
    # marking it all would hide the sentences the other findings are about.
    whole = (len(text) - len(text.lstrip()), len(text.rstrip())) if len(sentence_spans(text)) > 1 else None
    spans = sorted((f for f in report.findings if f.start is not None and (f.start, f.end) != whole),
                   key=lambda f: (f.start, -f.end))
    for number, finding in enumerate(spans, start=1):
        if finding.start < position:
            continue  # overlapping: the earlier mark already covers it
        pieces.append({"text": text[position:finding.start], "finding": None})
        pieces.append({"text": text[finding.start:finding.end], "finding": finding, "number": number})
        position = finding.end
    pieces.append({"text": text[position:], "finding": None})
    return [p for p in pieces if p["text"]]


def _context(request, plan, profile, form, report=None, pieces=None, draft=None):
    now = now_for(profile)
    return {
        "form": form,
        "report": report,
        "pieces": pieces,
        "draft": draft,
        "drafts": m.Draft.objects.owned_by(request.user)[:20],
        "late": is_late(now.time()),
        "now": now,
        "plan": plan,
        "locked": locked_kinds(plan),
        "helplines": helplines_for(profile.country),
    }


@login_required
@require_http_methods(["GET", "POST"])
def coach(request):
    plan, profile, today = plan_for(request.user)
    draft = None
    draft_id = _draft_id(request.GET.get("draft", ""))
    if draft_id is not None:
        draft = m.get_owned_or_404(m.Draft, request.user, pk=draft_id)
    # "Draft a reply" after they reached out opens the coach set to a reply.
    asked_kind = request.GET.get("kind")
    initial = {"kind": asked_kind} if draft is None and asked_kind in dict(m.Draft.KINDS) else None
    form = DraftForm(request.POST or None, instance=draft, initial=initial)
    report = pieces = None
    if request.method == "POST" and form.is_valid():
        report, pieces = review(form.cleaned_data["text"], form.cleaned_data["kind"], plan, now_for(profile))
        action = request.POST.get("action", "check")
        if action in ("save", "sleep"):
            return _save_draft(request, form, profile, today, sleep=action == "sleep")
    elif draft is not None:
        report, pieces = review(draft.text, draft.kind, plan, now_for(profile))
    return render(request, "journey/coach.html", _context(request, plan, profile, form, report, pieces, draft))


def _next_morning(now):
    day = now.date() if now.time() < MORNING else now.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, MORNING, tzinfo=now.tzinfo)


_DRAFT_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits only, and within a 64-bit id


def _draft_id(value: str) -> int | None:
    """The draft id from the query string, or None for anything that is not a plain number ("²", 5,000 digits)."""
    return int(value) if _DRAFT_ID.fullmatch(value) else None


def _save_draft(request, form, profile, today, sleep):
    try:
        with transaction.atomic():
            _claim_submission(request.user, request.POST.get("submission", "") if form.instance.pk is None else "")
            return _saved_draft(request, form, profile, today, sleep)
    except AlreadySaved:
        messages.info(request, "That draft was already saved, so it's there once.")
        return redirect("coach")


def _saved_draft(request, form, profile, today, sleep):
    with transaction.atomic():
        draft = form.save(commit=False)
        draft.owner = request.user
        draft.set_aside_until = _next_morning(now_for(profile)) if sleep else None
        draft.save()
        screening = _record_red_flags(request.user, today, DRAFT_KIND, form)
    if screening is not None and screening.red_flags and not screening.crisis:
        messages.warning(request, "Draft saved. Some of it sounds unsafe, so we've brought you to the safety page.")
        return redirect("safety")
    if sleep:
        messages.success(request, f"Set aside until {draft.set_aside_until:%H:%M}. Read it again then, with fresh eyes.")
    else:
        messages.success(request, "Draft saved. Nothing has been sent.")
    return redirect(f"{reverse('coach')}?draft={draft.pk}")


@login_required
@require_POST
def coach_check(request):
    """The live feedback box, for htmx as the person types."""
    plan, profile, _ = plan_for(request.user)
    form = DraftForm(request.POST)
    context = {"report": None, "pieces": None, "helplines": helplines_for(profile.country), "form": form}
    if form.is_valid():
        context["report"], context["pieces"] = review(form.cleaned_data["text"], form.cleaned_data["kind"], plan, now_for(profile))
    return render(request, "includes/coach_report.html", context)


@login_required
@require_POST
def delete_draft(request, pk):
    draft = m.get_owned_or_404(m.Draft, request.user, pk=pk)
    draft.delete()
    messages.success(request, "Draft deleted.")
    return redirect("coach")
