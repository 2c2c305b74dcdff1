"""The daily e-mail reminder: a task the background worker runs at the person's hour, which books the next one."""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from secondchance.accounts.models import Profile

from . import models as m
from .daily_views import todays_step
from .plan_cache import plan_for


def next_send_time(reminder: m.EmailReminder, after: dt.datetime) -> dt.datetime:
    """The next moment at the person's hour, in their own zone, strictly after ``after``."""
    zone = zoneinfo.ZoneInfo(Profile.for_user(reminder.owner).time_zone)
    local = after.astimezone(zone)
    candidate = dt.datetime.combine(local.date(), dt.time(reminder.hour), tzinfo=zone)
    return candidate if candidate > local else dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(reminder.hour), tzinfo=zone)


def book_next(reminder: m.EmailReminder, after: dt.datetime | None = None) -> None:
    send_reminder.using(run_after=next_send_time(reminder, after or timezone.now())).enqueue(reminder.pk)


def _message(reminder: m.EmailReminder) -> EmailMessage:
    user = reminder.owner
    profile = Profile.for_user(user)
    plan, _, today = plan_for(user)
    step = todays_step(user, plan, today).get("step")
    stop = settings.SITE_URL + reverse("stop_reminders", args=[reminder.unsubscribe_token])
    subject = "Check-in" if profile.discreet_mode else "Your check-in for today"
    lines = ["A quiet moment for yourself today."]
    if step is not None and not profile.discreet_mode:
        lines += ["", f"Today's step: {step.title}", step.why]
    lines += ["", f"Open it here: {settings.SITE_URL}/", "", f"Stop these e-mails: {stop}"]
    message = EmailMessage(subject, "\n".join(lines), to=[user.email])
    message.extra_headers["List-Unsubscribe"] = f"<{stop}>"
    return message


@task()
def send_reminder(reminder_id: int) -> str:
    """Send today's e-mail if the person still wants it (and not twice a day), then book tomorrow's."""
    reminder = m.EmailReminder.objects.select_related("owner").filter(pk=reminder_id, active=True).first()
    if reminder is None or not reminder.owner.email:
        return "stopped"
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(Profile.for_user(reminder.owner).time_zone))
    if reminder.last_sent_on != today:
        _message(reminder).send()
        m.EmailReminder.objects.filter(pk=reminder.pk).update(last_sent_on=today)
    book_next(reminder)
    return "sent"
