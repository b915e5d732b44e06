from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from samspil.events.models import EventKind, EventMode, EventRoleKind, EventStatus
from tests.factories import (
    AgendaItemFactory,
    EventFactory,
    EventRoleFactory,
    OrganisationFactory,
    PersonFactory,
    SiteFactory,
)

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["items"]]


def test_events_lists_upcoming_soonest_first_without_drafts_or_past(client):
    now = timezone.now()
    EventFactory(slug="later", starts_at=now + timedelta(days=9))
    EventFactory(slug="sooner", starts_at=now + timedelta(days=2))
    EventFactory(slug="draft", status=EventStatus.DRAFT)
    EventFactory(slug="past", starts_at=now - timedelta(days=3))

    response = client.get("/api/events")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert slugs(response) == ["sooner", "later"]
    assert response.json()["count"] == 2


def test_events_past_lists_latest_first(client):
    now = timezone.now()
    EventFactory(slug="old", starts_at=now - timedelta(days=30))
    EventFactory(slug="recent", starts_at=now - timedelta(days=3))
    EventFactory(slug="upcoming")

    response = client.get("/api/events", {"when": "past"})

    assert slugs(response) == ["recent", "old"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": EventKind.CAFE}, ["cafe"]),
        ({"mode": EventMode.ONLINE}, ["cafe"]),
        ({"city": "Aalborg"}, ["workshop"]),
        ({"language": "fr"}, ["meetup"]),
        ({"free": "true"}, ["cafe", "workshop"]),
        ({"kind": EventKind.WORKSHOP, "city": "Aalborg"}, ["workshop"]),
        ({"kind": EventKind.WORKSHOP, "city": "Odense"}, []),
        ({"q": "VÆRKSTED"}, ["workshop"]),
        ({"q": "atelier"}, ["workshop"]),
    ],
)
def test_events_filters_like_the_public_list(client, params, expected):
    start = timezone.now() + timedelta(days=1)
    EventFactory(slug="cafe", kind=EventKind.CAFE, mode=EventMode.ONLINE, starts_at=start)
    workshop = EventFactory(
        slug="workshop",
        kind=EventKind.WORKSHOP,
        title={"da": "Åbent værksted", "fr": "Atelier ouvert"},
        starts_at=start + timedelta(days=1),
    )
    SiteFactory(event=workshop, city="København")
    SiteFactory(event=workshop, city="Aalborg")
    meetup = EventFactory(
        slug="meetup",
        languages=["en", "fr", "nl"],
        price=Decimal("100.00"),
        starts_at=start + timedelta(days=2),
    )
    SiteFactory(event=meetup, city="Odense")

    response = client.get("/api/events", params)

    assert response.status_code == 200
    assert slugs(response) == expected


def test_events_unknown_city_is_refused_with_the_forms_message(client):
    SiteFactory(city="Odense")

    response = client.get("/api/events", {"city": "Atlantis", "lang": "da"})

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert [error["loc"] for error in body["errors"]] == [["query", "city"]]
    assert body["errors"][0]["code"] == "invalid_choice"
    assert "Atlantis" in body["errors"][0]["msg"]


def test_events_paginates_with_limit_and_offset(client):
    start = timezone.now() + timedelta(days=1)
    for number in range(5):
        EventFactory(slug=f"e{number}", starts_at=start + timedelta(days=number))

    response = client.get("/api/events", {"limit": 2, "offset": 2})

    body = response.json()
    assert (body["count"], body["limit"], body["offset"]) == (5, 2, 2)
    assert slugs(response) == ["e2", "e3"]
    assert slugs(client.get("/api/events", {"offset": 5})) == []


