import csv
import io
from datetime import UTC, datetime, timedelta

import openpyxl
import pytest
from django.utils import formats, timezone

from samspil.core.models import AuditLog
from samspil.registrations.models import (
    CancelReason,
    Mailing,
    QuestionKind,
    Registration,
    RegistrationStatus,
)
from tests.factories import (
    EventFactory,
    QuestionFactory,
    RegistrationFactory,
    SiteFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

S = RegistrationStatus


@pytest.fixture
def staff():
    return StaffFactory(username="desk")


@pytest.fixture
def desk(client, staff):
    """A client signed in as staff who may see every site's participants."""
    client.force_login(staff)
    return client


@pytest.fixture
def event():
    return EventFactory(slug="cafe", capacity=10)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# Access ----------------------------------------------------------------------

GET_PAGES = [
    "/en/desk/",
    "/en/desk/cafe/",
    "/en/desk/cafe/participants/",
    "/en/desk/cafe/participants.csv",
    "/en/desk/cafe/participants.xlsx",
    "/en/desk/cafe/waiting-list/",
    "/en/desk/cafe/registrations/{pk}/cancel/",
    "/en/desk/cafe/mail/",
    "/en/desk/cafe/check-in/",
]
POST_ACTIONS = [
    "/en/desk/cafe/registrations/{pk}/promote/",
    "/en/desk/cafe/registrations/{pk}/cancel/",
    "/en/desk/cafe/mail/",
    "/en/desk/cafe/check-in/",
]


@pytest.mark.parametrize("url", GET_PAGES)
def test_desk_page_anonymous_is_sent_to_the_admin_login(client, event, url):
    url = url.format(pk=RegistrationFactory(event=event).pk)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/en/admin/login/?next={url}"


@pytest.mark.parametrize("url", POST_ACTIONS)
def test_desk_action_anonymous_is_sent_to_login_and_changes_nothing(client, event, url):
    registration = RegistrationFactory(event=event, status=S.WAITING, waiting_since=timezone.now())

    response = client.post(url.format(pk=registration.pk), {"code": registration.ticket_code})

    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/?next=")
    registration.refresh_from_db()
    assert registration.status == S.WAITING
    assert Mailing.objects.count() == 0


@pytest.mark.parametrize("url", GET_PAGES)
def test_desk_page_signed_in_non_staff_is_forbidden(client, event, url):
    client.force_login(UserFactory(username="visitor"))

    response = client.get(url.format(pk=RegistrationFactory(event=event).pk))

    assert response.status_code == 403


@pytest.mark.parametrize("url", POST_ACTIONS)
def test_desk_action_signed_in_non_staff_is_forbidden(client, event, url):
    client.force_login(UserFactory(username="visitor"))
    registration = RegistrationFactory(event=event, status=S.WAITING, waiting_since=timezone.now())

    response = client.post(url.format(pk=registration.pk), {"code": registration.ticket_code})

    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == S.WAITING


@pytest.mark.parametrize("url", GET_PAGES)
def test_desk_page_staff_gets_it_uncached(desk, event, url):
    response = desk.get(url.format(pk=RegistrationFactory(event=event).pk))

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_desk_superuser_sees_every_event(client, event):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    assert client.get("/en/desk/cafe/").status_code == 200


@pytest.mark.parametrize("url", GET_PAGES[1:])
def test_desk_staff_without_permission_sees_no_participants(client, event, url):
    client.force_login(UserFactory(username="cohost", is_staff=True))

    response = client.get(url.format(pk=RegistrationFactory(event=event).pk))

    assert response.status_code == 404


def test_desk_index_for_staff_without_permission_lists_nothing_and_says_why(client, event):
    client.force_login(UserFactory(username="cohost", is_staff=True))

    response = client.get("/en/desk/")

    assert (response.context["upcoming"], response.context["recent"]) == ([], [])
    assert "permission “Can view registration”" in response.text


def test_desk_unknown_event_is_not_found(desk):
    assert desk.get("/en/desk/no-such-event/").status_code == 404


def test_desk_registration_of_another_event_is_not_found(desk, event):
    other = RegistrationFactory(status=S.WAITING, waiting_since=timezone.now())

    response = desk.post(f"/en/desk/cafe/registrations/{other.pk}/promote/")

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == S.WAITING


def test_desk_promote_and_cancel_refuse_get(desk, event):
    registration = RegistrationFactory(event=event)

    assert desk.get(f"/en/desk/cafe/registrations/{registration.pk}/promote/").status_code == 405


# Counts ----------------------------------------------------------------------


def make(event, site, status, n=1, **fields):
    now = timezone.now()
    extra = {
        S.WAITING: {"waiting_since": now},
        S.OFFERED: {"offer_expires_at": now + timedelta(hours=1)},
    }.get(status, {})
    return [
        RegistrationFactory(event=event, site=site, status=status, **{**extra, **fields})
        for _ in range(n)
    ]


@pytest.fixture
def workshop():
    """Two sites; counts by hand in the comments."""
    event = EventFactory(slug="workshop", capacity=None)
    aarhus = SiteFactory(event=event, name={"en": "Aarhus"}, capacity=4, order=1)
    odense = SiteFactory(event=event, name={"en": "Odense"}, capacity=3, order=2)
    now = timezone.now()
    # Aarhus: 3 confirmed (1 checked in), 1 open offer, 1 waiting, 1 cancelled. Held 4 of 4.
    make(event, aarhus, S.CONFIRMED, 2)
    make(event, aarhus, S.CONFIRMED, checked_in_at=now)
    make(event, aarhus, S.OFFERED)
    make(event, aarhus, S.WAITING)
    make(event, aarhus, S.CANCELLED)
    # Odense: 2 confirmed, both checked in, 2 waiting, 1 unconfirmed, 1 offer that ran
    # out (offered, but holds no seat). Held 2 of 3.
    make(event, odense, S.CONFIRMED, 2, checked_in_at=now)
    make(event, odense, S.WAITING, 2)
    make(event, odense, S.UNCONFIRMED)
    make(event, odense, S.OFFERED, offer_expires_at=now - timedelta(minutes=1))
    # Another event's registrations count nowhere here.
    make(EventFactory(slug="elsewhere", starts_at=event.starts_at), None, S.CONFIRMED, 3)
    return event


def figures(counts) -> dict:
    return {
        "confirmed": counts.confirmed,
        "offered": counts.offered,
        "waiting": counts.waiting,
        "unconfirmed": counts.unconfirmed,
        "cancelled": counts.cancelled,
        "checked_in": counts.checked_in,
        "held": counts.held,
        "capacity": counts.capacity,
        "fill": counts.fill_percent,
    }


def test_event_desk_counts_per_site_and_in_total(desk, workshop):
    response = desk.get("/en/desk/workshop/")

    assert response.status_code == 200
    aarhus, odense = response.context["site_counts"]
    assert figures(aarhus) == {
        "confirmed": 3,
        "offered": 1,
        "waiting": 1,
        "unconfirmed": 0,
        "cancelled": 1,
        "checked_in": 1,
        "held": 4,
        "capacity": 4,
        "fill": 100,
    }
    assert figures(odense) == {
        "confirmed": 2,
        "offered": 1,
        "waiting": 2,
        "unconfirmed": 1,
        "cancelled": 0,
        "checked_in": 2,
        "held": 2,
        "capacity": 3,
        "fill": 67,
    }
    # No event capacity: the sites' capacities together, 7; 6 held is 86 %.
    assert figures(response.context["total"]) == {
        "confirmed": 5,
        "offered": 2,
        "waiting": 3,
        "unconfirmed": 1,
        "cancelled": 1,
        "checked_in": 3,
        "held": 6,
        "capacity": 7,
        "fill": 86,
    }
    assert "86%" in response.text


def test_event_desk_event_capacity_wins_over_the_sites(desk, workshop):
    workshop.capacity = 5
    workshop.save(update_fields=["capacity"])

    total = desk.get("/en/desk/workshop/").context["total"]

    assert (total.held, total.capacity, total.fill_percent) == (6, 5, 120)


def test_event_desk_without_capacity_shows_no_fill(desk):
    event = EventFactory(slug="open", capacity=None)
    SiteFactory(event=event, capacity=None)
    make(event, None, S.CONFIRMED, 2)

    total = desk.get("/en/desk/open/").context["total"]

    assert (total.confirmed, total.capacity, total.fill_percent) == (2, None, None)


def test_desk_index_lists_upcoming_and_recent_events_with_counts(desk, workshop):
    now = timezone.now()
    recent = EventFactory(slug="recent", starts_at=now - timedelta(days=3))
    make(recent, None, S.CONFIRMED, 2, checked_in_at=now - timedelta(days=3))
    EventFactory(slug="long-ago", starts_at=now - timedelta(days=90))
    soon = EventFactory(slug="soon", starts_at=now + timedelta(days=1))

    response = desk.get("/en/desk/")

    upcoming = response.context["upcoming"]
    assert [(e.slug, e.confirmed, e.offered, e.waiting, e.checked_in) for e in upcoming] == [
        (soon.slug, 0, 0, 0, 0),
        (workshop.slug, 5, 2, 3, 3),
        ("elsewhere", 3, 0, 0, 0),
    ]
    assert [(e.slug, e.confirmed, e.checked_in) for e in response.context["recent"]] == [
        ("recent", 2, 2)
    ]


# Participant list --------------------------------------------------------------


@pytest.fixture
def people(event):
    aarhus = SiteFactory(event=event, name={"en": "Aarhus"}, order=1)
    odense = SiteFactory(event=event, name={"en": "Odense"}, order=2)
    make(event, aarhus, S.CONFIRMED, name="Anna Berg", email="anna@aarhus.dk",
         organisation="Aarhus Kommune", role_category="politician")  # fmt: skip
    make(event, odense, S.WAITING, name="Bo Dahl", email="bo@example.org",
         organisation="Odense Kommune", role_category="employee")  # fmt: skip
    make(event, odense, S.CANCELLED, name="Carla Holm", email="carla@firma.dk",
         organisation="Firma ApS", role_category="business")  # fmt: skip
    make(event, aarhus, S.CONFIRMED, name="Dorte Aarhus", email="dorte@example.org",
         organisation="", role_category="employee")  # fmt: skip
    return {"aarhus": aarhus, "odense": odense}


def listed(response) -> list[str]:
    return [registration.name for registration in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Anna Berg", "Bo Dahl", "Carla Holm", "Dorte Aarhus"]),
        ({"status": "confirmed"}, ["Anna Berg", "Dorte Aarhus"]),
        ({"status": "waiting"}, ["Bo Dahl"]),
        ({"site": "odense"}, ["Bo Dahl", "Carla Holm"]),
        ({"role": "employee"}, ["Bo Dahl", "Dorte Aarhus"]),
        ({"q": "aarhus"}, ["Anna Berg", "Dorte Aarhus"]),  # organisation, e-mail and name
        ({"q": "FIRMA"}, ["Carla Holm"]),
        ({"q": "bo@example"}, ["Bo Dahl"]),
        ({"q": "anna kommune"}, ["Anna Berg"]),  # every word must match
        ({"status": "confirmed", "role": "politician"}, ["Anna Berg"]),
        ({"site": "odense", "status": "confirmed"}, []),
    ],
)
def test_participants_filters(desk, people, params, expected):
    if "site" in params:
        params = {**params, "site": people[params["site"]].pk}

    response = desk.get("/en/desk/cafe/participants/", params)

    assert response.status_code == 200
    assert listed(response) == expected


