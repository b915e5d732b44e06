"""Invoices in the admin: read-mostly.

Invoices and credit notes are accounting documents: they are issued, paid and
credited only through the services (numbering, audit), so the admin shows them
read-only; the only change it offers is the buyer contact (who may see the
invoice when signed in). The organisers' desk (/desk/invoices/) is for daily work.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from samspil.billing.models import Invoice, InvoiceCounter, InvoiceLine
from samspil.core.admin import I18nAdminMixin, I18nModelAdmin


class InvoiceLineInline(I18nAdminMixin, admin.TabularInline):
    model = InvoiceLine
    fk_name = "invoice"
    fields = ["position", "description", "quantity", "unit_price", "vat_rate", "net_amount"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Invoice)
class InvoiceAdmin(I18nModelAdmin):
    list_display = [
        "number",
        "kind",
        "buyer_name",
        "issued_on",
        "due_on",
        "gross_total",
        "currency",
        "paid_on",
    ]
    list_filter = ["kind", "year", "currency", ("paid_on", admin.EmptyFieldListFilter)]
    search_fields = ["number", "buyer_name", "buyer_vat_number", "buyer_gln"]
    date_hierarchy = "issued_on"
    list_select_related = ["credited_invoice"]
    autocomplete_fields = ["buyer_contact"]
    inlines = [InvoiceLineInline]
    fields = [
        "documents",
        "kind",
        "number",
        "issued_on",
        "due_on",
        "paid_on",
        "currency",
        "language",
        "credited_invoice",
        "registration",
        "note",
        "buyer_name",
        "buyer_address",
        "buyer_postcode",
        "buyer_city",
        "buyer_country",
        "buyer_vat_number",
        "buyer_gln",
        "buyer_reference",
        "order_reference",
        "buyer_contact_name",
        "buyer_contact_email",
        "buyer_contact",
        "seller_name",
        "seller_vat_number",
        "seller_iban",
        "net_total",
        "vat_total",
        "gross_total",
        "created_by",
        "created_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        return [name for name in self.fields if name != "buyer_contact"]

    @admin.display(description=_("documents"))
    def documents(self, obj: Invoice) -> str:
        if obj.pk is None:
            return ""
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            obj.get_pdf_url(),
            "PDF",
            obj.get_xml_url(),
            "UBL",
            obj.get_absolute_url(),
            _("Organiser's desk"),
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(InvoiceCounter)
class InvoiceCounterAdmin(admin.ModelAdmin):
    list_display = ["year", "last"]
    readonly_fields = ["year", "last"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
