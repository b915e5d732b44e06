"""Reads of public pages may go to a read replica; registration and transactions read the primary.

Runs the app in a fresh process with two SQLite files: the replica is a copy of
the primary taken before an event was added, i.e. a replica that lags behind.
"""

import json
import shutil

import pytest
from django.db import connection

from tests.servers import app_env, django_run

CHECK = """
import json
from django.db import transaction
from django.test import Client
from samspil.core.db import use_replica
from samspil.events.models import Event
from tests.factories import EventFactory

EventFactory(slug="fresh", title={"en": "Fresh event"})
client = Client()
with use_replica():
    in_transaction = transaction.atomic()
    with in_transaction:
        seen_in_transaction = Event.objects.filter(slug="fresh").exists()
    seen_outside = Event.objects.filter(slug="fresh").exists()
health = client.get("/health/").json()
print(json.dumps({
    "list_shows_it": "Fresh event" in client.get("/en/events/").text,
    "public_page": client.get("/en/events/fresh/").status_code,
    "registration_form": client.get("/en/events/fresh/register/").status_code,
    "seen_by_default": Event.objects.filter(slug="fresh").exists(),
    "seen_in_transaction": seen_in_transaction,
    "seen_outside_transaction": seen_outside,
    "health_checks": sorted(health["checks"]),
    "health": health["status"],
}))
"""


def test_public_pages_read_the_replica_and_registration_the_primary(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("runs its own SQLite files once, in the SQLite pass")
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    django_run(
        app_env(tmp_path, DATABASE_URL=f"sqlite:///{primary}"),
        "from django.core.management import call_command\ncall_command('migrate', verbosity=0)",
    )
    shutil.copy(primary, replica)
    env = app_env(
        tmp_path,
        DATABASE_URL=f"sqlite:///{primary}",
        DATABASE_REPLICA_URL=f"sqlite:///{replica}",
        ALLOWED_HOSTS="testserver",
        SAMSPIL_PAGE_CACHE_SECONDS="0",
    )

    seen = json.loads(django_run(env, CHECK))

    assert seen == {
        "list_shows_it": False,  # the replica has not caught up yet
        "public_page": 404,
        "registration_form": 200,  # registration reads the primary
        "seen_by_default": True,
        "seen_in_transaction": True,
        "seen_outside_transaction": False,
        "health_checks": ["cache", "database", "database_replica", "queue"],
        "health": "ok",
    }