def test_participants_are_paginated(desk, event, monkeypatch):
    monkeypatch.setattr("samspil.registrations.desk.PAGE_SIZE", 2)
    for name in ["Eva", "Adam", "Cecilie", "Bent", "Dan"]:
        RegistrationFactory(event=event, name=name)

    first = desk.get("/en/desk/cafe/participants/")
    last = desk.get("/en/desk/cafe/participants/", {"page": 3})

    assert listed(first) == ["Adam", "Bent"]
    assert listed(last) == ["Eva"]
    assert 'href="?page=2" rel="next"' in first.text


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"status": "attending"}, 400, "Select a valid choice. attending is not one of"),
        ({"page": "abc"}, 400, "Enter a whole number."),
        ({"page": "0"}, 400, "Ensure this value is greater than or equal to 1."),
        ({"page": "7"}, 404, "There is no page 7: the list has 1 page."),
        ({"site": "abc"}, 400, "Select a valid choice. abc is not one of"),
        ({"role": "king"}, 400, "Select a valid choice. king is not one of"),
        ({"q": "x" * 201}, 400, "Ensure this value has at most 200 characters (it has 201)."),
    ],
)
def test_participants_bad_filters_say_what_is_wrong(desk, people, params, status, message):
    response = desk.get("/en/desk/cafe/participants/", params)

    assert response.status_code == status
    assert message in response.text


