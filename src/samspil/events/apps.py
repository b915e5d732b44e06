from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "samspil.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from samspil.events import signals  # noqa: PLC0415 (models are ready only now)

        signals.connect()
