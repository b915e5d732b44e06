import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField

from samspil.events.models import Event, Site
from samspil.people.models import RoleCategory

# Ticket codes avoid letters and digits that people mix up when typing (0/O, 1/I/L).
TICKET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TICKET_LENGTH = 8


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_ticket_code() -> str:
    return "".join(secrets.choice(TICKET_ALPHABET) for _ in range(TICKET_LENGTH))


class RegistrationStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Awaiting e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("Offered a seat")
    CANCELLED = "cancelled", _("Cancelled")


class CancelReason(models.TextChoices):
    PARTICIPANT = "participant", _("Cancelled by the participant")
    ORGANISER = "organiser", _("Cancelled by the organiser")
    OFFER_EXPIRED = "offer_expired", _("Seat offer not accepted in time")
    OFFER_DECLINED = "offer_declined", _("Seat offer declined")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Text")
    CHOICE = "choice", _("Choice")
    YES_NO = "yes_no", _("Yes or no")


class Question(models.Model):
    """An event's own question on the registration form, e.g. diet or overnight stay."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="questions"
    )
    label = I18nCharField(_("question"))
    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind.choices)
    options = I18nTextField(
        _("options"), blank=True, default="", help_text=_("For a choice: one option per line.")
    )
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event_id", "order", "pk"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self) -> str:
        return str(self.label)


class Registration(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role_category = models.CharField(_("role"), max_length=32, choices=RoleCategory.choices)
    municipality = models.CharField(_("municipality or region"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # The personal page's address: unguessable, so the link in a mail is the key.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    ticket_code = models.CharField(
        _("ticket code"), max_length=16, default=new_ticket_code, editable=False
    )
    # What is owed, fixed when registering (invoicing comes with networks).
    price = models.DecimalField(
        _("price excluding VAT"), max_digits=10, decimal_places=2, null=True
    )
    vat_amount = models.DecimalField(_("VAT"), max_digits=10, decimal_places=2, null=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.CharField(
        _("cancel reason"), max_length=16, choices=CancelReason.choices, blank=True
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["event_id", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="registration_one_active_per_email",
            ),
            models.UniqueConstraint(
                fields=["event", "ticket_code"], name="registration_ticket_code_unique"
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.OFFERED) | Q(offer_expires_at__isnull=False),
                name="registration_offer_has_expiry",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.WAITING) | Q(waiting_since__isnull=False),
                name="registration_waiting_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"]),
            models.Index(fields=["site", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("registrations:personal", kwargs={"token": self.token})

    @property
    def is_active(self) -> bool:
        return self.status != RegistrationStatus.CANCELLED

    @property
    def holds_seat(self) -> bool:
        return self.status in {RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED}

    @property
    def total_price(self):
        return (self.price or 0) + (self.vat_amount or 0)


class MailKind(models.TextChoices):
    CONFIRM_EMAIL = "confirm_email", _("Confirm your e-mail address")
    CONFIRMED = "confirmed", _("Registration confirmed")
    WAITING = "waiting", _("On the waiting list")
    PROMOTED = "promoted", _("Moved up from the waiting list")
    OFFER = "offer", _("Seat offer")
    OFFER_EXPIRED = "offer_expired", _("Seat offer expired")
    CANCELLED = "cancelled", _("Registration cancelled")
    REMINDER = "reminder", _("Reminder")
    PARTICIPANTS = "participants", _("Message to participants")


class Mailing(models.Model):
    """An organiser's message to all participants of an event, or of one of its sites."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="mailings"
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mailings",
        help_text=_("Empty: every site of the event."),
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    include_waiting = models.BooleanField(_("also to the waiting list"), default=False)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")

    def __str__(self) -> str:
        return self.subject


class MailDeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class MailDelivery(models.Model):
    """One mail to one registrant, with every attempt to send it.

    One row per (registration, kind, occasion) makes sending idempotent: a task
    that runs again after the mail went out finds the row sent and stops. The
    occasion tells apart mails of one kind that may legitimately go out more
    than once: the event's start time for a reminder, the mailing for a message
    to participants, empty for the rest.
    """

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="mail_deliveries",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=MailKind.choices)
    occasion = models.CharField(_("occasion"), max_length=64, blank=True, default="")
    mailing = models.ForeignKey(
        Mailing,
        verbose_name=_("message to participants"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MailDeliveryStatus.choices,
        default=MailDeliveryStatus.QUEUED,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("mail delivery")
        verbose_name_plural = _("mail deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind", "occasion"], name="mail_delivery_once"
            ),
        ]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.registration.email}"
