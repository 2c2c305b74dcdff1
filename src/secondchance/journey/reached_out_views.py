""""They reached out to me": record it, see what the plan now allows, and draft a calm reply in the coach."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from secondchance.program.helplines import helplines_for

from . import models as m
from .forms import DATE_WIDGET, ScreenedForm
from .plan_cache import plan_for
from .program_views import _record_red_flags
from .records import RECORD_KINDS


class TheyReachedOutForm(ScreenedForm):
    screened_fields = ("note",)

    class Meta:
        model = m.Event
        fields = ("date", "note")
        labels = {"date": "When did they get in touch?", "note": "What did they say? (optional)"}
        widgets = {"date": DATE_WIDGET}


@login_required
@require_http_methods(["GET", "POST"])
def they_reached_out(request):
    plan, profile, today = plan_for(request.user)
    form = TheyReachedOutForm(request.POST or None, initial={"date": today}, today=today)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            event = form.save(commit=False)
            event.owner, event.kind = request.user, "they_reached_out"
            event.save()
            screening = _record_red_flags(request.user, today, RECORD_KINDS["event"], form)
        if screening is not None and screening.red_flags:
            return redirect("safety")
        return redirect("reached_out_next")
    return render(request, "journey/they_reached_out.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def reached_out_next(request):
    """What the plan allows now that they got in touch: a calm reply, or no answer at all if it isn't safe."""
    plan, profile, _ = plan_for(request.user)
    return render(request, "journey/reached_out_next.html", {"plan": plan, "helplines": helplines_for(profile.country)})
