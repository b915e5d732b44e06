"""What privacy adds to other apps' pages, without them importing privacy."""

from django import forms
from django.utils import translation

from samspil.events.models import EventMode
from samspil.privacy.models import ConsentKind
from samspil.privacy.services import consent_record, consent_wording

PHOTO_FIELD = "photo_consent"


class PhotoConsentOnRegistration:
    """The registration form asks for photo consent (not at online-only events); the
    answer, yes or no, is recorded with the exact wording the person saw."""

    def add_fields(self, form) -> None:
        if form.event.mode == EventMode.ONLINE:
            return
        wording = consent_wording(kind=ConsentKind.PHOTOS, language=translation.get_language())
        form.fields[PHOTO_FIELD] = forms.BooleanField(label=wording, required=False)
        form.extension_field_names.add(PHOTO_FIELD)

    def saved(self, *, form, registration) -> None:
        if PHOTO_FIELD not in form.fields:
            return
        consent_record(
            kind=ConsentKind.PHOTOS,
            given=form.cleaned_data[PHOTO_FIELD],
            language=registration.language,
            email=registration.email,
            wording=str(form.fields[PHOTO_FIELD].label),
            source=f"registration:{registration.pk}",
        )
