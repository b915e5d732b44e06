"""Staff views of registrations, questions and mail deliveries.

Registrations change only through the services (capacity, waiting list, audit),
so the admin shows them read-only and cancels through an action; the
organiser's desk is the place for daily work. Mail deliveries show every
attempt, so organisers see failed sends and can send them again.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samspil.core.admin import I18nModelAdmin
from samspil.registrations import services, tasks
from samspil.registrations.models import (
    MailDelivery,
    MailDeliveryStatus,
    Mailing,
    Question,
    Registration,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written by services: staff look, they do not edit."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        # The list may offer actions (which call services); one row's form stays read-only.
        return obj is None and super().has_change_permission(request, obj)


@admin.register(Question)
class QuestionAdmin(I18nModelAdmin):
    list_display = ["label", "event", "kind", "required", "order"]
    list_filter = ["kind", "required"]
    list_select_related = ["event"]
    search_fields = ["label", "event__slug"]
    autocomplete_fields = ["event"]


class MailDeliveryInline(admin.TabularInline):
    model = MailDelivery
    fields = ["kind", "status", "attempts", "last_error", "sent_at", "updated_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ["name", "email", "event", "site", "status", "created_at", "checked_in_at"]
    list_filter = [
        "status",
        ("event", admin.RelatedOnlyFieldListFilter),
        "role_category",
        "language",
        "cancel_reason",
    ]
    list_select_related = ["event", "site"]
    search_fields = ["name", "email", "organisation", "ticket_code", "event__slug"]
    date_hierarchy = "created_at"
    exclude = ["token"]
    inlines = [MailDeliveryInline]
    actions = ["cancel_registrations"]

    @admin.action(description=_("Cancel the selected registrations"), permissions=["change"])
    def cancel_registrations(self, request, queryset):
        cancelled = 0
        for registration in queryset.select_related("event"):
            try:
                services.registration_cancel(registration=registration, actor=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                cancelled += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d registration cancelled.", "%(count)d registrations cancelled.", cancelled
            )
            % {"count": cancelled},
            messages.SUCCESS,
        )


@admin.register(MailDelivery)
class MailDeliveryAdmin(ReadOnlyAdmin):
    list_display = ["registration", "event", "kind", "status", "attempts", "sent_at", "updated_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["registration__event"]
    search_fields = ["registration__email", "registration__name", "registration__event__slug"]
    date_hierarchy = "created_at"
    actions = ["send_again"]

    @admin.display(description=_("event"), ordering="registration__event")
    def event(self, delivery: MailDelivery):
        return delivery.registration.event

    @admin.action(description=_("Send the selected mails again"), permissions=["change"])
    def send_again(self, request, queryset):
        queued = sum(
            tasks.mail_delivery_retry(delivery)
            for delivery in queryset.exclude(status=MailDeliveryStatus.SENT)
        )
        self.message_user(
            request,
            ngettext("%(count)d mail queued again.", "%(count)d mails queued again.", queued)
            % {"count": queued},
            messages.SUCCESS,
        )


@admin.register(Mailing)
class MailingAdmin(ReadOnlyAdmin):
    list_display = ["subject", "event", "site", "recipients", "created_by", "created_at"]
    list_select_related = ["event", "site", "created_by"]
    list_filter = [("event", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["subject", "body", "event__slug"]
    date_hierarchy = "created_at"
