from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samspil.events.models import Event, Site
from samspil.events.selectors import public_events
from samspil.people.models import Person
from samspil.registrations.models import Question, Registration, RegistrationStatus


def registration_by_token(*, token: str) -> Registration:
    """The registration behind a personal link; 404 for any other string."""
    return get_object_or_404(
        Registration.objects.select_related("event__organiser", "site").prefetch_related(
            "event__sites"
        ),
        token=token,
    )


def event_for_registration(*, slug: str) -> tuple[Event, list[Question]]:
    event = get_object_or_404(public_events().prefetch_related("sites"), slug=slug)
    return event, list(event.questions.all())


# The organiser's desk --------------------------------------------------------
# Staff pages over one event's registrations. Every read is scoped by
# `DeskScope`; every page runs a fixed number of queries.


@dataclass(frozen=True)
class DeskScope:
    """Which events and participants one user may see at the desk. The one place the
    desk's roles are decided (the API's tokens reuse it):

    - centre staff (`all_sites`): every event, every participant;
    - event organisers (`organisation_ids`): every site of the events their
      organisation organises;
    - site co-hosts (`site_ids`): the participants of the sites their
      organisation co-hosts, and nothing else of those events.
    """

    all_sites: bool
    site_ids: frozenset[int] = frozenset()
    organisation_ids: frozenset[int] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.all_sites or self.site_ids or self.organisation_ids)

    def whole_event(self, event: Event) -> bool:
        """May see (and mail) every site of `event`: staff, or its organiser."""
        return self.all_sites or event.organiser_id in self.organisation_ids

    def registration_q(self, prefix: str = "") -> Q | None:
        """The registrations in scope, reached through `prefix`; None for all."""
        if self.all_sites:
            return None
        return Q(**{f"{prefix}event__organiser_id__in": self.organisation_ids}) | Q(
            **{f"{prefix}site_id__in": self.site_ids}
        )

    def events(self, events: QuerySet[Event]) -> QuerySet[Event]:
        if self.all_sites:
            return events
        return events.filter(
            Q(organiser_id__in=self.organisation_ids)
            | Exists(Site.objects.filter(event=OuterRef("pk"), pk__in=self.site_ids))
        )

    def sites(self, sites: QuerySet[Site]) -> QuerySet[Site]:
        if self.all_sites:
            return sites
        return sites.filter(
            Q(event__organiser_id__in=self.organisation_ids) | Q(pk__in=self.site_ids)
        )

    def registrations(self, registrations: QuerySet[Registration]) -> QuerySet[Registration]:
        condition = self.registration_q()
        return registrations if condition is None else registrations.filter(condition)


NO_SCOPE = DeskScope(all_sites=False)


def desk_scope(*, user) -> DeskScope:
    """The desk scope of `user`: staff with the permission "Can view registration" see
    everything; otherwise the grants `events.organise_events` and `events.cohost_sites`
    reach what the organisation of the user's person organises or co-hosts."""
    if not user.is_authenticated or not user.is_active:
        return NO_SCOPE
    if user.is_superuser or user.has_perm("registrations.view_registration"):
        return DeskScope(all_sites=True)
    person = Person.objects.filter(user=user).only("organisation_id").first()
    if person is None or person.organisation_id is None:
        return NO_SCOPE
    organisation_ids = frozenset()
    site_ids = frozenset()
    if user.has_perm("events.organise_events"):
        organisation_ids = frozenset({person.organisation_id})
    if user.has_perm("events.cohost_sites"):
        site_ids = frozenset(
            Site.objects.filter(co_hosts=person.organisation_id).values_list("pk", flat=True)
        )
    return DeskScope(all_sites=False, site_ids=site_ids, organisation_ids=organisation_ids)


S = RegistrationStatus


def seat_held(now: datetime, prefix: str = "") -> Q:
    """Registrations that hold a seat: confirmed, and offers that have not run out.

    `prefix` reaches them through a relation, e.g. "registrations__" from Event.
    """
    return Q(**{prefix + "status": S.CONFIRMED}) | Q(
        **{prefix + "status": S.OFFERED, prefix + "offer_expires_at__gt": now}
    )


def _status_counts(now: datetime, prefix: str = "", within: Q | None = None) -> dict[str, Count]:
    """Count(filter=...) per figure, over registrations reached through `prefix`
    ("" from Registration, "registrations__" from Event), limited to `within`."""

    def count(**lookups) -> Count:
        condition = Q(**{prefix + name: value for name, value in lookups.items()})
        return Count(prefix + "pk", filter=condition & within if within else condition)

    held = seat_held(now, prefix)
    return {
        "confirmed": count(status=S.CONFIRMED),
        "offered": count(status=S.OFFERED),
        "waiting": count(status=S.WAITING),
        "unconfirmed": count(status=S.UNCONFIRMED),
        "cancelled": count(status=S.CANCELLED),
        "checked_in": count(checked_in_at__isnull=False),
        "held": Count(prefix + "pk", filter=held & within if within else held),
    }


