"""Billing use cases: issue invoices and credit notes, mark invoices paid.

Numbering: invoices and credit notes share one series per year, "2026-0001",
"2026-0002", ... Taking a number locks the year's InvoiceCounter row
(`select_for_update`; on SQLite the IMMEDIATE transaction holds the write lock)
in the same transaction that writes the invoice, so a number is used exactly
when the invoice is committed: no gaps, no duplicates, however many issue at once.
One series for both kinds is what Danish and Belgian bookkeeping rules expect
of "a unique, unbroken sequence" and what Peppol needs (a document number is
unique per seller whatever the document type), and an auditor checks one list.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from i18nfield.strings import LazyI18nString

from samspil.billing.models import Invoice, InvoiceCounter, InvoiceKind, InvoiceLine
from samspil.billing.totals import compute_totals, line_net
from samspil.billing.validators import normalise_gln, normalise_vat_number
from samspil.core.i18n import LANGUAGE_CODES
from samspil.core.services import audit_log_create
from samspil.people.models import Person
from samspil.registrations.models import Registration, RegistrationStatus

NUMBER_DIGITS = 4
MAX_AMOUNT = Decimal("9999999999.99")


@dataclass(frozen=True)
class Buyer:
    """Who pays: the organisation, as it should appear on the invoice."""

    name: str
    country: str = "DK"
    address: str = ""
    postcode: str = ""
    city: str = ""
    vat_number: str = ""
    gln: str = ""
    buyer_reference: str = ""
    order_reference: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact: Person | None = None
    language: str = settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Line:
    """One invoice line. `description`: a text, or {language: text}. VAT rate in %."""

    description: str | dict[str, str]
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal


@dataclass(frozen=True)
class CreditLine:
    """Credit `quantity` of an invoice line (default: all of it that is not yet credited)."""

    line: InvoiceLine
    quantity: Decimal | None = None


@dataclass
class _Errors:
    messages: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.messages.append(message)

    def raise_any(self) -> None:
        if self.messages:
            raise ValidationError(self.messages)


def _decimal(value, name: str, errors: _Errors) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        errors.add(_("%(field)s is not a number.") % {"field": name})
        return None
    if not number.is_finite():
        errors.add(_("%(field)s is not a number.") % {"field": name})
        return None
    return number


def _check_lines(lines: Sequence[Line], errors: _Errors) -> list[tuple[Line, Decimal]]:
    if not lines:
        errors.add(_("An invoice needs at least one line."))
    checked = []
    for position, line in enumerate(lines, start=1):
        quantity = _decimal(line.quantity, _("Quantity"), errors)
        price = _decimal(line.unit_price, _("Unit price"), errors)
        rate = _decimal(line.vat_rate, _("VAT rate"), errors)
        description = LazyI18nString(line.description)
        if not str(description).strip() and not any(
            str(text).strip() for text in (description.data or {}).values()
        ):
            errors.add(_("Line %(line)d needs a description.") % {"line": position})
        if quantity is None or price is None or rate is None:
            continue
        if quantity <= 0 or quantity != quantity.quantize(Decimal("0.01")):
            errors.add(
                _("Line %(line)d: the quantity must be above 0, with at most 2 decimals.")
                % {"line": position}
            )
        elif price < 0 or price != price.quantize(Decimal("0.01")) or price > MAX_AMOUNT:
            errors.add(
                _("Line %(line)d: the unit price must be 0 or more, with at most 2 decimals.")
                % {"line": position}
            )
        elif not Decimal(0) <= rate <= Decimal(100) or rate != rate.quantize(Decimal("0.01")):
            errors.add(
                _("Line %(line)d: the VAT rate must be between 0 and 100 %%.") % {"line": position}
            )
        else:
            net = line_net(quantity, price)
            if net > MAX_AMOUNT:
                errors.add(_("Line %(line)d: the amount is too large.") % {"line": position})
            checked.append((Line(line.description, quantity, price, rate), net))
    return checked


def _check_buyer(buyer: Buyer, errors: _Errors) -> dict:
    """The buyer's snapshot fields, numbers normalised; errors collected."""
    values = {
        "buyer_name": buyer.name.strip(),
        "buyer_address": buyer.address.strip(),
        "buyer_postcode": buyer.postcode.strip(),
        "buyer_city": buyer.city.strip(),
        "buyer_country": buyer.country.strip().upper(),
        "buyer_reference": buyer.buyer_reference.strip(),
        "order_reference": buyer.order_reference.strip(),
        "buyer_contact_name": buyer.contact_name.strip(),
        "buyer_contact_email": buyer.contact_email.strip(),
        "buyer_contact": buyer.contact,
        "language": buyer.language if buyer.language in LANGUAGE_CODES else "en",
    }
    if not values["buyer_name"]:
        errors.add(_("The buyer's organisation name is missing."))
    if len(values["buyer_country"]) != 2 or not values["buyer_country"].isalpha():
        errors.add(_("The buyer's country must be a two-letter code, e.g. DK or BE."))
    for key, normalise, value in (
        ("buyer_vat_number", normalise_vat_number, buyer.vat_number),
        ("buyer_gln", normalise_gln, buyer.gln),
    ):
        try:
            values[key] = normalise(value)
        except ValidationError as error:
            errors.messages.extend(error.messages)
    return values


