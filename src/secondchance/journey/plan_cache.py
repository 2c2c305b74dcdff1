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


# Moves with every stamp this process moves: a key read earlier in a request is read again after a write.
_writes = [0]


def bump(owner_id) -> None:
    """Something this person owns changed: their next plan is computed afresh."""
    _writes[0] += 1
    if not m.PlanStamp.objects.filter(owner_id=owner_id).update(version=F("version") + 1):
        m.PlanStamp.objects.get_or_create(owner_id=owner_id, defaults={"version": 1})


def _stamp(user) -> int:
    return m.PlanStamp.objects.filter(owner=user).values_list("version", flat=True).first() or 0


def _key(user, stamp: int, today) -> str:
    # The account's creation time too: an id a test database (or a restored backup) hands out
    # again never meets the plan of the account that had it before.
    joined = user.date_joined.isoformat()
    return f"plan:{secondchance.__version__}:{PLAN_FORMAT}:{user.pk}:{joined}:{stamp}:{today.isoformat()}"


def _request_key(user):
    """The person's key for this request (read once: the user object lives as long as the request)."""
    profile = Profile.for_user(user)
    today = today_for(profile)
    key = getattr(user, "_plan_key", None)
    if key is None or key[1:] != (today, _writes[0]):
        key = user._plan_key = (_key(user, _stamp(user), today), today, _writes[0])
    return key[0], profile, today


def kept(user, name: str, compute):
    """Something read from the person's rows, kept like their plan: until one of those rows changes or their day moves.

    ``compute`` must read only rows the person owns (each write to them moves the stamp)."""
    key, _, _ = _request_key(user)
    value = cache.get(f"{key}:{name}")
    if value is None:
        value = compute()
        cache.set(f"{key}:{name}", value, KEPT_SECONDS)
    return value


def plan_for(user):
    """The person's plan for their own today, their profile and that date."""
    key, profile, today = _request_key(user)
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
    _writes[0] += 1
    m.PlanStamp.objects.filter(owner_id=instance.owner_id).update(version=F("version") + 1)


def connect() -> None:
    """Watch every model a person owns (and their profile) for saves and deletes."""
    from secondchance.accounts.export import owned_models

    for model in owned_models():
        if model is m.Submission:
            continue
        post_save.connect(_owned_row_saved, sender=model, dispatch_uid=f"plan-stamp-save-{model._meta.label}")
        post_delete.connect(_owned_row_deleted, sender=model, dispatch_uid=f"plan-stamp-delete-{model._meta.label}")
