from django import forms
from django.utils.translation import gettext_lazy as _

from samspil.billing.validators import validate_gln, validate_vat_number
from samspil.core.i18n import localize
from samspil.networks.models import ApplicationStatus, Criterion, Network
from samspil.networks.services import DIRECTORY_FIELDS
from samspil.registrations.forms import RegistrationForm


class ApplicationForm(forms.Form):
    """The application: each criterion confirmed one by one, the applicant, the buyer."""

    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, help_text=_("We write to you about the decision here.")
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    region = forms.CharField(label=_("Region"), max_length=100, required=False)
    responsibility = forms.CharField(
        label=_("Your responsibility for innovation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    motivation = forms.CharField(
        label=_("Why do you want to join?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    billing_name = forms.CharField(label=_("Legal name of the organisation"), max_length=200)
    billing_address = forms.CharField(label=_("Street address"), max_length=200)
    billing_postcode = forms.CharField(label=_("Postcode"), max_length=20)
    billing_city = forms.CharField(label=_("City"), max_length=100)
    billing_vat_number = forms.CharField(
        label=_("VAT or CVR number"),
        max_length=32,
        required=False,
        validators=[validate_vat_number],
        help_text=_("E.g. DK12345678, or a Belgian number such as BE0123456789."),
    )
    billing_ean = forms.CharField(
        label=_("EAN/GLN number"),
        max_length=20,
        required=False,
        validators=[validate_gln],
        help_text=_("Danish public bodies: the 13-digit number your e-invoices go to."),
    )
    billing_reference = forms.CharField(
        label=_("Order or buyer reference"), max_length=100, required=False
    )

    def __init__(self, *args, network: Network, criteria: list[Criterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            text = localize(criterion.text, network.original_language)
            self.fields[f"criterion_{criterion.pk}"] = forms.BooleanField(
                label=text,
                required=True,
                error_messages={"required": _("Please confirm this criterion.")},
            )
            self.fields[f"criterion_{criterion.pk}"].language = text.language
        autocomplete = {
            "name": "name",
            "email": "email",
            "phone": "tel",
            "job_title": "organization-title",
            "organisation": "organization",
            "billing_address": "street-address",
            "billing_postcode": "postal-code",
            "billing_city": "address-level2",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value

    def criterion_fields(self):
        return [self[f"criterion_{criterion.pk}"] for criterion in self.criteria]

    def confirmed_criteria(self) -> list[int]:
        return [
            criterion.pk
            for criterion in self.criteria
            if self.cleaned_data.get(f"criterion_{criterion.pk}")
        ]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in [
                "name",
                "email",
                "phone",
                "job_title",
                "organisation",
                "region",
                "responsibility",
                "motivation",
                "billing_name",
                "billing_address",
                "billing_postcode",
                "billing_city",
                "billing_vat_number",
                "billing_ean",
                "billing_reference",
            ]
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ApplicationStatus.ACCEPTED, _("Accept")),
            (ApplicationStatus.WAITING, _("Waiting list")),
            (ApplicationStatus.REJECTED, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the applicant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent with the decision; leave empty for none."),
    )


FIELD_LABELS = {
    "organisation": _("Organisation"),
    "job_title": _("Job title"),
    "region": _("Region"),
    "email": _("E-mail"),
    "phone": _("Phone"),
}


class DirectoryForm(forms.Form):
    fields_shown = forms.MultipleChoiceField(
        label=_("Show the other members"),
        choices=[(name, FIELD_LABELS[name]) for name in DIRECTORY_FIELDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class MetForm(forms.Form):
    met_on = forms.DateField(label=_("We met on"), widget=forms.DateInput(attrs={"type": "date"}))


class PairingForm(forms.Form):
    label = forms.CharField(label=_("Period"), max_length=40, help_text=_("E.g. 2026 Q1."))
    starts_on = forms.DateField(label=_("Starts"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Ends"), widget=forms.DateInput(attrs={"type": "date"}))


class HostForm(forms.Form):
    host = forms.TypedChoiceField(
        label=_("Host organisation"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.fields["host"].choices = [("", _("Host to be decided"))] + [
            (pk, organisation.name) for pk, organisation in self.organisations.items()
        ]

    def chosen(self):
        pk = self.cleaned_data["host"]
        return self.organisations.get(pk) if pk else None


class MeetingRegistrationForm(RegistrationForm):
    """A member's registration for a meeting: the member's details are known, so only the
    meeting's own questions (e.g. overnight stay, diet) and its site remain."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["name", "email", "organisation", "role_category", "municipality"]:
            del self.fields[name]