@pytest.mark.parametrize("params", [{"status": "attending"}, {"page": "abc"}])
def test_export_bad_filters_are_refused_without_audit(desk, people, params):
    response = desk.get("/en/desk/cafe/participants.csv", params)

    assert response.status_code == 400
    assert AuditLog.objects.filter(action="registrations.export").count() == 0


# Exports -----------------------------------------------------------------------


@pytest.fixture
def exported(event):
    """Two participants with answers to the event's questions, at known times."""
    site = SiteFactory(event=event, name={"en": "Town hall", "da": "Rådhuset"})
    SiteFactory(event=event, name={"en": "Library"})
    diet = QuestionFactory(event=event, label={"en": "Diet"}, kind=QuestionKind.CHOICE, order=1)
    night = QuestionFactory(
        event=event, label={"en": "Overnight stay"}, kind=QuestionKind.YES_NO, order=2
    )
    first = RegistrationFactory(
        event=event,
        site=site,
        name="Åse Østergaard",
        email="aase@example.dk",
        organisation='=HYPERLINK("http://evil.example")',
        role_category="politician",
        municipality="Aalborg",
        ticket_code="ABCD2345",
        answers={str(diet.pk): "Vegetarian", str(night.pk): "yes"},
        checked_in_at=datetime(2025, 3, 4, 8, 5, tzinfo=UTC),
    )
    second = RegistrationFactory(
        event=event,
        site=site,
        name="Bo Dahl",
        email="bo@example.org",
        status=S.WAITING,
        waiting_since=timezone.now(),
        ticket_code="WXYZ6789",
        language="da",
    )
    Registration.objects.filter(pk=first.pk).update(
        created_at=datetime(2025, 3, 1, 11, 30, 15, tzinfo=UTC)
    )
    Registration.objects.filter(pk=second.pk).update(
        created_at=datetime(2025, 3, 2, 23, 0, tzinfo=UTC)
    )
    return event


