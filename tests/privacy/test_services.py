from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Sum
from django.utils import timezone

from samspil.billing.models import Invoice
from samspil.dialogue.models import BreakoutGroup, BreakoutRound, GroupMember, SpeakerQuestion, Vote
from samspil.privacy import registry, services
from samspil.privacy.models import Consent, ConsentKind, DataRequest
from samspil.privacy.selectors import consent_given, consents_given
from samspil.registrations.models import MailDelivery, Registration
from tests.factories import (
    BuyerFactory,
    EventFactory,
    EventRoleFactory,
    InvoiceFactory,
    PersonFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EMAIL = "jane.doe@example.org"


# Consents ---------------------------------------------------------------------------


def test_consent_record_stores_the_wording_in_the_language_shown():
    person = PersonFactory(email="Jane.Doe@Example.org")

    consent = services.consent_record(
        kind=ConsentKind.DIRECTORY, given=True, language="en", person=person, source="membership:1"
    )

    consent.refresh_from_db()
    assert (consent.person, consent.email, consent.given, consent.language, consent.source) == (
        person,
        "jane.doe@example.org",
        True,
        "en",
        "membership:1",
    )
    assert consent.wording == services.consent_wording(kind="directory", language="en")
    assert consent.wording.startswith("Show my name, organisation and job title")


def test_consent_record_keeps_given_wording_and_details():
    consent = services.consent_record(
        kind="photos",
        given=False,
        language="da",
        email=EMAIL,
        wording="Må vi tage billeder?",
        details={"fields": []},
    )

    assert (consent.wording, consent.details, consent.person) == (
        "Må vi tage billeder?",
        {"fields": []},
        None,
    )


def test_consent_record_without_person_or_email_is_refused():
    with pytest.raises(ValueError, match="person or an e-mail"):
        services.consent_record(kind="photos", given=True, language="en")
    assert Consent.objects.count() == 0


def test_consent_given_follows_the_latest_answer():
    person = PersonFactory()
    now = timezone.now()
    services.consent_record(kind="directory", given=True, language="en", person=person, now=now)
    assert consent_given(kind="directory", person=person) is True

    services.consent_record(
        kind="directory", given=False, language="en", person=person, now=now + timedelta(1)
    )

    assert consent_given(kind="directory", person=person) is False
    assert consent_given(kind="photos", person=person) is False
    assert consents_given(kind="directory", person_ids=[person.pk]) == set()


# Export and erasure -----------------------------------------------------------------


@pytest.fixture
def world():
    """Jane's data in every corner, beside another participant's."""
    now = timezone.now()
    past = EventFactory(
        starts_at=now - timedelta(days=3), ends_at=now - timedelta(days=3, hours=-2)
    )
    upcoming = EventFactory()
    user = UserFactory(username="jane", email=EMAIL, first_name="Jane", last_name="Doe")
    person = PersonFactory(name="Jane Doe", email=EMAIL, phone="+45 1234 5678", user=user)
    EventRoleFactory(event=past, person=person)
    attended = RegistrationFactory(
        event=past,
        name="Jane Doe",
        email=EMAIL,
        organisation="Jane's Own Consultancy",
        answers={"1": "Jane eats no meat"},
        checked_in_at=now - timedelta(days=3),
    )
    other = RegistrationFactory(event=past, name="Other Person", email="other@example.org")
    cancelled = RegistrationFactory(
        event=upcoming, name="Jane Doe", email=EMAIL, status="cancelled", cancelled_at=now
    )
    active = RegistrationFactory(event=EventFactory(), name="Jane Doe", email=EMAIL)
    MailDelivery.objects.create(
        registration=attended, kind="confirmed", last_error=f"550 {EMAIL} unknown"
    )
    breakout = BreakoutRound.objects.create(
        event=past, title="Round 1", source="confirmed", group_size=2
    )
    group = BreakoutGroup.objects.create(round=breakout, number=1)
    GroupMember.objects.create(round=breakout, group=group, registration=attended)
    GroupMember.objects.create(round=breakout, group=group, registration=other)
    own = SpeakerQuestion.objects.create(event=past, author=attended, text="Jane asks: why?")
    group_question = SpeakerQuestion.objects.create(
        event=past, author=attended, group=group, text="Our group asks: how?"
    )
    Vote.objects.create(question=own, registration=other)
    Vote.objects.create(question=group_question, registration=attended)
    services.consent_record(kind="photos", given=True, language="en", email=EMAIL)
    invoice = InvoiceFactory(
        buyer=BuyerFactory(contact_name="Jane Doe", contact_email=EMAIL, contact=person)
    )
    return {
        "past": past,
        "person": person,
        "user": user,
        "attended": attended,
        "other": other,
        "cancelled": cancelled,
        "active": active,
        "invoice": invoice,
    }


def test_export_lists_every_kind_of_data_held(world):
    data_request = services.data_request_create(email=EMAIL, language="en")

    export = services.data_export(data_request=data_request)

    counts = {section["label"]: len(section["rows"]) for section in export["sections"]}
    assert counts == {
        "people.person": 1,
        "auth.user": 1,
        "registrations.registration": 3,
        "registrations.maildelivery": 1,
        "events.eventrole": 1,
        "dialogue.groupmember": 1,
        "dialogue.speakerquestion": 2,
        "dialogue.vote": 1,
        "privacy.consent": 1,
        "privacy.datarequest": 1,
        "billing.invoice": 1,
    }
    registration = next(s for s in export["sections"] if s["label"] == "registrations.registration")
    assert registration["rows"][0]["answers"] == {"1": "Jane eats no meat"}
    assert registration["rows"][0]["status"] == "Confirmed"
    invoice = next(s for s in export["sections"] if s["label"] == "billing.invoice")
    assert invoice["kept_reason"] == str(registry.LEGAL_HOLD_BOOKKEEPING)


def test_export_of_an_unknown_address_is_empty_but_answers_the_same(world):
    data_request = services.data_request_create(email="nobody@example.org", language="en")

    export = services.data_export(data_request=data_request)

    assert [s["label"] for s in export["sections"]] == ["privacy.datarequest"]


def _totals():
    return {
        "by_status": list(
            Registration.objects.values("event_id", "status")
            .annotate(n=Count("pk"))
            .order_by("event_id", "status")
        ),
        "checked_in": Registration.objects.filter(checked_in_at__isnull=False).count(),
        "roles": list(Registration.objects.values_list("role_category", flat=True).order_by("pk")),
        "questions": SpeakerQuestion.objects.count(),
        "votes": list(
            SpeakerQuestion.objects.annotate(n=Count("votes")).values_list("pk", "n").order_by("pk")
        ),
        "group_members": GroupMember.objects.count(),
        "mail": MailDelivery.objects.count(),
        "invoiced": Invoice.objects.aggregate(total=Sum("gross_total"))["total"],
    }


def _text_values(instance: models.Model) -> list[str]:
    values = []
    for field in instance._meta.concrete_fields:
        value = field.value_from_object(instance)
        if value is not None and not isinstance(field, models.ForeignKey):
            values.append(str(value).lower())
    return values


def _rows_mentioning(words: list[str]) -> set[str]:
    """Every row in every table whose text holds one of `words`, as "label#pk"."""
    found = set()
    for model in apps.get_models():
        for instance in model.objects.all():
            if any(word in value for value in _text_values(instance) for word in words):
                found.add(f"{model._meta.label_lower}#{instance.pk}")
    return found


def test_erasure_leaves_nothing_personal_and_totals_unchanged(world):
    before = _totals()
    data_request = services.data_request_create(email=EMAIL, language="en")

    outcomes = services.data_request_erase(data_request=data_request)

    assert _totals() == before
    kept = {outcome.label: outcome.kept for outcome in outcomes if outcome.kept}
    assert kept == {
        "registrations.registration": 1,
        "dialogue.speakerquestion": 1,
        "billing.invoice": 1,
    }
    # Only what the law or a running registration requires still names Jane.
    assert _rows_mentioning(["jane", "1234 5678"]) == {
        f"registrations.registration#{world['active'].pk}",
        f"billing.invoice#{world['invoice'].pk}",
    }
    attended = Registration.objects.get(pk=world["attended"].pk)
    assert (attended.name, attended.email, attended.answers, attended.organisation) == (
        "(erased)",
        f"{attended.pk}@erased.invalid",
        {},
        "",
    )
    assert attended.token != world["attended"].token
    assert SpeakerQuestion.objects.get(group__isnull=True).text == "(question removed)"
    user = world["user"]
    user.refresh_from_db()
    assert (user.username, user.email, user.is_active, user.has_usable_password()) == (
        f"erased-{user.pk}",
        "",
        False,
        False,
    )
    assert Consent.objects.count() == 0
    data_request.refresh_from_db()
    assert data_request.erased_at is not None
    assert data_request.email.endswith("@erased.invalid")


def test_erasure_leaves_other_people_alone(world):
    data_request = services.data_request_create(email=EMAIL, language="en")

    services.data_request_erase(data_request=data_request)

    other = Registration.objects.get(pk=world["other"].pk)
    assert (other.name, other.email) == ("Other Person", "other@example.org")


def test_erasure_twice_changes_nothing_more(world):
    data_request = services.data_request_create(email=EMAIL, language="en")
    services.data_request_erase(data_request=data_request)

    assert services.data_request_erase(data_request=data_request) == []


# Data request links -----------------------------------------------------------------


def test_data_request_link_works_once():
    data_request = services.data_request_create(email=EMAIL, language="en")
    token = services.data_request_token(data_request)

    assert services.data_request_by_token(token=token) == data_request
    assert services.data_request_open(data_request=data_request) is True
    assert services.data_request_by_token(token=token) is None
    assert services.data_request_open(data_request=data_request) is False


def test_data_request_link_expires():
    now = timezone.now()
    data_request = services.data_request_create(email=EMAIL, language="en", now=now)
    token = services.data_request_token(data_request)

    later = now + services.REQUEST_VALID_FOR
    assert services.data_request_by_token(token=token, now=later) is None


@pytest.mark.parametrize("token", ["", "forged", "a" * 64])
def test_data_request_forged_link_finds_nothing(token):
    services.data_request_create(email=EMAIL, language="en")

    assert services.data_request_by_token(token=token) is None


def test_data_request_stores_only_a_hash_of_the_token():
    data_request = services.data_request_create(email=EMAIL, language="en")
    token = services.data_request_token(data_request)

    assert token not in str(list(DataRequest.objects.values()))


def test_data_request_validation_error_is_not_raised_for_unknown_addresses():
    # The same answer whatever is held: creating a request never says "unknown".
    try:
        services.data_request_create(email="unknown@example.org", language="fr")
    except ValidationError:  # pragma: no cover - the assertion is that this never happens
        pytest.fail("a request for an unknown address must look like any other")
    assert DataRequest.objects.get().language == "fr"


def test_invoice_totals_are_decimal(world):
    assert world["invoice"].gross_total == Decimal("15000.00")
