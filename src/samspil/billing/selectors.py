"""Read queries for invoices: what a signed-in person may see, and the organisers' overview."""

from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, Exists, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from samspil.billing.models import Invoice, InvoiceKind, InvoiceState
from samspil.registrations.models import Registration, RegistrationStatus


def _with_lines() -> QuerySet[Invoice]:
    return Invoice.objects.select_related("credited_invoice").prefetch_related("lines")


def invoice_visible(*, pk: int, user) -> Invoice:
    """The invoice with its lines, for staff or for its buyer contact; else Http404.

    Anyone else gets the same 404 as for a number that does not exist, so the
    addresses tell nothing about which invoices exist.
    """
    if not user.is_authenticated:
        raise Http404
    invoices = _with_lines()
    if not user.is_staff:
        invoices = invoices.filter(buyer_contact__user=user)
    try:
        return invoices.get(pk=pk)
    except Invoice.DoesNotExist as error:
        raise Http404 from error


def invoices_for_user(*, user) -> QuerySet[Invoice]:
    """The invoices and credit notes whose buyer contact is this user's person, newest first."""
    if not user.is_authenticated:
        return Invoice.objects.none()
    return Invoice.objects.filter(buyer_contact__user=user).select_related("credited_invoice")


def _credited_total() -> Coalesce:
    credited = (
        Invoice.objects.filter(credited_invoice=OuterRef("pk"))
        .order_by()
        .values("credited_invoice")
        .annotate(total=Sum("gross_total"))
        .values("total")
    )
    money = DecimalField(max_digits=12, decimal_places=2)
    return Coalesce(Subquery(credited, output_field=money), Value(Decimal(0)), output_field=money)


def state_filter(state: str, today: date) -> Q:
    """The invoices (not credit notes) in one state of the overview."""
    invoice = Q(kind=InvoiceKind.INVOICE)
    open_ = invoice & Q(paid_on__isnull=True, credited_total__lt=F("gross_total"))
    return {
        InvoiceState.PAID: invoice & Q(paid_on__isnull=False),
        InvoiceState.CREDITED: invoice
        & Q(paid_on__isnull=True, credited_total__gte=F("gross_total")),
        InvoiceState.OVERDUE: open_ & Q(due_on__lt=today),
        InvoiceState.DUE: open_ & Q(due_on__gte=today),
    }[state]


def desk_invoices(
    *, today: date, year: int | None = None, state: str = "", kind: str = ""
) -> QuerySet[Invoice]:
    """Invoices and credit notes for the organisers, newest first, with `credited_total`."""
    invoices = Invoice.objects.select_related("credited_invoice").annotate(
        credited_total=_credited_total()
    )
    if year:
        invoices = invoices.filter(year=year)
    if kind:
        invoices = invoices.filter(kind=kind)
    if state:
        invoices = invoices.filter(state_filter(state, today))
    return invoices


def desk_summary(*, today: date, year: int | None = None) -> list[dict]:
    """Per state and currency: how many invoices and their total with VAT (one query)."""
    invoices = Invoice.objects.filter(kind=InvoiceKind.INVOICE).annotate(
        credited_total=_credited_total()
    )
    if year:
        invoices = invoices.filter(year=year)
    aggregates = {}
    for state in InvoiceState:
        aggregates[f"{state.value}_count"] = Sum(
            Value(1), filter=state_filter(state, today), default=0
        )
        aggregates[f"{state.value}_total"] = Sum(
            "gross_total", filter=state_filter(state, today), default=Decimal(0)
        )
    rows = invoices.order_by().values("currency").annotate(**aggregates).order_by("currency")
    return [
        {
            "currency": row["currency"],
            "states": [
                {
                    "state": state,
                    "count": row[f"{state.value}_count"],
                    "total": row[f"{state.value}_total"],
                }
                for state in InvoiceState
            ],
        }
        for row in rows
    ]


def invoice_years() -> list[int]:
    return list(Invoice.objects.order_by("-year").values_list("year", flat=True).distinct())


def desk_invoice(*, pk: int) -> Invoice:
    try:
        return (
            _with_lines()
            .select_related("registration__event", "buyer_contact")
            .prefetch_related("credit_notes", "lines__credits")
            .annotate(credited_total=_credited_total())
            .get(pk=pk)
        )
    except Invoice.DoesNotExist as error:
        raise Http404 from error


def registrations_to_invoice() -> QuerySet[Registration]:
    """Paid registrations holding a seat that have no invoice left standing, oldest first.

    An invoice stands until credit notes cover its whole amount.
    """
    standing = (
        Invoice.objects.filter(registration=OuterRef("pk"), kind=InvoiceKind.INVOICE)
        .annotate(credited_total=_credited_total())
        .filter(credited_total__lt=F("gross_total"))
    )
    return (
        Registration.objects.filter(
            price__gt=0, status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED]
        )
        .exclude(Exists(standing))
        .select_related("event")
        .order_by("event__starts_at", "event_id", "created_at", "pk")
    )


def registration_to_invoice(*, pk: int) -> Registration:
    try:
        return registrations_to_invoice().get(pk=pk)
    except Registration.DoesNotExist as error:
        raise Http404 from error


def registration_invoices(*, registration: Registration) -> list[Invoice]:
    """The invoices and credit notes of a registration, oldest first (none for free ones)."""
    if not registration.price:
        return []
    return list(
        Invoice.objects.filter(registration=registration)
        .select_related("credited_invoice")
        .order_by("year", "sequence")
    )


def registration_invoice(*, token: str, pk: int) -> Invoice:
    """An invoice of the registration behind a personal link, with its lines; else Http404."""
    try:
        return _with_lines().get(pk=pk, registration__token=token)
    except Invoice.DoesNotExist as error:
        raise Http404 from error
