"""API token use cases. Tokens are shown once, at creation; only their hash is kept."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samspil.api.models import SHOWN_LENGTH, ApiToken, new_api_token, token_hash
from samspil.core.services import audit_log_create
from samspil.events.models import Event
from samspil.people.models import Organisation


def api_token_create(
    *,
    name: str,
    created_by,
    organisation: Organisation | None = None,
    event: Event | None = None,
) -> tuple[ApiToken, str]:
    """Create a token for one organisation or one event; returns it with the secret token.

    The secret is not stored (only its SHA-256 hash) and cannot be shown again.
    Side effects: the token row and an audit row. Raises ValidationError, and
    changes nothing, unless exactly one of `organisation` and `event` is given
    or when the name is empty.
    """
    if (organisation is None) == (event is None):
        raise ValidationError(
            _("Choose either an organisation or an event for the token."), code="scope"
        )
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the token a name."), code="name")
    secret = new_api_token()
    with transaction.atomic():
        token = ApiToken.objects.create(
            name=name,
            prefix=secret[:SHOWN_LENGTH],
            token_hash=token_hash(secret),
            organisation=organisation,
            event=event,
            created_by=created_by,
        )
        audit_log_create(
            actor=created_by,
            action="api_token.create",
            target=token,
            organisation=organisation.pk if organisation else None,
            event=event.pk if event else None,
        )
    return token, secret


def api_token_revoke(*, token: ApiToken, actor, now: datetime | None = None) -> ApiToken:
    """Revoke a token for good; revoking it again changes nothing. Side effect: audit row."""
    now = now or timezone.now()
    with transaction.atomic():
        updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=now
        )
        token.refresh_from_db(fields=["revoked_at"])
        if updated:
            audit_log_create(actor=actor, action="api_token.revoke", target=token)
    return token


def api_token_mark_used(*, token: ApiToken, now: datetime | None = None) -> None:
    """Record when the token was last used (one UPDATE, no audit row)."""
    now = now or timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
