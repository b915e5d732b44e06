import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached pages and rate limits of one test
    must not leak into the next (its rows are rolled back, the cache is not)."""
    cache.clear()


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in English, whatever the one before it activated."""
    with translation.override("en"):
        yield


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """Give SQLite's test database a file, so that threads share it.

    Django's default SQLite test database is a shared-cache in-memory one, which
    locks per table and fails concurrent writers at once ("database table is
    locked") instead of letting them wait (tests/registrations/test_concurrency.py).
    """
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path_factory.mktemp("sqlite") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(path)
