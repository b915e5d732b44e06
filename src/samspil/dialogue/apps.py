from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "samspil.dialogue"
    verbose_name = _("Live dialogue")

    def ready(self) -> None:
        # The registrations app shows this section on the personal page without importing us.
        from samspil.dialogue.views import personal_section  # noqa: PLC0415
        from samspil.registrations.views import personal_page_sections  # noqa: PLC0415

        if personal_section not in personal_page_sections:
            personal_page_sections.append(personal_section)
