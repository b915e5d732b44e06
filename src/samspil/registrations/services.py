"""Registration use cases: one function each, transactional.

Capacity rule: every decision about a seat locks the event row
(`select_for_update`; on SQLite the IMMEDIATE transaction holds the write lock)
and counts committed registrations inside the same transaction, so N people
racing for C seats end with exactly min(N, C) seats taken and the rest waiting.
Seats held are confirmed registrations and offers that have not expired.
Mail goes out after commit, through background tasks.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from samspil.core.services import audit_log_create
from samspil.events.models import Event, Site
from samspil.registrations import tasks
from samspil.registrations.models import (
    CancelReason,
    MailDelivery,
    Mailing,
    MailKind,
    Registration,
    RegistrationStatus,
)
from samspil.registrations.selectors import seat_held

S = RegistrationStatus


def _notify(registration: Registration, kind: str) -> None:
    transaction.on_commit(partial(tasks.send_registration_mail.enqueue, registration.pk, kind))


def _schedule_offer_expiry(expires_at: datetime) -> None:
    """Pass the seat on when the offer runs out, even if nobody else acts before then."""
    expire = tasks.offers_expire_task
    if expire.get_backend().supports_defer:
        transaction.on_commit(lambda: expire.using(run_after=expires_at).enqueue())


def _lock_event(event_id: int) -> Event:
    return Event.objects.select_for_update().prefetch_related("sites").get(pk=event_id)


def _lock_registration(registration: Registration) -> Event:
    """Lock the registration's event, then re-read the registration: another request
    may have changed it while this one waited for the lock."""
    event = _lock_event(registration.event_id)
    registration.refresh_from_db()
    registration.event = event
    return event


class _Seats:
    """Free seats of one event, counted from committed rows while the event is locked.

    One query counts, per site, the seats held, the waiting list, the offers that
    ran out and (given `email`) that address's active registrations: each round
    trip made while holding the lock delays every other registrant of the event.
    """

    def __init__(self, event: Event, now: datetime, email: str | None = None):
        self.event = event
        self.capacity_by_site = {site.pk: site.capacity for site in event.sites.all()}
        figures = {
            "held": Count("pk", filter=seat_held(now)),
            "waiting": Count("pk", filter=Q(status=S.WAITING)),
            "expired": Count("pk", filter=Q(status=S.OFFERED, offer_expires_at__lte=now)),
        }
        if email is not None:
            figures["same_email"] = Count("pk", filter=Q(email=email))
        rows = list(
            Registration.objects.filter(event=event)
            .exclude(status=S.CANCELLED)
            .values("site_id")
            .order_by()
            .annotate(**figures)
        )
        self.taken_by_site = Counter({row["site_id"]: row["held"] for row in rows})
        self.taken = sum(self.taken_by_site.values())
        self.waiting = sum(row["waiting"] for row in rows)
        self.expired_offers = sum(row["expired"] for row in rows)
        self.same_email = sum(row.get("same_email", 0) for row in rows)

    def event_full(self) -> bool:
        return self.event.capacity is not None and self.taken >= self.event.capacity

    def free_for(self, site_id: int | None) -> bool:
        if self.event_full():
            return False
        capacity = self.capacity_by_site.get(site_id)
        return capacity is None or self.taken_by_site[site_id] < capacity

    def take(self, site_id: int | None) -> None:
        self.taken += 1
        self.taken_by_site[site_id] += 1

    def sites_with_room(self) -> list[int]:
        """The sites with a free seat (a registration without a site needs only event room)."""
        return [site_id for site_id in self.capacity_by_site if self.free_for(site_id)]


def _expire_offers(event: Event, now: datetime) -> None:
    expired = event.registrations.filter(status=S.OFFERED, offer_expires_at__lte=now)
    for registration in expired:
        registration.status = S.CANCELLED
        registration.cancel_reason = CancelReason.OFFER_EXPIRED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancel_reason", "cancelled_at"])
        _notify(registration, "offer_expired")


def _give_seat(registration: Registration, now: datetime) -> None:
    """Confirm, or for paid and binding events offer the seat for a limited time."""
    event = registration.event
    if registration.status == S.WAITING and event.offers_seats:
        registration.status = S.OFFERED
        registration.offer_expires_at = now + timedelta(hours=event.offer_hours)
        registration.save(update_fields=["status", "offer_expires_at"])
        _notify(registration, "offer")
        _schedule_offer_expiry(registration.offer_expires_at)
        return
    promoted = registration.status == S.WAITING
    registration.status = S.CONFIRMED
    registration.confirmed_at = now
    registration.save(update_fields=["status", "confirmed_at"])
    _notify(registration, "promoted" if promoted else "confirmed")


def _fill_free_seats(event: Event, now: datetime, seats: _Seats | None = None) -> _Seats:
    """Pass expired offers on and give free seats to the waiting list, first come first.

    `seats` are the figures already counted under this lock, if any."""
    seats = seats or _Seats(event, now)
    if seats.expired_offers:
        _expire_offers(event, now)
        seats = _Seats(event, now)
    if seats.event_full() or not seats.waiting:
        return seats
    # Read only as much of the queue as can be seated: the list may be long.
    waiting = event.registrations.filter(
        Q(site_id__in=seats.sites_with_room()) | Q(site__isnull=True), status=S.WAITING
    ).order_by("waiting_since", "pk")
    for registration in waiting.iterator(chunk_size=32):
        if seats.free_for(registration.site_id):
            registration.event = event
            _give_seat(registration, now)
            seats.take(registration.site_id)
        if seats.event_full() or (seats.capacity_by_site and not seats.sites_with_room()):
            break
    return seats


def _take_seat_or_wait(registration: Registration, now: datetime) -> None:
    seats = _fill_free_seats(registration.event, now)
    if seats.free_for(registration.site_id):
        _give_seat(registration, now)
    else:
        registration.status = S.WAITING
        registration.waiting_since = now
        registration.save(update_fields=["status", "waiting_since"])
        _notify(registration, "waiting")


def registration_create(
    *,
    event: Event,
    site: Site | None,
    name: str,
    email: str,
    organisation: str,
    role_category: str,
    municipality: str,
    answers: dict,
    language: str,
    now: datetime | None = None,
) -> Registration:
    """Register a person: a seat if one is free, else a place on the waiting list.

    With `event.confirm_email` the registration waits for the e-mail to be
    confirmed before it draws on a seat. Side effects: the registration row, an
    audit row, and a mail (confirmation, waiting list or confirm-your-address).
    Raises ValidationError, and changes nothing, when registration is not open,
    the site does not fit the event, or the e-mail is already registered.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    try:
        with transaction.atomic():
            event = _lock_event(event.pk)
            if error := event.registration_error(now):
                raise ValidationError(error, code="closed")
            sites = list(event.sites.all())
            if site is not None and site.event_id != event.pk:
                raise ValidationError(_("Choose one of this event's sites."), code="site")
            if site is None and len(sites) > 1:
                raise ValidationError(_("Choose the site you will attend."), code="site")
            if site is None and sites:
                site = sites[0]
            seats = _Seats(event, now, email=email)
            if seats.same_email:
                raise ValidationError(
                    _(
                        "This e-mail address is already registered for this event. The mail "
                        "we sent it has the link to the registration."
                    ),
                    code="duplicate",
                )
            # Decide the status before the row exists, so that it is written once.
            if event.confirm_email:
                status = {"status": S.UNCONFIRMED}
            else:
                # The waiting list goes first; then a seat, or the end of the queue.
                seats = _fill_free_seats(event, now, seats)
                if seats.free_for(site.pk if site else None):
                    status = {"status": S.CONFIRMED, "confirmed_at": now}
                else:
                    status = {"status": S.WAITING, "waiting_since": now}
            registration = Registration.objects.create(
                event=event,
                site=site,
                **status,
                name=name.strip(),
                email=email,
                organisation=organisation.strip(),
                role_category=role_category,
                municipality=municipality.strip(),
                answers=answers,
                language=language,
                price=None if event.is_free else event.price,
                vat_amount=None if event.is_free else event.vat_amount,
                currency="" if event.is_free else event.currency,
            )
            audit_log_create(actor=None, action="registration.create", target=registration)
            _notify(
                registration,
                {S.UNCONFIRMED: "confirm_email", S.CONFIRMED: "confirmed", S.WAITING: "waiting"}[
                    registration.status
                ],
            )
    except IntegrityError as error:
        # The lock makes this unreachable for one e-mail; the constraint backs it up.
        raise ValidationError(
            _("This e-mail address is already registered."), code="duplicate"
        ) from error
    return registration


