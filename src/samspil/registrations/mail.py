"""The mails a registrant receives, rendered in their own language.

Every mail has a plain-text body and an HTML alternative, built from the
templates in `registrations/mail/`: `<kind>.txt` says what happened, and
`message.txt`/`message.html` frame it with the event, the ticket and the
personal link. The online meeting link goes only into the mails that confirm
a seat (confirmation, promotion, reminder), and only while the registration is
confirmed; so does the personal calendar file, which carries the link too.
"""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from samspil.core.i18n import localize
from samspil.events.calendar import calendar_bytes, event_vevent
from samspil.events.models import Event
from samspil.registrations.models import Mailing, MailKind, Registration, RegistrationStatus

K = MailKind

SEAT_KINDS = frozenset({K.CONFIRMED, K.PROMOTED, K.REMINDER})


def _subject(kind: str, title: str, mailing: Mailing | None) -> str:
    if kind == K.PARTICIPANTS:
        return mailing.subject
    subjects = {
        K.CONFIRM_EMAIL: _("Please confirm your registration: %(event)s"),
        K.CONFIRMED: _("You are registered: %(event)s"),
        K.WAITING: _("You are on the waiting list: %(event)s"),
        K.PROMOTED: _("A seat is yours: %(event)s"),
        K.OFFER: _("A seat is free for you: %(event)s"),
        K.OFFER_EXPIRED: _("Your seat offer has expired: %(event)s"),
        K.CANCELLED: _("Your registration is cancelled: %(event)s"),
        K.REMINDER: _("Reminder: %(event)s"),
    }
    return subjects[kind] % {"event": title}


def _place(registration: Registration, event: Event) -> str:
    site = registration.site
    parts = [site.venue, site.address, site.city] if site else []
    place = ", ".join(part for part in parts if part)
    if event.is_online:
        place = f"{place} / {_('Online')}" if place else _("Online")
    return place


def _plain(text: str) -> str:
    """Rendered plain text without the blank lines that template tags leave behind."""
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def personal_url(registration: Registration) -> str:
    """The absolute personal link, prefixed with the active language."""
    return settings.SITE_URL + registration.get_absolute_url()


def registration_message(
    registration: Registration, kind: str, *, mailing: Mailing | None = None
) -> EmailMultiAlternatives:
    """The mail of `kind` for `registration`, in the registrant's language.

    `mailing` is the organiser's message, for kind "participants".
    """
    event = registration.event
    confirmed_seat = kind in SEAT_KINDS and registration.status == RegistrationStatus.CONFIRMED
    with translation.override(registration.language):
        title = localize(event.title, event.original_language)
        online_url = event.online_url if confirmed_seat and event.is_online else ""
        subject = " ".join(_subject(kind, title, mailing).split())
        context = {
            "kind": kind,
            "subject": subject,
            "registration": registration,
            "event": event,
            "title": title,
            "place": _place(registration, event),
            "personal_url": personal_url(registration),
            "online_url": online_url,
            "show_ticket": confirmed_seat,
            "has_calendar": confirmed_seat,
            "mailing": mailing,
            "language": registration.language,
        }
        if registration.offer_expires_at:
            expires = registration.offer_expires_at.astimezone(event.zone)
            context["offer_deadline"] = (
                f"{formats.date_format(expires, 'DATETIME_FORMAT')} ({event.time_zone})"
            )
        # strip() gives a plain str, so the HTML frame escapes what the text holds.
        context["content"] = render_to_string(f"registrations/mail/{kind}.txt", context).strip()
        message = EmailMultiAlternatives(
            subject=subject,
            body=_plain(render_to_string("registrations/mail/message.txt", context)),
            to=[registration.email],
            headers={"Auto-Submitted": "auto-generated", "Content-Language": registration.language},
        )
        message.attach_alternative(
            render_to_string("registrations/mail/message.html", context), "text/html"
        )
        if confirmed_seat:
            ics = calendar_bytes([event_vevent(event, online_url=online_url)], name=title)
            message.attach(f"{event.slug}.ics", ics, "text/calendar")
    return message