@pytest.mark.parametrize(
    ("params", "loc", "code"),
    [
        ({"limit": 0}, ["query", "limit"], "greater_than_equal"),
        ({"limit": 101}, ["query", "limit"], "less_than_equal"),
        ({"offset": -1}, ["query", "offset"], "greater_than_equal"),
        ({"offset": "x"}, ["query", "offset"], "int_parsing"),
        ({"kind": "party"}, ["query", "kind"], "literal_error"),
        ({"lang": "de"}, ["query", "lang"], "literal_error"),
        ({"q": "x" * 201}, ["query", "q"], "string_too_long"),
    ],
)
def test_events_bad_parameters_answer_422_with_the_error_body(client, params, loc, code):
    response = client.get("/api/events", params)

    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Some of the values sent are not valid."
    assert body["code"] == "invalid"
    assert [(error["loc"], error["code"]) for error in body["errors"]] == [(loc, code)]


def test_events_list_runs_constant_queries(client, django_assert_num_queries):
    # cities for the filter form and the longest event's length (both cached: the cache is
    # emptied so that both runs start cold), count, page, sites of the page
    event = EventFactory()
    SiteFactory(event=event)
    cache.clear()
    with django_assert_num_queries(5):
        assert client.get("/api/events").json()["count"] == 1
    for _number in range(15):
        SiteFactory(event=EventFactory())
        SiteFactory(event=EventFactory(series=None))
    cache.clear()
    with django_assert_num_queries(5):
        assert client.get("/api/events").json()["count"] == 31


def test_texts_come_in_the_requested_language_and_say_which(client):
    EventFactory(
        slug="meetup",
        title={"en": "Meetup", "da": "Møde"},
        summary={"en": "Only in English"},
        original_language="en",
    )

    by_parameter = client.get("/api/events", {"lang": "da"})
    by_header = client.get("/api/events", headers={"Accept-Language": "da"})
    fallback = client.get("/api/events", {"lang": "fr"})

    for response in [by_parameter, by_header]:
        item = response.json()["items"][0]
        assert response["Content-Language"] == "da"
        assert item["title"] == {"text": "Møde", "language": "da"}
        assert item["summary"] == {"text": "Only in English", "language": "en"}
        assert item["kind_label"] == "Møde"
        assert item["url"] == "http://127.0.0.1:8000/da/events/meetup/"
    item = fallback.json()["items"][0]
    assert item["title"] == {"text": "Meetup", "language": "en"}


def test_lang_parameter_wins_over_accept_language(client):
    EventFactory(title={"en": "Meetup", "da": "Møde", "nl": "Bijeenkomst"})

    response = client.get("/api/events", {"lang": "nl"}, headers={"Accept-Language": "da"})

    assert response["Content-Language"] == "nl"
    assert response.json()["items"][0]["title"] == {"text": "Bijeenkomst", "language": "nl"}


def test_event_detail_shows_sites_agenda_and_roles_but_never_the_online_link(client):
    event = EventFactory(
        slug="workshop",
        mode=EventMode.HYBRID,
        online_url="https://meet.example.org/secret-room",
        description={"en": "All day"},
    )
    north = SiteFactory(event=event, name={"en": "North"}, city="Aalborg", order=1)
    south = SiteFactory(event=event, name={"en": "South"}, city="Odense", order=2)
    co_host = OrganisationFactory(slug="co-host", name="Co-host")
    north.co_hosts.add(co_host)
    speaker = PersonFactory(slug="speaker", name="Speaker", email="speaker@example.org")
    contact = PersonFactory(
        slug="contact", name="Contact", email="contact@example.org", phone="+45 1234"
    )
    EventRoleFactory(event=event, person=speaker, kind=EventRoleKind.SPEAKER)
    EventRoleFactory(event=event, person=contact, kind=EventRoleKind.CONTACT, site=south)
    talk = AgendaItemFactory(event=event, title={"en": "Welcome"})
    talk.speakers.add(speaker)
    AgendaItemFactory(event=event, site=north, title={"en": "Local round"})

    response = client.get("/api/events/workshop")

    assert response.status_code == 200
    body = response.json()
    assert "secret-room" not in response.content.decode()
    assert "speaker@example.org" not in response.content.decode()
    assert body["description"] == {"text": "All day", "language": "en"}
    assert [site["name"]["text"] for site in body["sites"]] == ["North", "South"]
    assert body["sites"][0]["co_hosts"] == [{"slug": "co-host", "name": "Co-host"}]
    assert [item["title"]["text"] for item in body["agenda"]] == ["Welcome"]
    assert body["agenda"][0]["speakers"] == [
        {"slug": "speaker", "name": "Speaker", "title": {"text": "", "language": ""}}
    ]
    assert [item["title"]["text"] for item in body["sites"][0]["agenda"]] == ["Local round"]
    assert [(role["kind"], role["person"]["slug"], role["contact"]) for role in body["roles"]] == [
        ("speaker", "speaker", None)
    ]
    assert [(role["kind"], role["contact"]) for role in body["sites"][1]["roles"]] == [
        ("contact", {"email": "contact@example.org", "phone": "+45 1234"})
    ]


