"""How a record reads in a list: one short line each; and the hidden field that stops double saves."""

import secrets

from django import template
from django.utils.html import format_html

from secondchance.program.causes import CAUSE_BY_ID
from secondchance.program.interest import SIGNAL_LABELS
from secondchance.program.self_work import AREAS
from secondchance.program.trial import CRITERIA_SHORT

register = template.Library()

_SUMMARIES = {
    "Mistake": lambda r: f"{r.what} → {r.remedy or 'add a remedy'}",
    "Slip": lambda r: f"{r.date:%d %b}: {r.what}" + (f" (after: {r.trigger})" if r.trigger else ""),
    "Urge": lambda r: f"{r.date:%d %b}: intensity {r.intensity}, {r.get_outcome_display().lower()}",
    "Goal": lambda r: f"{AREAS.get(r.area, r.area)}: {r.title}",
    "GoalCheckIn": lambda r: f"{r.date:%d %b}: {r.goal.title}, {r.progress}%",
    "Signal": lambda r: f"{r.date:%d %b}: {SIGNAL_LABELS.get(r.kind, r.note)}" + (f" ({r.note})" if r.note and r.kind in SIGNAL_LABELS else ""),
    "Event": lambda r: f"{r.date:%d %b}: {r.get_kind_display()}" + (f" ({r.note})" if r.note and r.kind != "red_flag" else ""),
    "Contact": lambda r: f"{r.date:%d %b}: {r.get_channel_display()}, started by {r.get_initiated_by_display().lower()}, {r.get_response_display().lower()}",
    "Hangout": lambda r: f"{r.date:%d %b}: {r.kind}, felt {r.get_felt_display().lower()}",
    "Conversation": lambda r: f"{r.date:%d %b}: {r.get_outcome_display()}",
    "TrialCheckIn": lambda r: f"{r.date:%d %b}: " + ", ".join(f"{CRITERIA_SHORT.get(k, k)} {v}" for k, v in r.scores.items()),
    "Concern": lambda r: f"{r.date:%d %b}: {r.who} — {r.topic}",
    "WritingSession": lambda r: f"{r.date:%d %b}: {r.minutes} minutes" + (f", felt {r.get_felt_display().lower()}" if r.felt else ""),
}


@register.filter
def summary(record):
    describe = _SUMMARIES.get(type(record).__name__)
    return describe(record) if describe else str(record)


@register.filter
def cause_label(cause_id):
    cause = CAUSE_BY_ID.get(cause_id)
    return cause.label if cause else cause_id


@register.filter
def humanize_id(value):
    return str(value).replace("_", " ")


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)


@register.simple_tag
def submission_token():
    """A hidden field naming this one showing of a form, so sending it twice saves it once."""
    return format_html('<input type="hidden" name="submission" value="{}">', secrets.token_hex(16))