HEADER = [
    "Name",
    "E-mail",
    "Organisation",
    "Role",
    "Municipality or region",
    "Site",
    "Status",
    "Registered",
    "Checked in",
    "Ticket code",
    "Language",
    "Diet",
    "Overnight stay",
]


def test_export_csv_has_every_column_and_the_answers(desk, exported):
    response = desk.get("/en/desk/cafe/participants.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cafe-participants.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")  # byte-order mark for Excel
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # Ordered by name; times in the event's zone (Copenhagen, UTC+1 in March).
    assert rows == [
        HEADER,
        ["Bo Dahl", "bo@example.org", "", "Employee", "", "Town hall", "On the waiting list",
         "2025-03-03 00:00", "", "WXYZ6789", "da", "", ""],
        ["Åse Østergaard", "aase@example.dk", "'=HYPERLINK(\"http://evil.example\")",
         "Politician", "Aalborg", "Town hall", "Confirmed", "2025-03-01 12:30",
         "2025-03-04 09:05", "ABCD2345", "en", "Vegetarian", "Yes"],
    ]  # fmt: skip


def test_export_csv_respects_the_filters(desk, exported):
    response = desk.get("/en/desk/cafe/participants.csv", {"status": "waiting"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows] == ["Name", "Bo Dahl"]


def test_export_xlsx_reads_back_exactly(desk, exported):
    response = desk.get("/en/desk/cafe/participants.xlsx", {"q": "example"})

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == 'attachment; filename="cafe-participants.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet.title == "Participants"
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        HEADER,
        ["Bo Dahl", "bo@example.org", None, "Employee", None, "Town hall",
         "On the waiting list", datetime(2025, 3, 3, 0, 0), None, "WXYZ6789", "da", None, None],
        ["Åse Østergaard", "aase@example.dk", "=HYPERLINK(\"http://evil.example\")",
         "Politician", "Aalborg", "Town hall", "Confirmed", datetime(2025, 3, 1, 12, 30, 15),
         datetime(2025, 3, 4, 9, 5), "ABCD2345", "en", "Vegetarian", "Yes"],
    ]  # fmt: skip
    # The organisation that looks like a formula stays text.
    assert sheet["C3"].data_type == "s"


