"""Ownership by enumeration: every URL pattern that takes an id, filled with another person's ids.

The patterns come from the resolver, not a hand list, so a new page is covered
without anyone remembering to add it.
"""

import datetime as dt

import pytest
from django.apps import apps
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver

from secondchance.journey.models import OwnedModel
from secondchance.journey.records import RECORD_KINDS
from secondchance.program.readiness import STEPS

pytestmark = pytest.mark.django_db


def url_patterns(resolver=None, prefix=""):
    """(route, pattern) for every pattern the app serves."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def owned_models():
    return [m for m in apps.get_models() if issubclass(m, OwnedModel)]


def _value_for(field, owner, made):
    if isinstance(field, models.ForeignKey):
        return made.get(field.related_model) or make_row(field.related_model, owner, made)
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.DateTimeField):
        return dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    if isinstance(field, models.DateField):
        return dt.date(2026, 1, 1)
    if isinstance(field, (models.IntegerField, models.FloatField)):
        return 1
    if isinstance(field, models.JSONField):
        return {}
    return "bob's own words"


def make_row(model, owner, made):
    values = {"owner": owner}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name == "owner" or field.has_default() or field.null or getattr(field, "auto_now_add", False):
            continue
        if field.blank and not isinstance(field, (models.ForeignKey, models.DateField)):
            continue
        values[field.name] = _value_for(field, owner, made)
    made[model] = model.objects.create(**values)
    return made[model]


def snapshot(owner):
    return {m.__name__: sorted(map(repr, m.objects.filter(owner=owner).values())) for m in owned_models()}


def _fillings(route, rows):
    """Every way to fill a route's converters with bob's ids (and valid slugs around them)."""
    if "<int:pk>" not in route:
        return []
    slugs = {"slug": sorted(RECORD_KINDS), "step_id": [STEPS[0].id], "stage_id": ["understand"]}
    fillings = []
    for row in rows:
        kwargs = [{"pk": row.pk}]
        for name, values in slugs.items():
            if f":{name}>" in route:
                kwargs = [{**k, name: v} for k in kwargs for v in values]
        fillings += kwargs
    return fillings


def test_every_id_taking_page_hides_and_protects_another_persons_rows(alice_client, bob):
    made = {}
    for model in owned_models():
        if model not in made:
            make_row(model, bob, made)
    rows = list(made.values())
    before = snapshot(bob)
    checked = 0
    for route, pattern in url_patterns():
        for kwargs in _fillings(route, rows):
            path = "/" + route
            for name, value in kwargs.items():
                path = path.replace(f"<int:{name}>", str(value)).replace(f"<slug:{name}>", str(value))
            for method in ("get", "post"):
                response = getattr(alice_client, method)(path)
                assert response.status_code in (404, 405), (method, path, response.status_code)
                checked += 1
    assert checked > 50
    assert snapshot(bob) == before
