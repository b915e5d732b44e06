"""Invoice numbers: one gap-free series per year, unique under concurrent issuing.

The threaded tests commit for real, each thread on its own connection, so they
see what the counter row lock does between transactions: on PostgreSQL the
row lock of `select_for_update`, on SQLite the IMMEDIATE transaction's write
lock. `make test` runs this file on both.
"""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from samspil.billing.models import Invoice, InvoiceCounter, InvoiceKind
from samspil.billing.services import credit_note_create, invoice_create
from tests.factories import BuyerFactory, InvoiceFactory, LineFactory

STUCK_SECONDS = 120
THREADS = 40


@pytest.mark.django_db
def test_invoice_numbers_sequential_per_year():
    first = InvoiceFactory(issued_on=date(2026, 3, 1))
    second = InvoiceFactory(issued_on=date(2026, 3, 2))
    next_year = InvoiceFactory(issued_on=date(2027, 1, 2))
    assert [first.number, second.number, next_year.number] == [
        "2026-0001",
        "2026-0002",
        "2027-0001",
    ]
    assert (next_year.year, next_year.sequence) == (2027, 1)
    assert InvoiceCounter.objects.get(year=2026).last == 2


@pytest.mark.django_db
def test_credit_note_takes_next_number_of_the_same_series():
    invoice = InvoiceFactory(issued_on=date(2026, 3, 1))
    note = credit_note_create(
        invoice=invoice, actor=None, reason="Duplicate", issued_on=date(2026, 3, 5)
    )
    later = InvoiceFactory(issued_on=date(2026, 3, 6))
    assert [invoice.number, note.number, later.number] == ["2026-0001", "2026-0002", "2026-0003"]
    assert note.kind == InvoiceKind.CREDIT_NOTE


@pytest.mark.django_db
def test_refused_invoice_uses_no_number():
    InvoiceFactory(issued_on=date(2026, 3, 1))
    with pytest.raises(ValidationError):
        InvoiceFactory(issued_on=date(2026, 3, 2), buyer=BuyerFactory(gln="5798000000002"))
    assert InvoiceFactory(issued_on=date(2026, 3, 3)).number == "2026-0002"


def issue_in_thread(index: int) -> Invoice:
    return invoice_create(
        buyer=BuyerFactory(name=f"Concurrent {index}"),
        lines=[LineFactory(unit_price=Decimal(100 + index))],
        currency="DKK",
        actor=None,
        issued_on=date(2026, 6, 1),
    )


@pytest.mark.django_db(transaction=True)
def test_concurrent_invoices_get_unique_gap_free_numbers():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.fail("Threads need a file database: see tests/conftest.py.")
    barrier = threading.Barrier(THREADS)
    results: list[object] = [None] * THREADS

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=STUCK_SECONDS)
            results[index] = issue_in_thread(index)
        except Exception as error:  # the test inspects what each thread got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=STUCK_SECONDS)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck"
    assert [r for r in results if not isinstance(r, Invoice)] == []
    sequences = sorted(Invoice.objects.filter(year=2026).values_list("sequence", flat=True))
    assert sequences == list(range(1, THREADS + 1))
    numbers = set(Invoice.objects.values_list("number", flat=True))
    assert numbers == {f"2026-{n:04d}" for n in range(1, THREADS + 1)}
    assert InvoiceCounter.objects.get(year=2026).last == THREADS
    # Each thread's invoice carries the number it was given, with its own lines.
    for index, invoice in enumerate(results):
        assert invoice.lines.get().unit_price == Decimal(100 + index)