COUNT_NAMES = ["confirmed", "offered", "waiting", "unconfirmed", "cancelled", "checked_in", "held"]


@dataclass
class DeskCounts:
    """Registration figures of one site, or of a whole event (`site` None)."""

    site: Site | None
    capacity: int | None
    confirmed: int = 0
    offered: int = 0
    waiting: int = 0
    unconfirmed: int = 0
    cancelled: int = 0
    checked_in: int = 0
    held: int = 0

    @property
    def fill_percent(self) -> int | None:
        """Seats held against capacity, rounded; None without a capacity."""
        if not self.capacity:
            return None
        return round(100 * self.held / self.capacity)

    def add(self, row: dict) -> None:
        for name in COUNT_NAMES:
            setattr(self, name, getattr(self, name) + row[name])


def desk_events(
    *, scope: DeskScope, now: datetime | None = None, recent_days: int = 30
) -> tuple[list[Event], list[Event]]:
    """Upcoming events (soonest first) and those of the last `recent_days` (latest first),
    with their counts as attributes. Two queries."""
    now = now or timezone.now()
    events = scope.events(Event.objects.all())
    within = scope.registration_q(prefix="registrations__")
    counts = _status_counts(now, prefix="registrations__", within=within)
    upcoming = events.filter(ends_at__gte=now).annotate(**counts).order_by("starts_at", "pk")
    recent = (
        events.filter(ends_at__lt=now, ends_at__gte=now - timedelta(days=recent_days))
        .annotate(**counts)
        .order_by("-starts_at", "-pk")
    )
    return list(upcoming), list(recent)


def desk_event(*, slug: str, scope: DeskScope) -> Event:
    """An event in the scope, with its sites (ordered) prefetched; 404 otherwise."""
    return get_object_or_404(
        scope.events(Event.objects.all()).prefetch_related(
            Prefetch("sites", queryset=scope.sites(Site.objects.order_by("order", "pk")))
        ),
        slug=slug,
    )


def desk_counts(
    *, event: Event, scope: DeskScope, now: datetime | None = None
) -> tuple[DeskCounts, list[DeskCounts]]:
    """The event's totals and each visible site's figures, in one grouped query.

    `event` comes from `desk_event` (sites prefetched). The event's capacity is
    its own, or else the sum of its sites' where every site has one.
    """
    now = now or timezone.now()
    sites = list(event.sites.all())
    by_site = {site.pk: DeskCounts(site=site, capacity=site.capacity) for site in sites}
    site_capacities = [site.capacity for site in sites]
    total_capacity = event.capacity
    whole = scope.whole_event(event)
    if total_capacity is None and sites and None not in site_capacities and whole:
        total_capacity = sum(site_capacities)
    total = DeskCounts(site=None, capacity=total_capacity)
    rows = (
        scope.registrations(Registration.objects.filter(event=event))
        .order_by()
        .values("site_id")
        .annotate(**_status_counts(now))
    )
    for row in rows:
        total.add(row)
        if row["site_id"] in by_site:
            by_site[row["site_id"]].add(row)
    return total, list(by_site.values())


@dataclass(frozen=True)
class ParticipantFilters:
    status: str = ""
    site_id: int | None = None
    role_category: str = ""
    query: str = ""


def desk_participants(
    *, event: Event, scope: DeskScope, filters: ParticipantFilters
) -> QuerySet[Registration]:
    """The event's registrations matching the filters, by name, with their site."""
    registrations = scope.registrations(Registration.objects.filter(event=event))
    if filters.status:
        registrations = registrations.filter(status=filters.status)
    if filters.site_id is not None:
        registrations = registrations.filter(site_id=filters.site_id)
    if filters.role_category:
        registrations = registrations.filter(role_category=filters.role_category)
    for word in filters.query.split():
        registrations = registrations.filter(
            Q(name__icontains=word) | Q(email__icontains=word) | Q(organisation__icontains=word)
        )
    return registrations.select_related("site").order_by("name", "pk")


def desk_waiting_list(*, event: Event, scope: DeskScope) -> list[Registration]:
    """Who waits for a seat, first in line first: the order promotion follows."""
    return list(
        scope.registrations(event.registrations.filter(status=S.WAITING))
        .select_related("site")
        .order_by("waiting_since", "pk")
    )


def desk_registration(*, event: Event, scope: DeskScope, pk: int) -> Registration:
    return get_object_or_404(
        scope.registrations(Registration.objects.filter(event=event)).select_related("event"),
        pk=pk,
    )


def desk_check_in_count(*, event: Event, scope: DeskScope) -> dict[str, int]:
    """How many confirmed participants have arrived: {"checked_in": ..., "confirmed": ...}."""
    return scope.registrations(
        Registration.objects.filter(event=event, status=S.CONFIRMED)
    ).aggregate(
        confirmed=Count("pk"),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
