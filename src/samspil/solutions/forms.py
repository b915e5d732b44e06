from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspil.core.i18n import localize
from samspil.people.models import Organisation
from samspil.solutions.models import FIRST_YEAR, LAST_YEAR, Initiator, SolutionStatus
from samspil.solutions.selectors import FilterChoices, SolutionFilters

ANY = [("", _("Any"))]
IMPORT_MAX_BYTES = 2 * 1024 * 1024


class SolutionFilterForm(forms.Form):
    """The filters of the solution list. Every field is optional."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=ANY + SolutionStatus.choices, required=False
    )
    area = forms.ChoiceField(label=_("Policy area"), required=False)
    group = forms.ChoiceField(label=_("Target group"), required=False)
    initiator = forms.ChoiceField(
        label=_("Initiated by"), choices=ANY + Initiator.choices, required=False
    )
    owner = forms.ChoiceField(label=_("Owning organisation"), required=False)
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    language = forms.ChoiceField(
        label=_("Original language"), choices=ANY + list(settings.LANGUAGES), required=False
    )
    year_from = forms.IntegerField(
        label=_("Started from (year)"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    year_to = forms.IntegerField(
        label=_("Started until (year)"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    from_workshop = forms.BooleanField(label=_("From a workshop"), required=False)
    reused = forms.BooleanField(label=_("Reused by others"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[("recent", _("Most recent")), ("reused", _("Most reused"))],
        required=False,
    )
    page = forms.IntegerField(min_value=1, max_value=100_000, required=False)

    def __init__(self, *args, choices: FilterChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = ANY + [
            (area.slug, localize(area.name)) for area in choices.policy_areas
        ]
        self.fields["group"].choices = ANY + [
            (group.slug, localize(group.name)) for group in choices.target_groups
        ]
        self.fields["owner"].choices = ANY + choices.owners
        self.fields["partner"].choices = ANY + choices.partners
        self.fields["region"].choices = ANY + [(region, region) for region in choices.regions]

    def clean(self):
        data = super().clean()
        first, last = data.get("year_from"), data.get("year_to")
        if first and last and first > last:
            self.add_error("year_to", _("The last year comes before the first."))
        return data

    def filters(self) -> SolutionFilters:
        data = self.cleaned_data
        return SolutionFilters(
            query=data["q"].strip(),
            status=data["status"],
            policy_area=data["area"],
            target_group=data["group"],
            initiator=data["initiator"],
            owner=data["owner"],
            partner=data["partner"],
            region=data["region"],
            language=data["language"],
            year_from=data["year_from"],
            year_to=data["year_to"],
            from_workshop=data["from_workshop"],
            reused=data["reused"],
            sort=data["sort"] or "recent",
        )


class ReuseInterestForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail"))
    organisation = forms.CharField(label=_("Your organisation"), max_length=200)
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you would like to know or how you want to use it."),
    )


class ReuseForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation that reuses it"), queryset=Organisation.objects.order_by("name")
    )
    started_on = forms.DateField(
        label=_("Since"),
        help_text=_("For example 2024-03-01."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    changes = forms.CharField(
        label=_("What they changed"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_name = forms.CharField(label=_("Their contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Their contact's e-mail"), required=False)

    def clean_started_on(self):
        started_on = self.cleaned_data["started_on"]
        if started_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return started_on


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, comma-separated, with a header row; at most 2 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Please choose a .csv file."))
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("The file is too large: at most 2 MB."))
        try:
            return upload.name, upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from error
