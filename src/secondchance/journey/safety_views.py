"""The Safety page: help first, the person's own safety plan, and the one way out of Safety."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from secondchance.accounts.models import Profile
from secondchance.program.helplines import COUNTRY_CHOICES, helplines_for
from secondchance.program.safety import NOT_ABOUT_THE_EX, flag_words

from . import models as m
from .forms import SafetyPlanForm
from .program_views import plan_for


def safety(request):
    """Open to everyone: nobody should need an account to find help."""
    return render(request, "journey/safety.html", _page(request, request.GET.get("country")))


def _page(request, country: str | None, plan_form: SafetyPlanForm | None = None) -> dict:
    context = {"countries": COUNTRY_CHOICES}
    if request.user.is_authenticated:
        plan, profile, _ = plan_for(request.user)
        country = country or profile.country
        context.update(
            plan=plan,
            flags=_flags_since_resolution(request.user, plan) if plan.safety.active else [],
            confirmed_words=[flag_words(flag) for flag in plan.safety.confirmed],
            harm_open=any(flag not in NOT_ABOUT_THE_EX for flag in plan.safety.flags),
            plan_form=plan_form or SafetyPlanForm(instance=_safety_plan(request.user)),
        )
    context["helplines"] = helplines_for(country)
    return context


def _flags_since_resolution(user, plan):
    """The red flags since the last resolution, in plain words, to show the person why."""
    resolved_on = plan.safety.resolved_on or dt.date.min
    events = m.Event.objects.owned_by(user).filter(kind="red_flag", date__gte=resolved_on).order_by("date", "pk")
    return [{"date": e.date, "words": flag_words(e.note), "detail": e.detail} for e in events]


def _safety_plan(user) -> m.SafetyPlan | None:
    return m.SafetyPlan.objects.owned_by(user).first()


@login_required
@require_POST
def save_safety_plan(request):
    form = SafetyPlanForm(request.POST, instance=_safety_plan(request.user) or m.SafetyPlan(owner=request.user))
    if not form.is_valid():
        messages.error(request, "Your plan isn't saved yet: please look at the parts marked below.")
        return render(request, "journey/safety.html", _page(request, None, form), status=400)
    form.save()
    messages.success(request, "Your safety plan is saved. Only you can see it.")
    return redirect(reverse("safety") + "#safety-plan")


@login_required
def print_safety_plan(request):
    safety_plan = _safety_plan(request.user)
    profile = Profile.for_user(request.user)
    fields = [(SafetyPlanForm.base_fields[name].label, getattr(safety_plan, name, "")) for name in m.SAFETY_PLAN_FIELDS]
    return render(request, "journey/safety_plan_print.html", {
        "fields": fields, "empty": safety_plan is None or safety_plan.is_empty(), "helplines": helplines_for(profile.country),
    })


@login_required
@require_POST
def resolve_safety(request):
    """The only way out of Safety: said on purpose, and recorded."""
    plan, profile, today = plan_for(request.user)
    choice = request.POST.get("choice")
    allowed = ("resolved", "disputed") if plan.safety.disputable else ("resolved",)
    if choice not in allowed:
        messages.error(request, "Choose one of the options." if len(allowed) > 1 else "Tick the box if you are safe for now.")
        return redirect("safety")
    with transaction.atomic():
        if choice == "disputed":
            m.Event.objects.create(owner=request.user, date=today, kind="detection_disputed", note="The person said the detection was wrong.")
        m.Event.objects.create(owner=request.user, date=today, kind="safety_resolved")
    after, _, _ = plan_for(request.user)
    if after.safety.confirmed:
        messages.success(request, "Thank you for telling us. We won't guide you back toward them; "
                                  "from here the app is about you, and the Safety page stays one tap away.")
    else:
        messages.success(request, "Recorded. The Safety page is always here if you need it.")
    return redirect("today")
