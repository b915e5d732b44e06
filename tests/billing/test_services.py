from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samspil.billing.models import Invoice, InvoiceCounter, InvoiceKind, InvoiceLine
from samspil.billing.services import (
    CreditLine,
    credit_note_create,
    invoice_create,
    invoice_create_for_registration,
    invoice_mark_paid,
)
from samspil.core.models import AuditLog
from tests.factories import (
    BuyerFactory,
    EventFactory,
    InvoiceFactory,
    LineFactory,
    PersonFactory,
    RegistrationFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


def nothing_changed() -> bool:
    return (
        not Invoice.objects.exists()
        and not InvoiceLine.objects.exists()
        and not AuditLog.objects.filter(action__startswith="invoice.").exists()
        and not InvoiceCounter.objects.filter(last__gt=0).exists()
    )


def test_invoice_create_snapshots_buyer_seller_and_totals(settings):
    staff = StaffFactory()
    contact = PersonFactory()
    settings.BILLING_SELLER = {**settings.BILLING_SELLER, "name": "Centre A/S", "bic": "DABADKKK"}
    invoice = invoice_create(
        buyer=BuyerFactory(
            name="Odense Kommune",
            vat_number="13585628",
            gln="5798 0000 0000 1",
            order_reference="PO-9",
            contact=contact,
            language="da",
        ),
        lines=[
            LineFactory(quantity=Decimal(2), unit_price=Decimal("1500.00")),
            LineFactory(quantity=Decimal(1), unit_price=Decimal("99.95"), vat_rate=Decimal(0)),
        ],
        currency="dkk",
        actor=staff,
        issued_on=date(2026, 2, 1),
    )
    invoice.refresh_from_db()
    assert invoice.number == "2026-0001"
    assert (invoice.issued_on, invoice.due_on) == (date(2026, 2, 1), date(2026, 3, 3))
    assert invoice.currency == "DKK"
    assert (invoice.buyer_name, invoice.buyer_vat_number, invoice.buyer_gln) == (
        "Odense Kommune",
        "DK13585628",
        "5798000000001",
    )
    assert (invoice.order_reference, invoice.buyer_contact, invoice.language) == (
        "PO-9",
        contact,
        "da",
    )
    assert (invoice.seller_name, invoice.seller_bic, invoice.seller_iban) == (
        "Centre A/S",
        "DABADKKK",
        "DK5000400440116243",
    )
    assert (invoice.net_total, invoice.vat_total, invoice.gross_total) == (
        Decimal("3099.95"),
        Decimal("750.00"),
        Decimal("3849.95"),
    )
    assert [line.net_amount for line in invoice.lines.all()] == [
        Decimal("3000.00"),
        Decimal("99.95"),
    ]
    log = AuditLog.objects.get(action="invoice.create")
    assert (log.actor, log.target_id, log.data["number"]) == (staff, invoice.pk, "2026-0001")
    assert invoice.created_by == staff


@pytest.mark.parametrize(
    ("buyer", "lines", "currency", "message"),
    [
        ({"vat_number": "DK13585627"}, None, "DKK", "This VAT number's check digits do not"),
        ({"gln": "5798000000002"}, None, "DKK", "This EAN/GLN number's last digit"),
        ({"name": " "}, None, "DKK", "The buyer's organisation name is missing."),
        ({"country": "Denmark"}, None, "DKK", "The buyer's country must be a two-letter code"),
        ({}, [], "DKK", "An invoice needs at least one line."),
        ({}, None, "kroner", "The currency must be a three-letter code"),
        ({}, [{"quantity": Decimal(0)}], "DKK", "Line 1: the quantity must be above 0"),
        ({}, [{"quantity": Decimal("0.001")}], "DKK", "Line 1: the quantity must be above 0"),
        ({}, [{"unit_price": Decimal(-1)}], "DKK", "Line 1: the unit price must be 0 or more"),
        ({}, [{"unit_price": Decimal("1.005")}], "DKK", "Line 1: the unit price must be 0 or"),
        ({}, [{"vat_rate": Decimal(101)}], "DKK", "Line 1: the VAT rate must be between 0 and"),
        ({}, [{"unit_price": "abc"}], "DKK", "Unit price is not a number."),
        ({}, [{"unit_price": "NaN"}], "DKK", "Unit price is not a number."),
        ({}, [{"description": ""}], "DKK", "Line 1 needs a description."),
    ],
)
def test_invoice_create_bad_input_refused_and_changes_nothing(buyer, lines, currency, message):
    line_list = [LineFactory()] if lines is None else [LineFactory(**line) for line in lines]
    with pytest.raises(ValidationError) as caught:
        invoice_create(buyer=BuyerFactory(**buyer), lines=line_list, currency=currency, actor=None)
    assert any(text.startswith(message) for text in caught.value.messages), caught.value.messages
    assert nothing_changed()


def test_invoice_create_due_before_issue_refused():
    with pytest.raises(ValidationError) as caught:
        InvoiceFactory(issued_on=date(2026, 5, 2), due_on=date(2026, 5, 1))
    assert caught.value.messages == ["The due date cannot be before the invoice date."]
    assert nothing_changed()


def test_invoice_create_lists_every_problem_at_once():
    with pytest.raises(ValidationError) as caught:
        InvoiceFactory(buyer=BuyerFactory(vat_number="DK1", gln="1"), currency="")
    assert len(caught.value.messages) == 3


# Paid event registrations ------------------------------------------------------------


def paid_registration(**kwargs):
    event = EventFactory(price=Decimal("450.00"), vat_rate=Decimal(25), currency="DKK")
    defaults = {
        "event": event,
        "price": event.price,
        "vat_amount": event.vat_amount,
        "currency": "DKK",
        "organisation": "Aarhus Kommune",
        "language": "da",
    }
    return RegistrationFactory(**{**defaults, **kwargs})


def test_invoice_for_registration_uses_its_price_and_language():
    registration = paid_registration()
    staff = StaffFactory()
    invoice = invoice_create_for_registration(registration=registration, actor=staff)
    assert invoice.registration == registration
    assert (invoice.buyer_name, invoice.buyer_contact_email, invoice.language) == (
        "Aarhus Kommune",
        registration.email,
        "da",
    )
    line = invoice.lines.get()
    assert (line.quantity, line.unit_price, line.vat_rate) == (
        Decimal(1),
        Decimal("450.00"),
        Decimal("25.00"),
    )
    assert line.description.localize("da").startswith("Arrangement")
    # The invoice's VAT equals what the registrant was shown when registering.
    assert invoice.vat_total == registration.vat_amount == Decimal("112.50")
    assert invoice.gross_total == registration.total_price


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"price": None, "vat_amount": None}, "This registration is free"),
        (
            {"status": "waiting", "waiting_since": timezone.now()},
            "Only a confirmed registration can be invoiced.",
        ),
        ({"status": "cancelled"}, "Only a confirmed registration can be invoiced."),
    ],
)
def test_invoice_for_registration_refused(kwargs, message):
    registration = paid_registration(**kwargs)
    with pytest.raises(ValidationError) as caught:
        invoice_create_for_registration(registration=registration, actor=None)
    assert caught.value.messages[0].startswith(message)
    assert nothing_changed()


