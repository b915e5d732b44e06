"""Invalidate cached public pages when what they show changes (samspil.core.pagecache)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from samspil.core.pagecache import content_changed
from samspil.events.models import AgendaItem, Event, EventRole, Series, Site
from samspil.people.models import Organisation, Person


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loading fixtures: nothing is cached for them yet
    content_changed()


def connect() -> None:
    for model in (Event, Site, AgendaItem, EventRole, Series, Person, Organisation):
        post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}"
        )
    for through in (Site.co_hosts.through, AgendaItem.speakers.through):
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"pagecache-m2m-{through}")