def test_export_is_in_the_interface_language(desk, exported):
    response = desk.get("/da/desk/cafe/participants.csv", {"role": "politician"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][3] == "Politiker"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_writes_an_audit_row(desk, staff, exported, kind):
    desk.get(f"/en/desk/cafe/participants.{kind}", {"status": "confirmed", "q": "aase"})

    audit = AuditLog.objects.get(action="registrations.export")
    assert (audit.actor, audit.target_type, audit.target_id) == (staff, "events.event", exported.pk)
    assert audit.data == {
        "format": kind,
        "filters": {"status": "confirmed", "site": None, "role": "", "q": "aase"},
        "rows": 1,
    }


# Waiting list, promote and cancel ---------------------------------------------


def test_waiting_list_is_in_order(desk, event):
    now = timezone.now()
    RegistrationFactory(event=event, name="Late", status=S.WAITING, waiting_since=now)
    RegistrationFactory(
        event=event, name="Early", status=S.WAITING, waiting_since=now - timedelta(hours=1)
    )
    RegistrationFactory(event=event, name="Seated")

    response = desk.get("/en/desk/cafe/waiting-list/")

    assert [registration.name for registration in response.context["waiting"]] == [
        "Early",
        "Late",
    ]


def test_promote_gives_a_free_seat_and_says_so(desk, staff, event):
    waiting = RegistrationFactory(
        event=event, name="Bo", status=S.WAITING, waiting_since=timezone.now()
    )

    response = desk.post(f"/en/desk/cafe/registrations/{waiting.pk}/promote/", follow=True)

    waiting.refresh_from_db()
    assert waiting.status == S.CONFIRMED
    assert response.redirect_chain == [("/en/desk/cafe/waiting-list/", 302)]
    assert messages_of(response) == ["Bo: Confirmed."]
    audit = AuditLog.objects.get(action="registration.promote")
    assert (audit.actor, audit.target_id) == (staff, waiting.pk)


def test_promote_without_a_free_seat_shows_the_reason(desk, event):
    RegistrationFactory.create_batch(10, event=event)
    waiting = RegistrationFactory(
        event=event, name="Bo", status=S.WAITING, waiting_since=timezone.now()
    )

    response = desk.post(f"/en/desk/cafe/registrations/{waiting.pk}/promote/", follow=True)

    waiting.refresh_from_db()
    assert waiting.status == S.WAITING
    assert messages_of(response) == [
        "Bo was not promoted: There is no free seat. Raise the capacity first."
    ]


def test_promote_someone_not_waiting_shows_the_reason(desk, event):
    seated = RegistrationFactory(event=event, name="Bo")

    response = desk.post(f"/en/desk/cafe/registrations/{seated.pk}/promote/", follow=True)

    assert messages_of(response) == [
        "Bo was not promoted: Only people on the waiting list can be promoted."
    ]


def test_action_goes_back_to_a_local_next_only(desk, event):
    def promote(next_url):
        registration = RegistrationFactory(
            event=event, status=S.WAITING, waiting_since=timezone.now()
        )
        url = f"/en/desk/cafe/registrations/{registration.pk}/promote/"
        return desk.post(url, {"next": next_url})["Location"]

    assert promote("/en/desk/cafe/participants/?status=waiting") == (
        "/en/desk/cafe/participants/?status=waiting"
    )
    assert promote("https://evil.example/") == "/en/desk/cafe/waiting-list/"


def test_cancel_asks_first(desk, event):
    registration = RegistrationFactory(event=event, name="Bo")

    response = desk.get(
        f"/en/desk/cafe/registrations/{registration.pk}/cancel/",
        {"next": "/en/desk/cafe/participants/"},
    )

    assert response.status_code == 200
    assert "Cancel the registration of Bo" in response.text
    assert response.context["next"] == "/en/desk/cafe/participants/"
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED


def test_cancel_page_drops_a_foreign_next(desk, event):
    registration = RegistrationFactory(event=event)

    response = desk.get(
        f"/en/desk/cafe/registrations/{registration.pk}/cancel/", {"next": "javascript:alert(1)"}
    )

    assert response.context["next"] == ""
    assert "javascript:" not in response.text


def test_cancel_by_organiser_frees_the_seat_for_the_waiting_list(desk, staff):
    event = EventFactory(slug="full", capacity=1, is_binding=False)
    seated = RegistrationFactory(event=event, name="Anna")
    waiting = RegistrationFactory(event=event, status=S.WAITING, waiting_since=timezone.now())

    response = desk.post(
        f"/en/desk/full/registrations/{seated.pk}/cancel/",
        {"next": "/en/desk/full/participants/"},
        follow=True,
    )

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.status, seated.cancel_reason) == (S.CANCELLED, CancelReason.ORGANISER)
    assert waiting.status == S.CONFIRMED
    assert response.redirect_chain == [("/en/desk/full/participants/", 302)]
    assert messages_of(response) == ["The registration of Anna is cancelled."]
    assert AuditLog.objects.get(action="registration.cancel").actor == staff


