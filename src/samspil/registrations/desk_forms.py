"""Forms of the organiser's desk: participant filters, mail to participants, check-in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samspil.core.i18n import localize
from samspil.events.models import Event, Site
from samspil.people.models import RoleCategory
from samspil.registrations.models import TICKET_LENGTH, RegistrationStatus
from samspil.registrations.selectors import ParticipantFilters

ANY = [("", _("Any"))]


def site_choices(event: Event, sites: list[Site]) -> list[tuple[int, str]]:
    return [(site.pk, localize(site.name, event.original_language)) for site in sites]


class ParticipantFilterForm(forms.Form):
    """The participant list's filters, shared by the page and its exports. All optional."""

    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        help_text=_("Name, e-mail or organisation."),
        widget=forms.SearchInput,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=ANY + RegistrationStatus.choices, required=False
    )
    site = forms.TypedChoiceField(label=_("Site"), coerce=int, required=False, empty_value=None)
    role = forms.ChoiceField(label=_("Role"), choices=ANY + RoleCategory.choices, required=False)
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=100_000, required=False)

    def __init__(self, *args, event: Event, sites: list[Site], **kwargs):
        super().__init__(*args, **kwargs)
        if len(sites) > 1:
            self.fields["site"].choices = ANY + site_choices(event, sites)
        else:
            del self.fields["site"]

    def filters(self) -> ParticipantFilters:
        if not self.is_bound:
            return ParticipantFilters()
        data = self.cleaned_data
        return ParticipantFilters(
            status=data["status"],
            site_id=data.get("site"),
            role_category=data["role"],
            query=data["q"].strip(),
        )


class ParticipantsMailForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Plain text. Each participant gets it with a link to their personal page."),
    )
    site = forms.TypedChoiceField(label=_("Send to"), coerce=int, required=False, empty_value=None)
    include_waiting = forms.BooleanField(
        label=_("Also send it to the waiting list"), required=False
    )

    def __init__(self, *args, event: Event, sites: list[Site], all_sites: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.sites = {site.pk: site for site in sites}
        everyone = [("", _("Participants of every site"))] if all_sites else []
        if len(sites) > 1 or not all_sites:
            self.fields["site"].choices = everyone + [
                (pk, _("Participants at %(site)s") % {"site": name})
                for pk, name in site_choices(event, sites)
            ]
            self.fields["site"].required = not all_sites
        else:
            del self.fields["site"]

    def chosen_site(self) -> Site | None:
        site_id = self.cleaned_data.get("site")
        return None if site_id is None else self.sites[site_id]


class CheckInForm(forms.Form):
    # Room for a code typed with spaces or dashes; the service drops them.
    code = forms.CharField(
        label=_("Ticket code"),
        max_length=TICKET_LENGTH + 4,
        help_text=_(
            "Type the 8-character code from the ticket, or scan its QR code into this field."
        ),
        error_messages={
            "max_length": _("A ticket code has 8 characters; this has %(show_value)d."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "autofocus": True,
                "enterkeyhint": "go",
                "class": "check-in-code",
            }
        )
