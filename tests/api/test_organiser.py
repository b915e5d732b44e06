from datetime import timedelta

import pytest
from django.utils import timezone

from samspil.api.models import ApiToken
from samspil.api.services import api_token_revoke
from samspil.core.models import AuditLog
from samspil.events.models import EventStatus
from samspil.registrations.models import CancelReason, Registration, RegistrationStatus
from tests.api.conftest import bearer
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    QuestionFactory,
    RegistrationFactory,
    SiteFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REGISTRANT = {
    "name": "Ada Lovelace",
    "email": "Ada@Example.org",
    "organisation": "Odense Kommune",
    "role_category": "manager",
    "municipality": "Odense",
    "language": "da",
}


def url(event, rest: str = "registrations") -> str:
    return f"/api/organiser/events/{event.slug}/{rest}"


def post(client, path: str, secret: str, body: dict, **params):
    query = "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
    return client.post(path + query, body, content_type="application/json", headers=bearer(secret))


# Authentication and scope --------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "not_authenticated"),
        ({"Authorization": "Bearer sp_wrong"}, 401, "not_authenticated"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401, "not_authenticated"),
        ({"Authorization": "Bearer " + "x" * 500}, 401, "not_authenticated"),
    ],
)
def test_missing_or_wrong_token_is_401(client, make_token, headers, status, code):
    event = EventFactory()
    make_token(event=event)

    response = client.get(url(event), headers=headers)

    assert response.status_code == status
    assert response.json()["code"] == code
    assert response["WWW-Authenticate"] == 'Bearer realm="samspil"'


def test_revoked_token_is_401(client, make_token, staff):
    event = EventFactory()
    secret = make_token(event=event)
    api_token_revoke(token=ApiToken.objects.get(), actor=staff)

    assert client.get(url(event), headers=bearer(secret)).status_code == 401


@pytest.mark.parametrize("change", [{"is_active": False}, {"is_staff": False}])
def test_token_of_a_creator_who_lost_access_is_403(client, make_token, staff, change):
    event = EventFactory()
    secret = make_token(event=event)
    for field, value in change.items():
        setattr(staff, field, value)
    staff.save()

    response = client.get(url(event), headers=bearer(secret), query_params={"lang": "da"})

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_token_of_a_deleted_creator_is_403(client, make_token):
    creator = StaffFactory()
    event = EventFactory()
    secret = make_token(event=event, created_by=creator)
    creator.delete()

    assert client.get(url(event), headers=bearer(secret)).status_code == 403


def test_event_token_reaches_only_its_event(client, make_token):
    event = EventFactory(slug="mine")
    other = EventFactory(slug="other", organiser=event.organiser)
    secret = make_token(event=event)

    assert client.get(url(event), headers=bearer(secret)).status_code == 200
    response = client.get(url(other), headers=bearer(secret))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    listed = client.get("/api/organiser/events", headers=bearer(secret)).json()
    assert [item["slug"] for item in listed["items"]] == ["mine"]


def test_organisation_token_reaches_the_events_it_organises_drafts_included(client, make_token):
    organisation = OrganisationFactory()
    now = timezone.now()
    EventFactory(slug="first", organiser=organisation, starts_at=now + timedelta(days=1))
    EventFactory(
        slug="draft",
        organiser=organisation,
        status=EventStatus.DRAFT,
        starts_at=now + timedelta(days=2),
    )
    foreign = EventFactory(slug="foreign")
    secret = make_token(organisation=organisation)

    listed = client.get("/api/organiser/events", headers=bearer(secret)).json()

    assert [item["slug"] for item in listed["items"]] == ["draft", "first"]
    assert client.get(url(foreign), headers=bearer(secret)).status_code == 404


def test_token_use_is_recorded(client, make_token):
    event = EventFactory()
    secret = make_token(event=event)

    client.get(url(event), headers=bearer(secret))

    assert ApiToken.objects.get().last_used_at is not None


# Listing registrations ------------------------------------------------------------


def test_registrations_list_with_filters(client, make_token):
    event = EventFactory()
    north = SiteFactory(event=event)
    south = SiteFactory(event=event)
    RegistrationFactory(event=event, site=north, name="Bo", role_category="manager")
    RegistrationFactory(event=event, site=south, name="Al", email="al@odense.dk")
    RegistrationFactory(event=event, site=south, name="Cy", status=RegistrationStatus.CANCELLED)
    RegistrationFactory(name="Elsewhere")
    secret = make_token(event=event)

    def names(**params):
        response = client.get(url(event), params, headers=bearer(secret))
        assert response.status_code == 200
        return [item["name"] for item in response.json()["items"]]

    assert names() == ["Al", "Bo", "Cy"]
    assert names(status="cancelled") == ["Cy"]
    assert names(site=south.pk) == ["Al", "Cy"]
    assert names(role="manager") == ["Bo"]
    assert names(q="odense") == ["Al"]
    assert names(limit=1, offset=1) == ["Bo"]


