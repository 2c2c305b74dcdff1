"""Reminders in the person's own calendar: a private .ics feed, made, replaced or turned off in Settings."""

import datetime as dt
import zoneinfo

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from secondchance.accounts.models import Profile
from secondchance.program.reminders import NEUTRAL_TITLE, reminders

from . import models as m
from .plan_cache import plan_for

DAILY_TITLE = "Daily check-in: how are you today?"


class DailyHourForm(forms.ModelForm):
    class Meta:
        model = m.CalendarFeed
        fields = ("daily_hour",)
        labels = {"daily_hour": "A daily check-in at"}


def feed_for(user):
    return m.CalendarFeed.objects.owned_by(user).first()


def _event(uid: str, title: str, **times):
    from icalendar import Event

    event = Event()
    event.add("uid", f"{uid}@reminders")  # no app name: it would show in discreet mode
    event.add("summary", title)
    event.add("dtstamp", dt.datetime.now(dt.timezone.utc))
    for name, value in times.items():
        event.add(name, value)
    return event


def build_calendar(user) -> bytes:
    """The person's reminders as iCalendar: all-day events on their own dates, the daily check-in in their zone."""
    from icalendar import Calendar  # imported when a calendar asks, not at start-up

    plan, profile, today = plan_for(user)
    feed = feed_for(user)
    calendar = Calendar()
    calendar.add("prodid", "-//Check-ins//reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Check-ins" if profile.discreet_mode else "Second Chance")
    for reminder in reminders(plan):
        title = NEUTRAL_TITLE if profile.discreet_mode else reminder.title
        calendar.add_component(_event(f"{reminder.key}-{reminder.date.isoformat()}", title, dtstart=reminder.date,
                                      dtend=reminder.date + dt.timedelta(days=1)))
    if feed is not None and feed.daily_hour is not None:
        zone = zoneinfo.ZoneInfo(profile.time_zone)
        start = dt.datetime.combine(today, dt.time(feed.daily_hour), tzinfo=zone)
        daily = _event("daily", NEUTRAL_TITLE if profile.discreet_mode else DAILY_TITLE,
                       dtstart=start, dtend=start + dt.timedelta(minutes=10), rrule={"freq": "daily"})
        calendar.add_component(daily)
    return calendar.to_ical()


def calendar_feed(request, token):
    """No sign-in (calendar apps can't): the token is the key. A replaced or turned-off token answers 404."""
    feed = m.CalendarFeed.objects.filter(token=token).select_related("owner").first()
    if feed is None:
        raise Http404
    response = HttpResponse(build_calendar(feed.owner), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="check-ins.ics"'
    return response


@login_required
@require_POST
def change_feed(request):
    action = request.POST.get("action")
    feed = feed_for(request.user)
    if action == "make" and feed is None:
        m.CalendarFeed.objects.create(owner=request.user)
        messages.success(request, "Your private calendar link is ready. Add it to your calendar app as a subscription.")
    elif action == "replace" and feed is not None:
        feed.token = m.new_feed_token()
        feed.save(update_fields=["token"])
        messages.success(request, "A new link is ready. The old one no longer works: subscribe again with the new one.")
    elif action == "off" and feed is not None:
        feed.delete()
        messages.success(request, "Your calendar link is turned off. Calendars subscribed to it will stop updating.")
    elif action == "hour" and feed is not None:
        form = DailyHourForm(request.POST, instance=feed)
        if form.is_valid():
            form.save()
            messages.success(request, "Saved.")
        else:
            messages.error(request, "Please choose an hour from the list.")
    return redirect(reverse("settings") + "#calendar-title")


def feed_context(request, profile: Profile) -> dict:
    feed = feed_for(request.user)
    if feed is None:
        return {"feed": None}
    url = request.build_absolute_uri(reverse("calendar_feed", args=[feed.token]))
    return {"feed": feed, "feed_url": url, "hour_form": DailyHourForm(instance=feed)}
