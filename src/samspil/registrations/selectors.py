from django.shortcuts import get_object_or_404

from samspil.events.models import Event
from samspil.events.selectors import public_events
from samspil.registrations.models import Question, Registration


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
