"""Forms of the live dialogue screens. They parse input; services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samspil.core.i18n import localize
from samspil.dialogue.models import (
    NOTE_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    ParticipantSource,
    QuestionStatus,
)
from samspil.events.models import Event, Site

MAX_GROUP_SIZE = 50


class SiteChoiceMixin:
    """A `site` field offering the event's sites (already fetched), coerced to a Site."""

    def _set_site_choices(self, event: Event, sites: list[Site], *, empty: str | None) -> None:
        self.sites = {site.pk: site for site in sites}
        choices = [(site.pk, localize(site.name, event.original_language)) for site in sites]
        self.fields["site"].choices = ([("", empty)] if empty is not None else []) + choices

    def chosen_site(self) -> Site | None:
        return self.sites.get(self.cleaned_data.get("site"))


class RoundForm(SiteChoiceMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("For example “Dialogue in small groups”. Empty: “Group dialogue”."),
    )
    site = forms.TypedChoiceField(
        label=_("Who takes part"), coerce=int, required=False, empty_value=None
    )
    source = forms.ChoiceField(
        label=_("Participants"),
        choices=ParticipantSource.choices,
        initial=ParticipantSource.CONFIRMED,
    )
    group_size = forms.IntegerField(
        label=_("Group size"),
        min_value=2,
        max_value=MAX_GROUP_SIZE,
        initial=4,
        help_text=_("Groups differ in size by at most one person."),
    )

    def __init__(self, *args, event: Event, sites: list[Site], **kwargs):
        super().__init__(*args, **kwargs)
        self._set_site_choices(event, sites, empty=_("The whole event"))


class MoveForm(forms.Form):
    registration = forms.IntegerField(min_value=1)
    group = forms.IntegerField(min_value=1)


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write a question first."),
            "max_length": _("A question can be at most %(limit_value)d characters long."),
        },
    )
    for_group = forms.BooleanField(label=_("Ask on behalf of my group"), required=False)

    def __init__(self, *args, has_group: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _("At most %(max)s characters.") % {
            "max": QUESTION_MAX_LENGTH
        }
        if not has_group:
            del self.fields["for_group"]


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=QuestionStatus.choices)


class NoteForm(SiteChoiceMixin, forms.Form):
    site = forms.TypedChoiceField(label=_("Your site"), coerce=int)
    text = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What your site is working on, for the other sites to see."),
        error_messages={
            "required": _("Write a note first."),
            "max_length": _("A note can be at most %(limit_value)d characters long."),
        },
    )

    def __init__(self, *args, event: Event, sites: list[Site], **kwargs):
        super().__init__(*args, **kwargs)
        self._set_site_choices(event, sites, empty=None)


class OutputForm(SiteChoiceMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the result a title.")},
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was found or built, and what it takes to test it."),
    )
    site = forms.TypedChoiceField(
        label=_("Where it was made"), coerce=int, required=False, empty_value=None
    )
    contributors = forms.CharField(
        label=_("Contributors"),
        max_length=500,
        required=False,
        help_text=_("Who worked on it."),
    )

    def __init__(self, *args, event: Event, sites: list[Site], **kwargs):
        super().__init__(*args, **kwargs)
        self._set_site_choices(event, sites, empty=_("The whole event"))
