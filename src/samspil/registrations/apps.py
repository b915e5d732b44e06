from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "samspil.registrations"
    verbose_name = _("Registrations")

    def ready(self) -> None:
        from samspil.registrations import signals  # noqa: PLC0415 (models are ready only now)

        signals.connect()
