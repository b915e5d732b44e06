from datetime import UTC, datetime, timedelta

import icalendar
import ics
import pytest
from django.utils import timezone

from samspil.events.models import EventMode, EventStatus
from tests.factories import EventFactory, SiteFactory

pytestmark = pytest.mark.django_db


def test_event_ics_is_valid_and_keeps_the_events_zone(client):
    event = EventFactory(
        slug="meetup",
        title={"en": "Lessons from the crisis", "fr": "Les leçons de la crise"},
        time_zone="Europe/Brussels",
        starts_at=datetime(2030, 11, 26, 10, 0, tzinfo=UTC),
        ends_at=datetime(2030, 11, 26, 11, 30, tzinfo=UTC),
    )
    SiteFactory(event=event, venue="BOSA", address="Rue Marie-Thérèse 1", city="Brussels")

    response = client.get("/fr/events/meetup/calendar.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/Brussels"
    assert vevent["SUMMARY"] == "Les leçons de la crise"
    assert vevent.decoded("DTSTART").isoformat() == "2030-11-26T11:00:00+01:00"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert vevent["LOCATION"] == "BOSA, Rue Marie-Thérèse 1, Brussels"
    assert vevent["UID"] == f"event-{event.pk}@samspil"

    # A second, independent parser reads the same file.
    (parsed,) = ics.Calendar(response.content.decode()).events
    assert parsed.name == "Les leçons de la crise"
    assert parsed.begin.datetime.astimezone(UTC) == datetime(2030, 11, 26, 10, 0, tzinfo=UTC)


def test_feed_lists_public_events_without_online_links(client):
    EventFactory(
        slug="cafe", title={"en": "Café"}, mode=EventMode.ONLINE, online_url="https://zoom.us/j/1"
    )
    EventFactory(slug="cancelled", title={"en": "Called off"}, status=EventStatus.CANCELLED)
    EventFactory(slug="draft", title={"en": "Not yet"}, status=EventStatus.DRAFT)
    EventFactory(title={"en": "Long ago"}, starts_at=timezone.now() - timedelta(days=800))

    response = client.get("/en/events/feed.ics")

    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(vevent["SUMMARY"]): str(vevent["STATUS"]) for vevent in calendar.walk("VEVENT")}
    assert events == {"Café": "CONFIRMED", "Called off": "CANCELLED"}
    assert b"zoom.us" not in response.content
    assert len(ics.Calendar(response.content.decode()).events) == 2


@pytest.mark.parametrize("count", [1, 15])
def test_feed_query_count_is_constant(client, django_assert_num_queries, count):
    for _ in range(count):
        SiteFactory(event=EventFactory())

    with django_assert_num_queries(2):
        client.get("/en/events/feed.ics")