def test_registrations_list_refuses_a_site_of_another_event(client, make_token):
    event = EventFactory()
    SiteFactory(event=event)
    other_site = SiteFactory()
    secret = make_token(event=event)

    response = client.get(url(event), {"site": other_site.pk}, headers=bearer(secret))

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "site"]


def test_registrations_list_shows_what_the_desk_shows(client, make_token):
    event = EventFactory()
    site = SiteFactory(event=event, name={"en": "Town hall"})
    registration = RegistrationFactory(
        event=event, site=site, name="Ada", email="ada@example.org", answers={"7": "Vegan"}
    )
    secret = make_token(event=event)

    response = client.get(url(event), headers=bearer(secret))

    assert response["Cache-Control"] == "private, no-store"
    item = response.json()["items"][0]

    assert item["id"] == registration.pk
    assert item["email"] == "ada@example.org"
    assert item["status"] == "confirmed"
    assert item["site"] == {
        "id": site.pk,
        "name": {"text": "Town hall", "language": "en"},
        "city": "Odense",
    }
    assert item["answers"] == {"7": "Vegan"}
    assert item["ticket_code"] == registration.ticket_code
    assert "token" not in item


def test_registrations_list_runs_constant_queries(client, make_token, django_assert_num_queries):
    event = EventFactory()
    site = SiteFactory(event=event)
    RegistrationFactory(event=event, site=site)
    secret = make_token(event=event)
    # token, last used, creator's permissions (2), event, sites, count, page, audit row
    with django_assert_num_queries(9):
        assert client.get(url(event), headers=bearer(secret)).json()["count"] == 1
    for _number in range(30):
        RegistrationFactory(event=event, site=SiteFactory(event=event))
    with django_assert_num_queries(9):
        assert client.get(url(event), headers=bearer(secret)).json()["count"] == 31


def test_organiser_events_list_runs_constant_queries(client, make_token, django_assert_num_queries):
    organisation = OrganisationFactory()
    SiteFactory(event=EventFactory(organiser=organisation))
    secret = make_token(organisation=organisation)
    # token, last used, creator's permissions (2), count, page, sites
    with django_assert_num_queries(7):
        assert client.get("/api/organiser/events", headers=bearer(secret)).json()["count"] == 1
    for _number in range(20):
        SiteFactory(event=EventFactory(organiser=organisation))
    with django_assert_num_queries(7):
        assert client.get("/api/organiser/events", headers=bearer(secret)).json()["count"] == 21


def test_listing_and_viewing_registrations_is_audited(client, make_token, staff):
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    secret = make_token(event=event)
    token = ApiToken.objects.get()

    client.get(url(event), headers=bearer(secret))
    client.get(url(event, f"registrations/{registration.pk}"), headers=bearer(secret))

    rows = list(AuditLog.objects.filter(action__startswith="api.").order_by("pk"))
    assert [(row.action, row.actor, row.target_type, row.target_id) for row in rows] == [
        ("api.registrations.list", staff, "events.event", event.pk),
        ("api.registration.view", staff, "registrations.registration", registration.pk),
    ]
    assert rows[0].data == {"token": token.prefix, "token_id": token.pk, "count": 1, "offset": 0}


def test_registration_of_another_event_is_404(client, make_token):
    event = EventFactory()
    elsewhere = RegistrationFactory()
    secret = make_token(event=event)

    response = client.get(url(event, f"registrations/{elsewhere.pk}"), headers=bearer(secret))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("registration_id", ["abc", "0", str(2**60)])
def test_registration_id_must_be_a_sensible_number(client, make_token, registration_id):
    event = EventFactory()
    secret = make_token(event=event)

    response = client.get(url(event, f"registrations/{registration_id}"), headers=bearer(secret))

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "registration_id"]


# Creating, cancelling, checking in --------------------------------------------------


def test_create_registers_through_the_service_and_audits(client, make_token, staff):
    event = EventFactory(capacity=10)
    site = SiteFactory(event=event)
    question = QuestionFactory(event=event, required=True)
    secret = make_token(event=event)

    response = post(
        client, url(event), secret, {**REGISTRANT, "answers": {str(question.pk): "Vegan"}}
    )

    assert response.status_code == 201
    registration = Registration.objects.get()
    assert response.json()["id"] == registration.pk
    assert (registration.status, registration.email, registration.site) == (
        RegistrationStatus.CONFIRMED,
        "ada@example.org",
        site,
    )
    assert registration.answers == {str(question.pk): "Vegan"}
    assert registration.language == "da"
    actions = list(
        AuditLog.objects.filter(
            target_type="registrations.registration", target_id=registration.pk
        ).values_list("action", "actor")
    )
    assert sorted(actions) == [("api.registration.create", staff.pk), ("registration.create", None)]


