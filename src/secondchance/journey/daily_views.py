"""Today's step: shown first on Today, marked done or "not today", and tomorrow's named once it's done."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from secondchance.program.daily import REST_DAYS, STEP_BY_ID, step_for

from . import models as m
from .plan_cache import plan_for


def _marks(user, today):
    """Each step's latest mark before today, and today's marks by outcome."""
    earlier, done_today, skipped_today = {}, set(), set()
    since = today - dt.timedelta(days=REST_DAYS)
    for step_id, day, outcome in m.StepMark.objects.owned_by(user).filter(date__gte=since).values_list("step_id", "date", "outcome"):
        if day < today:
            earlier[step_id] = max(day, earlier.get(step_id, day))
        elif outcome == "done":
            done_today.add(step_id)
        else:
            skipped_today.add(step_id)
    return earlier, done_today, frozenset(skipped_today)


def todays_step(user, plan, today) -> dict:
    """What Today shows of the step: the step, or the one done and tomorrow's."""
    earlier, done_today, skipped_today = _marks(user, today)
    done = next((STEP_BY_ID[i] for i in sorted(done_today) if i in STEP_BY_ID), None)
    if done is not None:
        tomorrow = today + dt.timedelta(days=1)
        return {"done": done, "tomorrow": step_for(plan, tomorrow, {**earlier, done.id: today})}
    return {"step": step_for(plan, today, earlier, skipped_today)}


@login_required
@require_POST
def mark_step(request):
    plan, _, today = plan_for(request.user)
    outcome = request.POST.get("outcome")
    step = todays_step(request.user, plan, today).get("step")
    if step is None or request.POST.get("step") != step.id or outcome not in ("done", "skipped"):
        messages.info(request, "That step has changed since the page was opened. Here's today's.")
        return redirect("today")
    try:
        with transaction.atomic():
            m.StepMark.objects.create(owner=request.user, date=today, step_id=step.id, outcome=outcome)
    except IntegrityError:
        pass  # marked already (a double click): once is enough
    messages.success(request, "Done. Well looked after." if outcome == "done" else "Fine. Here's another, if you'd like one.")
    return redirect("today")
