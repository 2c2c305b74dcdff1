"""The plan, computed once per change: kept per person until something they own changes or their day moves.

Every save or delete of a person's rows bumps their stamp, in the same transaction as the
write; the cache key holds the stamp, their local date and the code's version, so a stale
plan is never read: it is simply never asked for again.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import post_delete, post_save

import secondchance
from secondchance.accounts.models import Profile

from . import models as m
from .clock import today_for
from .snapshot import journey_for

# A day and a half: a person's plan is rebuilt at least once a day anyway, when their date moves.
KEPT_SECONDS = 36 * 3600
# Bump when the plan's shape changes without a new release, so no old pickled plan is read.
PLAN_FORMAT = 1


def bump(owner_id) -> None:
    """Something this person owns changed: their next plan is computed afresh."""
    if not m.PlanStamp.objects.filter(owner_id=owner_id).update(version=F("version") + 1):
        m.PlanStamp.objects.get_or_create(owner_id=owner_id, defaults={"version": 1})


def _stamp(user) -> int:
    return m.PlanStamp.objects.filter(owner=user).values_list("version", flat=True).first() or 0


def _key(user, stamp: int, today) -> str:
    # The account's creation time too: an id a test database (or a restored backup) hands out
    # again never meets the plan of the account that had it before.
    joined = user.date_joined.isoformat()
    return f"plan:{secondchance.__version__}:{PLAN_FORMAT}:{user.pk}:{joined}:{stamp}:{today.isoformat()}"


def plan_for(user):
    """The person's plan for their own today, their profile and that date."""
    profile = Profile.for_user(user)
    today = today_for(profile)
    key = _key(user, _stamp(user), today)
    plan = cache.get(key)
    if plan is None:
        from secondchance.program.plan import build_plan  # imported on first use: the server starts sooner

        plan = build_plan(journey_for(user), today)
        cache.set(key, plan, KEPT_SECONDS)
    return plan, profile, today


def _owned_row_saved(sender, instance, raw=False, **kwargs):
    bump(instance.owner_id)


def _owned_row_deleted(sender, instance, **kwargs):
    # Only ever an update: while an account is being deleted, a new stamp must not appear.
    m.PlanStamp.objects.filter(owner_id=instance.owner_id).update(version=F("version") + 1)


def connect() -> None:
    """Watch every model a person owns (and their profile) for saves and deletes."""
    from secondchance.accounts.export import owned_models

    for model in owned_models():
        if model is m.Submission:
            continue
        post_save.connect(_owned_row_saved, sender=model, dispatch_uid=f"plan-stamp-save-{model._meta.label}")
        post_delete.connect(_owned_row_deleted, sender=model, dispatch_uid=f"plan-stamp-delete-{model._meta.label}")
