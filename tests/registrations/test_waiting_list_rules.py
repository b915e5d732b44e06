"""The waiting-list rules hold after any sequence of registrations, cancellations,
expiring offers, accepted offers and confirmed e-mail addresses.

Hypothesis drives the services with a fake clock on one event (capacity 0-5 or
none, free, paid or binding, one or two sites) and checks after every step:
- seats held (confirmed, and offers not yet expired) never exceed the event's or
  a site's capacity;
- the queue is first come, first served: whoever gets a seat, nobody who waits
  ahead of them (by `waiting_since`, then pk) and could have taken it is left
  waiting; and once the services have passed seats on, no seat is free while
  someone who fits it waits (the unconfirmed hold no seat and do not wait);
- no e-mail address has two active registrations;
- every registration has exactly one known status, with the timestamps it implies.
Each example runs in a transaction that is rolled back afterwards.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from samspil.registrations import services
from samspil.registrations.models import CancelReason, Registration, RegistrationStatus
from tests.factories import EventFactory, SiteFactory

pytestmark = pytest.mark.django_db

S = RegistrationStatus
HELD = {S.CONFIRMED, S.OFFERED}
# A fixed clock, so that a failing example replays exactly.
START = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
EMAILS = [f"p{n}@example.org" for n in range(16)]
# Mostly limited, sometimes unlimited.
capacities = st.sampled_from([1, 2, 0, 3, None, 4, 5])


@dataclass(frozen=True)
class Row:
    pk: int
    email: str
    site_id: int
    status: str
    waiting_since: datetime | None
    offer_expires_at: datetime | None
    confirmed_at: datetime | None
    cancelled_at: datetime | None
    cancel_reason: str

    def holds_seat(self, now: datetime) -> bool:
        return self.status == S.CONFIRMED or (
            self.status == S.OFFERED and self.offer_expires_at > now
        )

    @property
    def queue_key(self) -> tuple[datetime, int]:
        return (self.waiting_since, self.pk)


def attempt(service, **kwargs) -> tuple[Registration | None, str | None]:
    """Call a service; return what it returned, or the code of the ValidationError it raised."""
    try:
        return service(**kwargs), None
    except ValidationError as error:
        return None, error.code


class WaitingListMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        # Everything an example writes is rolled back in teardown().
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.now = START
        self.rows: dict[int, Row] = {}

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    @initialize(
        capacity=capacities,
        site_capacities=st.lists(capacities, min_size=1, max_size=2),
        terms=st.sampled_from(["free", "paid", "binding", "paid and binding"]),
        confirm_email=st.sampled_from([False, False, True]),
        offer_hours=st.sampled_from([1, 6, 48]),
        cancellation_hours=st.none() | st.integers(min_value=0, max_value=24 * 5),
    )
    def create_event(  # noqa: PLR0917 (one argument per drawn setting)
        self,
        capacity,
        site_capacities,
        terms,
        confirm_email,
        offer_hours,
        cancellation_hours,
    ):
        self.event = EventFactory(
            capacity=capacity,
            price=Decimal("100.00") if "paid" in terms else None,
            vat_rate=Decimal("25.00"),
            is_binding="binding" in terms,
            confirm_email=confirm_email,
            offer_hours=offer_hours,
            starts_at=START + timedelta(days=5),
            ends_at=START + timedelta(days=5, hours=6),
            cancellation_deadline=None
            if cancellation_hours is None
            else START + timedelta(hours=cancellation_hours),
        )
        self.sites = [SiteFactory(event=self.event, capacity=c) for c in site_capacities]
        self.organiser = get_user_model().objects.create_user("organiser", is_staff=True)
        # The time at which the services last passed free seats on to the waiting list.
        self.settled_at = self.now

    # Operations ----------------------------------------------------------------

    @rule(
        people=st.lists(
            st.tuples(st.sampled_from(EMAILS), st.integers(min_value=0, max_value=1)),
            min_size=1,
            max_size=5,
        )
    )
    def register(self, people):
        """One to five people register one after the other (a rush fills events quickly)."""
        for email, site_index in people:
            self.register_one(email, site_index)
            # The rules hold after each of them, not only after the whole rush.
            self.rules_hold()

    def register_one(self, email: str, site_index: int) -> None:
        active = self.event.registrations.filter(email=email).exclude(status=S.CANCELLED).exists()
        closed = self.now >= self.event.registration_deadline
        site = self.sites[site_index % len(self.sites)]
        registration, refusal = attempt(
            services.registration_create,
            event=self.event,
            # With one site, registering without choosing it must pick it.
            site=site if len(self.sites) > 1 or site_index else None,
            name="Anna Andersen",
            email=email,
            organisation="Odense Kommune",
            role_category="employee",
            municipality="Odense",
            answers={},
            language="da",
            now=self.now,
        )
        assert refusal == ("closed" if closed else "duplicate" if active else None)
        if refusal is None:
            assert registration.site_id == site.pk
            if self.event.confirm_email:
                assert registration.status == S.UNCONFIRMED
            else:
                assert registration.status in {S.CONFIRMED, S.WAITING}
                self.settled_at = self.now

    @precondition(lambda self: self.active())
    @rule(
        index=st.integers(min_value=0, max_value=40),
        seat_holder=st.booleans(),
        by_organiser=st.booleans(),
    )
    def cancel(self, index, seat_holder, by_organiser):
        """Someone cancels: half the time one who holds a seat, so that seats free up."""
        holders = [pk for pk in self.active() if self.rows[pk].status in HELD]
        pks = holders if seat_holder and holders else self.active()
        registration = Registration.objects.get(pk=pks[index % len(pks)])
        before = self.rows[registration.pk]
        refused = not by_organiser and (
            self.now >= self.event.starts_at
            or (
                self.event.is_binding
                and before.status == S.CONFIRMED
                and self.now >= self.event.participant_cancellation_deadline
            )
        )
        _, refusal = attempt(
            services.registration_cancel,
            registration=registration,
            actor=self.organiser if by_organiser else None,
            now=self.now,
        )
        assert refusal == ("not_cancellable" if refused else None)
        registration.refresh_from_db()
        if refused:
            assert registration.status == before.status
        else:
            assert (registration.status, registration.cancel_reason) == (
                S.CANCELLED,
                CancelReason.ORGANISER
                if by_organiser
                else CancelReason.OFFER_DECLINED
                if before.status == S.OFFERED
                else CancelReason.PARTICIPANT,
            )
            self.settled_at = self.now

    @rule(minutes=st.integers(min_value=1, max_value=60 * 24))
    def time_passes(self, minutes):
        self.now += timedelta(minutes=minutes)

    @precondition(lambda self: self.open_offers())
    @rule()
    def an_offer_runs_out(self):
        """Time passes just beyond the first open offer's expiry; nobody has acted on it yet."""
        self.now = min(row.offer_expires_at for row in self.open_offers()) + timedelta(seconds=1)

    @rule()
    def offers_expire(self):
        services.offers_expire(now=self.now)
        self.settled_at = self.now

    @precondition(lambda self: self.with_status(S.OFFERED))
    @rule(index=st.integers(min_value=0, max_value=40))
    def accept_offer(self, index):
        # Expired offers that no service has passed on yet are among them: refused.
        registration = self.pick(index, S.OFFERED)
        before = self.rows[registration.pk]
        open_offer = before.status == S.OFFERED and before.offer_expires_at > self.now
        _, refusal = attempt(
            services.registration_accept_offer, registration=registration, now=self.now
        )
        assert refusal == (None if open_offer else "offer_closed")
        registration.refresh_from_db()
        assert registration.status == (S.CONFIRMED if open_offer else before.status)

    @precondition(lambda self: self.with_status(S.UNCONFIRMED))
    @rule(index=st.integers(min_value=0, max_value=40))
    def confirm_email(self, index):
        registration = self.pick(index, S.UNCONFIRMED)
        before = self.rows[registration.pk]
        unconfirmed = before.status == S.UNCONFIRMED
        past = self.now >= self.event.ends_at
        _, refusal = attempt(
            services.registration_confirm_email, registration=registration, now=self.now
        )
        assert refusal == ("past" if unconfirmed and past else None)
        registration.refresh_from_db()
        if unconfirmed and not past:
            assert registration.status in {S.CONFIRMED, S.WAITING}
            self.settled_at = self.now
        else:
            assert registration.status == before.status

    # Invariants ----------------------------------------------------------------

    @invariant()
    def rules_hold(self):
        self.before, self.rows = self.rows, self.snapshot()
        self.check_seats_held_fit_every_capacity()
        self.check_nobody_waits_for_a_free_seat()
        self.check_nobody_jumps_the_queue()
        self.check_one_active_registration_per_email()
        self.check_every_registration_has_one_consistent_status()

    def check_seats_held_fit_every_capacity(self):
        for when in (self.settled_at, self.now):
            held = [row for row in self.rows.values() if row.holds_seat(when)]
            if self.event.capacity is not None:
                assert len(held) <= self.event.capacity
            by_site = Counter(row.site_id for row in held)
            for site in self.sites:
                if site.capacity is not None:
                    assert by_site[site.pk] <= site.capacity

    def check_nobody_waits_for_a_free_seat(self):
        held = [row for row in self.rows.values() if row.holds_seat(self.settled_at)]
        for row in self.waiting():
            assert not self.fits(row, held), f"{row.email} waits while a seat is free"

    def check_nobody_jumps_the_queue(self):
        """Whoever got a seat in the last step had nobody ahead who could have taken it."""
        before, after = self.before, self.rows
        held_after = [row for row in after.values() if row.holds_seat(self.now)]
        for row in after.values():
            previous = before.get(row.pk)
            if row.status not in HELD or (previous is not None and previous.status in HELD):
                continue
            from_queue = previous is not None and previous.status == S.WAITING
            for waiting in self.waiting():
                ahead = not from_queue or waiting.queue_key < previous.queue_key
                others = [r for r in held_after if r.pk != row.pk]
                assert not (ahead and self.fits(waiting, others)), (
                    f"{row.email} got a seat that {waiting.email}, ahead in the queue, fits"
                )
        for row in self.waiting():
            if row.pk in before and before[row.pk].status == S.WAITING:
                assert row.waiting_since == before[row.pk].waiting_since

    def check_one_active_registration_per_email(self):
        active = Counter(row.email for row in self.rows.values() if row.status != S.CANCELLED)
        assert all(count == 1 for count in active.values()), active

    def check_every_registration_has_one_consistent_status(self):
        for row in self.rows.values():
            assert row.status in S.values
            assert (row.status == S.CANCELLED) == (row.cancelled_at is not None)
            assert (row.status == S.CANCELLED) == (row.cancel_reason != "")
            if row.status == S.CONFIRMED:
                assert row.confirmed_at is not None
            if row.status == S.OFFERED:
                assert row.offer_expires_at is not None
            if row.status == S.WAITING:
                assert row.waiting_since is not None

    # Helpers ---------------------------------------------------------------------

    def snapshot(self) -> dict[int, Row]:
        if not hasattr(self, "event"):
            return {}
        fields = [field for field in Row.__dataclass_fields__ if field != "pk"]
        return {
            values[0]: Row(*values)
            for values in Registration.objects.filter(event=self.event).values_list("pk", *fields)
        }

    def with_status(self, status: str | None = None) -> list[int]:
        return sorted(pk for pk, row in self.rows.items() if status in {None, row.status})

    def open_offers(self) -> list[Row]:
        return [
            r for r in self.rows.values() if r.status == S.OFFERED and r.offer_expires_at > self.now
        ]

    def active(self) -> list[int]:
        return sorted(pk for pk, row in self.rows.items() if row.status != S.CANCELLED)

    def pick(self, index: int, status: str | None = None) -> Registration:
        pks = self.with_status(status)
        return Registration.objects.get(pk=pks[index % len(pks)])

    def waiting(self) -> list[Row]:
        return sorted(
            (row for row in self.rows.values() if row.status == S.WAITING),
            key=lambda row: row.queue_key,
        )

    def fits(self, row: Row, held: list[Row]) -> bool:
        """Would `row` find a free seat at its site, with `held` seats taken?"""
        if self.event.capacity is not None and len(held) >= self.event.capacity:
            return False
        site = next(site for site in self.sites if site.pk == row.site_id)
        taken = sum(1 for other in held if other.site_id == row.site_id)
        return site.capacity is None or taken < site.capacity


def test_waiting_list_rules_hold_after_any_sequence_of_operations():
    run_state_machine_as_test(
        WaitingListMachine,
        settings=settings(
            max_examples=60,
            stateful_step_count=40,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
