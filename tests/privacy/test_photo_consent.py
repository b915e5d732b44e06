import pytest

from samspil.privacy.models import Consent
from samspil.registrations.models import Registration
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Anja Lund",
    "email": "anja@example.dk",
    "organisation": "Region Midtjylland",
    "role_category": "politician",
    "municipality": "Aarhus",
}


def test_registration_form_asks_for_photo_consent(client):
    EventFactory(slug="workshop")

    response = client.get("/en/events/workshop/register/")

    assert "photo_consent" in response.context["form"].fields
    assert response.context["form"].fields["photo_consent"].required is False


def test_online_event_does_not_ask_for_photo_consent(client):
    EventFactory(slug="cafe", mode="online")

    response = client.get("/en/events/cafe/register/")

    assert "photo_consent" not in response.context["form"].fields


@pytest.mark.parametrize(("ticked", "given"), [({"photo_consent": "on"}, True), ({}, False)])
def test_registering_records_the_photo_answer_with_its_wording(client, ticked, given):
    EventFactory(slug="workshop")
    shown = client.get("/fr/events/workshop/register/").context["form"]
    wording = str(shown.fields["photo_consent"].label)

    client.post("/fr/events/workshop/register/", {**VALID, **ticked})

    registration = Registration.objects.get()
    consent = Consent.objects.get()
    assert (consent.kind, consent.given, consent.email, consent.language, consent.source) == (
        "photos",
        given,
        "anja@example.dk",
        "fr",
        f"registration:{registration.pk}",
    )
    assert consent.wording == wording


def test_refused_registration_records_no_consent(client):
    EventFactory(slug="workshop")

    client.post("/en/events/workshop/register/", {**VALID, "email": "", "photo_consent": "on"})

    assert Consent.objects.count() == 0