def test_event_detail_of_a_draft_or_unknown_event_is_404(client):
    EventFactory(slug="draft", status=EventStatus.DRAFT)

    for slug in ["draft", "nothing-here"]:
        response = client.get(f"/api/events/{slug}", {"lang": "da"})
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_event_detail_rejects_a_slug_with_other_characters(client):
    response = client.get("/api/events/bad%00slug")

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "slug"]


def test_event_detail_runs_constant_queries(client, django_assert_num_queries):
    event = EventFactory(slug="big")
    for _number in range(5):
        site = SiteFactory(event=event)
        site.co_hosts.add(OrganisationFactory())
        EventRoleFactory(event=event, site=site)
        AgendaItemFactory(event=event, site=site).speakers.add(PersonFactory())
    # event, sites, co-hosts, agenda, speakers, roles
    with django_assert_num_queries(6):
        assert client.get("/api/events/big").status_code == 200


def test_person_shows_their_public_roles_without_contact_details(client):
    person = PersonFactory(
        slug="ada", name="Ada", email="ada@example.org", phone="123", bio={"da": "Om Ada"}
    )
    EventRoleFactory(person=person, event=EventFactory(slug="meetup"))
    EventRoleFactory(person=person, event=EventFactory(status=EventStatus.DRAFT))

    response = client.get("/api/people/ada", {"lang": "en"})

    body = response.json()
    assert body["name"] == "Ada"
    assert body["bio"] == {"text": "Om Ada", "language": "da"}
    assert [role["event"]["slug"] for role in body["roles"]] == ["meetup"]
    assert "ada@example.org" not in response.content.decode()


def test_person_without_a_public_role_is_404(client):
    PersonFactory(slug="registrant")

    assert client.get("/api/people/registrant").status_code == 404


def test_organisation_shows_events_sites_and_people(client):
    organisation = OrganisationFactory(slug="odense", name="Odense Kommune")
    EventFactory(slug="organised", organiser=organisation)
    site = SiteFactory(event=EventFactory(slug="elsewhere"), name={"en": "Odense site"})
    site.co_hosts.add(organisation)
    speaker = PersonFactory(slug="speaker", organisation=organisation)
    EventRoleFactory(person=speaker)
    PersonFactory(slug="no-role", organisation=organisation)

    response = client.get("/api/organisations/odense")

    body = response.json()
    assert body["name"] == "Odense Kommune"
    assert [event["slug"] for event in body["events_organised"]] == ["organised"]
    assert [
        (item["event"]["slug"], item["site"]["name"]["text"]) for item in body["sites_co_hosted"]
    ] == [("elsewhere", "Odense site")]
    assert [person["slug"] for person in body["people"]] == ["speaker"]


def test_unknown_api_address_answers_404_with_the_error_body(client):
    response = client.post("/api/nothing/here", headers={"Accept-Language": "da"})

    assert response.status_code == 404
    assert response["Content-Language"] == "da"
    assert response.json()["code"] == "not_found"


def test_crossing_the_rate_limit_answers_429_translated(client, settings):
    settings.SAMSPIL_RATE_LIMITS = {"api": "3/m"}
    cache.clear()
    try:
        statuses = [client.get("/api/events").status_code for _number in range(3)]
        response = client.get("/api/events", {"lang": "da"})
    finally:
        cache.clear()

    assert statuses == [200, 200, 200]
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert response["Content-Language"] == "da"
    assert int(response["Retry-After"]) >= 1
