from django.contrib import admin

from samspil.core.admin import I18nModelAdmin, I18nStackedInline
from samspil.networks.models import (
    Application,
    Criterion,
    IntakeWindow,
    Meeting,
    Membership,
    Network,
    PairingPeriod,
)


class CriterionInline(I18nStackedInline):
    model = Criterion
    extra = 0


class IntakeInline(admin.TabularInline):
    model = IntakeWindow
    extra = 0


@admin.register(Network)
class NetworkAdmin(I18nModelAdmin):
    list_display = ["__str__", "slug", "fee", "currency", "term_months", "is_binding"]
    autocomplete_fields = ["facilitator", "chair", "organiser"]
    filter_horizontal = ["related_networks", "presented_at"]
    inlines = [CriterionInline, IntakeInline]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    # Decisions go through the desk, which creates the membership and invoice.
    list_display = ["name", "email", "network", "status", "created_at"]
    list_filter = ["network", "status"]
    search_fields = ["name", "email", "organisation"]
    readonly_fields = [field.name for field in Application._meta.fields]


@admin.register(Membership)
class MembershipAdmin(I18nModelAdmin):
    list_display = ["person", "network", "starts_on", "ends_on", "status", "renewal"]
    list_filter = ["network", "status", "renewal"]
    search_fields = ["person__name", "person__email"]
    readonly_fields = ["invoice", "previous", "application", "fee", "vat_rate", "currency"]


@admin.register(Meeting)
class MeetingAdmin(I18nModelAdmin):
    list_display = ["event", "network", "host", "region"]
    autocomplete_fields = ["event", "host"]


@admin.register(PairingPeriod)
class PairingPeriodAdmin(admin.ModelAdmin):
    list_display = ["label", "network", "starts_on", "ends_on"]
