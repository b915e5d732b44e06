from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from samspil.events.models import EventMode, RegistrationMode
from samspil.registrations.models import Question, Registration, RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory, SiteFactory

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://zoom.us/j/123456789?pwd=secret"

VALID = {
    "name": "Anja Lund",
    "email": "anja@example.dk",
    "organisation": "Region Midtjylland",
    "role_category": "politician",
    "municipality": "Aarhus",
}


def test_register_creates_a_registration_and_opens_the_personal_page(client):
    event = EventFactory(slug="cafe")

    response = client.post("/da/events/cafe/register/", VALID)

    registration = Registration.objects.get()
    assert (registration.event, registration.status, registration.language) == (
        event,
        RegistrationStatus.CONFIRMED,
        "da",
    )
    assert response.status_code == 302
    assert response["Location"] == f"/da/r/{registration.token}/"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"email": "not-an-address"}, "email"),
        ({"email": ""}, "email"),
        ({"role_category": "emperor"}, "role_category"),
        ({"name": "x" * 201}, "name"),
    ],
)
def test_register_bad_input_is_refused_and_changes_nothing(client, changes, field):
    EventFactory(slug="cafe")

    response = client.post("/en/events/cafe/register/", {**VALID, **changes})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert Registration.objects.count() == 0


def test_register_twice_is_refused_politely(client):
    EventFactory(slug="cafe")
    client.post("/en/events/cafe/register/", VALID)

    response = client.post("/en/events/cafe/register/", VALID)

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "This e-mail address is already registered for this event. The mail we sent it has "
        "the link to the registration."
    ]
    assert Registration.objects.count() == 1


def test_register_after_the_deadline_is_refused(client):
    EventFactory(slug="past-deadline", registration_closes_at=timezone.now() - timedelta(hours=1))

    page = client.get("/en/events/past-deadline/register/")
    response = client.post("/en/events/past-deadline/register/", VALID)

    assert "The registration deadline has passed." in page.content.decode()
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_register_for_unknown_or_draft_event_is_404(client):
    EventFactory(slug="draft", status="draft")

    assert client.get("/en/events/draft/register/").status_code == 404
    assert client.post("/en/events/nope/register/", VALID).status_code == 404


def test_register_with_site_and_questions(client):
    event = EventFactory(slug="workshop")
    SiteFactory(event=event, name={"en": "Copenhagen"})
    aalborg = SiteFactory(event=event, name={"en": "Aalborg"})
    diet = Question.objects.create(
        event=event, label={"en": "Diet"}, kind="choice", options={"en": "None\nVegetarian"}
    )
    stay = Question.objects.create(
        event=event, label={"en": "Overnight stay"}, kind="yes_no", required=True
    )

    missing = client.post("/en/events/workshop/register/", {**VALID, "site": aalborg.pk})
    response = client.post(
        "/en/events/workshop/register/",
        {**VALID, "site": aalborg.pk, f"q{diet.pk}": "Vegetarian", f"q{stay.pk}": "yes"},
    )

    assert list(missing.context["form"].errors) == [f"q{stay.pk}"]
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.site == aalborg
    assert registration.answers == {str(diet.pk): "Vegetarian", str(stay.pk): "yes"}


def test_event_page_offers_registration_only_when_open(client):
    EventFactory(slug="open")
    EventFactory(slug="closed", registration=RegistrationMode.CLOSED)

    assert "/en/events/open/register/" in client.get("/en/events/open/").content.decode()
    closed = client.get("/en/events/closed/").content.decode()
    assert "/register/" not in closed
    assert "Registration for this event is closed." in closed


def test_forged_personal_link_is_404(client):
    RegistrationFactory()

    assert client.get("/en/r/forged-token-value/").status_code == 404
    assert client.post("/en/r/forged-token-value/cancel/").status_code == 404


def test_personal_page_is_private(client):
    registration = RegistrationFactory()

    response = client.get(f"/en/r/{registration.token}/")

    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert registration.ticket_code in response.content.decode()


@pytest.mark.parametrize(
    ("status", "shows_link"),
    [
        (RegistrationStatus.CONFIRMED, True),
        (RegistrationStatus.WAITING, False),
        (RegistrationStatus.UNCONFIRMED, False),
        (RegistrationStatus.CANCELLED, False),
    ],
)
def test_online_link_only_for_confirmed_registrations(client, status, shows_link):
    event = EventFactory(mode=EventMode.ONLINE, online_url=SECRET_LINK)
    registration = RegistrationFactory(event=event, status=status, waiting_since=timezone.now())

    page = client.get(f"/en/r/{registration.token}/").content.decode()
    calendar = client.get(f"/en/r/{registration.token}/calendar.ics").content

    assert (SECRET_LINK.replace("&", "&amp;") in page) is shows_link
    description = str(icalendar.Calendar.from_ical(calendar).walk("VEVENT")[0]["DESCRIPTION"])
    assert (SECRET_LINK in description) is shows_link


def test_cancel_from_the_personal_page(client):
    registration = RegistrationFactory()

    response = client.post(f"/en/r/{registration.token}/cancel/", follow=True)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert [str(m) for m in response.context["messages"]] == ["Your registration is cancelled."]


def test_cancel_after_binding_deadline_shows_the_rule_and_changes_nothing(client):
    event = EventFactory(is_binding=True, cancellation_deadline=timezone.now() - timedelta(hours=1))
    registration = RegistrationFactory(event=event)

    page = client.get(f"/en/r/{registration.token}/").content.decode()
    response = client.post(f"/en/r/{registration.token}/cancel/", follow=True)

    assert "The registration is binding: the cancellation deadline has passed." in page
    assert [str(m) for m in response.context["messages"]] == [
        "The registration is binding: the cancellation deadline has passed."
    ]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_personal_actions_need_post(client):
    registration = RegistrationFactory()

    assert client.get(f"/en/r/{registration.token}/cancel/").status_code == 405