def _seller() -> dict:
    seller = settings.BILLING_SELLER
    return {f"seller_{key}": value for key, value in seller.items()}


def _take_number(year: int) -> tuple[int, str]:
    """The next number of `year`; call inside the transaction that saves the invoice."""
    # Create the year's row if it is the first number (racing creators: one wins, no error).
    InvoiceCounter.objects.bulk_create([InvoiceCounter(year=year)], ignore_conflicts=True)
    counter = InvoiceCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, f"{year}-{counter.last:0{NUMBER_DIGITS}d}"


def _issue(
    *,
    kind: str,
    values: dict,
    lines: Sequence[tuple[Line, Decimal, InvoiceLine | None]],
    issued_on: date,
) -> Invoice:
    totals = compute_totals((net, line.vat_rate) for line, net, _credited in lines)
    sequence, number = _take_number(issued_on.year)
    invoice = Invoice.objects.create(
        kind=kind,
        number=number,
        year=issued_on.year,
        sequence=sequence,
        issued_on=issued_on,
        net_total=totals.net,
        vat_total=totals.vat,
        gross_total=totals.gross,
        **values,
    )
    InvoiceLine.objects.bulk_create(
        InvoiceLine(
            invoice=invoice,
            position=position,
            description=LazyI18nString(line.description),
            quantity=line.quantity,
            unit_price=line.unit_price,
            vat_rate=line.vat_rate,
            net_amount=net,
            credited_line=credited,
        )
        for position, (line, net, credited) in enumerate(lines, start=1)
    )
    return invoice


def invoice_create(
    *,
    buyer: Buyer,
    lines: Sequence[Line],
    currency: str,
    actor,
    issued_on: date | None = None,
    due_on: date | None = None,
    registration: Registration | None = None,
    note: str = "",
) -> Invoice:
    """Issue an invoice with the next number of its year.

    Defaults: issued today, due `BILLING_PAYMENT_DAYS` later. Side effects: the
    invoice and its lines, the year's counter, an audit row. Raises
    ValidationError listing every problem (bad VAT or EAN/GLN number, no lines,
    negative amounts...) and changes nothing then.
    """
    errors = _Errors()
    issued_on = issued_on or timezone.localdate()
    due_on = due_on or issued_on + timedelta(days=settings.BILLING_PAYMENT_DAYS)
    values = _check_buyer(buyer, errors)
    checked = _check_lines(lines, errors)
    currency = (currency or "").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        errors.add(_("The currency must be a three-letter code, e.g. DKK or EUR."))
    if due_on < issued_on:
        errors.add(_("The due date cannot be before the invoice date."))
    errors.raise_any()
    with transaction.atomic():
        invoice = _issue(
            kind=InvoiceKind.INVOICE,
            values={
                **values,
                **_seller(),
                "currency": currency,
                "due_on": due_on,
                "registration": registration,
                "note": note.strip(),
                "created_by": actor if actor is not None and actor.is_authenticated else None,
            },
            lines=[(line, net, None) for line, net in checked],
            issued_on=issued_on,
        )
        audit_log_create(
            actor=actor,
            action="invoice.create",
            target=invoice,
            number=invoice.number,
            total=str(invoice.gross_total),
            currency=currency,
        )
    return invoice


