"""A registration that changes alters its event's seats: its cached page is stale."""

from django.db.models.signals import post_delete, post_save

from samspil.core.pagecache import event_changed
from samspil.events.models import Event
from samspil.registrations.models import Registration


def _registration_changed(sender, instance: Registration, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    if Registration.event.is_cached(instance):
        slug = instance.event.slug
    else:
        slug = Event.objects.filter(pk=instance.event_id).values_list("slug", flat=True).first()
    if slug:
        event_changed(slug)


def connect() -> None:
    post_save.connect(_registration_changed, sender=Registration, dispatch_uid="pagecache-reg")
    post_delete.connect(
        _registration_changed, sender=Registration, dispatch_uid="pagecache-reg-delete"
    )
