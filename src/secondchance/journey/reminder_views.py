"""Turning the daily e-mail on and off: from Settings, or with one click from the e-mail itself."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from . import models as m
from .email_reminders import book_next


class ReminderForm(forms.ModelForm):
    class Meta:
        model = m.EmailReminder
        fields = ("hour",)
        labels = {"hour": "Send it at"}


@login_required
@require_POST
def change_email_reminder(request):
    if not settings.EMAIL_REMINDERS:
        raise Http404
    reminder = m.EmailReminder.objects.owned_by(request.user).first()
    if request.POST.get("action") == "off":
        if reminder is not None:
            reminder.active = False
            reminder.save(update_fields=["active"])
        messages.success(request, "The daily e-mail is off.")
    else:
        form = ReminderForm(request.POST, instance=reminder or m.EmailReminder(owner=request.user))
        if not form.is_valid():
            messages.error(request, "Please choose an hour from the list.")
        elif not request.user.email:
            messages.error(request, "Add an e-mail address to your account first.")
        else:
            reminder = form.save(commit=False)
            reminder.active = True
            reminder.save()
            book_next(reminder)
            messages.success(request, f"A short e-mail will come each day at {reminder.hour:02d}:00, your time.")
    return redirect(reverse("settings") + "#email-title")


@require_http_methods(["GET", "POST"])
def stop_reminders(request, token):
    """From the e-mail's link, signed in or not: a button to confirm (a link alone must not change anything)."""
    reminder = m.EmailReminder.objects.filter(unsubscribe_token=token).first()
    if reminder is None:
        raise Http404
    if request.method == "POST":
        reminder.active = False
        reminder.save(update_fields=["active"])
    return render(request, "journey/stop_reminders.html", {"stopped": not reminder.active})


def reminder_context(request) -> dict:
    if not settings.EMAIL_REMINDERS:
        return {}
    reminder = m.EmailReminder.objects.owned_by(request.user).first()
    return {"email_reminders": True, "reminder": reminder, "reminder_form": ReminderForm(instance=reminder)}