def test_create_puts_people_on_the_waiting_list_when_full(client, make_token):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    secret = make_token(event=event)

    response = post(client, url(event), secret, REGISTRANT)

    assert response.status_code == 201
    assert response.json()["status"] == "waiting"


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"email": "not an e-mail"}, ["body", "email"]),
        ({"name": " "}, ["body", "name"]),
        ({"name": "A\x00"}, ["body", "name"]),
        ({"answers": {}}, ["body", "q{question}"]),
        ({"answers": {"999999": "x"}}, ["body", "answers", "999999"]),
    ],
)
def test_create_applies_the_forms_rules(client, make_token, change, loc):
    event = EventFactory()
    question = QuestionFactory(event=event, required=True)
    secret = make_token(event=event)
    body = {**REGISTRANT, "answers": {str(question.pk): "Vegan"}, **change}

    response = post(client, url(event), secret, body)

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == [
        part.format(question=question.pk) for part in loc
    ]
    assert Registration.objects.count() == 0


def test_create_needs_a_site_when_the_event_has_several(client, make_token):
    event = EventFactory()
    SiteFactory(event=event)
    second = SiteFactory(event=event)
    secret = make_token(event=event)

    missing = post(client, url(event), secret, REGISTRANT)
    chosen = post(client, url(event), secret, {**REGISTRANT, "site": second.pk})

    assert missing.status_code == 422
    assert missing.json()["errors"][0]["loc"] == ["body", "site"]
    assert chosen.status_code == 201
    assert chosen.json()["site"]["id"] == second.pk


def test_create_refuses_a_second_registration_of_the_same_address(client, make_token):
    event = EventFactory()
    RegistrationFactory(event=event, email="ada@example.org")
    secret = make_token(event=event)

    response = post(client, url(event), secret, REGISTRANT)

    assert response.status_code == 422
    assert response.json()["code"] == "duplicate"
    assert Registration.objects.count() == 1


def test_create_refuses_when_registration_is_closed(client, make_token):
    event = EventFactory(status=EventStatus.DRAFT)
    secret = make_token(event=event)

    response = post(client, url(event), secret, REGISTRANT, lang="en")

    assert response.status_code == 422
    assert response.json() == {
        "detail": "This event is not open for registration.",
        "code": "closed",
        "errors": [],
    }


def test_create_with_a_body_that_is_not_json_is_400(client, make_token):
    event = EventFactory()
    secret = make_token(event=event)

    response = client.post(
        url(event), "{not json", content_type="application/json", headers=bearer(secret)
    )

    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_cancel_frees_the_seat_for_the_waiting_list(client, make_token, staff):
    event = EventFactory(capacity=1, is_binding=True, cancellation_deadline=timezone.now())
    seated = RegistrationFactory(event=event)
    waiting = RegistrationFactory(
        event=event, status=RegistrationStatus.WAITING, waiting_since=timezone.now()
    )
    secret = make_token(event=event)

    response = post(client, url(event, f"registrations/{seated.pk}/cancel"), secret, {})

    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.cancel_reason == CancelReason.ORGANISER
    assert waiting.status == RegistrationStatus.OFFERED  # binding: the seat is offered
    assert AuditLog.objects.filter(
        action="api.registration.cancel", target_id=seated.pk, actor=staff
    ).exists()


def test_check_in_by_ticket_code(client, make_token):
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    secret = make_token(event=event)
    code = registration.ticket_code.lower()

    first = post(client, url(event, "check-in"), secret, {"code": code})
    again = post(client, url(event, "check-in"), secret, {"code": code})
    unknown = post(client, url(event, "check-in"), secret, {"code": "NOPE2345"})

    assert first.status_code == 200
    assert first.json()["checked_in_at"] is not None
    assert (again.status_code, again.json()["code"]) == (422, "twice")
    assert (unknown.status_code, unknown.json()["code"]) == (422, "unknown")
    assert AuditLog.objects.filter(action="api.registration.check_in").count() == 1


def test_check_in_needs_a_code(client, make_token):
    event = EventFactory()
    secret = make_token(event=event)

    response = post(client, url(event, "check-in"), secret, {})

    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "loc": ["body", "body", "code"],
        "msg": "This field is required.",
        "code": "missing",
    }


def test_token_follows_its_creators_desk_scope(client, make_token):
    """A token never reaches more than its creator could see at the desk."""
    event = EventFactory()
    RegistrationFactory(event=event)
    secret = make_token(event=event, created_by=UserFactory(is_staff=True))

    assert client.get(url(event), headers=bearer(secret)).status_code == 404
    assert client.get("/api/organiser/events", headers=bearer(secret)).json()["count"] == 0
