"""Forms for invoices: the buyer's details, the overview's filters, paid, credit note."""

from datetime import date
from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspil.billing.models import InvoiceKind, InvoiceLine, InvoiceState
from samspil.billing.services import Buyer, CreditLine
from samspil.billing.validators import normalise_gln, normalise_vat_number
from samspil.core.i18n import localize

ANY = [("", _("Any"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class BuyerForm(forms.Form):
    """Who the invoice is for. The VAT and EAN/GLN numbers are checked and normalised."""

    name = forms.CharField(label=_("Organisation"), max_length=200)
    address = forms.CharField(label=_("Street address"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=20, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    country = forms.RegexField(
        label=_("Country"),
        regex=r"^[A-Za-z]{2}$",
        max_length=2,
        initial="DK",
        help_text=_("Two-letter code, e.g. DK or BE."),
        error_messages={"invalid": _("Enter a two-letter country code, e.g. DK or BE.")},
    )
    vat_number = forms.CharField(
        label=_("VAT/CVR number"),
        max_length=30,
        required=False,
        help_text=_("E.g. DK12345678, a CVR number alone, or BE0123456789."),
    )
    gln = forms.CharField(
        label=_("EAN/GLN number"),
        max_length=20,
        required=False,
        help_text=_("13 digits. Danish public bodies receive e-invoices by their EAN number."),
    )
    buyer_reference = forms.CharField(
        label=_("Buyer reference"),
        max_length=100,
        required=False,
        help_text=_("The buyer's own reference, e.g. a person or cost centre."),
    )
    order_reference = forms.CharField(label=_("Order reference"), max_length=100, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    language = forms.ChoiceField(label=_("Language of the invoice"), choices=settings.LANGUAGES)

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()

    def clean_vat_number(self) -> str:
        return normalise_vat_number(self.cleaned_data["vat_number"])

    def clean_gln(self) -> str:
        return normalise_gln(self.cleaned_data["gln"])

    def to_buyer(self, *, contact=None) -> Buyer:
        data = self.cleaned_data
        return Buyer(
            name=data["name"],
            address=data["address"],
            postcode=data["postcode"],
            city=data["city"],
            country=data["country"],
            vat_number=data["vat_number"],
            gln=data["gln"],
            buyer_reference=data["buyer_reference"],
            order_reference=data["order_reference"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact=contact,
            language=data["language"],
        )


class InvoiceFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    state = forms.ChoiceField(label=_("Status"), choices=ANY + InvoiceState.choices, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=ANY + InvoiceKind.choices, required=False)
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=100_000, required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = ANY + [(year, str(year)) for year in years]

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        data = self.cleaned_data
        return {"year": data["year"], "state": data["state"], "kind": data["kind"]}


class PageForm(forms.Form):
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=100_000, required=False)


class MarkPaidForm(forms.Form):
    paid_on = forms.DateField(
        label=_("Paid on"), widget=DateInput, help_text=_("The date the money arrived.")
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"paid_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class CreditNoteForm(forms.Form):
    """A reason, and per invoice line how much to credit (initially: all that is left)."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("Printed on the credit note, e.g. “Registration cancelled”."),
    )
    issued_on = forms.DateField(label=_("Date of the credit note"), widget=DateInput)

    def __init__(
        self, *args, lines: list[InvoiceLine], left: dict[int, Decimal], language: str, **kwargs
    ):
        kwargs.setdefault("initial", {"issued_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.lines = []
        for line in lines:
            remaining = left.get(line.pk, line.quantity)
            if remaining <= 0:
                continue
            name = f"line_{line.pk}"
            description = localize(line.description, None, language)
            self.fields[name] = forms.DecimalField(
                label=_("Quantity to credit of line %(position)d: %(description)s")
                % {"position": line.position, "description": description},
                min_value=Decimal(0),
                max_value=remaining,
                max_digits=10,
                decimal_places=2,
                initial=remaining,
                help_text=_("At most %(left)s.") % {"left": remaining},
            )
            self.lines.append((name, line))

    def clean(self):
        data = super().clean()
        if self.lines and not any(data.get(name) for name, _line in self.lines):
            raise forms.ValidationError(_("Credit a quantity above 0 on at least one line."))
        return data

    def credit_lines(self):
        return [
            CreditLine(line, self.cleaned_data[name])
            for name, line in self.lines
            if self.cleaned_data.get(name)
        ]

    def issued(self) -> date:
        return self.cleaned_data["issued_on"]