def registration_confirm_email(
    *, registration: Registration, now: datetime | None = None
) -> Registration:
    """The registrant confirmed their address: now they draw on a seat, or wait."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_registration(registration)
        if registration.status != S.UNCONFIRMED:
            return registration
        if now >= registration.event.ends_at:
            raise ValidationError(_("This event has already taken place."), code="past")
        _take_seat_or_wait(registration, now)
        audit_log_create(actor=None, action="registration.confirm_email", target=registration)
    return registration


def registration_cancel_error(
    registration: Registration, now: datetime | None = None
) -> str | None:
    """Why the participant cannot cancel themselves now, or None when they can."""
    now = now or timezone.now()
    event = registration.event
    if registration.status == S.CANCELLED:
        return _("This registration is already cancelled.")
    if now >= event.starts_at:
        return _("The event has started; the registration can no longer be cancelled.")
    # Binding terms bind a confirmed seat; an offer not yet accepted can always be declined.
    confirmed = registration.status == S.CONFIRMED
    if event.is_binding and confirmed and now >= event.participant_cancellation_deadline:
        return _("The registration is binding: the cancellation deadline has passed.")
    return None


def registration_cancel(
    *, registration: Registration, actor=None, now: datetime | None = None
) -> Registration:
    """Cancel a registration (or leave the waiting list, or decline an offer).

    Without `actor` the participant cancels, and the event's binding terms apply;
    an organiser (`actor`) may always cancel. The freed seat goes to the waiting
    list in the same transaction. Side effects: audit row, mails.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_registration(registration)
        if actor is None and (error := registration_cancel_error(registration, now)):
            raise ValidationError(error, code="not_cancellable")
        if registration.status == S.CANCELLED:
            return registration
        if actor is not None:
            reason = CancelReason.ORGANISER
        elif registration.status == S.OFFERED:
            reason = CancelReason.OFFER_DECLINED
        else:
            reason = CancelReason.PARTICIPANT
        registration.status = S.CANCELLED
        registration.cancel_reason = reason
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancel_reason", "cancelled_at"])
        audit_log_create(actor=actor, action="registration.cancel", target=registration)
        _notify(registration, "cancelled")
        _fill_free_seats(event, now)
    return registration