def registration_invoice_error(registration: Registration) -> str | None:
    """Why this registration cannot be invoiced now, or None."""
    if not registration.price:
        return _("This registration is free: there is nothing to invoice.")
    if registration.status not in {RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED}:
        return _("Only a confirmed registration can be invoiced.")
    invoiced = Invoice.objects.filter(
        registration=registration, kind=InvoiceKind.INVOICE
    ).prefetch_related("credit_notes")
    for invoice in invoiced:
        credited = sum((note.gross_total for note in invoice.credit_notes.all()), Decimal(0))
        if credited < invoice.gross_total:
            return _("This registration already has invoice %(number)s.") % {
                "number": invoice.number
            }
    return None


def invoice_create_for_registration(
    *,
    registration: Registration,
    actor,
    buyer: Buyer | None = None,
    issued_on: date | None = None,
    due_on: date | None = None,
) -> Invoice:
    """Invoice a paid event registration at the price fixed when the person registered.

    Without `buyer`, the registration's organisation (or the person) is the
    buyer, in the registration's language. The event's VAT rate is used; the
    line's VAT equals the registration's VAT when it was computed the same way.
    Side effects as invoice_create. Raises ValidationError when the registration
    is free, not confirmed, or already invoiced (and not fully credited).
    """
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
        )
        if error := registration_invoice_error(registration):
            raise ValidationError(error, code="not_invoiceable")
        event = registration.event
        buyer = buyer or Buyer(
            name=registration.organisation or registration.name,
            contact_name=registration.name,
            contact_email=registration.email,
            language=registration.language,
        )
        description = event.title.data or str(event.title)
        return invoice_create(
            buyer=buyer,
            lines=[
                Line(
                    description=description,
                    quantity=Decimal(1),
                    unit_price=registration.price,
                    vat_rate=event.vat_rate,
                )
            ],
            currency=registration.currency or event.currency,
            actor=actor,
            issued_on=issued_on,
            due_on=due_on,
            registration=registration,
            note=_("Registration %(ticket)s, %(name)s")
            % {"ticket": registration.ticket_code, "name": registration.name},
        )


def credited_quantities(invoice: Invoice) -> dict[int, Decimal]:
    """Per line of `invoice`, how much has been credited so far."""
    rows = (
        InvoiceLine.objects.filter(credited_line__invoice=invoice)
        .values("credited_line_id")
        .annotate(total=Sum("quantity"))
    )
    return {row["credited_line_id"]: row["total"] for row in rows}


