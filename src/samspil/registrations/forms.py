from django import forms
from django.utils.translation import gettext_lazy as _

from samspil.core.i18n import localize
from samspil.events.models import Event
from samspil.people.models import RoleCategory
from samspil.registrations.models import Question, QuestionKind


def question_options(question: Question, original: str) -> list[str]:
    return [
        line.strip() for line in localize(question.options, original).splitlines() if line.strip()
    ]


class RegistrationForm(forms.Form):
    """The public registration form, with the event's own questions appended."""

    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send your confirmation and your personal link here."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    role_category = forms.ChoiceField(label=_("Your role"), choices=RoleCategory.choices)
    municipality = forms.CharField(
        label=_("Municipality or region"), max_length=100, required=False
    )
    site = forms.TypedChoiceField(label=_("Site"), coerce=int)

    def __init__(self, *args, event: Event, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.extension_field_names: set[str] = set()
        self.event = event
        self.questions = questions
        self.sites = {site.pk: site for site in event.sites.all()}
        if len(self.sites) > 1:
            self.fields["site"].choices = [
                (pk, localize(site.name, event.original_language))
                for pk, site in self.sites.items()
            ]
        else:
            del self.fields["site"]
        for question in questions:
            self.fields[f"q{question.pk}"] = self._question_field(question)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def _question_field(self, question: Question) -> forms.Field:
        label = localize(question.label, self.event.original_language)
        if question.kind == QuestionKind.CHOICE:
            options = question_options(question, self.event.original_language)
            return forms.ChoiceField(
                label=label,
                choices=[("", "—"), *((option, option) for option in options)],
                required=question.required,
            )
        if question.kind == QuestionKind.YES_NO:
            return forms.TypedChoiceField(
                label=label,
                choices=[("yes", _("Yes")), ("no", _("No"))],
                widget=forms.RadioSelect,
                required=question.required,
            )
        return forms.CharField(
            label=label,
            max_length=1000,
            required=question.required,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def extra_fields(self):
        """Fields that apps above registrations added (`views.registration_form_extensions`)."""
        return [self[name] for name in self.fields if name in self.extension_field_names]

    def question_fields(self):
        return [self[f"q{question.pk}"] for question in self.questions]

    def chosen_site(self):
        if "site" in self.fields:
            return self.sites[self.cleaned_data["site"]]
        return next(iter(self.sites.values()), None)

    def answers(self) -> dict[str, str]:
        return {
            str(question.pk): self.cleaned_data[f"q{question.pk}"]
            for question in self.questions
            if self.cleaned_data.get(f"q{question.pk}")
        }

    def registrant(self) -> dict:
        """What the form collected, as `registration_create`'s keyword arguments."""
        return {
            "site": self.chosen_site(),
            **{
                name: self.cleaned_data[name]
                for name in ("name", "email", "organisation", "role_category", "municipality")
            },
            "answers": self.answers(),
        }
