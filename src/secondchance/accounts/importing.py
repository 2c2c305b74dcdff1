"""Bring a data export back into an empty account: all of it, or nothing at all."""

from __future__ import annotations

import json

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.base import DeserializationError
from django.db import transaction

from .export import owned_models

MAX_IMPORT_BYTES = 20 * 1024 * 1024
# Kept only to stop a form being saved twice; they mean nothing in another account.
NOT_RESTORED = {"journey.submission"}


class ImportRefused(Exception):
    """The file can't be brought in; the message says why, in the person's words, and nothing changed."""


def _parse(raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ImportRefused("That file isn't a Second Chance download: it isn't readable as one.") from None
    if not isinstance(data, dict) or not isinstance(data.get("records"), dict):
        raise ImportRefused("That file isn't a Second Chance download: it has no records in it.")
    return data["records"]


def _has_records(user) -> bool:
    """Anything the person has made: a profile and a check with no answers yet don't count."""
    for model in owned_models():
        label = model._meta.label_lower
        if label in NOT_RESTORED or label == "accounts.profile":
            continue
        rows = model.objects.filter(owner=user)
        if label == "journey.assessment":
            rows = rows.exclude(answers={})
        if rows.exists():
            return True
    return False


def _foreign_keys(model):
    return [f for f in model._meta.concrete_fields if f.is_relation and f.name != "owner"]


def _restore_row(user, model, row, new_pks: dict) -> None:
    label = model._meta.label_lower
    if not isinstance(row, dict) or row.get("model") != label or not isinstance(row.get("fields"), dict):
        raise ImportRefused("Part of that file is damaged, so nothing was brought in.")
    fields = {**row["fields"], "owner": user.pk}
    for key in _foreign_keys(model):
        target = key.related_model._meta.label_lower
        old = fields.get(key.name)
        if (target, old) not in new_pks:
            raise ImportRefused("Part of that file points at a record that isn't in it, so nothing was brought in.")
        fields[key.name] = new_pks[(target, old)]
    pk = model.objects.get(owner=user).pk if label == "accounts.profile" else None
    try:
        (restored,) = serializers.deserialize("python", [{"model": label, "pk": pk, "fields": fields}])
        restored.object.full_clean(validate_unique=False, validate_constraints=False)
    except (DeserializationError, ValidationError, ValueError, TypeError):
        raise ImportRefused(f"A record in that file ({model._meta.verbose_name}) isn't valid, so nothing was brought in.") from None
    restored.save()
    new_pks[(label, row.get("pk"))] = restored.object.pk


def import_records(user, raw: bytes) -> int:
    """Restore an export into the person's empty account; the number of records brought in."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportRefused("That file is larger than any Second Chance download we'd expect (20 MB at most).")
    records = _parse(raw)
    known = {model._meta.label_lower: model for model in owned_models()}
    unknown = set(records) - set(known)
    if unknown:
        raise ImportRefused("That file holds things Second Chance doesn't keep, so nothing was brought in.")
    if _has_records(user):
        raise ImportRefused("Your account already has records. Bringing a download in only works into an empty account, so nothing was changed.")
    restored = 0
    new_pks: dict = {}
    with transaction.atomic():
        apps.get_model("journey", "assessment").objects.filter(owner=user).delete()
        apps.get_model("accounts", "profile").objects.get_or_create(owner=user)
        for label, model in known.items():  # in the models' own order: a goal before its check-ins
            if label in NOT_RESTORED:
                continue
            rows = records.get(label, [])
            if not isinstance(rows, list):
                raise ImportRefused("Part of that file is damaged, so nothing was brought in.")
            for row in rows:
                _restore_row(user, model, row, new_pks)
                restored += 1
    return restored