def registration_accept_offer(
    *, registration: Registration, now: datetime | None = None
) -> Registration:
    """Accept an offered seat before the offer expires."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_registration(registration)
        if registration.status != S.OFFERED or registration.offer_expires_at <= now:
            raise ValidationError(_("This offer is no longer open."), code="offer_closed")
        _give_seat(registration, now)
        audit_log_create(actor=None, action="registration.accept_offer", target=registration)
    return registration


def registration_promote(
    *, registration: Registration, actor, now: datetime | None = None
) -> Registration:
    """An organiser gives a waiting person a free seat ahead of the queue."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_registration(registration)
        if registration.status != S.WAITING:
            raise ValidationError(
                _("Only people on the waiting list can be promoted."), code="status"
            )
        _expire_offers(event, now)
        if not _Seats(event, now).free_for(registration.site_id):
            raise ValidationError(
                _("There is no free seat. Raise the capacity first."), code="full"
            )
        _give_seat(registration, now)
        audit_log_create(actor=actor, action="registration.promote", target=registration)
    return registration


def registration_check_in(
    *,
    event: Event,
    code: str,
    actor,
    now: datetime | None = None,
    site_ids: Iterable[int] | None = None,
) -> Registration:
    """Mark a confirmed participant as arrived, by the code on their ticket.

    `site_ids` limits it to those sites' participants (a co-host checks in their
    own site's); a ticket of another site is then unknown. Side effect: audit row.
    """
    now = now or timezone.now()
    code = code.strip().upper().replace(" ", "").replace("-", "")
    with transaction.atomic():
        tickets = Registration.objects.select_for_update().filter(event=event, ticket_code=code)
        if site_ids is not None:
            tickets = tickets.filter(site_id__in=list(site_ids))
        registration = tickets.first()
        if registration is None:
            raise ValidationError(_("No ticket with this code for this event."), code="unknown")
        if registration.status != S.CONFIRMED:
            raise ValidationError(
                _("This ticket is not confirmed (%(status)s).")
                % {"status": registration.get_status_display()},
                code="status",
            )
        if registration.checked_in_at:
            raise ValidationError(
                _("%(name)s has already checked in (%(time)s).")
                % {
                    "name": registration.name,
                    "time": formats.time_format(registration.checked_in_at.astimezone(event.zone)),
                },
                code="twice",
            )
        registration.checked_in_at = now
        registration.save(update_fields=["checked_in_at"])
        audit_log_create(actor=actor, action="registration.check_in", target=registration)
    return registration


