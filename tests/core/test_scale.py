"""Must-show tests of the production profile: several app processes, Redis, a failing database.

They run in `make test`'s PostgreSQL pass (marker `scale`; skipped on SQLite):
each starts its own servers as processes and drives the app over HTTP.
"""

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.db import connection

from samspil.registrations.models import MailDelivery, Registration, RegistrationStatus
from tests.factories import EventFactory
from tests.servers import (
    BIN,
    app_env,
    django_run,
    gunicorn,
    gunicorns,
    open_form,
    post_form,
    postgres_server,
    process,
    redis_server,
    request,
)
from tests.smtp import smtp_server

pytestmark = [pytest.mark.scale]

S = RegistrationStatus


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass (scripts/with-postgres.sh sets DATABASE_URL)")


def database_url() -> str:
    """The URL of the test database pytest-django created, for the app processes."""
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def registration_data(index: int) -> dict[str, str]:
    return {
        "name": f"Participant {index}",
        "email": f"participant{index}@example.org",
        "organisation": "Odense Kommune",
        "role_category": "employee",
        "municipality": "Odense",
    }


def run_together(jobs) -> list:
    """Start every job at the same moment (a barrier); their results in order."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = jobs[index]()
        except Exception as error:  # a failed request is a result to assert on
            results[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_app_servers_with_redis_never_oversell_and_mail_each_registrant_once(tmp_path):
    capacity, clients = 20, 60
    event = EventFactory(slug="scale-rush", capacity=capacity)
    path = f"/en/events/{event.slug}/register/"

    with redis_server(tmp_path) as redis_url, smtp_server() as mailbox:
        env = app_env(
            tmp_path,
            DATABASE_URL=database_url(),
            REDIS_URL=redis_url,
            EMAIL_URL=mailbox.url,
            # Every client posts from 127.0.0.1; the limits are tested on Redis elsewhere.
            SAMSPIL_RATE_LIMITS_ENABLED="false",
        )
        with (
            process([str(BIN / "samspil"), "worker"], env, tmp_path / "worker.log"),
            gunicorns(env, [tmp_path / "web-1.log", tmp_path / "web-2.log"]) as (first, second),
        ):
            ports = [first if index % 2 else second for index in range(clients)]
            with ThreadPoolExecutor(max_workers=8) as pool:
                forms = list(pool.map(lambda port: open_form(port, path), ports))
            jobs = [
                lambda i=index: post_form(ports[i], path, forms[i], registration_data(i))
                for index in range(clients)
            ]

            results = run_together(jobs)

            assert [result[0] for result in results] == [302] * clients
            statuses = Counter(
                Registration.objects.filter(event=event).values_list("status", flat=True)
            )
            assert statuses == {S.CONFIRMED: capacity, S.WAITING: clients - capacity}
            mailbox.wait_for(clients, timeout=60)
            time.sleep(1)  # a mail sent twice would arrive now
            worker_log = (tmp_path / "worker.log").read_text()

    per_address = Counter(address for mail in mailbox.received for address in mail.rcpt_tos)
    assert per_address == {registration_data(i)["email"]: 1 for i in range(clients)}, worker_log
    deliveries = MailDelivery.objects.filter(registration__event=event)
    assert Counter(deliveries.values_list("kind", "status", "attempts")) == {
        ("confirmed", "sent", 1): capacity,
        ("waiting", "sent", 1): clients - capacity,
    }


def test_database_outage_during_a_registration_burst_gets_try_again_pages(tmp_path):
    capacity, clients = 10, 30
    outage_starts, outage_seconds = 0.6, 2.0
    with postgres_server() as postgres:
        env = app_env(
            tmp_path,
            DATABASE_URL=postgres.url,
            EMAIL_URL="dummymail://",
            SAMSPIL_RATE_LIMITS_ENABLED="false",  # every client posts from 127.0.0.1
        )
        django_run(
            env,
            "from django.core.management import call_command\n"
            "from tests.factories import EventFactory\n"
            "call_command('migrate', verbosity=0)\n"
            f"EventFactory(slug='outage', capacity={capacity})",
        )
        path = "/en/events/outage/register/"
        with gunicorn(env, tmp_path / "web.log") as port:
            with ThreadPoolExecutor(max_workers=8) as pool:
                forms = list(pool.map(lambda _index: open_form(port, path), range(clients)))
            outcomes: list[list[tuple[int, str]]] = [[] for _ in range(clients)]
            start = time.monotonic()

            def client(index: int):
                # Spread over the outage: some before, many during, some after.
                time.sleep(index * (outage_starts + outage_seconds + 0.6) / clients)
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    try:
                        status, headers, body = post_form(
                            port, path, forms[index], registration_data(index), timeout=10
                        )
                    except OSError as error:
                        outcomes[index].append((0, str(error)))
                        time.sleep(0.2)
                        continue
                    outcomes[index].append((status, body))
                    if status != 503:
                        return status
                    assert headers["Retry-After"] == "10"
                    time.sleep(0.2)
                return None

            def outage():
                time.sleep(outage_starts)
                postgres.stop("immediate")
                down = time.monotonic() - start
                time.sleep(outage_seconds)
                during = request(port, "GET", "/health/")[0]
                postgres.start()
                return down, during

            *finals, (down_at, health_during) = run_together(
                [lambda i=index: client(i) for index in range(clients)] + [outage]
            )
            health_after = request(port, "GET", "/health/")[0]
            page_after = request(port, "GET", "/en/events/outage/")[0]
        with psycopg.connect(postgres.url) as db:
            stored = db.execute(
                "SELECT r.email, r.status FROM registrations_registration r"
                " JOIN events_event e ON e.id = r.event_id WHERE e.slug = 'outage'"
            ).fetchall()

    unavailable = [body for tries in outcomes for status, body in tries if status == 503]
    assert unavailable, f"no request fell in the outage (it began after {down_at:.1f} s)"
    assert all("Please try again in a moment" in body for body in unavailable)
    assert (health_during, health_after, page_after) == (503, 200, 200)
    # Every client ends registered (302), or learns that an earlier try did count (400).
    assert all(final in {302, 400} for final in finals), finals
    emails = Counter(email for email, _status in stored)
    statuses = Counter(status for _email, status in stored)
    # None lost, none duplicated; the seats still add up.
    assert emails == {registration_data(i)["email"]: 1 for i in range(clients)}
    assert statuses == {S.CONFIRMED: capacity, S.WAITING: clients - capacity}
