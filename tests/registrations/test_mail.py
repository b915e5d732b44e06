"""Registration mails through a real SMTP server (aiosmtpd), sent by the real task code."""

import io
import signal
from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samspil.core.models import AuditLog
from samspil.events.models import EventMode
from samspil.registrations import services
from samspil.registrations.models import (
    CancelReason,
    MailDelivery,
    MailDeliveryStatus,
    Mailing,
    MailKind,
    RegistrationStatus,
)
from samspil.registrations.tasks import MAX_ATTEMPTS, send_registration_mail, start_key
from tests.factories import EventFactory, RegistrationFactory, SiteFactory
from tests.servers import free_port
from tests.smtp import smtp_server, use_smtp

pytestmark = pytest.mark.django_db

S = RegistrationStatus
K = MailKind
SITE_URL = "https://samspil.example.org"
SECRET = "https://meet.example.org/j/4242?pwd=only-for-registered"
TITLE = {"en": "Innovation café", "da": "Innovationscafé", "fr": "Café de l'innovation"}
# The seat offer below runs out at 11:00 in Brussels, in winter.
OFFER_EXPIRES = datetime(2031, 1, 15, 10, 0, tzinfo=UTC)
OFFER_DEADLINE = {
    "da": "15. januar 2031 11:00 (Europe/Brussels)",
    "fr": "15 janvier 2031 11:00 (Europe/Brussels)",
}
STARTS = datetime(2031, 3, 31, 7, 0, tzinfo=UTC)
SUBJECTS = {
    K.CONFIRM_EMAIL: "Please confirm your registration: %(event)s",
    K.CONFIRMED: "You are registered: %(event)s",
    K.WAITING: "You are on the waiting list: %(event)s",
    K.PROMOTED: "A seat is yours: %(event)s",
    K.OFFER: "A seat is free for you: %(event)s",
    K.OFFER_EXPIRED: "Your seat offer has expired: %(event)s",
    K.CANCELLED: "Your registration is cancelled: %(event)s",
    K.REMINDER: "Reminder: %(event)s",
}
# The registration's state when each kind of mail goes out.
STATE = {
    K.CONFIRM_EMAIL: {"status": S.UNCONFIRMED},
    K.CONFIRMED: {"status": S.CONFIRMED},
    K.WAITING: {"status": S.WAITING, "waiting_since": OFFER_EXPIRES - timedelta(days=3)},
    K.PROMOTED: {"status": S.CONFIRMED},
    K.OFFER: {"status": S.OFFERED, "offer_expires_at": OFFER_EXPIRES},
    K.OFFER_EXPIRED: {"status": S.CANCELLED, "cancel_reason": CancelReason.OFFER_EXPIRED},
    K.CANCELLED: {"status": S.CANCELLED, "cancel_reason": CancelReason.PARTICIPANT},
    K.REMINDER: {"status": S.CONFIRMED},
}
SEAT_KINDS = {K.CONFIRMED, K.PROMOTED, K.REMINDER}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


def online_event(**kwargs):
    kwargs.setdefault("starts_at", STARTS)
    kwargs.setdefault("ends_at", kwargs["starts_at"] + timedelta(hours=1))
    return EventFactory(
        slug="cafe",
        title=TITLE,
        mode=EventMode.ONLINE,
        online_url=SECRET,
        time_zone="Europe/Brussels",
        **kwargs,
    )


def everything(mail) -> str:
    """All a recipient can read: both bodies and every attachment."""
    attachments = [content.decode() for content in mail.attachments().values()]
    return "\n".join([mail.subject, mail.text, mail.html, *attachments])


