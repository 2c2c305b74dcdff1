from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from secondchance.accounts.models import Profile
from secondchance.program import readiness
from secondchance.program.safety import flag_words
from secondchance.program.helplines import helplines_for
from secondchance.program.stages import STAGE_BY_ID, next_step_after_check

from .clock import today_for
from .daily_views import todays_step
from .forms import step_form
from .models import Assessment, Event, JournalEntry, MoodCheckIn, get_owned_or_404
from .plan_cache import bump, kept, plan_for


def home(request):
    if request.user.is_authenticated:
        return today(request)
    return render(request, "journey/welcome.html")


def _today_rows(user, plan, today_date) -> dict:
    """What Today reads from the person's rows besides the plan, as plain values (kept with the plan)."""
    checks = Assessment.objects.owned_by(user)
    mood = MoodCheckIn.objects.owned_by(user).values("mood", "created_at").first()
    return {
        "in_progress": checks.filter(completed_at=None).values_list("pk", flat=True).first(),
        "latest": checks.exclude(completed_at=None).exists(),
        "recent_journal": list(JournalEntry.objects.owned_by(user).values("created_at", "text")[:3]),
        "latest_mood": mood and {"words": dict(MoodCheckIn.MOODS)[mood["mood"]], "created_at": mood["created_at"]},
        "daily": todays_step(user, plan, today_date),
    }


@login_required
def today(request):
    plan, profile, today_date = plan_for(request.user)
    context = {
        "plan": plan,
        "today": today_date,
        "stage": STAGE_BY_ID[plan.stage],
        "next_action": plan.next_actions[0] if plan.next_actions else None,
        "outreach_lock": next((lock for lock in plan.locked if lock.action == "outreach"), None),
        # The days-apart count fits while apart; not in the trial, together, or after moving on.
        "space_stages": ("readiness", "understand", "no_contact", "self_work", "interest"),
        "mood_choices": MoodCheckIn.MOODS,
        "helplines": helplines_for(profile.country),
        **kept(request.user, "today", lambda: _today_rows(request.user, plan, today_date)),
    }
    return render(request, "journey/today.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def check_start(request):
    plan, _, today_date = plan_for(request.user)
    # After "not yet", the check opens again on the day the core gives: retaking at once
    # would only test how to answer it.
    opens_on = plan.dates.retake_check if plan.dates.retake_check and plan.dates.retake_check > today_date else None
    if request.method == "POST" and opens_on is None:
        assessment = Assessment.objects.create(owner=request.user)
        return redirect("check_step", pk=assessment.pk, step_id=readiness.STEPS[0].id)
    in_progress = Assessment.objects.owned_by(request.user).filter(completed_at=None).first()
    context = {"in_progress": in_progress, "steps": readiness.STEPS, "opens_on": opens_on}
    return render(request, "journey/check_start.html", context, status=409 if request.method == "POST" else 200)


def _resume(assessment):
    # With every answer in, the last screen is where they confirm and see the result.
    step = readiness.first_unanswered_step(assessment.answers) or readiness.steps_to_ask(assessment.answers)[-1]
    return redirect("check_step", pk=assessment.pk, step_id=step.id)


@login_required
@require_http_methods(["GET"])
def check_resume(request, pk):
    assessment = get_owned_or_404(Assessment, request.user, pk=pk)
    if assessment.is_complete:
        return redirect("check_result", pk=assessment.pk)
    return _resume(assessment)


@login_required
@require_http_methods(["GET", "POST"])
def check_step(request, pk, step_id):
    assessment = get_owned_or_404(Assessment, request.user, pk=pk)
    if assessment.is_complete:
        return redirect("check_result", pk=assessment.pk)
    steps = readiness.steps_to_ask(assessment.answers)
    step = next((s for s in steps if s.id == step_id), None)
    if step is None:
        if step_id not in readiness.STEP_IDS:
            raise Http404("No such step")
        return _resume(assessment)
    index = steps.index(step)
    if index > 0 and _has_open_questions_before(steps, index, assessment.answers):
        return _resume(assessment)

    going_back = request.POST.get("direction") == "back"
    form = step_form(
        step,
        data=request.POST if request.method == "POST" else None,
        initial=assessment.answers,
        require_answers=not going_back,
    )
    if request.method == "POST" and form.is_valid():
        _save_step_answers(assessment, form.cleaned_data)
        if going_back:
            return redirect("check_step", pk=assessment.pk, step_id=steps[max(index - 1, 0)].id)
        return _go_forward(assessment, step)

    context = {
        "assessment": assessment,
        "step": step,
        "form": form,
        "position": index + 1,
        "total": len(steps),
        "previous": steps[index - 1] if index > 0 else None,
    }
    return render(request, "journey/check_step.html", context)


def _has_open_questions_before(steps, index, answers):
    missing = set(readiness.missing_questions(answers))
    return any(q.id in missing for s in steps[:index] for q in s.questions)


def _save_step_answers(assessment, cleaned):
    # Blank choices (allowed when going back) are not answers; keep the earlier ones.
    given = {key: value for key, value in cleaned.items() if value != "" or readiness.QUESTIONS[key].free_text}
    assessment.answers = readiness.validate_answers({**assessment.answers, **given})
    assessment.save(update_fields=["answers", "updated_at"])


def _go_forward(assessment, step):
    steps = readiness.steps_to_ask(assessment.answers)
    index = steps.index(step)
    if index + 1 < len(steps):
        return redirect("check_step", pk=assessment.pk, step_id=steps[index + 1].id)
    if readiness.missing_questions(assessment.answers):
        return _resume(assessment)
    _finish(assessment)
    return redirect("check_result", pk=assessment.pk)


def _finish(assessment):
    result = assessment.result()
    today = today_for(Profile.for_user(assessment.owner))
    with transaction.atomic():
        assessment.outcome = result.outcome.value
        assessment.completed_at = timezone.now()
        assessment.completed_on = today
        assessment.save(update_fields=["outcome", "completed_at", "completed_on", "updated_at"])
        _record_check_flags(assessment, result, today)


def _record_check_flags(assessment, result, today):
    # As events too, so a flag in a check taken after a resolution is seen as new.
    flags = [*result.red_flags, *(["self_harm"] if result.crisis else [])]
    Event.objects.bulk_create(
        Event(owner=assessment.owner, date=today, kind="red_flag", note=flag, detail="in your safety check") for flag in flags
    )
    bump(assessment.owner_id)  # bulk_create sends no save signals


@login_required
def check_result(request, pk):
    assessment = get_owned_or_404(Assessment, request.user, pk=pk)
    if not assessment.is_complete:
        return _resume(assessment)
    result = assessment.result()
    plan, profile, _ = plan_for(request.user)
    context = {
        "assessment": assessment,
        "result": result,
        "next_step": next_step_after_check(result.outcome),
        "helplines": helplines_for(profile.country),
        # Harm confirmed before this check still stands: no check can reopen the way back.
        "earlier_harm": [flag_words(flag) for flag in plan.safety.confirmed] if result.outcome != readiness.Outcome.SAFETY_FIRST else [],
    }
    return render(request, "journey/check_result.html", context)


@login_required
def check_history(request):
    checks = Assessment.objects.owned_by(request.user)
    return render(request, "journey/check_history.html", {"checks": checks})
