from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from samspil.billing.models import Invoice
from samspil.core.models import AuditLog
from samspil.networks import services
from samspil.networks.models import (
    Application,
    ApplicationStatus,
    Membership,
    MembershipStatus,
    RenewalStatus,
)
from samspil.networks.terms import add_months, quarter_of, term_end
from tests.factories import (
    CriterionFactory,
    IntakeWindowFactory,
    MembershipFactory,
    NetworkFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


def open_network(criteria: int = 4, **kwargs):
    network = NetworkFactory(**kwargs)
    for _ in range(criteria):
        CriterionFactory(network=network)
    IntakeWindowFactory(network=network)
    return network


def apply(network, email="anna@example.org", confirmed=None, **overrides):
    if confirmed is None:
        confirmed = list(network.criteria.values_list("pk", flat=True))
    fields = {
        "network": network,
        "name": "Anna Andersen",
        "email": email,
        "job_title": "Head of innovation",
        "organisation": "Odense Kommune",
        "region": "Syddanmark",
        "responsibility": "I lead the innovation unit.",
        "motivation": "To learn from peers.",
        "confirmed_criteria": confirmed,
        "billing_name": "Odense Kommune",
        "billing_address": "Flakhaven 2",
        "billing_postcode": "5000",
        "billing_city": "Odense C",
        "billing_vat_number": "DK 13 58 56 28",
        "billing_ean": "5798000000001",
        "language": "da",
    }
    return services.application_create(**{**fields, **overrides})


def test_term_end_is_the_day_before_the_same_date_a_term_later():
    assert term_end(date(2026, 1, 1), 12) == date(2026, 12, 31)
    assert term_end(date(2026, 3, 15), 12) == date(2027, 3, 14)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert quarter_of(date(2026, 5, 4)) == ("2026 Q2", date(2026, 4, 1), date(2026, 6, 30))


def test_application_in_an_open_window_is_saved_with_normalised_numbers(
    immediate_tasks, django_capture_on_commit_callbacks
):
    network = open_network()

    with django_capture_on_commit_callbacks(execute=True):
        application = apply(network, email=" Anna@Example.org ")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING
    assert application.email == "anna@example.org"
    assert application.billing_vat_number == "DK13585628"
    assert application.billing_ean == "5798000000001"
    assert application.confirmed_criteria == sorted(network.criteria.values_list("pk", flat=True))
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    assert mail.outbox[0].extra_headers["Content-Language"] == "da"


def test_application_outside_an_open_window_is_refused_with_the_reason():
    network = NetworkFactory(
        intake_closed_reason={"en": "closed for 2027; next intake January 2028"}
    )
    CriterionFactory(network=network)
    IntakeWindowFactory(
        network=network,
        opens_at=timezone.now() - timedelta(days=60),
        closes_at=timezone.now() - timedelta(days=30),
    )

    with pytest.raises(ValidationError) as error:
        apply(network)

    assert error.value.code == "closed"
    assert error.value.messages == ["Intake is closed: closed for 2027; next intake January 2028"]
    assert Application.objects.count() == 0


def test_application_before_the_window_opens_is_refused():
    network = NetworkFactory()
    IntakeWindowFactory(network=network, opens_at=timezone.now() + timedelta(days=1))

    with pytest.raises(ValidationError) as error:
        apply(network)

    assert error.value.messages == [
        "Intake for this network is closed; applications are not accepted now."
    ]
    assert Application.objects.count() == 0


def test_application_with_an_unconfirmed_criterion_is_refused():
    network = open_network(criteria=4)
    confirmed = list(network.criteria.values_list("pk", flat=True))[:3]

    with pytest.raises(ValidationError) as error:
        apply(network, confirmed=confirmed)

    assert error.value.code == "criteria"
    assert Application.objects.count() == 0


def test_second_application_with_the_same_email_is_refused():
    network = open_network()
    apply(network)

    with pytest.raises(ValidationError) as error:
        apply(network, email="ANNA@example.org")

    assert error.value.code == "duplicate"
    assert Application.objects.count() == 1


def test_rejected_applicant_may_apply_again():
    network = open_network()
    first = apply(network)
    services.application_decide(
        application=first, decision="rejected", note="", actor=StaffFactory()
    )

    second = apply(network)

    assert second.pk != first.pk


@pytest.mark.parametrize(
    ("field", "value"),
    [("billing_vat_number", "DK12345678"), ("billing_ean", "5798000000002")],
)
def test_application_with_an_invalid_vat_or_ean_number_is_refused(field, value):
    network = open_network()

    with pytest.raises(ValidationError):
        apply(network, **{field: value})

    assert Application.objects.count() == 0


def test_acceptance_creates_member_user_membership_and_invoice(
    immediate_tasks, django_capture_on_commit_callbacks
):
    network = open_network(name={"en": "Heads", "da": "Chefer"})
    application = apply(network)
    staff = StaffFactory()
    today = timezone.localdate()

    with django_capture_on_commit_callbacks(execute=True):
        membership = services.application_decide(
            application=application, decision="accepted", note="Welcome!", actor=staff
        )

    membership.refresh_from_db()
    assert (membership.starts_on, membership.ends_on) == (today, term_end(today, 12))
    assert membership.is_binding is True
    assert membership.person.email == "anna@example.org"
    assert membership.person.user.email == "anna@example.org"
    assert membership.person.user.has_usable_password() is False
    invoice = membership.invoice
    assert (invoice.net_total, invoice.vat_total, invoice.gross_total) == (
        Decimal("8000.00"),
        Decimal("2000.00"),
        Decimal("10000.00"),
    )
    assert (invoice.buyer_name, invoice.buyer_vat_number, invoice.buyer_gln) == (
        "Odense Kommune",
        "DK13585628",
        "5798000000001",
    )
    assert invoice.buyer_contact == membership.person
    application.refresh_from_db()
    assert (application.status, application.decided_by) == ("accepted", staff)
    with translation.override("da"):
        subject = gettext("Welcome to %(network)s") % {"network": "Chefer"}
    assert [m.subject for m in mail.outbox] == [subject]
    assert "Welcome!" in mail.outbox[-1].body
    assert AuditLog.objects.filter(action="network.application.accepted").count() == 1


def test_deciding_twice_is_refused():
    network = open_network()
    application = apply(network)
    staff = StaffFactory()
    services.application_decide(application=application, decision="accepted", note="", actor=staff)

    with pytest.raises(ValidationError) as error:
        services.application_decide(
            application=application, decision="rejected", note="", actor=staff
        )

    assert error.value.code == "decided"
    assert Membership.objects.count() == 1
    assert Invoice.objects.count() == 1


def test_acceptance_into_a_full_network_is_refused():
    network = open_network(capacity=1)
    MembershipFactory(network=network)
    application = apply(network)

    with pytest.raises(ValidationError) as error:
        services.application_decide(
            application=application, decision="accepted", note="", actor=StaffFactory()
        )

    assert error.value.code == "full"
    application.refresh_from_db()
    assert application.status == "pending"
    assert Invoice.objects.count() == 0


def test_waiting_list_applicant_can_be_accepted_later():
    network = open_network()
    application = apply(network)
    staff = StaffFactory()
    services.application_decide(application=application, decision="waiting", note="", actor=staff)

    membership = services.application_decide(
        application=application, decision="accepted", note="", actor=staff
    )

    assert membership.network == network


def test_binding_membership_cancelled_runs_to_its_end_without_refund(
    immediate_tasks, django_capture_on_commit_callbacks
):
    membership = MembershipFactory()
    ends_on = membership.ends_on

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_cancel(membership=membership, actor=None, language="en")

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.CANCELLED
    assert membership.ends_on == ends_on
    assert membership.renewal == RenewalStatus.DECLINED
    assert membership.is_current() is True
    assert "there is no refund" in mail.outbox[0].body


def test_non_binding_membership_cancelled_ends_today():
    membership = MembershipFactory(is_binding=False)

    services.membership_cancel(membership=membership, actor=None, language="en")

    membership.refresh_from_db()
    assert membership.ends_on == timezone.localdate()


def test_cancelling_twice_is_refused():
    membership = MembershipFactory()
    services.membership_cancel(membership=membership, actor=None, language="en")

    with pytest.raises(ValidationError) as error:
        services.membership_cancel(membership=membership, actor=None, language="en")

    assert error.value.messages == ["This membership is cancelled already."]


def test_renewal_ask_asks_only_members_whose_term_ends_within_the_notice(
    immediate_tasks, django_capture_on_commit_callbacks
):
    network = NetworkFactory(renewal_notice_days=60)
    today = timezone.localdate()
    soon = MembershipFactory(
        network=network, starts_on=today - timedelta(days=320), ends_on=today + timedelta(days=44)
    )
    later = MembershipFactory(network=network)

    with django_capture_on_commit_callbacks(execute=True):
        asked = services.membership_renewals_ask()

    assert asked == 1
    soon.refresh_from_db()
    later.refresh_from_db()
    assert (soon.renewal, later.renewal) == (RenewalStatus.ASKED, RenewalStatus.NOT_ASKED)
    assert [message.to for message in mail.outbox] == [[soon.person.email]]
    assert services.membership_renewals_ask() == 0


def test_renewal_creates_next_terms_membership_and_invoice():
    network = open_network()
    application = apply(network)
    first = services.application_decide(
        application=application, decision="accepted", note="", actor=StaffFactory()
    )
    # Move the first term so that it ends in 30 days.
    today = timezone.localdate()
    Membership.objects.filter(pk=first.pk).update(
        starts_on=today - timedelta(days=335), ends_on=today + timedelta(days=30)
    )
    first.refresh_from_db()

    following = services.membership_renew(membership=first, actor=None, language="da")

    first.refresh_from_db()
    assert first.renewal == RenewalStatus.RENEWED
    assert following.previous == first
    assert following.starts_on == today + timedelta(days=31)
    assert following.ends_on == term_end(following.starts_on, 12)
    assert following.invoice.buyer_name == "Odense Kommune"
    assert following.invoice.pk != first.invoice.pk
    with pytest.raises(ValidationError):
        services.membership_renew(membership=first, actor=None, language="da")
    assert Membership.objects.count() == 2


def test_renewal_long_before_the_end_is_refused():
    membership = MembershipFactory()

    with pytest.raises(ValidationError) as error:
        services.membership_renew(membership=membership, actor=None, language="en")

    assert error.value.code == "renewal"
    assert Membership.objects.count() == 1


def test_declining_renewal_is_recorded():
    today = timezone.localdate()
    membership = MembershipFactory(
        starts_on=today - timedelta(days=340), ends_on=today + timedelta(days=24)
    )

    services.membership_renewal_decline(membership=membership, actor=None)

    membership.refresh_from_db()
    assert membership.renewal == RenewalStatus.DECLINED


def test_directory_consent_records_fields_wording_and_time():
    membership = MembershipFactory()

    consent = services.directory_consent_set(
        membership=membership, fields=["email", "organisation"], wording="I agree.", language="en"
    )

    membership.refresh_from_db()
    assert membership.directory_fields == ["organisation", "email"]
    assert (consent.fields, consent.wording, consent.language) == (
        ["organisation", "email"],
        "I agree.",
        "en",
    )
    assert consent.created_at is not None
    with pytest.raises(ValidationError):
        services.directory_consent_set(
            membership=membership, fields=["password"], wording="x", language="en"
        )


def test_acceptance_schedules_the_renewal_question_for_the_notice_period(
    django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    network = open_network(renewal_notice_days=60)
    application = apply(network)

    with django_capture_on_commit_callbacks(execute=True):
        membership = services.application_decide(
            application=application, decision="accepted", note="", actor=StaffFactory()
        )

    [task] = DBTaskResult.objects.filter(task_path="samspil.networks.tasks.ask_to_renew")
    assert task.args_kwargs == {"args": [membership.pk], "kwargs": {}}
    assert timezone.localtime(task.run_after).date() == membership.ends_on - timedelta(days=60)
