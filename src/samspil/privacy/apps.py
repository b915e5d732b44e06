from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "samspil.privacy"
    verbose_name = _("Personal data")

    def ready(self) -> None:
        # Imported here: models are ready only now.
        from samspil.privacy.extensions import PhotoConsentOnRegistration  # noqa: PLC0415
        from samspil.registrations.views import registration_form_extensions  # noqa: PLC0415

        if not any(isinstance(e, PhotoConsentOnRegistration) for e in registration_form_extensions):
            registration_form_extensions.append(PhotoConsentOnRegistration())
