"""A person's data export, written row by row: memory stays flat however long their history is."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

ROWS_PER_QUERY = 500


# Bookkeeping and private links (their tokens are secrets), not records the person made.
NOT_EXPORTED = {"journey.planstamp", "journey.calendarfeed", "journey.emailreminder"}


def owned_models():
    """Every model with rows that belong to one person."""
    return [
        model for model in apps.get_models()
        if any(f.name == "owner" for f in model._meta.get_fields()) and model._meta.label_lower not in NOT_EXPORTED
    ]


def _dumps(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def _rows(model, user) -> Iterator[dict]:
    """Each row as Django's serialiser writes it ({"model", "pk", "fields"}), read as plain values, not model instances."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    label = model._meta.label_lower
    values = model.objects.filter(owner=user).order_by("pk").values_list("pk", *(f.attname for f in fields))
    for pk, *row in values.iterator(chunk_size=ROWS_PER_QUERY):
        yield {"model": label, "pk": pk, "fields": {f.name: value for f, value in zip(fields, row)}}


def export_chunks(user) -> Iterator[str]:
    """The export as JSON text, in pieces: {"exported_at", "username", "records": {model: [rows]}}."""
    yield f'{{"exported_at": {_dumps(timezone.now().isoformat())}, "username": {_dumps(user.get_username())}, "records": {{'
    for number, model in enumerate(owned_models()):
        yield f'{"," if number else ""}\n  {_dumps(model._meta.label_lower)}: ['
        for count, row in enumerate(_rows(model, user)):
            yield f'{"," if count else ""}\n    {_dumps(row)}'
        yield "\n  ]"
    yield "\n}}\n"
