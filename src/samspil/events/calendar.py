"""iCalendar (RFC 5545) files for events, with VTIMEZONE for each event's zone."""

from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samspil.core.i18n import localize
from samspil.events.models import Event, EventStatus

PRODID = "-//Samspil//Samspil events//EN"


def event_location(event: Event) -> str:
    places = [
        ", ".join(part for part in (site.venue, site.address, site.city) if part)
        for site in event.sites.all()
    ]
    places = [place for place in places if place]
    if event.is_online:
        places.append(_("Online"))
    return " / ".join(places)


def event_vevent(event: Event, *, online_url: str = "") -> icalendar.Event:
    """One VEVENT. `online_url` is given only for a registered person's own calendar."""
    zone = event.zone
    url = settings.SITE_URL + event.get_absolute_url()
    summary = localize(event.summary, event.original_language)
    description = "\n\n".join(part for part in (summary, online_url, url) if part)

    vevent = icalendar.Event()
    vevent.add("uid", f"event-{event.pk}@samspil")
    vevent.add("dtstamp", event.updated_at or timezone.now())
    vevent.add("dtstart", event.starts_at.astimezone(zone))
    vevent.add("dtend", event.ends_at.astimezone(zone))
    vevent.add("summary", str(localize(event.title, event.original_language)))
    vevent.add("description", description)
    vevent.add("url", url)
    if location := event_location(event):
        vevent.add("location", location)
    vevent.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    return vevent


def calendar_bytes(vevents: Iterable[icalendar.Event], *, name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for vevent in vevents:
        cal.add_component(vevent)
    cal.add_missing_timezones()
    return cal.to_ical()


def events_calendar(events: Iterable[Event], *, name: str, language: str) -> bytes:
    """A public calendar: never carries an online meeting link."""
    with translation.override(language):
        return calendar_bytes((event_vevent(event) for event in events), name=name)