def test_cancel_binding_registration_after_deadline_by_organiser(desk):
    event = EventFactory(
        slug="binding", is_binding=True, cancellation_deadline=timezone.now() - timedelta(days=1)
    )
    registration = RegistrationFactory(event=event)

    desk.post(f"/en/desk/binding/registrations/{registration.pk}/cancel/")

    registration.refresh_from_db()
    assert registration.status == S.CANCELLED


def test_cancel_twice_says_it_was_already_cancelled(desk, event):
    registration = RegistrationFactory(event=event, name="Bo", status=S.CANCELLED)

    response = desk.post(f"/en/desk/cafe/registrations/{registration.pk}/cancel/", follow=True)

    assert messages_of(response) == ["The registration of Bo was already cancelled."]
    assert AuditLog.objects.filter(action="registration.cancel").count() == 0


# Mail ----------------------------------------------------------------------------


def test_mail_to_the_participants_of_one_site(desk, staff, people):
    response = desk.post(
        "/en/desk/cafe/mail/",
        {"site": people["aarhus"].pk, "subject": "Parking", "body": "Use the back entrance."},
        follow=True,
    )

    mailing = Mailing.objects.get()
    assert (mailing.site, mailing.subject, mailing.recipients, mailing.created_by) == (
        people["aarhus"],
        "Parking",
        2,
        staff,
    )
    assert response.redirect_chain == [("/en/desk/cafe/", 302)]
    assert messages_of(response) == ["Mail queued for 2 people."]


def test_mail_to_every_site_with_the_waiting_list(desk, people):
    response = desk.post(
        "/en/desk/cafe/mail/",
        {"site": "", "subject": "Agenda", "body": "See you!", "include_waiting": "on"},
        follow=True,
    )

    assert messages_of(response) == ["Mail queued for 3 people."]
    assert Mailing.objects.get().include_waiting is True


def test_mail_to_one_person_says_person(desk, event):
    RegistrationFactory(event=event)

    response = desk.post("/en/desk/cafe/mail/", {"subject": "Hi", "body": "Hello"}, follow=True)

    assert messages_of(response) == ["Mail queued for 1 person."]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"subject": "", "body": "Hello"}, "Subject: This field is required."),
        ({"subject": "Hi", "body": ""}, "Message: This field is required."),
        ({"subject": "x" * 201, "body": "Hello"}, "at most 200 characters"),
        ({"subject": "Hi", "body": "Hello", "site": "999"}, "Select a valid choice."),
    ],
)
def test_mail_bad_input_sends_nothing(desk, people, data, message):
    response = desk.post("/en/desk/cafe/mail/", data)

    assert response.status_code == 400
    assert message in response.text
    assert Mailing.objects.count() == 0


# Check-in ------------------------------------------------------------------------


@pytest.fixture
def ticket(event):
    site = SiteFactory(event=event, name={"en": "Town hall"})
    return RegistrationFactory(event=event, site=site, name="Anna Berg", ticket_code="ABCD2345")


def test_check_in_by_code_welcomes_the_participant(desk, staff, ticket):
    response = desk.post("/en/desk/cafe/check-in/", {"code": " abcd-2345 "})

    assert response.status_code == 200
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None
    assert response.context["checked_in"] == ticket
    assert '<div class="check-in-result check-in-ok" role="status">' in response.text
    assert "Welcome, Anna Berg!" in response.text
    assert "Site: Town hall" in response.text
    assert response.context["arrivals"] == {"confirmed": 1, "checked_in": 1}
    # The field is empty and focused, ready for the next code.
    assert response.context["form"].is_bound is False
    assert "autofocus" in response.text
    assert AuditLog.objects.get(action="registration.check_in").actor == staff


