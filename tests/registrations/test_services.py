from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from samspil.core.models import AuditLog
from samspil.events.models import EventStatus, RegistrationMode
from samspil.registrations import services
from samspil.registrations.models import CancelReason, Registration, RegistrationStatus
from tests.factories import EventFactory, SiteFactory

pytestmark = pytest.mark.django_db

S = RegistrationStatus


def register(event, email, site=None, **kwargs):
    return services.registration_create(
        event=event,
        site=site,
        name=kwargs.pop("name", "Anna Andersen"),
        email=email,
        organisation="Odense Kommune",
        role_category="employee",
        municipality="Odense",
        answers={},
        language="da",
        **kwargs,
    )


def statuses(event) -> list[tuple[str, str]]:
    return list(event.registrations.order_by("pk").values_list("email", "status"))


def test_registration_takes_seats_then_waits():
    event = EventFactory(capacity=2)

    for n in range(4):
        register(event, f"p{n}@example.org")

    assert statuses(event) == [
        ("p0@example.org", S.CONFIRMED),
        ("p1@example.org", S.CONFIRMED),
        ("p2@example.org", S.WAITING),
        ("p3@example.org", S.WAITING),
    ]


def test_site_capacity_is_separate_from_other_sites():
    event = EventFactory(capacity=None)
    copenhagen = SiteFactory(event=event, capacity=1)
    aalborg = SiteFactory(event=event, capacity=2)

    register(event, "a@example.org", site=copenhagen)
    register(event, "b@example.org", site=copenhagen)
    register(event, "c@example.org", site=aalborg)

    assert statuses(event) == [
        ("a@example.org", S.CONFIRMED),
        ("b@example.org", S.WAITING),
        ("c@example.org", S.CONFIRMED),
    ]


def test_event_capacity_caps_all_sites_together():
    event = EventFactory(capacity=2)
    one, two = SiteFactory(event=event, capacity=5), SiteFactory(event=event, capacity=5)

    for n, site in enumerate([one, two, one]):
        register(event, f"p{n}@example.org", site=site)

    assert [status for _email, status in statuses(event)] == [S.CONFIRMED, S.CONFIRMED, S.WAITING]


def test_event_with_several_sites_needs_a_site():
    event = EventFactory()
    SiteFactory(event=event)
    SiteFactory(event=event)

    with pytest.raises(ValidationError) as error:
        register(event, "a@example.org")

    assert error.value.code == "site"
    assert Registration.objects.count() == 0


def test_site_of_another_event_is_refused():
    event = EventFactory()
    SiteFactory(event=event)

    with pytest.raises(ValidationError):
        register(event, "a@example.org", site=SiteFactory())

    assert Registration.objects.count() == 0


def test_single_site_is_chosen_by_itself():
    event = EventFactory()
    site = SiteFactory(event=event)

    assert register(event, "a@example.org").site == site


def test_duplicate_email_is_refused_case_insensitively():
    event = EventFactory()
    register(event, "Anna@Example.org")

    with pytest.raises(ValidationError) as error:
        register(event, " anna@example.ORG ")

    assert error.value.code == "duplicate"
    assert statuses(event) == [("anna@example.org", S.CONFIRMED)]


def test_registering_again_after_cancelling_is_allowed():
    event = EventFactory()
    first = register(event, "a@example.org")
    services.registration_cancel(registration=first)

    again = register(event, "a@example.org")

    assert again.status == S.CONFIRMED


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": EventStatus.DRAFT}, "This event is not open for registration."),
        ({"status": EventStatus.CANCELLED}, "This event is not open for registration."),
        ({"registration": RegistrationMode.CLOSED}, "Registration for this event is closed."),
        (
            {"registration": RegistrationMode.NONE},
            "This event needs no registration: everyone is welcome.",
        ),
        (
            {"registration_closes_at": timezone.now() - timedelta(minutes=1)},
            "The registration deadline has passed.",
        ),
        (
            {"starts_at": timezone.now() - timedelta(minutes=1)},
            "The registration deadline has passed.",
        ),
    ],
)
def test_closed_registration_is_refused_and_changes_nothing(changes, message):
    event = EventFactory(**changes)

    with pytest.raises(ValidationError) as error:
        register(event, "a@example.org")

    assert error.value.messages == [message]
    assert Registration.objects.count() == 0


def test_registration_not_yet_open_says_when_it_opens():
    opens = timezone.now() + timedelta(days=1)
    event = EventFactory(registration_opens_at=opens, starts_at=opens + timedelta(days=5))

    with pytest.raises(ValidationError) as error:
        register(event, "a@example.org")

    assert error.value.messages[0].startswith("Registration opens on ")


def test_cancelling_promotes_the_first_waiting_in_a_free_event():
    event = EventFactory(capacity=1)
    seated = register(event, "a@example.org")
    register(event, "b@example.org")
    register(event, "c@example.org")

    services.registration_cancel(registration=seated)

    assert statuses(event) == [
        ("a@example.org", S.CANCELLED),
        ("b@example.org", S.CONFIRMED),
        ("c@example.org", S.WAITING),
    ]


def test_cancelling_offers_the_seat_in_a_paid_event_and_offer_expires_onwards():
    now = timezone.now()
    event = EventFactory(capacity=1, price=Decimal("100.00"), vat_rate=Decimal("25.00"))
    seated = register(event, "a@example.org", now=now)
    register(event, "b@example.org", now=now)
    register(event, "c@example.org", now=now)

    services.registration_cancel(registration=seated, now=now)
    offered = event.registrations.get(email="b@example.org")
    assert (offered.status, offered.offer_expires_at) == (S.OFFERED, now + timedelta(hours=48))

    assert services.offers_expire(now=now + timedelta(hours=49)) == 1

    assert statuses(event) == [
        ("a@example.org", S.CANCELLED),
        ("b@example.org", S.CANCELLED),
        ("c@example.org", S.OFFERED),
    ]
    offered.refresh_from_db()
    assert offered.cancel_reason == CancelReason.OFFER_EXPIRED