def offers_expire(*, now: datetime | None = None) -> int:
    """Pass on every expired seat offer (run periodically and when an offer runs out)."""
    now = now or timezone.now()
    event_ids = list(
        Registration.objects.filter(status=S.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    for event_id in event_ids:
        with transaction.atomic():
            _fill_free_seats(_lock_event(event_id), now)
    return len(event_ids)


def participants_mail(
    *,
    event: Event,
    site: Site | None = None,
    subject: str,
    body: str,
    actor,
    include_waiting: bool = False,
) -> int:
    """Queue the organiser's message to every confirmed participant of an event or one site.

    With `include_waiting` it also goes to the waiting list (and to those offered
    a seat). Each recipient gets it in their own mail, framed in their language
    with their personal link. Side effects: a Mailing row, a queued MailDelivery
    row per recipient, an audit row, and one mail task per recipient after
    commit. Returns the number of recipients.
    """
    statuses = [S.CONFIRMED]
    if include_waiting:
        statuses += [S.WAITING, S.OFFERED]
    recipients = event.registrations.filter(status__in=statuses)
    if site is not None:
        recipients = recipients.filter(site=site)
    with transaction.atomic():
        registration_ids = list(recipients.order_by("pk").values_list("pk", flat=True))
        mailing = Mailing.objects.create(
            event=event,
            site=site,
            subject=subject.strip(),
            body=body.strip(),
            include_waiting=include_waiting,
            recipients=len(registration_ids),
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        occasion = str(mailing.pk)
        MailDelivery.objects.bulk_create(
            MailDelivery(
                registration_id=pk, kind=MailKind.PARTICIPANTS, occasion=occasion, mailing=mailing
            )
            for pk in registration_ids
        )
        audit_log_create(
            actor=actor,
            action="registration.participants_mail",
            target=event,
            mailing=mailing.pk,
            site=site.pk if site else None,
            recipients=len(registration_ids),
        )
        for pk in registration_ids:
            transaction.on_commit(
                partial(tasks.send_registration_mail.enqueue, pk, MailKind.PARTICIPANTS, occasion)
            )
    return len(registration_ids)
