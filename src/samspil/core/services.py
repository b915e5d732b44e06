from django.db import models

from samspil.core.models import AuditLog


def audit_log_create(*, actor, action: str, target: models.Model, **data) -> AuditLog:
    """Record that `actor` (a user, or None for the person concerned or the system) did `action`."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditLog.objects.create(
        actor=actor,
        action=action,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        data=data,
    )