def credit_note_create(
    *,
    invoice: Invoice,
    actor,
    reason: str,
    lines: Sequence[CreditLine] | None = None,
    issued_on: date | None = None,
) -> Invoice:
    """Issue a credit note for the whole invoice (`lines` None) or for some of its lines.

    The credit note takes the next number of the shared series, copies the
    invoice's buyer and seller, and refers to it. Side effects: the credit note
    and its lines, the counter, an audit row. Raises ValidationError (changing
    nothing) for a credit note, a paid invoice, an empty reason, a line of another
    invoice, or more than what is left to credit on a line.
    """
    issued_on = issued_on or timezone.localdate()
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if invoice.kind != InvoiceKind.INVOICE:
            raise ValidationError(_("Only an invoice can be credited."), code="kind")
        if invoice.paid_on:
            raise ValidationError(
                _("This invoice is marked paid; a refund is not handled here."), code="paid"
            )
        if not reason.strip():
            raise ValidationError(_("Give the reason for the credit note."), code="reason")
        if issued_on < invoice.issued_on:
            raise ValidationError(
                _("A credit note cannot be dated before the invoice it corrects."), code="date"
            )
        done = credited_quantities(invoice)
        own_lines = {line.pk: line for line in invoice.lines.all()}
        wanted = lines if lines is not None else [CreditLine(line) for line in own_lines.values()]
        credit: list[tuple[Line, Decimal, InvoiceLine | None]] = []
        errors = _Errors()
        for item in wanted:
            original = own_lines.get(item.line.pk)
            if original is None:
                errors.add(_("A line of another invoice cannot be credited here."))
                continue
            left = original.quantity - done.get(original.pk, Decimal(0))
            quantity = left if item.quantity is None else item.quantity
            if lines is None and left <= 0:
                continue
            if quantity > left:
                errors.add(
                    _("Line %(line)d: %(quantity)s is more than the %(left)s left to credit.")
                    % {"line": original.position, "quantity": quantity, "left": left}
                )
                continue
            if quantity <= 0:
                errors.add(
                    _("Line %(line)d: credit a quantity above 0.") % {"line": original.position}
                )
                continue
            price, rate = original.unit_price, original.vat_rate
            line = Line(original.description.data, quantity, price, rate)
            credit.append((line, line_net(quantity, price), original))
        if not credit and not errors.messages:
            errors.add(_("Everything on this invoice has already been credited."))
        errors.raise_any()
        snapshot_fields = [
            f.name
            for f in Invoice._meta.concrete_fields
            if f.name.startswith(("buyer_", "seller_"))
            or f.name in {"buyer_reference", "order_reference", "currency", "language"}
        ]
        values = {name: getattr(invoice, name) for name in snapshot_fields}
        values["buyer_contact"] = invoice.buyer_contact
        note = _issue(
            kind=InvoiceKind.CREDIT_NOTE,
            values={
                **values,
                "due_on": issued_on,
                "registration": invoice.registration,
                "credited_invoice": invoice,
                "note": reason.strip(),
                "created_by": actor if actor is not None and actor.is_authenticated else None,
            },
            lines=credit,
            issued_on=issued_on,
        )
        audit_log_create(
            actor=actor,
            action="invoice.credit",
            target=note,
            number=note.number,
            invoice=invoice.number,
            total=str(note.gross_total),
        )
    return note


def invoice_mark_paid(*, invoice: Invoice, paid_on: date, actor) -> Invoice:
    """Record by hand that the invoice was paid on `paid_on`.

    Side effects: the invoice's paid date, an audit row. Raises ValidationError,
    changing nothing, for a credit note, an invoice already paid or fully
    credited, or a date before the invoice date or in the future.
    """
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if invoice.kind != InvoiceKind.INVOICE:
            raise ValidationError(_("A credit note is not paid."), code="kind")
        if invoice.paid_on:
            raise ValidationError(
                _("Invoice %(number)s is already marked paid (%(date)s).")
                % {"number": invoice.number, "date": invoice.paid_on.isoformat()},
                code="paid",
            )
        credited = invoice.credit_notes.aggregate(total=Sum("gross_total"))["total"] or 0
        if credited >= invoice.gross_total:
            raise ValidationError(
                _("Invoice %(number)s has been credited in full: nothing is owed.")
                % {"number": invoice.number},
                code="credited",
            )
        if paid_on < invoice.issued_on:
            raise ValidationError(
                _("The payment date cannot be before the invoice date."), code="date"
            )
        if paid_on > timezone.localdate():
            raise ValidationError(_("The payment date cannot be in the future."), code="date")
        invoice.paid_on = paid_on
        invoice.save(update_fields=["paid_on"])
        audit_log_create(
            actor=actor, action="invoice.mark_paid", target=invoice, paid_on=paid_on.isoformat()
        )
    return invoice
