"""Reads of networks that pages share, each scoped to what the caller may see.

Who may do what lives here, in `can_manage_network` and `member_of`, so that
finer organiser roles can extend it in one place.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from samspil.networks.models import (
    Application,
    ApplicationStatus,
    Criterion,
    IntakeWindow,
    Meeting,
    Membership,
    Network,
    Pair,
    PairingPeriod,
    RenewalStatus,
)

# Permissions ------------------------------------------------------------------


def managed_networks(*, user) -> QuerySet[Network]:
    """Every network for staff; a facilitator's or chair's own networks; else none."""
    if not (user.is_authenticated and user.is_active):
        return Network.objects.none()
    if user.is_staff:
        return Network.objects.all()
    return Network.objects.filter(Q(facilitator__user=user) | Q(chair__user=user))


def can_manage_network(*, user, network: Network | None = None) -> bool:
    """Whether the user runs this network (or, without one, any network)."""
    networks = managed_networks(user=user)
    if network is not None:
        networks = networks.filter(pk=network.pk)
    return networks.exists()


def current_memberships(*, today: date | None = None) -> QuerySet[Membership]:
    today = today or timezone.localdate()
    return Membership.objects.filter(starts_on__lte=today, ends_on__gte=today)


def member_of(*, user, network: Network, today: date | None = None) -> Membership | None:
    """The user's current membership of the network, or None."""
    if not user.is_authenticated:
        return None
    return (
        current_memberships(today=today)
        .filter(network=network, person__user=user)
        .select_related("person")
        .first()
    )


# Public pages -------------------------------------------------------------------


def public_networks() -> QuerySet[Network]:
    return Network.objects.filter(is_public=True).prefetch_related(
        Prefetch("intakes", queryset=IntakeWindow.objects.order_by("opens_at"))
    )


def network_detail(*, slug: str) -> Network:
    """The public network page; raises Http404 for unknown or hidden networks."""
    return get_object_or_404(
        Network.objects.filter(is_public=True)
        .select_related("facilitator__organisation", "chair__organisation", "organiser")
        .prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("order", "pk")),
            Prefetch("intakes", queryset=IntakeWindow.objects.order_by("opens_at")),
            Prefetch("related_networks", queryset=Network.objects.filter(is_public=True)),
        ),
        slug=slug,
    )


def networks_of_event(*, event) -> list[Network]:
    """The public networks an event presents or is a meeting of, in one query."""
    return list(
        Network.objects.filter(is_public=True)
        .filter(Q(presented_at=event) | Q(meetings__event=event))
        .distinct()
        .order_by("slug")
    )


# Members' area ---------------------------------------------------------------------


def member_networks(*, user, today: date | None = None) -> list[Membership]:
    """The user's current memberships, with network, invoice and the next term."""
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    return list(
        Membership.objects.filter(person__user=user, ends_on__gte=today)
        .select_related("network", "invoice", "next_term")
        .order_by("starts_on", "pk")
    )


def member_network(*, user, slug: str) -> tuple[Network, Membership | None]:
    """A network the user is a current member of (or manages); else PermissionDenied."""
    network = get_object_or_404(Network, slug=slug)
    membership = member_of(user=user, network=network)
    if membership is None and not can_manage_network(user=user, network=network):
        raise PermissionDenied(_("Only the network's members can see this page."))
    return network, membership


def member_directory(*, network: Network, today: date | None = None) -> list[Membership]:
    """The current members, with what each chose to show."""
    return list(
        current_memberships(today=today)
        .filter(network=network)
        .select_related("person__organisation")
        .order_by("person__name", "pk")
    )


def meeting_plan(*, network: Network) -> list[Meeting]:
    return list(
        Meeting.objects.filter(network=network)
        .select_related("event", "host")
        .order_by("event__starts_at", "pk")
    )


def latest_pairs(*, memberships: list[Membership]) -> dict[int, Pair]:
    """Each membership's newest pair (by its person and network), in two queries."""
    if not memberships:
        return {}
    people = {m.person_id for m in memberships}
    pairs = (
        Pair.objects.filter(
            members__person__in=people,
            period__network__in={m.network_id for m in memberships},
        )
        .select_related("period")
        .prefetch_related(
            Prefetch("members", queryset=Membership.objects.select_related("person__organisation"))
        )
        .order_by("-period__starts_on", "pk")
        .distinct()
    )
    latest: dict[int, Pair] = {}
    for pair in pairs:
        for membership in memberships:
            if membership.pk in latest or pair.period.network_id != membership.network_id:
                continue
            if any(m.person_id == membership.person_id for m in pair.members.all()):
                latest[membership.pk] = pair
    return latest


def member_invoices(*, user) -> list:
    """Invoices of the user's memberships, newest first."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(person__user=user, invoice__isnull=False)
        .select_related("invoice", "network")
        .order_by("-starts_on", "pk")
    )


# Organiser's desk -------------------------------------------------------------------


@dataclass
class NetworkDesk:
    network: Network
    applications: list[Application]
    members: list[Membership]
    periods: list[PairingPeriod]
    meetings: list[Meeting] = field(default_factory=list)
    counts: dict = field(default_factory=dict)


def desk_network(*, user, slug: str, today: date | None = None) -> NetworkDesk:
    today = today or timezone.localdate()
    network = get_object_or_404(managed_networks(user=user), slug=slug)
    applications = list(network.applications.select_related("intake").order_by("-created_at"))
    members = list(
        Membership.objects.filter(network=network, ends_on__gte=today)
        .select_related("person__organisation", "invoice", "next_term")
        .order_by("person__name", "starts_on")
    )
    periods = list(
        network.periods.annotate(
            pair_count=Count("pairs"),
            met_count=Count("pairs", filter=Q(pairs__met_on__isnull=False)),
        ).order_by("-starts_on")
    )
    counts = {
        "pending": sum(1 for a in applications if a.status == ApplicationStatus.PENDING),
        "waiting": sum(1 for a in applications if a.status == ApplicationStatus.WAITING),
        **{
            status: sum(1 for m in members if m.renewal == status)
            for status in RenewalStatus.values
        },
    }
    return NetworkDesk(
        network=network,
        applications=applications,
        members=members,
        periods=periods,
        meetings=meeting_plan(network=network),
        counts=counts,
    )


def desk_application(*, user, slug: str, pk: int) -> Application:
    network = get_object_or_404(managed_networks(user=user), slug=slug)
    return get_object_or_404(
        Application.objects.select_related("network", "intake", "decided_by"),
        network=network,
        pk=pk,
    )


def desk_meeting(*, user, slug: str, pk: int) -> Meeting:
    network = get_object_or_404(managed_networks(user=user), slug=slug)
    return get_object_or_404(
        Meeting.objects.select_related("event", "host"), network=network, pk=pk
    )


def host_candidates(*, network: Network, today: date | None = None):
    """The current members' organisations, with how often and when each has hosted."""
    organisations = {}
    for membership in member_directory(network=network, today=today):
        organisation = membership.person.organisation
        if organisation is not None:
            organisations.setdefault(organisation.pk, organisation)
    hosted = (
        Meeting.objects.filter(
            network=network, host__isnull=False, event__starts_at__lt=timezone.now()
        )
        .select_related("event")
        .order_by("event__starts_at")
    )
    counts: dict[int, int] = {}
    last: dict[int, int] = {}
    for position, meeting in enumerate(hosted, start=1):
        counts[meeting.host_id] = counts.get(meeting.host_id, 0) + 1
        last[meeting.host_id] = position
    return list(organisations.values()), counts, last
