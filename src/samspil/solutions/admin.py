"""Organisers edit solutions in the admin; every save ends in `solution_sync`, which
keeps the current status, the reuse count and the search vectors in step."""

from django.contrib import admin
from django.db import models
from django.utils import timezone

from samspil.core.admin import I18nModelAdmin
from samspil.solutions import services
from samspil.solutions.models import (
    ImportBatch,
    PolicyArea,
    Reuse,
    ReuseInterest,
    Solution,
    SolutionAttachment,
    SolutionInitiator,
    SolutionLink,
    StatusChange,
    TargetGroup,
)


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 1


class InitiatorInline(admin.TabularInline):
    model = SolutionInitiator
    extra = 1


class LinkInline(admin.TabularInline):
    model = SolutionLink
    # Links typed without a scheme are taken as https, as Django 6 will do.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    extra = 1


class AttachmentInline(admin.TabularInline):
    model = SolutionAttachment
    extra = 1


class ReuseInline(admin.TabularInline):
    model = Reuse
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Solution)
class SolutionAdmin(I18nModelAdmin):
    list_display = ["title", "owner", "status", "status_since", "published", "reuse_count"]
    list_filter = ["published", "status", "original_language", "policy_areas"]
    list_select_related = ["owner"]
    search_fields = ["slug", "search_text"]
    readonly_fields = ["status", "status_since", "reuse_count"]
    autocomplete_fields = ["owner", "contact", "partners", "source_events"]
    filter_horizontal = ["policy_areas", "target_groups", "source_outputs"]
    inlines = [StatusChangeInline, InitiatorInline, LinkInline, AttachmentInline, ReuseInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "published", "original_language"]}),
        (None, {"fields": ["problem", "what_was_done", "outcome", "evidence"]}),
        (None, {"fields": ["status", "status_since", "start_year", "reuse_count"]}),
        (None, {"fields": ["owner", "contact", "contact_language", "partners"]}),
        (None, {"fields": ["policy_areas", "target_groups", "source_events", "source_outputs"]}),
    ]

    def save_model(self, request, obj, form, change):
        if obj.status_since is None:
            obj.status_since = timezone.localdate()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.solution_sync(solution=form.instance, actor=request.user)


@admin.register(PolicyArea, TargetGroup)
class TagAdmin(I18nModelAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["slug"]


@admin.register(ReuseInterest)
class ReuseInterestAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "solution", "created_at", "mailed_at"]
    list_select_related = ["solution"]
    readonly_fields = ["mailed_at"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["filename", "created_by", "created_at", "imported_at"]
    readonly_fields = ["checksum", "imported_at"]