def test_accepting_an_offer_confirms_and_late_acceptance_is_refused():
    now = timezone.now()
    event = EventFactory(capacity=1, is_binding=True)
    seated = register(event, "a@example.org", now=now)
    waiting = register(event, "b@example.org", now=now)
    services.registration_cancel(registration=seated, now=now)

    services.registration_accept_offer(registration=waiting, now=now + timedelta(hours=1))

    waiting.refresh_from_db()
    assert waiting.status == S.CONFIRMED
    with pytest.raises(ValidationError):
        services.registration_accept_offer(registration=waiting)


def test_new_registrant_does_not_jump_an_expired_offer_queue():
    now = timezone.now()
    event = EventFactory(capacity=1, is_binding=True)
    seated = register(event, "a@example.org", now=now)
    register(event, "b@example.org", now=now)
    register(event, "c@example.org", now=now)
    services.registration_cancel(registration=seated, now=now)

    # b's offer ran out without the worker noticing; d registers afterwards.
    register(event, "d@example.org", now=now + timedelta(hours=50))

    assert statuses(event)[1:] == [
        ("b@example.org", S.CANCELLED),
        ("c@example.org", S.OFFERED),
        ("d@example.org", S.WAITING),
    ]


def test_binding_registration_cannot_be_cancelled_after_deadline_by_participant():
    now = timezone.now()
    event = EventFactory(is_binding=True, cancellation_deadline=now - timedelta(hours=1))
    registration = register(event, "a@example.org", now=now - timedelta(days=1))

    with pytest.raises(ValidationError) as error:
        services.registration_cancel(registration=registration, now=now)

    assert error.value.code == "not_cancellable"
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED


def test_organiser_may_cancel_a_binding_registration(django_user_model):
    organiser = django_user_model.objects.create_user("organiser", is_staff=True)
    event = EventFactory(is_binding=True, cancellation_deadline=timezone.now() - timedelta(hours=1))
    registration = register(event, "a@example.org", now=timezone.now() - timedelta(days=1))

    services.registration_cancel(registration=registration, actor=organiser)

    registration.refresh_from_db()
    assert (registration.status, registration.cancel_reason) == (
        S.CANCELLED,
        CancelReason.ORGANISER,
    )
    assert AuditLog.objects.filter(action="registration.cancel").get().actor == organiser


def test_waiting_person_can_leave_the_list_even_when_binding():
    event = EventFactory(capacity=0, is_binding=True, cancellation_deadline=timezone.now())
    waiting = register(event, "a@example.org", now=timezone.now() - timedelta(days=1))

    services.registration_cancel(registration=waiting)

    waiting.refresh_from_db()
    assert waiting.status == S.CANCELLED


def test_email_confirmation_holds_no_seat_until_confirmed():
    event = EventFactory(capacity=1, confirm_email=True)
    first = register(event, "a@example.org")
    second = register(event, "b@example.org")
    assert statuses(event) == [("a@example.org", S.UNCONFIRMED), ("b@example.org", S.UNCONFIRMED)]

    services.registration_confirm_email(registration=second)
    services.registration_confirm_email(registration=first)

    assert statuses(event) == [("a@example.org", S.WAITING), ("b@example.org", S.CONFIRMED)]


def test_promote_by_hand_needs_a_free_seat(django_user_model):
    organiser = django_user_model.objects.create_user("organiser", is_staff=True)
    event = EventFactory(capacity=1)
    register(event, "a@example.org")
    waiting = register(event, "b@example.org")

    with pytest.raises(ValidationError) as error:
        services.registration_promote(registration=waiting, actor=organiser)
    assert error.value.code == "full"

    event.capacity = 2
    event.save(update_fields=["capacity"])
    services.registration_promote(registration=waiting, actor=organiser)
    waiting.refresh_from_db()
    assert waiting.status == S.CONFIRMED


def test_price_owed_is_recorded_with_vat():
    event = EventFactory(price=Decimal("1200.00"), vat_rate=Decimal("25.00"), currency="DKK")

    registration = register(event, "a@example.org")

    assert (registration.price, registration.vat_amount, registration.currency) == (
        Decimal("1200.00"),
        Decimal("300.00"),
        "DKK",
    )


def test_check_in_by_code(django_user_model):
    host = django_user_model.objects.create_user("host", is_staff=True)
    event = EventFactory()
    registration = register(event, "a@example.org")
    code = registration.ticket_code

    checked = services.registration_check_in(
        event=event, code=f" {code[:4].lower()}-{code[4:]} ", actor=host
    )

    assert checked.checked_in_at is not None
    with pytest.raises(ValidationError) as twice:
        services.registration_check_in(event=event, code=code, actor=host)
    assert twice.value.code == "twice"
    with pytest.raises(ValidationError) as unknown:
        services.registration_check_in(event=event, code="NOPE2345", actor=host)
    assert unknown.value.code == "unknown"


def test_confirmation_mail_is_queued_after_commit(django_capture_on_commit_callbacks, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    event = EventFactory()

    with django_capture_on_commit_callbacks(execute=True):
        register(event, "a@example.org")

    assert [message.to for message in mail.outbox] == [["a@example.org"]]
