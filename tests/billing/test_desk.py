"""The organisers' invoice overview on the desk."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from samspil.billing.models import Invoice, InvoiceKind
from samspil.billing.services import credit_note_create, invoice_mark_paid
from samspil.core.models import AuditLog
from tests.factories import (
    BuyerFactory,
    EventFactory,
    InvoiceFactory,
    LineFactory,
    RegistrationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("billing:desk_invoices")


@pytest.fixture
def desk(client):
    client.force_login(StaffFactory(username="billing-desk"))
    return client


def test_desk_invoices_anonymous_redirected_to_login(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_desk_invoices_non_staff_403(client):
    client.force_login(UserFactory())
    assert client.get(LIST).status_code == 403


def test_desk_invoices_lists_states(desk):
    today = timezone.localdate()
    due = InvoiceFactory(buyer=BuyerFactory(name="Due Kommune"))
    overdue = InvoiceFactory(
        buyer=BuyerFactory(name="Late Kommune"),
        issued_on=today - timedelta(days=40),
        due_on=today - timedelta(days=10),
    )
    paid = InvoiceFactory(buyer=BuyerFactory(name="Paid Kommune"))
    invoice_mark_paid(invoice=paid, paid_on=today, actor=None)
    credited = InvoiceFactory(buyer=BuyerFactory(name="Credited Kommune"))
    credit_note_create(invoice=credited, actor=None, reason="Cancelled")
    response = desk.get(LIST)
    assert response.status_code == 200
    rows = response.context["page"].object_list
    states = {row.number: row.current_state for row in rows if not row.is_credit_note}
    assert states == {
        due.number: "due",
        overdue.number: "overdue",
        paid.number: "paid",
        credited.number: "credited",
    }
    summary = response.context["summary"]
    counts = {s["state"].value: (s["count"], s["total"]) for s in summary[0]["states"]}
    assert counts == {
        "due": (1, Decimal("15000.00")),
        "overdue": (1, Decimal("15000.00")),
        "paid": (1, Decimal("15000.00")),
        "credited": (1, Decimal("15000.00")),
    }


@pytest.mark.parametrize(
    ("state", "expected"),
    [("due", ["Due"]), ("overdue", ["Late"]), ("paid", []), ("credited", [])],
)
def test_desk_invoices_filter_by_state(desk, state, expected):
    today = timezone.localdate()
    InvoiceFactory(buyer=BuyerFactory(name="Due"))
    InvoiceFactory(
        buyer=BuyerFactory(name="Late"),
        issued_on=today - timedelta(days=40),
        due_on=today - timedelta(days=1),
    )
    response = desk.get(LIST, {"state": state})
    assert response.status_code == 200
    assert [row.buyer_name for row in response.context["page"].object_list] == expected


def test_desk_invoices_filter_by_year_and_kind(desk):
    old = InvoiceFactory(issued_on=date(2025, 12, 30))
    new = InvoiceFactory(issued_on=date(2026, 1, 2))
    credit_note_create(invoice=new, actor=None, reason="x", issued_on=date(2026, 1, 3))
    response = desk.get(LIST, {"year": "2025"})
    assert [row.number for row in response.context["page"].object_list] == [old.number]
    response = desk.get(LIST, {"year": "2026", "kind": "invoice"})
    assert [row.number for row in response.context["page"].object_list] == [new.number]


@pytest.mark.parametrize(
    "query", [{"year": "1999"}, {"state": "lost"}, {"kind": "bill"}, {"page": "0"}]
)
def test_desk_invoices_bad_filter_400_with_message(desk, query):
    InvoiceFactory()
    response = desk.get(LIST, query)
    assert response.status_code == 400
    assert b"error-summary" in response.content


def test_desk_invoices_page_past_end_404(desk):
    InvoiceFactory()
    response = desk.get(LIST, {"page": "5"})
    assert response.status_code == 404
    assert "There is no page 5: the list has 1." in response.content.decode()


@pytest.mark.parametrize("rows", [1, 12])
def test_desk_invoices_query_count_constant(desk, django_assert_num_queries, rows):
    for index in range(rows):
        invoice = InvoiceFactory()
        if index % 3 == 1:
            credit_note_create(invoice=invoice, actor=None, reason="x")
    # session, user, years, summary, count, page
    with django_assert_num_queries(6):
        response = desk.get(LIST)
    assert response.status_code == 200


def test_desk_invoice_page_shows_lines_and_actions(desk):
    invoice = InvoiceFactory(lines=[LineFactory(description={"da": "Medlemskab 2027"})])
    response = desk.get(reverse("billing:desk_invoice", kwargs={"pk": invoice.pk}))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="row" lang="da">Medlemskab 2027</th>' in content
    assert reverse("billing:desk_mark_paid", kwargs={"pk": invoice.pk}) in content
    assert reverse("billing:desk_credit", kwargs={"pk": invoice.pk}) in content


def test_desk_invoice_unknown_404(desk):
    assert desk.get(reverse("billing:desk_invoice", kwargs={"pk": 4242})).status_code == 404


def test_desk_mark_paid_audited(desk):
    invoice = InvoiceFactory()
    today = timezone.localdate()
    response = desk.post(
        reverse("billing:desk_mark_paid", kwargs={"pk": invoice.pk}),
        {"paid_on": today.isoformat()},
    )
    assert response.status_code == 302
    invoice.refresh_from_db()
    assert invoice.paid_on == today
    log = AuditLog.objects.get(action="invoice.mark_paid")
    assert log.actor.username == "billing-desk"


def test_desk_mark_paid_twice_refused_with_message(desk):
    invoice = InvoiceFactory()
    url = reverse("billing:desk_mark_paid", kwargs={"pk": invoice.pk})
    today = timezone.localdate().isoformat()
    desk.post(url, {"paid_on": today})
    response = desk.post(url, {"paid_on": today})
    assert response.status_code == 400
    assert f"Invoice {invoice.number} is already marked paid" in response.content.decode()
    assert AuditLog.objects.filter(action="invoice.mark_paid").count() == 1


@pytest.mark.parametrize("value", ["", "yesterday", "2026-13-01"])
def test_desk_mark_paid_bad_date_400(desk, value):
    invoice = InvoiceFactory()
    response = desk.post(
        reverse("billing:desk_mark_paid", kwargs={"pk": invoice.pk}), {"paid_on": value}
    )
    assert response.status_code == 400
    invoice.refresh_from_db()
    assert invoice.paid_on is None


def test_desk_mark_paid_get_not_allowed(desk):
    invoice = InvoiceFactory()
    url = reverse("billing:desk_mark_paid", kwargs={"pk": invoice.pk})
    assert desk.get(url).status_code == 405


def test_desk_credit_part_of_a_line(desk):
    invoice = InvoiceFactory(lines=[LineFactory(quantity=Decimal(3), unit_price=Decimal(100))])
    line = invoice.lines.get()
    url = reverse("billing:desk_credit", kwargs={"pk": invoice.pk})
    form = desk.get(url).context["form"]
    assert form.fields[f"line_{line.pk}"].initial == Decimal(3)
    response = desk.post(
        url,
        {
            "reason": "One fewer",
            "issued_on": timezone.localdate().isoformat(),
            f"line_{line.pk}": "1",
        },
    )
    assert response.status_code == 302
    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert (note.credited_invoice, note.gross_total) == (invoice, Decimal("125.00"))
    # Only 2 are left to credit now.
    assert desk.get(url).context["form"].fields[f"line_{line.pk}"].initial == Decimal(2)


@pytest.mark.parametrize(
    ("quantity", "reason", "message"),
    [
        ("4", "Too much", "Ensure this value is less than or equal to 3"),
        ("0", "Nothing", "Credit a quantity above 0 on at least one line."),
        ("-1", "Negative", "Ensure this value is greater than or equal to 0"),
        ("1", "", "This field is required."),
    ],
)
def test_desk_credit_bad_input_refused(desk, quantity, reason, message):
    invoice = InvoiceFactory(lines=[LineFactory(quantity=Decimal(3))])
    line = invoice.lines.get()
    response = desk.post(
        reverse("billing:desk_credit", kwargs={"pk": invoice.pk}),
        {
            "reason": reason,
            "issued_on": timezone.localdate().isoformat(),
            f"line_{line.pk}": quantity,
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE).exists()


# Paid registrations ------------------------------------------------------------------


def paid_registration(**kwargs):
    event = EventFactory(price=Decimal("450.00"), vat_rate=Decimal(25))
    return RegistrationFactory(
        event=event, price=event.price, vat_amount=event.vat_amount, currency="DKK", **kwargs
    )


@pytest.mark.parametrize("rows", [1, 8])
def test_desk_registrations_lists_uninvoiced_paid_ones(desk, django_assert_num_queries, rows):
    registrations = [paid_registration() for _ in range(rows)]
    RegistrationFactory()  # free
    invoiced = paid_registration()
    InvoiceFactory(registration=invoiced)
    url = reverse("billing:desk_registrations")
    with django_assert_num_queries(4):  # session, user, count, page
        response = desk.get(url)
    assert [r.pk for r in response.context["page"].object_list] == [r.pk for r in registrations]


def test_desk_invoice_registration_with_ean(desk):
    registration = paid_registration(organisation="Vejle Kommune", language="da")
    url = reverse("billing:desk_invoice_registration", kwargs={"pk": registration.pk})
    form = desk.get(url).context["form"]
    assert form.initial["name"] == "Vejle Kommune"
    data = {
        "name": "Vejle Kommune",
        "address": "Skolegade 1",
        "postcode": "7100",
        "city": "Vejle",
        "country": "dk",
        "vat_number": "DK 13585628",
        "gln": "5798000000001",
        "buyer_reference": "Innovation",
        "language": "da",
    }
    response = desk.post(url, data)
    assert response.status_code == 302
    invoice = Invoice.objects.get()
    assert (invoice.registration, invoice.buyer_gln, invoice.buyer_vat_number) == (
        registration,
        "5798000000001",
        "DK13585628",
    )
    assert invoice.gross_total == Decimal("562.50")
    # Now it has an invoice: no longer on the list, and its form is gone.
    assert desk.get(url).status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("vat_number", "DK13585627", "check digits do not add up"),
        ("gln", "5798000000002", "is not the right check digit"),
        ("gln", "12345", "An EAN/GLN number has exactly 13 digits"),
        ("country", "Denmark", "Enter a two-letter country code"),
    ],
)
def test_desk_invoice_registration_bad_numbers_refused(desk, field, value, message):
    registration = paid_registration()
    data = {"name": "Vejle Kommune", "country": "DK", "language": "da", field: value}
    response = desk.post(
        reverse("billing:desk_invoice_registration", kwargs={"pk": registration.pk}), data
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Invoice.objects.exists()


@pytest.mark.parametrize("language", ["en", "da", "fr", "nl"])
def test_desk_pages_render_in_every_language(desk, language):
    invoice = InvoiceFactory()
    registration = paid_registration()
    for name, kwargs in [
        ("billing:desk_invoices", {}),
        ("billing:desk_invoice", {"pk": invoice.pk}),
        ("billing:desk_credit", {"pk": invoice.pk}),
        ("billing:desk_registrations", {}),
        ("billing:desk_invoice_registration", {"pk": registration.pk}),
    ]:
        url = reverse(name, kwargs=kwargs).replace("/en/", f"/{language}/", 1)
        response = desk.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in response.content.decode()