def test_invoice_for_registration_twice_refused_until_credited():
    registration = paid_registration()
    first = invoice_create_for_registration(registration=registration, actor=None)
    with pytest.raises(ValidationError) as caught:
        invoice_create_for_registration(registration=registration, actor=None)
    assert caught.value.messages == [f"This registration already has invoice {first.number}."]
    assert Invoice.objects.count() == 1
    credit_note_create(invoice=first, actor=None, reason="Wrong organisation")
    again = invoice_create_for_registration(registration=registration, actor=None)
    assert again.number == f"{first.year}-0003"


# Credit notes ------------------------------------------------------------------------


def two_line_invoice():
    return InvoiceFactory(
        lines=[
            LineFactory(quantity=Decimal(3), unit_price=Decimal("100.00")),
            LineFactory(quantity=Decimal(1), unit_price=Decimal("50.00")),
        ]
    )


def test_credit_note_full_copies_lines_and_refers_to_invoice():
    invoice = two_line_invoice()
    staff = StaffFactory()
    note = credit_note_create(invoice=invoice, actor=staff, reason="  Cancelled  ")
    assert (note.kind, note.credited_invoice, note.note) == (
        InvoiceKind.CREDIT_NOTE,
        invoice,
        "Cancelled",
    )
    assert note.gross_total == invoice.gross_total == Decimal("437.50")
    assert [(line.quantity, line.credited_line.position) for line in note.lines.all()] == [
        (Decimal(3), 1),
        (Decimal(1), 2),
    ]
    assert note.buyer_name == invoice.buyer_name
    assert AuditLog.objects.get(action="invoice.credit").data["invoice"] == invoice.number


def test_credit_note_partial_then_rest():
    invoice = two_line_invoice()
    first_line = invoice.lines.get(position=1)
    partial = credit_note_create(
        invoice=invoice, actor=None, reason="One seat", lines=[CreditLine(first_line, Decimal(1))]
    )
    assert partial.gross_total == Decimal("125.00")
    rest = credit_note_create(invoice=invoice, actor=None, reason="The rest")
    assert [line.quantity for line in rest.lines.all()] == [Decimal(2), Decimal(1)]
    assert partial.gross_total + rest.gross_total == invoice.gross_total


