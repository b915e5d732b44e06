from django.contrib import admin

from samspil.privacy.models import Consent, DataRequest, ScheduledRun


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    """Read only: a consent is what the person answered, never edited afterwards."""

    list_display = ["created_at", "kind", "given", "person", "email", "language", "source"]
    list_filter = ["kind", "given", "language"]
    search_fields = ["email", "person__name"]
    readonly_fields = [field.name for field in Consent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DataRequest)
class DataRequestAdmin(admin.ModelAdmin):
    list_display = ["created_at", "email", "language", "opened_at", "erased_at"]
    readonly_fields = ["email", "language", "created_at", "expires_at", "opened_at", "erased_at"]
    exclude = ["token_hash"]

    def has_add_permission(self, request):
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ["name", "next_run_at", "last_run_at", "last_result"]
    readonly_fields = ["name", "next_run_at", "last_run_at", "last_result"]