def run_worker() -> str:
    """The real worker (`samspil db_worker`) until no task is due; returns its log."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    out = io.StringIO()
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval=0", stdout=out)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    return out.getvalue()


def queued(kind: str) -> list[DBTaskResult]:
    return [
        result
        for result in DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        if result.args_kwargs["args"][1] == kind
    ]


@pytest.mark.parametrize("language", ["da", "fr"])
@pytest.mark.parametrize("kind", list(STATE))
def test_each_mail_in_the_registrants_language(smtp, kind, language):
    event = online_event()
    registration = RegistrationFactory(
        event=event, language=language, email=f"{language}@example.org", **STATE[kind]
    )
    occasion = start_key(event.starts_at) if kind == K.REMINDER else ""

    assert send_registration_mail.call(registration.pk, kind, occasion) == "sent"

    [mail] = smtp.wait_for(1)
    personal_link = f"{SITE_URL}/{language}/r/{registration.token}/"
    with translation.override(language):
        subject = gettext(SUBJECTS[kind]) % {"event": TITLE[language]}
    assert (mail.rcpt_tos, mail.message["To"], mail.subject) == (
        [f"{language}@example.org"],
        f"{language}@example.org",
        subject,
    )
    assert mail.message["Content-Language"] == language
    assert f'<html lang="{language}">' in mail.html
    assert personal_link in mail.text
    assert f'href="{personal_link}"' in mail.html
    assert (SECRET in everything(mail)) == (kind in SEAT_KINDS)
    if kind == K.OFFER:
        assert OFFER_DEADLINE[language] in mail.text
    if kind in SEAT_KINDS:
        assert list(mail.attachments()) == ["cafe.ics"]
        calendar = icalendar.Calendar.from_ical(mail.attachments()["cafe.ics"])
        [vevent] = calendar.walk("VEVENT")
        assert str(vevent["SUMMARY"]) == TITLE[language]
        assert SECRET in str(vevent["DESCRIPTION"])
        assert vevent.decoded("DTSTART") == event.starts_at
        assert registration.ticket_code in mail.text
    else:
        assert mail.attachments() == {}
        assert registration.ticket_code not in mail.text
    delivery = MailDelivery.objects.get()
    assert (delivery.kind, delivery.status, delivery.attempts, delivery.occasion) == (
        kind,
        MailDeliveryStatus.SENT,
        1,
        occasion,
    )


def test_confirmation_of_a_registration_cancelled_meanwhile_has_no_online_link(smtp):
    registration = RegistrationFactory(
        event=online_event(), status=S.CANCELLED, cancel_reason=CancelReason.PARTICIPANT
    )

    send_registration_mail.call(registration.pk, K.CONFIRMED, "")

    [mail] = smtp.wait_for(1)
    assert SECRET not in everything(mail)
    assert mail.attachments() == {}


def test_in_person_event_mail_has_the_calendar_file_without_online_link(smtp):
    event = EventFactory(slug="meetup", mode=EventMode.IN_PERSON, online_url=SECRET)
    SiteFactory(event=event, venue="Town hall", address="Main street 1", city="Odense")
    registration = RegistrationFactory(event=event, site=event.sites.get())

    send_registration_mail.call(registration.pk, K.CONFIRMED, "")

    [mail] = smtp.wait_for(1)
    assert SECRET not in everything(mail)
    assert list(mail.attachments()) == ["meetup.ics"]
    assert "Town hall, Main street 1, Odense" in mail.text


def test_organiser_text_is_escaped_in_the_html_mail(smtp):
    event = online_event()
    registration = RegistrationFactory(event=event, name="<b>Anna</b>")

    send_registration_mail.call(registration.pk, K.WAITING, "")

    [mail] = smtp.wait_for(1)
    assert "&lt;b&gt;Anna&lt;/b&gt;" in mail.html
    assert "<b>Anna</b>" in mail.text


@pytest.mark.django_db(transaction=True)
def test_failed_send_is_recorded_and_retried_by_the_worker_then_sent_once(settings):
    port = free_port()  # nothing listens here yet
    use_smtp(settings, port)
    registration = RegistrationFactory(event=online_event(), language="da")
    send_registration_mail.enqueue(registration.pk, K.CONFIRMED)
    before = timezone.now()

    run_worker()

    delivery = MailDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.sent_at) == (
        MailDeliveryStatus.FAILED,
        1,
        None,
    )
    assert delivery.last_error.startswith("ConnectionRefusedError")
    [retry] = queued(K.CONFIRMED)
    assert retry.args_kwargs == {"args": [registration.pk, "confirmed", ""], "kwargs": {}}
    assert before + timedelta(seconds=59) < retry.run_after < timezone.now() + timedelta(minutes=1)

    with smtp_server(port=port) as smtp:
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # time passes
        run_worker()
        # The same mail asked for once more: the delivery row says it went out.
        send_registration_mail.enqueue(registration.pk, K.CONFIRMED)
        run_worker()

        assert [mail.rcpt_tos for mail in smtp.received] == [[registration.email]]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (MailDeliveryStatus.SENT, 2)
    assert delivery.sent_at is not None
    assert queued(K.CONFIRMED) == []
    runs = DBTaskResult.objects.filter(args_kwargs__args__1="confirmed").order_by("enqueued_at")
    assert [run.return_value for run in runs] == ["retry", "sent", "already handled"]


def test_sending_gives_up_after_five_attempts(settings):
    use_smtp(settings, free_port())
    registration = RegistrationFactory(event=online_event())

    outcomes = [send_registration_mail.call(registration.pk, K.WAITING, "") for _ in range(6)]

    assert outcomes == ["retry", "retry", "retry", "retry", "failed", "already handled"]
    delivery = MailDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (MailDeliveryStatus.FAILED, MAX_ATTEMPTS)
    assert len(queued(K.WAITING)) == MAX_ATTEMPTS - 1


def test_confirmation_schedules_the_reminder(smtp):
    event = online_event(reminder_hours=24)
    registration = RegistrationFactory(event=event)

    send_registration_mail.call(registration.pk, K.PROMOTED, "")
    send_registration_mail.call(registration.pk, K.PROMOTED, "")  # a second run schedules nothing

    [reminder] = queued(K.REMINDER)
    assert reminder.run_after == event.starts_at - timedelta(hours=24)
    assert reminder.args_kwargs["args"] == [registration.pk, "reminder", start_key(event.starts_at)]


def test_no_reminder_when_its_time_has_passed(smtp):
    event = online_event(
        starts_at=timezone.now() + timedelta(hours=3),
        ends_at=timezone.now() + timedelta(hours=4),
        reminder_hours=24,
    )
    registration = RegistrationFactory(event=event)

    send_registration_mail.call(registration.pk, K.CONFIRMED, "")

    assert queued(K.REMINDER) == []


def test_reminder_is_not_sent_when_the_event_moved_or_the_registration_is_cancelled(smtp):
    event = online_event()
    moved = RegistrationFactory(event=event)
    cancelled = RegistrationFactory(event=event, status=S.CANCELLED)
    occasion = start_key(event.starts_at)
    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    event.save()

    assert send_registration_mail.call(moved.pk, K.REMINDER, occasion) == "skipped"
    assert send_registration_mail.call(cancelled.pk, K.REMINDER, occasion) == "skipped"
    assert smtp.received == []
    assert MailDelivery.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_registering_sends_the_confirmation_through_the_worker(settings):
    event = online_event()
    with smtp_server() as smtp:
        use_smtp(settings, smtp.port)
        registration = services.registration_create(
            event=event,
            site=None,
            name="Anja Lund",
            email="anja@example.dk",
            organisation="Region Midtjylland",
            role_category="politician",
            municipality="Aarhus",
            answers={},
            language="da",
        )

        run_worker()

        [mail] = smtp.received
    assert mail.rcpt_tos == ["anja@example.dk"]
    assert f"{SITE_URL}/da/r/{registration.token}/" in mail.text
    assert SECRET in mail.text
    assert list(MailDelivery.objects.values_list("kind", "status")) == [("confirmed", "sent")]


@pytest.mark.django_db(transaction=True)
def test_mail_to_participants_of_one_site(settings, django_user_model):
    organiser = django_user_model.objects.create_user("organiser", is_staff=True)
    event = EventFactory(slug="workshop", title=TITLE)
    copenhagen, aalborg = SiteFactory(event=event), SiteFactory(event=event)
    RegistrationFactory(event=event, site=copenhagen, email="a@example.org", language="da")
    RegistrationFactory(event=event, site=copenhagen, email="b@example.org", language="fr")
    RegistrationFactory(event=event, site=aalborg, email="c@example.org")
    RegistrationFactory(
        event=event,
        site=copenhagen,
        email="w@example.org",
        status=S.WAITING,
        waiting_since=timezone.now(),
    )
    RegistrationFactory(event=event, site=copenhagen, email="x@example.org", status=S.CANCELLED)

    with smtp_server() as smtp:
        use_smtp(settings, smtp.port)
        count = services.participants_mail(
            event=event,
            site=copenhagen,
            subject="Bring a laptop",
            body="See you at 13:00.",
            actor=organiser,
        )
        assert MailDelivery.objects.filter(status=MailDeliveryStatus.QUEUED).count() == 2
        run_worker()

        received = sorted(smtp.received, key=lambda mail: mail.rcpt_tos)
    assert count == 2
    assert [(mail.rcpt_tos, mail.subject) for mail in received] == [
        (["a@example.org"], "Bring a laptop"),
        (["b@example.org"], "Bring a laptop"),
    ]
    assert all("See you at 13:00." in mail.text for mail in received)
    assert '<html lang="fr">' in received[1].html
    mailing = Mailing.objects.get()
    assert (mailing.recipients, mailing.site, mailing.created_by) == (2, copenhagen, organiser)
    assert set(MailDelivery.objects.values_list("status", flat=True)) == {"sent"}
    audit = AuditLog.objects.get(action="registration.participants_mail")
    assert (audit.actor, audit.target_id, audit.data) == (
        organiser,
        event.pk,
        {"mailing": mailing.pk, "site": copenhagen.pk, "recipients": 2},
    )


def test_mail_to_participants_can_include_the_waiting_list(django_user_model):
    organiser = django_user_model.objects.create_user("organiser", is_staff=True)
    event = EventFactory()
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=S.WAITING, waiting_since=timezone.now())
    RegistrationFactory(event=event, status=S.UNCONFIRMED)

    count = services.participants_mail(
        event=event, subject="News", body="Text", actor=organiser, include_waiting=True
    )

    assert count == 2
    assert services.participants_mail(event=event, subject="News", body="Text", actor=None) == 1


def test_organisers_see_failed_mails_in_the_admin_and_send_them_again(admin_client, settings):
    use_smtp(settings, free_port())
    registration = RegistrationFactory(event=online_event(), email="failed@example.org")
    for _ in range(MAX_ATTEMPTS):
        send_registration_mail.call(registration.pk, K.WAITING, "")
    delivery = MailDelivery.objects.get()

    listing = admin_client.get("/en/admin/registrations/maildelivery/?status__exact=failed")
    change = admin_client.get(f"/en/admin/registrations/registration/{registration.pk}/change/")
    response = admin_client.post(
        "/en/admin/registrations/maildelivery/",
        {"action": "send_again", "_selected_action": [delivery.pk]},
    )

    assert (listing.status_code, change.status_code, response.status_code) == (200, 200, 302)
    assert "failed@example.org" in listing.content.decode()
    assert registration.token not in change.content.decode()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (MailDeliveryStatus.QUEUED, 0)
    assert len(queued(K.WAITING)) == MAX_ATTEMPTS
