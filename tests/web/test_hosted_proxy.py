"""Hosted mode behind a TLS proxy: a real `secondchance serve`, reached as the proxy would reach it."""

import http.client
import os

import pytest

HOST = "notes.example.org"


@pytest.fixture(scope="module")
def hosted_server(tmp_path_factory):
    from .test_guard_concurrency import _start

    env = {
        **os.environ,
        "SECONDCHANCE_DATA_DIR": str(tmp_path_factory.mktemp("hosted")),
        "SECONDCHANCE_HOSTED": "1",
        "SECONDCHANCE_SECRET_KEY": "test-only-" + "x" * 50,
        "SECONDCHANCE_ALLOWED_HOSTS": HOST,
        "SECONDCHANCE_TRUSTED_PROXY": "127.0.0.1",
    }
    env.pop("DATABASE_URL", None)
    server, port = _start(env)
    yield port
    server.terminate()
    server.wait(timeout=20)


def _get(port, path, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": HOST, **headers})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_a_forwarded_https_request_is_served_not_redirected(hosted_server):
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    page = _get(hosted_server, "/accounts/login/", forwarded)
    assert page.status == 200
    assert "Secure" in page.getheader("Set-Cookie", "")
    assert _get(hosted_server, "/", forwarded).status == 200


def test_plain_http_is_sent_to_https(hosted_server):
    response = _get(hosted_server, "/accounts/login/", {})
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/accounts/login/"
