import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from samspil.api.services import api_token_create
from tests.factories import StaffFactory
from tests.servers import free_port, wait_until_up


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def make_token(staff):
    """Create a token (for an event or an organisation) and return its secret."""

    def make(*, event=None, organisation=None, created_by=None, name="Test token") -> str:
        _token, secret = api_token_create(
            name=name, event=event, organisation=organisation, created_by=created_by or staff
        )
        return secret

    return make


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


# The live server for schemathesis -------------------------------------------------
# gunicorn serves a fresh SQLite database with the demo data, as `make demo` sets it up,
# plus a staff member and a token scoped to the demo's meetup.

LIVE_EVENT = "public-innovation-week-meetup"
# The API's rate limit would answer the fuzzer's burst with 429 (declared, so allowed,
# but it would stop the fuzzer from reaching the operations); its own test crosses it.
LIVE_SETTINGS = """
from samspil.settings import *  # noqa: F403

SAMSPIL_RATE_LIMITS = {**globals().get("SAMSPIL_RATE_LIMITS", {}), "api": "1000000/m"}
"""


@dataclass(frozen=True)
class LiveApi:
    url: str
    token: str


@pytest.fixture(scope="session")
def live_api(tmp_path_factory) -> Iterator[LiveApi]:
    data = tmp_path_factory.mktemp("api-live")
    (data / "api_live_settings.py").write_text(LIVE_SETTINGS)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{data / 'api.sqlite3'}",
        "SAMSPIL_DATA_DIR": str(data),
        "DJANGO_SETTINGS_MODULE": "api_live_settings",
        "PYTHONPATH": os.pathsep.join([str(data), os.environ.get("PYTHONPATH", "")]),
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "LOG_LEVEL": "ERROR",
        "EMAIL_URL": "dummymail://",
        "DJANGO_SUPERUSER_PASSWORD": "not-used-by-the-api",
    }
    samspil = [sys.executable, "-m", "samspil"]

    def run(*arguments: str) -> str:
        return subprocess.run(
            [*samspil, *arguments], env=env, check=True, capture_output=True, text=True
        ).stdout

    run("migrate", "--no-input", "-v0")
    run("demo")
    run("createsuperuser", "--no-input", "--username", "api-tester", "--email", "a@example.org")
    token = run(
        "api_token",
        "create",
        "--name",
        "schemathesis",
        "--event",
        LIVE_EVENT,
        "--user",
        "api-tester",
    ).strip()
    port = free_port()
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "samspil.wsgi",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--threads=4",
            "--log-level=warning",
        ],
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/api/openapi.json", process)
        yield LiveApi(url=url, token=token)
    finally:
        process.terminate()
        process.wait(timeout=10)