def test_check_in_unknown_code_is_an_alert(desk, ticket):
    response = desk.post("/en/desk/cafe/check-in/", {"code": "ZZZZ2222"})

    assert response.status_code == 400
    assert response.context["error"] == "Code ZZZZ2222: No ticket with this code for this event."
    assert '<div class="check-in-result check-in-error" role="alert">' in response.text


def test_check_in_twice_says_when_they_came(desk, ticket):
    desk.post("/en/desk/cafe/check-in/", {"code": "ABCD2345"})
    ticket.refresh_from_db()
    first = ticket.checked_in_at

    response = desk.post("/en/desk/cafe/check-in/", {"code": "ABCD2345"})

    assert response.status_code == 400
    time = formats.time_format(first.astimezone(ticket.event.zone))
    assert response.context["error"] == f"Code ABCD2345: Anna Berg has already checked in ({time})."
    ticket.refresh_from_db()
    assert ticket.checked_in_at == first


def test_check_in_of_a_waiting_ticket_is_refused(desk, event):
    RegistrationFactory(
        event=event, ticket_code="WXYZ6789", status=S.WAITING, waiting_since=timezone.now()
    )

    response = desk.post("/en/desk/cafe/check-in/", {"code": "WXYZ6789"})

    assert response.status_code == 400
    assert response.context["error"] == (
        "Code WXYZ6789: This ticket is not confirmed (On the waiting list)."
    )


def test_check_in_code_of_another_event_is_unknown(desk, event):
    RegistrationFactory(ticket_code="ABCD2345")

    response = desk.post("/en/desk/cafe/check-in/", {"code": "ABCD2345"})

    assert response.context["error"] == "Code ABCD2345: No ticket with this code for this event."


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("ABCD2345ABCD2345", "A ticket code has 8 characters; this has 16."),
        ("", "This field is required."),
    ],
)
def test_check_in_bad_input_is_refused(desk, ticket, code, error):
    response = desk.post("/en/desk/cafe/check-in/", {"code": code})

    assert response.status_code == 400
    assert response.context["error"] == error
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


# Query counts --------------------------------------------------------------------


@pytest.fixture
def crowded(event):
    def fill(n):
        sites = [SiteFactory(event=event, capacity=5) for _ in range(3)]
        QuestionFactory(event=event)
        for i in range(n):
            status = [S.CONFIRMED, S.WAITING, S.CANCELLED][i % 3]
            make(event, sites[i % 3], status)

    return fill


# Session, user, the user's two permission queries, then the page's own.
@pytest.mark.parametrize("n", [1, 40])
def test_event_desk_queries_are_constant(desk, crowded, django_assert_num_queries, n):
    crowded(n)

    with django_assert_num_queries(4 + 3):  # event, its sites, counts grouped by site
        response = desk.get("/en/desk/cafe/")

    assert response.context["total"].confirmed + response.context["total"].waiting > 0


@pytest.mark.parametrize("n", [1, 40])
def test_participant_list_queries_are_constant(desk, crowded, django_assert_num_queries, n):
    crowded(n)

    with django_assert_num_queries(4 + 4):  # event, its sites, count, page
        desk.get("/en/desk/cafe/participants/", {"status": "confirmed"})


@pytest.mark.parametrize("n", [1, 40])
def test_waiting_list_queries_are_constant(desk, crowded, django_assert_num_queries, n):
    crowded(n)

    with django_assert_num_queries(4 + 3):  # event, its sites, the waiting list
        desk.get("/en/desk/cafe/waiting-list/")


@pytest.mark.parametrize("n", [1, 40])
def test_index_queries_are_constant(desk, crowded, django_assert_num_queries, n):
    crowded(n)
    EventFactory.create_batch(n // 10 + 1)

    with django_assert_num_queries(4 + 2):  # upcoming, recent
        desk.get("/en/desk/")


@pytest.mark.parametrize("n", [1, 40])
def test_export_queries_are_constant(desk, crowded, django_assert_num_queries, n):
    crowded(n)

    # event, its sites, questions, registrations, the audit row
    with django_assert_num_queries(4 + 5):
        desk.get("/en/desk/cafe/participants.xlsx")
