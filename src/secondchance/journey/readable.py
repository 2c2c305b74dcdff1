"""Everything a person has written, in the words of the questions they answered, to read or print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.utils import timezone

from secondchance.accounts.models import Profile
from secondchance.program import readiness

from . import models as m
from .forms import BoundedDateForm, SafetyPlanForm
from .records import RECORD_KINDS


@dataclass
class Entry:
    heading: str
    lines: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Section:
    title: str
    entries: list[Entry]


def _shown(value, form_field) -> str:
    """A stored value as the person chose it on the form: the choice's words, Yes/No, a date."""
    if value in (None, "", [], {}):
        return ""
    choices = dict((str(k), v) for k, v in getattr(form_field, "choices", ()) if k not in ("", None))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(choices.get(str(item), item)) for item in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%-d %B %Y, %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%-d %B %Y")
    return str(choices.get(str(value), value))


def _form_lines(form) -> list[tuple[str, str]]:
    lines = []
    for bound in form:
        if bound.is_hidden or isinstance(bound.field, forms.BooleanField) and bound.name.startswith("confirm"):
            continue
        shown = _shown(bound.initial, bound.field)
        if shown:
            lines.append((str(bound.label), shown))
    return lines


def _record_form(kind, row, user, today):
    kwargs = {"today": today} if issubclass(kind.form, BoundedDateForm) else {}
    if kind.model is m.GoalCheckIn:
        kwargs["owner"] = user
    return kind.form(instance=row, **kwargs)


def _filled_in(kind, row) -> bool:
    """Whether the person changed anything on a form that starts out filled with defaults."""
    return any(getattr(row, name) != row._meta.get_field(name).get_default() for name in kind.form.base_fields)


def _record_heading(kind, row) -> str:
    when = getattr(row, "date", None) or getattr(row, "created_at", None)
    return f"{kind.label}, {_shown(when, None)}" if when else kind.label


def _record_sections(user, profile, today) -> list[Section]:
    sections = []
    for kind in RECORD_KINDS.values():
        if kind.model is Profile:
            rows = [profile] if _filled_in(kind, profile) else []
        else:
            rows = kind.model.objects.owned_by(user).order_by("pk")
            if kind.model is m.Event:
                rows = rows.filter(kind__in=kind.form.USER_KINDS)
        entries = [Entry(_record_heading(kind, row), _form_lines(_record_form(kind, row, user, today))) for row in rows]
        entries = [entry for entry in entries if entry.lines]
        if entries:
            sections.append(Section(kind.label, entries))
    return sections


def _check_sections(user) -> list[Section]:
    entries = []
    for check in m.Assessment.objects.owned_by(user).exclude(completed_at=None).order_by("completed_at"):
        lines = [
            (readiness.QUESTIONS[key].prompt, readiness.QUESTIONS[key].label_for(answer))
            for key, answer in check.answers.items() if key in readiness.QUESTIONS and answer
        ]
        entries.append(Entry(f"Check of {_shown(check.completed_at, None)}", lines))
    return [Section("Your checks", entries)] if entries else []


def _safety_plan_section(user) -> list[Section]:
    plan = m.SafetyPlan.objects.owned_by(user).first()
    if plan is None or plan.is_empty():
        return []
    lines = [(str(SafetyPlanForm.base_fields[name].label), getattr(plan, name)) for name in m.SAFETY_PLAN_FIELDS]
    return [Section("Your safety plan", [Entry("", [line for line in lines if line[1].strip()])])]


def _draft_section(user) -> list[Section]:
    drafts = m.Draft.objects.owned_by(user).order_by("created_at")
    entries = [Entry(f"Draft of {_shown(d.created_at, None)}", [("Your words", d.text)]) for d in drafts]
    return [Section("Drafts kept in the coach", entries)] if entries else []


def readable_records(user, today) -> list[Section]:
    """Each kind of record the person keeps, oldest first, with the questions' own words."""
    profile = Profile.for_user(user)
    return [*_check_sections(user), *_record_sections(user, profile, today), *_safety_plan_section(user), *_draft_section(user)]
