"""Read queries for event pages, feeds and (later) the API.

Each page runs a fixed number of queries, whatever the number of events,
sites or people: relations are fetched with select_related/prefetch_related.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import (
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    TextField,
)
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samspil.core.pagecache import content_cached
from samspil.events.models import AgendaItem, Event, EventRole, EventRoleKind, EventStatus, Site
from samspil.people.models import Organisation, Person

PUBLIC_STATUSES = [EventStatus.PUBLISHED, EventStatus.CANCELLED]


@dataclass(frozen=True)
class EventFilters:
    query: str = ""
    kind: str = ""
    mode: str = ""
    city: str = ""
    language: str = ""
    free_only: bool = False
    past: bool = False


def public_events() -> QuerySet[Event]:
    """Events anyone may see: published ones, and cancelled ones so people learn of it."""
    return Event.objects.filter(status__in=PUBLIC_STATUSES)


def event_list(*, filters: EventFilters, now: datetime | None = None) -> QuerySet[Event]:
    """Public events matching the filters: upcoming soonest first, or past latest first."""
    now = now or timezone.now()
    events = public_events()
    if filters.past:
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    else:
        # The second condition follows from the first; it lets the database walk its
        # index of start times from just before now instead of from the oldest event.
        events = events.filter(
            ends_at__gte=now, starts_at__gte=now - longest_public_event()
        ).order_by("starts_at", "pk")
    for word in filters.query.casefold().split():
        events = events.filter(search_text__contains=word)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.mode:
        events = events.filter(mode=filters.mode)
    if filters.city:
        events = events.filter(Exists(Site.objects.filter(event=OuterRef("pk"), city=filters.city)))
    if filters.language:
        # `languages` is a JSON list of validated codes. JSON containment has no
        # SQLite lookup, so match the quoted code in the JSON text instead.
        events = events.alias(languages_text=Cast("languages", TextField())).filter(
            languages_text__contains=f'"{filters.language}"'
        )
    if filters.free_only:
        events = events.filter(Q(price__isnull=True) | Q(price=0))
    return events.select_related("organiser", "series").prefetch_related(
        Prefetch("sites", queryset=Site.objects.order_by("order", "pk"))
    )


def longest_public_event() -> timedelta:
    """How long the longest public event lasts (cached until events change)."""

    def compute() -> timedelta:
        duration = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())
        longest = public_events().aggregate(longest=Max(duration))["longest"]
        return longest or timedelta(0)

    return content_cached("events:longest", compute)


def event_cities() -> list[str]:
    """Cities that public events take place in, for the city filter (cached until events
    or sites change)."""
    return content_cached(
        "events:cities",
        lambda: list(
            Site.objects.filter(event__status__in=PUBLIC_STATUSES)
            .exclude(city="")
            .values_list("city", flat=True)
            .order_by("city")
            .distinct()
        ),
    )


@dataclass
class SiteDetail:
    site: Site
    # Plain dicts, not defaultdicts: a template's `roles.items` would look up the key "items".
    roles: dict[str, list[EventRole]] = field(default_factory=dict)
    agenda: list[AgendaItem] = field(default_factory=list)


@dataclass
class EventDetail:
    event: Event
    roles: dict[str, list[EventRole]]
    sites: list[SiteDetail]
    agenda: list[AgendaItem]

    @property
    def speakers(self) -> list[EventRole]:
        return self.roles.get(EventRoleKind.SPEAKER, [])

    @property
    def contacts(self) -> list[EventRole]:
        return self.roles.get(EventRoleKind.CONTACT, [])

    @property
    def hosts(self) -> list[EventRole]:
        kinds = [
            EventRoleKind.HOST,
            EventRoleKind.MODERATOR,
            EventRoleKind.FACILITATOR,
            EventRoleKind.CO_HOST,
        ]
        return [role for kind in kinds for role in self.roles.get(kind, [])]


def event_detail(*, slug: str) -> EventDetail:
    """Everything the public event page shows; raises Http404 for unknown or draft events."""
    event = get_object_or_404(
        public_events()
        .select_related("organiser", "series")
        .prefetch_related(
            Prefetch("sites", queryset=Site.objects.prefetch_related("co_hosts")),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("site").prefetch_related("speakers"),
            ),
            Prefetch(
                "roles",
                queryset=EventRole.objects.select_related("person__organisation", "site"),
            ),
        ),
        slug=slug,
    )
    sites = {site.pk: SiteDetail(site) for site in event.sites.all()}
    roles: dict[str, list[EventRole]] = {}
    for role in event.roles.all():
        target = sites[role.site_id].roles if role.site_id else roles
        target.setdefault(role.kind, []).append(role)
    agenda = []
    for item in event.agenda_items.all():
        if item.site_id:
            sites[item.site_id].agenda.append(item)
        else:
            agenda.append(item)
    return EventDetail(event=event, roles=roles, sites=list(sites.values()), agenda=agenda)


def calendar_feed_events(*, now: datetime | None = None) -> QuerySet[Event]:
    """The subscribable feed: upcoming events and those of the last year."""
    now = now or timezone.now()
    return (
        public_events()
        .filter(ends_at__gte=now - timedelta(days=365))
        .select_related("organiser")
        .prefetch_related("sites")
        .order_by("starts_at", "pk")
    )


def public_people() -> QuerySet[Person]:
    """People with a role at a public event: speakers, hosts, contacts. Nobody else
    (a registrant, say) gets a public page."""
    return Person.objects.filter(
        Exists(EventRole.objects.filter(person=OuterRef("pk"), event__status__in=PUBLIC_STATUSES))
    )


def person_detail(*, slug: str) -> Person:
    """A person with their roles at public events (`public_roles`)."""
    roles = (
        EventRole.objects.filter(event__status__in=PUBLIC_STATUSES)
        .select_related("event", "site")
        .order_by("-event__starts_at", "pk")
    )
    return get_object_or_404(
        public_people()
        .select_related("organisation")
        .prefetch_related(Prefetch("event_roles", queryset=roles, to_attr="public_roles")),
        slug=slug,
    )


def organisation_detail(*, slug: str) -> Organisation:
    """An organisation with its people, the public events it organises and the sites it co-hosts."""
    events = Event.objects.filter(status__in=PUBLIC_STATUSES).order_by("-starts_at", "pk")
    sites = (
        Site.objects.filter(event__status__in=PUBLIC_STATUSES)
        .select_related("event")
        .order_by("-event__starts_at", "pk")
    )
    return get_object_or_404(
        Organisation.objects.prefetch_related(
            Prefetch("people", queryset=public_people(), to_attr="public_people"),
            Prefetch("organised_events", queryset=events, to_attr="public_events"),
            Prefetch("co_hosted_sites", queryset=sites, to_attr="public_sites"),
        ),
        slug=slug,
    )
