"""Invalidate cached public pages when a network an event page lists changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from samspil.core.pagecache import content_changed
from samspil.networks.models import Meeting, Network


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loading fixtures: nothing is cached for them yet
    content_changed()


def connect() -> None:
    for model in (Network, Meeting):
        post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}"
        )
    m2m_changed.connect(
        _changed, sender=Network.presented_at.through, dispatch_uid="pagecache-m2m-presented"
    )
