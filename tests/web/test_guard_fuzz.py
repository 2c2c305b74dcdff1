"""Fuzzing every form: hostile values for every field of every form the resolver serves.

No answer may be a server error, and a refused form must leave no row behind.
"""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.journey.records import RECORD_KINDS

from .test_guard_ownership import owned_models, url_patterns

pytestmark = pytest.mark.django_db

HOSTILE_TEXT = st.one_of(
    st.just(""),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=200),
    st.just("\x00"),
    st.just("x" * 20_000),
    st.just("²³¹١٢"),
    st.just("<script>alert(1)</script>"),
    st.sampled_from(["9999-12-31", "0001-01-01", "2026-02-30", "-1", "1e309", "NaN", "99999999999999999999"]),
)
CONTENT_TYPES = st.sampled_from([
    None,
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=nonsense",
    "text/plain",
    "application/json",
])


def form_endpoints():
    """Every POST endpoint without an id: record kinds from their slug, the rest from the resolver."""
    endpoints = [(reverse("add_record", args=[slug]), sorted(kind.form.base_fields)) for slug, kind in RECORD_KINDS.items()]
    for route, pattern in url_patterns():
        if "<" in route or not pattern.name:
            continue
        endpoints.append(("/" + route, ["text", "kind", "date", "password", "email", "country", "time_zone", "q"]))
    return endpoints


ENDPOINTS = form_endpoints()


def _counts(user):
    return {m.__name__: m.objects.filter(owner=user).count() for m in owned_models()}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_no_hostile_form_gets_a_server_error_or_leaves_half_a_row(alice_client, alice, data):
    from urllib.parse import urlencode

    path, fields = data.draw(st.sampled_from(ENDPOINTS), label="endpoint")
    chosen = data.draw(st.lists(st.sampled_from(fields), unique=True), label="fields") if fields else []
    values = {name: data.draw(HOSTILE_TEXT, label=name) for name in chosen}
    if data.draw(st.booleans(), label="extra field"):
        values["unexpected_field"] = data.draw(HOSTILE_TEXT)
    content_type = data.draw(CONTENT_TYPES, label="content type")
    before = _counts(alice)
    if content_type is None:
        response = alice_client.post(path, values)
    else:
        charset = content_type.partition("charset=")[2] or "utf-8"
        try:
            body = urlencode(values).encode(charset)
        except (LookupError, UnicodeEncodeError):
            body = urlencode(values).encode("utf-8")
        response = alice_client.generic("POST", path, data=body, content_type=content_type)
    assert response.status_code < 500, (path, values, content_type)
    page = response.content.decode("utf-8", "replace")
    if "That didn't save" in page or "error-summary" in page:
        after = _counts(alice)
        assert after == before, (path, values)
