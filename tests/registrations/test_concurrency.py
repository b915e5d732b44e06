"""Registration never overbooks: many threads race for the same seats at once.

Each thread has its own database connection and commits for real, so these
tests see what the capacity lock does between concurrent transactions: on
PostgreSQL the event row lock, on SQLite the write lock of an IMMEDIATE
transaction. `make test` runs this file on both.
"""

import threading
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from samspil.registrations import services
from samspil.registrations.models import Registration, RegistrationStatus
from tests.factories import EventFactory, SiteFactory

pytestmark = pytest.mark.django_db(transaction=True)

S = RegistrationStatus
HELD = {S.CONFIRMED, S.OFFERED}
# Generous: a thread that waits this long for the barrier or to finish is stuck.
STUCK_SECONDS = 120


@pytest.fixture(autouse=True)
def _threads_share_the_database():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.fail(
            "Threads cannot share SQLite's in-memory test database: tests/conftest.py must "
            "give it a file (django_db_modify_db_settings)."
        )


def register(event, email, site=None, now=None):
    return services.registration_create(
        event=event,
        site=site,
        name="Anna Andersen",
        email=email,
        organisation="Odense Kommune",
        role_category="employee",
        municipality="Odense",
        answers={},
        language="da",
        now=now,
    )


def run_together(jobs: list[Callable[[], object]]) -> list[object]:
    """Run every job in its own thread, all released at once; return results or exceptions."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(index: int, job: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=STUCK_SECONDS)
            results[index] = job()
        except Exception as error:  # the test inspects what each thread got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=STUCK_SECONDS)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck"
    return results


def unexpected(results: list[object]) -> list[object]:
    return [result for result in results if not isinstance(result, Registration)]


def status_counts(event, **filters) -> dict[str, int]:
    rows = Registration.objects.filter(event=event, **filters).values_list("status", flat=True)
    return dict(Counter(rows))


def test_200_racing_for_50_seats_end_with_50_confirmed_and_150_waiting():
    event = EventFactory(capacity=50)
    emails = [f"p{n}@example.org" for n in range(200)]

    results = run_together([lambda email=email: register(event, email) for email in emails])

    assert unexpected(results) == []
    assert status_counts(event) == {S.CONFIRMED: 50, S.WAITING: 150}
    stored = sorted(Registration.objects.filter(event=event).values_list("email", flat=True))
    assert stored == sorted(emails)
    # Every thread got the row it created, with the status the database holds.
    assert sorted(result.pk for result in results) == sorted(
        Registration.objects.filter(event=event).values_list("pk", flat=True)
    )
    assert Counter(result.status for result in results) == {S.CONFIRMED: 50, S.WAITING: 150}


def test_200_racing_for_two_sites_fill_each_site_to_its_own_capacity():
    event = EventFactory(capacity=None)
    small, large = SiteFactory(event=event, capacity=20), SiteFactory(event=event, capacity=30)
    jobs = [
        lambda n=n: register(event, f"p{n}@example.org", site=small if n % 2 else large)
        for n in range(200)
    ]

    results = run_together(jobs)

    assert unexpected(results) == []
    assert status_counts(event, site=small) == {S.CONFIRMED: 20, S.WAITING: 80}
    assert status_counts(event, site=large) == {S.CONFIRMED: 30, S.WAITING: 70}
    assert Registration.objects.filter(event=event).values("email").distinct().count() == 200


def test_200_racing_for_an_event_capacity_below_its_sites_fill_only_the_event():
    event = EventFactory(capacity=50)
    one, two = SiteFactory(event=event, capacity=40), SiteFactory(event=event, capacity=40)
    jobs = [
        lambda n=n: register(event, f"p{n}@example.org", site=one if n % 2 else two)
        for n in range(200)
    ]

    results = run_together(jobs)

    assert unexpected(results) == []
    assert status_counts(event) == {S.CONFIRMED: 50, S.WAITING: 150}
    for site in (one, two):
        assert Registration.objects.filter(site=site, status=S.CONFIRMED).count() <= 40
    assert Registration.objects.filter(event=event).values("email").distinct().count() == 200


@pytest.mark.parametrize(
    ("price", "promoted_status"), [(None, S.CONFIRMED), (Decimal("100.00"), S.OFFERED)]
)
def test_cancellations_racing_registrations_keep_50_seats_and_the_queue_order(
    price, promoted_status
):
    event = EventFactory(capacity=50, price=price, vat_rate=Decimal("25.00"))
    start = timezone.now() - timedelta(hours=1)
    # Distinct times, so the queue order is by time, not only by primary key.
    early = [
        register(event, f"early{n}@example.org", now=start + timedelta(seconds=n))
        for n in range(100)
    ]
    seated, queue = early[:50], early[50:]
    assert {r.status for r in seated} == {S.CONFIRMED}
    assert {r.status for r in queue} == {S.WAITING}
    cancels = [
        lambda r=r: services.registration_cancel(registration=r, now=timezone.now())
        for r in seated[:25]
    ]
    arrivals = [lambda n=n: register(event, f"late{n}@example.org") for n in range(25)]

    results = run_together([job for pair in zip(cancels, arrivals, strict=True) for job in pair])

    assert unexpected(results) == []
    seats = (
        {S.CONFIRMED: 50} if promoted_status == S.CONFIRMED else {S.CONFIRMED: 25, S.OFFERED: 25}
    )
    assert status_counts(event) == {S.CANCELLED: 25, S.WAITING: 50, **seats}
    holding = Registration.objects.filter(event=event, status__in=HELD)
    assert holding.count() == 50
    # The first 25 of the queue got the freed seats; everyone after them still waits in order.
    by_email = dict(Registration.objects.filter(event=event).values_list("email", "status"))
    assert [by_email[r.email] for r in queue] == [promoted_status] * 25 + [S.WAITING] * 25
    waiting = Registration.objects.filter(event=event, status=S.WAITING).order_by(
        "waiting_since", "pk"
    )
    emails = [r.email for r in waiting]
    assert emails[:25] == [r.email for r in queue[25:]]
    assert sorted(emails[25:]) == sorted(f"late{n}@example.org" for n in range(25))


def test_one_email_from_20_threads_registers_once_and_refuses_politely():
    event = EventFactory(capacity=50)

    results = run_together([lambda: register(event, "same@example.org") for _ in range(20)])

    registrations = [result for result in results if isinstance(result, Registration)]
    refusals = [result for result in results if isinstance(result, ValidationError)]
    assert (len(registrations), len(refusals)) == (1, 19)
    assert {refusal.code for refusal in refusals} == {"duplicate"}
    assert list(Registration.objects.filter(event=event).values_list("email", "status")) == [
        ("same@example.org", S.CONFIRMED)
    ]
