from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samspil.core.admin import I18nModelAdmin, I18nStackedInline
from samspil.events.models import AgendaItem, Event, EventRole, Series, Site


class SiteInline(I18nStackedInline):
    model = Site
    extra = 0
    autocomplete_fields = ["co_hosts"]


class AgendaItemInline(I18nStackedInline):
    model = AgendaItem
    extra = 0
    autocomplete_fields = ["speakers"]


class EventRoleInline(I18nStackedInline):
    model = EventRole
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Series)
class SeriesAdmin(I18nModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug"]


@admin.register(Event)
class EventAdmin(I18nModelAdmin):
    list_display = ["title", "kind", "mode", "status", "starts_at", "organiser"]
    list_filter = ["status", "kind", "mode"]
    search_fields = ["slug", "search_text"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["organiser"]
    inlines = [SiteInline, EventRoleInline, AgendaItemInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "kind", "mode", "series", "organiser"]}),
        (_("Time"), {"fields": ["starts_at", "ends_at", "time_zone"]}),
        (
            _("Texts"),
            {"fields": ["original_language", "languages", "summary", "description", "audience"]},
        ),
        (
            _("Registration"),
            {
                "fields": [
                    "registration",
                    "capacity",
                    "registration_opens_at",
                    "registration_closes_at",
                    "cancellation_deadline",
                    "is_binding",
                    "binding_terms",
                    "confirm_email",
                    "offer_hours",
                    "reminder_hours",
                ]
            },
        ),
        (_("Price"), {"fields": ["price", "currency", "vat_rate"]}),
        (_("Online"), {"fields": ["online_url"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "languages":
            return forms.MultipleChoiceField(
                label=capfirst(db_field.verbose_name),
                help_text=db_field.help_text,
                choices=settings.LANGUAGES,
                widget=forms.CheckboxSelectMultiple,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)
