"""Invoices and credit notes: one gap-free number series per year, snapshots of both parties.

An invoice copies the buyer's and seller's details when it is issued, so that it
reads the same years later whatever happens to the organisation or settings.
Amounts are Decimal with 2 places; see samspil.billing.totals for the rounding.
Credit notes are Invoices of kind "credit_note" in the same number series,
referring to the invoice they correct; their amounts are positive, as in UBL.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField

from samspil.billing.validators import validate_gln, validate_vat_number
from samspil.people.models import Person
from samspil.registrations.models import Registration


class InvoiceKind(models.TextChoices):
    INVOICE = "invoice", _("Invoice")
    CREDIT_NOTE = "credit_note", _("Credit note")


class InvoiceState(models.TextChoices):
    """What the organisers' overview shows; `overdue` depends on today, so it is not stored."""

    DUE = "due", _("Due")
    OVERDUE = "overdue", _("Overdue")
    PAID = "paid", _("Paid")
    CREDITED = "credited", _("Credited")


class InvoiceCounter(models.Model):
    """The last number issued in a year; its row is locked while a number is taken."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("invoice number counter")
        verbose_name_plural = _("invoice number counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Invoice(models.Model):
    kind = models.CharField(
        _("kind"), max_length=16, choices=InvoiceKind.choices, default=InvoiceKind.INVOICE
    )
    number = models.CharField(_("number"), max_length=16, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("number in the year"), editable=False)
    issued_on = models.DateField(_("issued"))
    due_on = models.DateField(_("due"))
    currency = models.CharField(_("currency"), max_length=3)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    note = models.TextField(_("note"), blank=True)
    # Buyer, as it was when the invoice was issued.
    buyer_name = models.CharField(_("buyer organisation"), max_length=200)
    buyer_address = models.CharField(_("street address"), max_length=200, blank=True)
    buyer_postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    buyer_city = models.CharField(_("city"), max_length=100, blank=True)
    buyer_country = models.CharField(_("country"), max_length=2)
    buyer_vat_number = models.CharField(
        _("VAT/CVR number"), max_length=20, blank=True, validators=[validate_vat_number]
    )
    buyer_gln = models.CharField(
        _("EAN/GLN number"), max_length=13, blank=True, validators=[validate_gln]
    )
    buyer_reference = models.CharField(_("buyer reference"), max_length=100, blank=True)
    order_reference = models.CharField(_("order reference"), max_length=100, blank=True)
    buyer_contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    buyer_contact_email = models.EmailField(_("contact e-mail"), blank=True)
    buyer_contact = models.ForeignKey(
        Person,
        verbose_name=_("contact person (account)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invoices",
        help_text=_("The person who may see this invoice when signed in."),
    )
    # Seller (the centre), from the settings when the invoice was issued.
    seller_name = models.CharField(_("seller"), max_length=200)
    seller_address = models.CharField(_("seller's street address"), max_length=200)
    seller_postcode = models.CharField(_("seller's postcode"), max_length=20)
    seller_city = models.CharField(_("seller's city"), max_length=100)
    seller_country = models.CharField(_("seller's country"), max_length=2)
    seller_vat_number = models.CharField(_("seller's VAT number"), max_length=20)
    seller_gln = models.CharField(_("seller's EAN/GLN number"), max_length=13, blank=True)
    seller_email = models.EmailField(_("seller's e-mail"), blank=True)
    seller_iban = models.CharField(_("IBAN"), max_length=34)
    seller_bic = models.CharField(_("BIC"), max_length=11, blank=True)
    # Totals, computed from the lines when issued (samspil.billing.totals).
    net_total = models.DecimalField(_("total excluding VAT"), max_digits=12, decimal_places=2)
    vat_total = models.DecimalField(_("VAT"), max_digits=12, decimal_places=2)
    gross_total = models.DecimalField(_("total including VAT"), max_digits=12, decimal_places=2)
    # What was invoiced: a paid event registration, or (from networks) a membership.
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invoices",
    )
    credited_invoice = models.ForeignKey(
        "self",
        verbose_name=_("credited invoice"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
    )
    paid_on = models.DateField(_("paid"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="invoice_number_in_year"),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="invoice_sequence_positive"),
            models.CheckConstraint(condition=Q(due_on__gte=F("issued_on")), name="invoice_due"),
            # Within a tenth of a cent: SQLite adds these columns as floating-point numbers.
            models.CheckConstraint(
                condition=Q(
                    gross_total__range=(
                        F("net_total") + F("vat_total") - Decimal("0.001"),
                        F("net_total") + F("vat_total") + Decimal("0.001"),
                    )
                ),
                name="invoice_gross_is_net_plus_vat",
            ),
            models.CheckConstraint(
                condition=Q(net_total__gte=0) & Q(vat_total__gte=0),
                name="invoice_totals_not_negative",
            ),
            models.CheckConstraint(
                condition=(Q(kind=InvoiceKind.INVOICE) & Q(credited_invoice__isnull=True))
                | (Q(kind=InvoiceKind.CREDIT_NOTE) & Q(credited_invoice__isnull=False)),
                name="invoice_credit_note_refers_to_invoice",
            ),
            models.CheckConstraint(
                condition=Q(kind=InvoiceKind.INVOICE) | Q(paid_on__isnull=True),
                name="invoice_credit_note_not_paid",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "paid_on", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("billing:desk_invoice", kwargs={"pk": self.pk})

    def get_pdf_url(self) -> str:
        return reverse("billing:invoice_pdf", kwargs={"pk": self.pk})

    def get_xml_url(self) -> str:
        return reverse("billing:invoice_xml", kwargs={"pk": self.pk})

    @property
    def is_credit_note(self) -> bool:
        return self.kind == InvoiceKind.CREDIT_NOTE

    @property
    def filename(self) -> str:
        return f"{self.get_kind_display().lower().replace(' ', '-')}-{self.number}"

    def state(self, today: date, credited_total: Decimal | None = None) -> str:
        """Due, overdue, paid or credited (fully). `credited_total` as annotated by selectors."""
        if self.paid_on:
            return InvoiceState.PAID
        if credited_total is None:
            credited_total = getattr(self, "credited_total", None) or Decimal(0)
        if self.kind == InvoiceKind.INVOICE and credited_total >= self.gross_total:
            return InvoiceState.CREDITED
        if self.due_on < today:
            return InvoiceState.OVERDUE
        return InvoiceState.DUE


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(
        Invoice, verbose_name=_("invoice"), on_delete=models.CASCADE, related_name="lines"
    )
    position = models.PositiveSmallIntegerField(_("line"))
    description = I18nCharField(_("description"))
    quantity = models.DecimalField(_("quantity"), max_digits=10, decimal_places=2)
    unit_price = models.DecimalField(_("unit price excluding VAT"), max_digits=12, decimal_places=2)
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)
    net_amount = models.DecimalField(_("amount excluding VAT"), max_digits=12, decimal_places=2)
    credited_line = models.ForeignKey(
        "self",
        verbose_name=_("credited line"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credits",
    )

    class Meta:
        ordering = ["invoice_id", "position"]
        verbose_name = _("invoice line")
        verbose_name_plural = _("invoice lines")
        constraints = [
            models.UniqueConstraint(fields=["invoice", "position"], name="invoice_line_position"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="invoice_line_quantity"),
            models.CheckConstraint(condition=Q(unit_price__gte=0), name="invoice_line_price"),
            models.CheckConstraint(
                condition=Q(vat_rate__gte=0) & Q(vat_rate__lte=100), name="invoice_line_vat_rate"
            ),
        ]

    def __str__(self) -> str:
        return str(self.description)
