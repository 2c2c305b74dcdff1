import threading

import pytest
from django.db import connection, connections, transaction

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite settings only apply to SQLite")


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """A second database alias: a SQLite file with the app's own OPTIONS."""
    alias = "concurrency"
    connections.settings[alias] = {**connections.settings["default"], "NAME": str(tmp_path / "concurrency.sqlite3")}
    with django_db_blocker.unblock():
        yield alias
        connections[alias].close()
    del connections.settings[alias]


@on_sqlite
def test_sqlite_settings_survive_concurrent_writes(file_database):
    """Read-then-write transactions from many threads: the pattern that fails with DEFERRED."""
    with connections[file_database].cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    errors = []

    def bump(times):
        try:
            for _ in range(times):
                with transaction.atomic(using=file_database), connections[file_database].cursor() as cursor:
                    cursor.execute("SELECT n FROM counter")
                    (n,) = cursor.fetchone()
                    cursor.execute("UPDATE counter SET n = %s", [n + 1])
        except Exception as error:  # noqa: BLE001 - any failure is the finding
            errors.append(error)
        finally:
            connections[file_database].close()

    threads = [threading.Thread(target=bump, args=(25,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with connections[file_database].cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        assert cursor.fetchone()[0] == 8 * 25
