"""A person's data export, written row by row: memory stays flat however long their history is."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.apps import apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

ROWS_PER_QUERY = 500


# Bookkeeping that belongs to the account, not records the person made.
NOT_EXPORTED = {"journey.planstamp"}


def owned_models():
    """Every model with rows that belong to one person."""
    return [
        model for model in apps.get_models()
        if any(f.name == "owner" for f in model._meta.get_fields()) and model._meta.label_lower not in NOT_EXPORTED
    ]


def _dumps(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def export_chunks(user) -> Iterator[str]:
    """The export as JSON text, in pieces: {"exported_at", "username", "records": {model: [rows]}}."""
    yield f'{{"exported_at": {_dumps(timezone.now().isoformat())}, "username": {_dumps(user.get_username())}, "records": {{'
    for number, model in enumerate(owned_models()):
        yield f'{"," if number else ""}\n  {_dumps(model._meta.label_lower)}: ['
        rows = model.objects.filter(owner=user).order_by("pk").iterator(chunk_size=ROWS_PER_QUERY)
        for count, row in enumerate(rows):
            (serialised,) = serializers.serialize("python", [row])
            yield f'{"," if count else ""}\n    {_dumps(serialised)}'
        yield "\n  ]"
    yield "\n}}\n"
