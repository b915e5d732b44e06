"""The export is complete: for every model in the privacy registry, a row about one person
is found by their e-mail address and exported; erasure then leaves none of it behind
but what the law or a running registration requires."""

from datetime import timedelta
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from samspil.api.services import api_token_create
from samspil.core.services import audit_log_create
from samspil.dialogue.models import (
    BreakoutGroup,
    BreakoutRound,
    GroupMember,
    LiveNote,
    Output,
    SpeakerQuestion,
    Vote,
)
from samspil.networks.models import (
    Application,
    DirectoryConsent,
    IntakeWindow,
    Membership,
    Network,
    Pair,
    PairingPeriod,
)
from samspil.privacy import registry, services
from samspil.registrations.models import MailDelivery, Mailing
from samspil.solutions.models import ImportBatch, Reuse, ReuseInterest, Solution
from tests.factories import (
    AgendaItemFactory,
    BuyerFactory,
    EventFactory,
    EventRoleFactory,
    InvoiceFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SiteFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EMAIL = "kim.holm@example.org"


@pytest.fixture
def everything():
    """A row about Kim in every model of the registry."""
    now = timezone.now()
    organisation = OrganisationFactory()
    user = UserFactory(username="kim", email=EMAIL, first_name="Kim", last_name="Holm")
    person = PersonFactory(name="Kim Holm", email=EMAIL, user=user, organisation=organisation)
    event = EventFactory(starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))
    site = SiteFactory(event=event)
    EventRoleFactory(event=event, person=person)
    AgendaItemFactory(event=event).speakers.add(person)
    registration = RegistrationFactory(event=event, site=site, name="Kim Holm", email=EMAIL)
    MailDelivery.objects.create(registration=registration, kind="confirmed")
    Mailing.objects.create(event=event, subject="Hello", body="Welcome", created_by=user)
    breakout = BreakoutRound.objects.create(
        event=event, title="R", source="confirmed", group_size=2
    )
    group = BreakoutGroup.objects.create(round=breakout, number=1)
    GroupMember.objects.create(round=breakout, group=group, registration=registration)
    question = SpeakerQuestion.objects.create(event=event, author=registration, text="Kim asks?")
    Vote.objects.create(question=question, registration=registration)
    LiveNote.objects.create(event=event, site=site, author=user, text="Kim's note")
    Output.objects.create(event=event, title="Kim's output", description="D", created_by=user)
    services.consent_record(kind="photos", given=True, language="en", person=person)
    audit_log_create(actor=user, action="test.action", target=event)
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(event),
        object_id=str(event.pk),
        object_repr=str(event),
        action_flag=ADDITION,
    )
    network = Network.objects.create(
        name={"en": "Network"}, slug="network", organiser=organisation, facilitator=person
    )
    intake = IntakeWindow.objects.create(
        network=network, opens_at=now - timedelta(days=10), closes_at=now + timedelta(days=10)
    )
    application = Application.objects.create(
        network=network,
        intake=intake,
        name="Kim Holm",
        email=EMAIL,
        job_title="Head of innovation",
        organisation=organisation.name,
        responsibility="All of it",
        motivation="Kim wants to learn",
        language="en",
        billing_name=organisation.name,
        billing_address="Street 1",
        billing_postcode="5000",
        billing_city="Odense",
    )
    today = timezone.localdate()
    membership = Membership.objects.create(
        network=network,
        person=person,
        application=application,
        starts_on=today,
        ends_on=today + timedelta(days=365),
        fee=Decimal(8000),
        vat_rate=Decimal(25),
        currency="DKK",
    )
    DirectoryConsent.objects.create(membership=membership, wording="Show me", language="en")
    period = PairingPeriod.objects.create(
        network=network, label="Q1", starts_on=today, ends_on=today + timedelta(days=90)
    )
    Pair.objects.create(period=period).members.add(membership)
    solution = Solution.objects.create(
        slug="kims-solution",
        title={"en": "Kim's solution"},
        status_since=today,
        owner=organisation,
        contact=person,
    )
    Reuse.objects.create(
        solution=solution,
        organisation=organisation,
        started_on=today,
        contact_name="Kim Holm",
        contact_email=EMAIL,
    )
    ReuseInterest.objects.create(
        solution=solution, name="Kim Holm", email=EMAIL, organisation="Org", language="en"
    )
    ImportBatch.objects.create(created_by=user, filename="kim.csv", content="", checksum="0")
    api_token_create(name="Kim's token", created_by=user, event=event)
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        extra = {"get_data": "", "post_data": "", "failures_since_start": 1}
        model.objects.create(
            username="kim",
            ip_address="192.0.2.1",
            user_agent="test",
            http_accept="*/*",
            path_info="/en/admin/login/",
            **(extra if model is AccessAttempt else {}),
        )
    InvoiceFactory(buyer=BuyerFactory(contact_name="Kim Holm", contact_email=EMAIL, contact=person))
    services.data_request_create(email=EMAIL, language="en")
    return person


def test_export_finds_a_row_in_every_registry_entry(everything):
    sections = registry.export_sections(EMAIL)

    assert sorted(section.label for section in sections) == sorted(
        entry.label for entry in registry.installed_entries()
    )


def test_export_shows_every_field_of_a_registration_but_the_personal_link(everything):
    [section] = [
        s for s in registry.export_sections(EMAIL) if s.label == "registrations.registration"
    ]

    assert "token" not in dict(section.columns)
    assert {"name", "email", "answers", "organisation", "ticket_code"} <= set(dict(section.columns))


def test_erasure_of_everything_keeps_only_the_invoice(everything):
    data_request = services.data_request_create(email=EMAIL, language="en")

    outcomes = services.data_request_erase(data_request=data_request)

    assert {o.label: o.kept for o in outcomes if o.kept} == {"billing.invoice": 1}
    remaining = {section.label for section in registry.export_sections(EMAIL)}
    assert remaining == {"billing.invoice"}
