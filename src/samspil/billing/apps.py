from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BillingConfig(AppConfig):
    name = "samspil.billing"
    verbose_name = _("Billing")

    def ready(self) -> None:
        # The registrations app shows a paid registration's invoices on its personal page
        # without importing us.
        from samspil.billing.views import personal_section  # noqa: PLC0415
        from samspil.registrations.views import personal_page_sections  # noqa: PLC0415

        if personal_section not in personal_page_sections:
            personal_page_sections.append(personal_section)

        # The organiser's desk links to the invoices.
        from samspil.billing.desk import desk_section  # noqa: PLC0415
        from samspil.registrations.desk import desk_sections  # noqa: PLC0415

        if desk_section not in desk_sections:
            desk_sections.append(desk_section)
