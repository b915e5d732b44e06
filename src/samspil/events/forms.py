from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samspil.events.models import EventKind, EventMode
from samspil.events.selectors import EventFilters

ANY = [("", _("Any"))]


class EventFilterForm(forms.Form):
    """The filters of the public event list. Every field is optional."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=ANY + EventKind.choices, required=False)
    mode = forms.ChoiceField(label=_("Format"), choices=ANY + EventMode.choices, required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    language = forms.ChoiceField(
        label=_("Language spoken"), choices=ANY + list(settings.LANGUAGES), required=False
    )
    free = forms.BooleanField(label=_("Free events only"), required=False)
    when = forms.ChoiceField(
        label=_("When"),
        choices=[("", _("Upcoming")), ("past", _("Past"))],
        required=False,
    )
    page = forms.IntegerField(min_value=1, max_value=100_000, required=False)

    def __init__(self, *args, cities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = ANY + [(city, city) for city in cities]

    def filters(self) -> EventFilters:
        data = self.cleaned_data
        return EventFilters(
            query=data["q"].strip(),
            kind=data["kind"],
            mode=data["mode"],
            city=data["city"],
            language=data["language"],
            free_only=data["free"],
            past=data["when"] == "past",
        )
