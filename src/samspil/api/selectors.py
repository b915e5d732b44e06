"""Reads of the API's own data: tokens and what a token may reach.

A token's reach is its creator's desk scope (`registrations.selectors.desk_scope`:
which sites' participants they may see), narrowed to the token's organisation
or event. So the desk and the API follow one rule, and when the desk's rule
grows (roles for organisers and co-hosts) tokens follow it.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from samspil.api.models import ApiToken, token_hash
from samspil.events.models import Event, Site
from samspil.registrations.models import Registration
from samspil.registrations.selectors import DeskScope, desk_scope


def api_token_by_secret(*, secret: str) -> ApiToken | None:
    """The unrevoked token with this secret, with its creator; None for anything else."""
    return (
        ApiToken.objects.select_related("created_by")
        .filter(token_hash=token_hash(secret), revoked_at__isnull=True)
        .first()
    )


def api_token_creator_may_act(token: ApiToken) -> bool:
    """A token acts for its creator, who must still be active staff."""
    user = token.created_by
    return user is not None and user.is_active and user.is_staff


@dataclass(frozen=True)
class ApiScope:
    """What one token reaches: its creator's desk scope, within its organisation or event.

    Has the desk scope's methods, so the desk's selectors (`desk_event`,
    `desk_participants`, ...) take it as their `scope`.
    """

    desk: DeskScope
    organisation_id: int | None = None
    event_id: int | None = None

    def events(self, events: QuerySet[Event]) -> QuerySet[Event]:
        events = self.desk.events(events)
        if self.event_id is not None:
            return events.filter(pk=self.event_id)
        return events.filter(organiser_id=self.organisation_id)

    def sites(self, sites: QuerySet[Site]) -> QuerySet[Site]:
        return self.desk.sites(sites)

    def registrations(self, registrations: QuerySet[Registration]) -> QuerySet[Registration]:
        return self.desk.registrations(registrations)

    def __getattr__(self, name: str):
        # The desk scope's other helpers apply as they are: every read here is within
        # one event the token reaches, and `events` above already narrowed to those.
        if name == "desk":
            raise AttributeError(name)
        return getattr(self.desk, name)


def api_scope(*, token: ApiToken) -> ApiScope:
    return ApiScope(
        desk=desk_scope(user=token.created_by),
        organisation_id=token.organisation_id,
        event_id=token.event_id,
    )


def api_events(*, scope: ApiScope) -> QuerySet[Event]:
    """The events a token reaches, latest first, with organiser and sites."""
    return (
        scope.events(Event.objects.all())
        .select_related("organiser")
        .prefetch_related(
            Prefetch("sites", queryset=scope.sites(Site.objects.order_by("order", "pk")))
        )
        .order_by("-starts_at", "-pk")
    )
