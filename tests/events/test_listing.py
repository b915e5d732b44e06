from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from samspil.events.models import EventKind, EventMode, EventStatus
from tests.factories import EventFactory, SiteFactory

pytestmark = pytest.mark.django_db


def listed_slugs(response) -> list[str]:
    return [event.slug for event in response.context["page"].object_list]


def test_list_shows_upcoming_soonest_first_and_hides_drafts_and_past(client):
    now = timezone.now()
    later = EventFactory(slug="later", starts_at=now + timedelta(days=9))
    sooner = EventFactory(slug="sooner", starts_at=now + timedelta(days=2))
    EventFactory(slug="draft", status=EventStatus.DRAFT)
    EventFactory(slug="past", starts_at=now - timedelta(days=3))

    response = client.get("/en/events/")

    assert response.status_code == 200
    assert listed_slugs(response) == [sooner.slug, later.slug]


def test_list_says_when_no_event_matches(client):
    EventFactory(slug="copenhagen", search_text="copenhagen")

    body = client.get("/en/events/", {"q": "zanzibar"}).content.decode()

    assert "0 events" in body
    assert "No events match these filters." in body


def test_list_past_shows_latest_first(client):
    now = timezone.now()
    EventFactory(slug="old", starts_at=now - timedelta(days=30))
    EventFactory(slug="recent", starts_at=now - timedelta(days=3))
    EventFactory(slug="upcoming")

    response = client.get("/en/events/", {"when": "past"})

    assert listed_slugs(response) == ["recent", "old"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": EventKind.CAFE}, ["cafe"]),
        ({"mode": EventMode.ONLINE}, ["cafe"]),
        ({"city": "Aalborg"}, ["workshop"]),
        ({"language": "fr"}, ["meetup"]),
        ({"free": "on"}, ["cafe", "workshop"]),
        ({"kind": EventKind.WORKSHOP, "city": "Aalborg"}, ["workshop"]),
        ({"kind": EventKind.WORKSHOP, "city": "Odense"}, []),
    ],
)
def test_list_filters(client, params, expected):
    start = timezone.now() + timedelta(days=1)
    EventFactory(slug="cafe", kind=EventKind.CAFE, mode=EventMode.ONLINE, starts_at=start)
    workshop = EventFactory(
        slug="workshop", kind=EventKind.WORKSHOP, starts_at=start + timedelta(days=1)
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

    response = client.get("/en/events/", params)

    assert response.status_code == 200
    assert listed_slugs(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("værksted", ["workshop"]),  # Danish text
        ("VÆRKSTED", ["workshop"]),  # case folding beyond ASCII, also on SQLite
        ("atelier", ["workshop"]),  # French text of the same event
        ("werkplaats politici", ["workshop"]),  # every word must match, Dutch
        ("werkplaats café", []),
        ("innovation", ["cafe", "workshop"]),
    ],
)
def test_list_search_looks_through_every_language(client, query, expected):
    EventFactory(
        slug="workshop",
        title={
            "da": "Åbent værksted",
            "fr": "Atelier ouvert",
            "nl": "Open werkplaats",
            "en": "Open workshop",
        },
        description={"nl": "Politici als drijvende kracht", "en": "Public innovation"},
        starts_at=timezone.now() + timedelta(days=2),
    )
    EventFactory(
        slug="cafe",
        title={"da": "Innovationscafé", "en": "Innovation café"},
        starts_at=timezone.now() + timedelta(days=1),
    )

    response = client.get("/en/events/", {"q": query})

    assert listed_slugs(response) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "rave"},
        {"mode": "telepathy"},
        {"language": "xx"},
        {"city": "Atlantis"},
        {"when": "someday"},
        {"page": "two"},
        {"page": "0"},
        {"q": "x" * 201},
    ],
)
def test_list_bad_filter_is_a_translated_400(client, params):
    EventFactory()

    response = client.get("/da/events/", params)

    assert response.status_code == 400
    assert "Ret venligst filtrene" in response.content.decode()


def test_list_page_beyond_the_end_is_404(client):
    EventFactory()

    assert client.get("/en/events/", {"page": "2"}).status_code == 404


def test_list_paginates_twenty_a_page(client):
    start = timezone.now() + timedelta(days=1)
    for day in range(25):
        EventFactory(starts_at=start + timedelta(days=day))

    first = client.get("/en/events/")
    second = client.get("/en/events/", {"page": 2})

    assert (len(first.context["page"].object_list), len(second.context["page"].object_list)) == (
        20,
        5,
    )


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_count_is_constant(client, django_assert_num_queries, count):
    for _ in range(count):
        event = EventFactory()
        SiteFactory(event=event)
        SiteFactory(event=event, city="Aalborg")

    # cities for the filter and the longest event (both cached afterwards), count, page of
    # events, their sites
    with django_assert_num_queries(5):
        response = client.get("/en/events/", {"q": "event", "free": "on"})
    with django_assert_num_queries(3):
        again = client.get("/en/events/", {"q": "event"})

    assert (response.status_code, again.status_code) == (200, 200)


def test_list_shows_fallback_language_of_a_title(client):
    EventFactory(title={"fr": "Rencontre"}, original_language="fr")

    html = client.get("/da/events/").content.decode()

    assert '<a href="/da/events/event-' in html
    assert 'lang="fr">Rencontre</a> <span class="lang-note">(fransk)</span>' in html


def test_unknown_language_prefix_is_404(client):
    assert client.get("/xx/events/").status_code == 404


def test_root_redirects_to_language_of_browser(client):
    response = client.get("/", headers={"accept-language": "nl-BE,nl;q=0.9"})

    assert (response.status_code, response["Location"]) == (302, "/nl/")
