"""Read-only admin over the live dialogue: changes go through the desk screens and services."""

from django.contrib import admin

from samspil.dialogue.models import BreakoutGroup, BreakoutRound, LiveNote, Output, SpeakerQuestion


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shows and deletes; adding and editing would bypass the services (and their audit)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class BreakoutGroupInline(admin.TabularInline):
    model = BreakoutGroup
    extra = 0
    fields = ["number"]
    readonly_fields = ["number"]
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(BreakoutRound)
class BreakoutRoundAdmin(ReadOnlyAdmin):
    list_display = ["title", "event", "site", "status", "group_size", "diversity", "created_at"]
    list_filter = ["status"]
    list_select_related = ["event", "site"]
    search_fields = ["title", "event__slug"]
    inlines = [BreakoutGroupInline]


@admin.register(SpeakerQuestion)
class SpeakerQuestionAdmin(ReadOnlyAdmin):
    list_display = ["text", "event", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["event"]
    search_fields = ["text", "event__slug"]


@admin.register(LiveNote)
class LiveNoteAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "event", "site", "created_at"]
    list_select_related = ["event", "site"]
    search_fields = ["text", "event__slug"]


@admin.register(Output)
class OutputAdmin(ReadOnlyAdmin):
    list_display = ["title", "event", "site", "contributors", "created_at"]
    list_select_related = ["event", "site"]
    search_fields = ["title", "description", "event__slug"]
