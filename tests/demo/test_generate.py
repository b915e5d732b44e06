from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from samspil.events.models import Event, EventStatus
from samspil.registrations.models import Registration, RegistrationStatus

pytestmark = pytest.mark.django_db


def test_generate_fills_the_database_and_prints_timings(client):
    out = StringIO()

    call_command("generate", events=40, registrations=3000, stdout=out)

    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines[:4]] == [
        "organisations",
        "people",
        "events with sites, agenda and roles",
        "registrations",
    ]
    assert lines[-1].startswith(
        "Generated 20 organisations, 50 people, 40 events, 3000 registrations in "
    )
    assert Event.objects.count() == 40
    assert Registration.objects.count() == 3000
    assert not Registration.objects.filter(event__status=EventStatus.DRAFT).exists()
    assert all(event.sites.exists() for event in Event.objects.all())
    assert Event.objects.exclude(search_text="").count() == 40
    # Never more confirmed than the capacity; the rest wait or cancelled.
    for event in Event.objects.annotate(n=Count("registrations")).filter(n__gt=0):
        statuses = Counter(event.registrations.values_list("status", flat=True))
        assert statuses[RegistrationStatus.CONFIRMED] <= event.capacity
        if statuses[RegistrationStatus.WAITING]:
            assert statuses[RegistrationStatus.CONFIRMED] == event.capacity
    assert client.get("/en/events/").status_code == 200


def test_generate_twice_adds_more(client):
    call_command("generate", events=5, registrations=100, stdout=StringIO())
    call_command("generate", events=5, registrations=100, stdout=StringIO())

    assert (Event.objects.count(), Registration.objects.count()) == (10, 200)


def test_generate_refuses_nonsense():
    with pytest.raises(CommandError, match="--events must be at least 1"):
        call_command("generate", events=0, registrations=10, stdout=StringIO())
