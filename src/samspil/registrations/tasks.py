"""Background work of registrations: mail. Tasks take primary keys, never instances.

Each mail has a `MailDelivery` row per (registration, kind, occasion) that
records every attempt, so organisers see failures in the admin and a task that
runs again after its mail went out sends nothing. An SMTP or network error is
recorded and the task is enqueued again later, up to `MAX_ATTEMPTS` in all.

A confirmed seat also schedules a reminder `event.reminder_hours` before the
start (0 means no reminder). The reminder is keyed to the start time: if the
event has moved by the time it runs, it sends nothing, and whoever moves an
event schedules new reminders with `reminder_schedule`.
"""

import logging
import smtplib
from datetime import UTC, datetime, timedelta

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from samspil.events.models import EventStatus
from samspil.registrations import mail
from samspil.registrations.models import (
    MailDelivery,
    MailDeliveryStatus,
    MailKind,
    Registration,
    RegistrationStatus,
)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# The wait before attempt 2, 3, 4 and 5.
RETRY_DELAYS = [
    timedelta(minutes=1),
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=4),
]

D = MailDeliveryStatus


def start_key(starts_at: datetime) -> str:
    """The occasion of a reminder: the start time it reminds of, in UTC."""
    return starts_at.astimezone(UTC).isoformat()


def _supports_defer() -> bool:
    return send_registration_mail.get_backend().supports_defer


def reminder_schedule(registration: Registration, now: datetime | None = None) -> bool:
    """Enqueue the reminder for a confirmed registration, if its time is still ahead."""
    event = registration.event
    now = now or timezone.now()
    run_after = event.starts_at - timedelta(hours=event.reminder_hours)
    if not event.reminder_hours or run_after <= now:
        return False
    if not _supports_defer():
        # The immediate backend (tests, experiments) cannot wait; a reminder now would be wrong.
        logger.info("Tasks backend cannot defer: no reminder for registration %s", registration.pk)
        return False
    send_registration_mail.using(run_after=run_after).enqueue(
        registration.pk, MailKind.REMINDER, start_key(event.starts_at)
    )
    return True


def _reminder_due(registration: Registration, occasion: str) -> bool:
    """Still confirmed, and the event still takes place at the time the reminder was for."""
    event = registration.event
    return (
        registration.status == RegistrationStatus.CONFIRMED
        and event.status == EventStatus.PUBLISHED
        and occasion == start_key(event.starts_at)
    )


def _retry(delivery: MailDelivery, registration_id: int, kind: str, occasion: str) -> str:
    if delivery.attempts >= MAX_ATTEMPTS or not _supports_defer():
        logger.error("Giving up on mail %s after %s attempts", delivery.pk, delivery.attempts)
        return "failed"
    run_after = timezone.now() + RETRY_DELAYS[delivery.attempts - 1]
    send_registration_mail.using(run_after=run_after).enqueue(registration_id, kind, occasion)
    return "retry"


def _record_failure(delivery: MailDelivery, error: Exception) -> None:
    delivery.status = D.FAILED
    delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
    delivery.save(update_fields=["status", "last_error", "updated_at"])


@task()
def send_registration_mail(registration_id: int, kind: str, occasion: str = "") -> str:
    """Send one mail to one registrant, once; returns what happened, for the task result."""
    registration = (
        Registration.objects.select_related("event", "site").filter(pk=registration_id).first()
    )
    if registration is None:
        return "gone"  # erased meanwhile
    if kind == MailKind.REMINDER and not _reminder_due(registration, occasion):
        return "skipped"
    delivery, created = MailDelivery.objects.get_or_create(
        registration=registration, kind=kind, occasion=occasion
    )
    if (
        created
        and kind in {MailKind.CONFIRMED, MailKind.PROMOTED}
        and registration.status == RegistrationStatus.CONFIRMED
    ):
        reminder_schedule(registration)

    # Claim the row: only one run sends it, and never again once sent.
    claimed = (
        MailDelivery.objects.filter(pk=delivery.pk, status__in=[D.QUEUED, D.FAILED])
        .filter(attempts__lt=MAX_ATTEMPTS)
        .update(status=D.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now())
    )
    if not claimed:
        return "already handled"
    delivery.refresh_from_db()
    try:
        message = mail.registration_message(registration, kind, mailing=delivery.mailing)
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        _record_failure(delivery, error)
        return _retry(delivery, registration_id, kind, occasion)
    except Exception as error:
        # A bug, not the network: visible as failed, not retried; the task result has the trace.
        _record_failure(delivery, error)
        raise
    delivery.status = D.SENT
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["status", "sent_at", "updated_at"])
    return "sent"


def mail_delivery_retry(delivery: MailDelivery) -> bool:
    """Give a mail that failed for good (or was cut off mid-send) a fresh set of attempts."""
    updated = (
        MailDelivery.objects.filter(pk=delivery.pk)
        .exclude(status=D.SENT)
        .update(status=D.QUEUED, attempts=0, updated_at=timezone.now())
    )
    if updated:
        send_registration_mail.enqueue(delivery.registration_id, delivery.kind, delivery.occasion)
    return bool(updated)


@task()
def offers_expire_task() -> int:
    """Pass on seat offers that ran out; enqueued to run when an offer expires."""
    # Imported here: the services enqueue this task, so they import this module.
    from samspil.registrations.services import offers_expire  # noqa: PLC0415

    return offers_expire()