def test_credit_more_than_invoiced_refused_and_changes_nothing():
    invoice = two_line_invoice()
    first_line = invoice.lines.get(position=1)
    credit_note_create(
        invoice=invoice, actor=None, reason="Two", lines=[CreditLine(first_line, Decimal(2))]
    )
    count = Invoice.objects.count()
    with pytest.raises(ValidationError) as caught:
        credit_note_create(
            invoice=invoice, actor=None, reason="Two", lines=[CreditLine(first_line, Decimal(2))]
        )
    assert caught.value.messages == ["Line 1: 2 is more than the 1.00 left to credit."]
    assert Invoice.objects.count() == count


def test_credit_everything_twice_refused():
    invoice = two_line_invoice()
    credit_note_create(invoice=invoice, actor=None, reason="All")
    with pytest.raises(ValidationError) as caught:
        credit_note_create(invoice=invoice, actor=None, reason="All again")
    assert caught.value.messages == ["Everything on this invoice has already been credited."]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("reason", "Give the reason for the credit note."),
        ("credit_note", "Only an invoice can be credited."),
        ("other_line", "A line of another invoice cannot be credited here."),
        ("zero", "Line 1: credit a quantity above 0."),
        ("paid", "This invoice is marked paid; a refund is not handled here."),
        ("before", "A credit note cannot be dated before the invoice it corrects."),
    ],
)
def test_credit_note_refused(setup, message):
    invoice = two_line_invoice()
    kwargs = {"invoice": invoice, "actor": None, "reason": "Because"}
    if setup == "reason":
        kwargs["reason"] = " "
    elif setup == "credit_note":
        kwargs["invoice"] = credit_note_create(invoice=invoice, actor=None, reason="x")
    elif setup == "other_line":
        kwargs["lines"] = [CreditLine(InvoiceFactory().lines.get())]
    elif setup == "zero":
        kwargs["lines"] = [CreditLine(invoice.lines.get(position=1), Decimal(0))]
    elif setup == "paid":
        invoice_mark_paid(invoice=invoice, paid_on=invoice.issued_on, actor=None)
    elif setup == "before":
        kwargs["issued_on"] = invoice.issued_on - timedelta(days=1)
    count = Invoice.objects.count()
    with pytest.raises(ValidationError) as caught:
        credit_note_create(**kwargs)
    assert caught.value.messages == [message]
    assert Invoice.objects.count() == count


# Paid by hand ------------------------------------------------------------------------


def test_mark_paid_records_date_and_audits():
    invoice = InvoiceFactory()
    staff = StaffFactory()
    today = timezone.localdate()
    invoice_mark_paid(invoice=invoice, paid_on=today, actor=staff)
    invoice.refresh_from_db()
    assert invoice.paid_on == today
    log = AuditLog.objects.get(action="invoice.mark_paid")
    assert (log.actor, log.target_id, log.data) == (staff, invoice.pk, {"paid_on": str(today)})


def test_mark_paid_twice_refused_and_changes_nothing():
    invoice = InvoiceFactory()
    today = timezone.localdate()
    invoice_mark_paid(invoice=invoice, paid_on=today, actor=None)
    with pytest.raises(ValidationError) as caught:
        invoice_mark_paid(invoice=invoice, paid_on=today, actor=None)
    assert caught.value.messages == [
        f"Invoice {invoice.number} is already marked paid ({today.isoformat()})."
    ]
    assert AuditLog.objects.filter(action="invoice.mark_paid").count() == 1


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("future", "The payment date cannot be in the future."),
        ("before", "The payment date cannot be before the invoice date."),
        ("credited", "has been credited in full: nothing is owed."),
        ("credit_note", "A credit note is not paid."),
    ],
)
def test_mark_paid_refused(setup, message):
    invoice = InvoiceFactory()
    today = timezone.localdate()
    target, paid_on = invoice, today
    if setup == "future":
        paid_on = today + timedelta(days=1)
    elif setup == "before":
        paid_on = invoice.issued_on - timedelta(days=1)
    elif setup == "credited":
        credit_note_create(invoice=invoice, actor=None, reason="All")
    elif setup == "credit_note":
        target = credit_note_create(invoice=invoice, actor=None, reason="All")
    with pytest.raises(ValidationError) as caught:
        invoice_mark_paid(invoice=target, paid_on=paid_on, actor=None)
    assert caught.value.messages[0].endswith(message) or caught.value.messages[0] == message
    target.refresh_from_db()
    assert target.paid_on is None
