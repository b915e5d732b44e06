from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "samspil.networks"
    verbose_name = _("Networks")

    def ready(self) -> None:
        # The events app shows the networks an event presents (or belongs to) on its page
        # without importing us.
        from samspil.events.views import event_page_sections  # noqa: PLC0415
        from samspil.networks.views import event_section  # noqa: PLC0415

        if event_section not in event_page_sections:
            event_page_sections.append(event_section)

        # The organiser's desk links to (and opens for) the networks a user runs.
        from samspil.networks.views import desk_section  # noqa: PLC0415
        from samspil.registrations.desk import desk_sections  # noqa: PLC0415

        if desk_section not in desk_sections:
            desk_sections.append(desk_section)

        from samspil.networks import signals  # noqa: PLC0415

        signals.connect()
