"""An event page lists the networks it presents; changing them refreshes the cached page."""

import pytest

from tests.factories import EventFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_presenting_a_network_refreshes_the_event_page(client, django_capture_on_commit_callbacks):
    event = EventFactory(slug="meetup")
    network = NetworkFactory(name={"en": "Public innovation network"})
    assert "Public innovation network" not in client.get("/en/events/meetup/").text

    with django_capture_on_commit_callbacks(execute=True):
        network.presented_at.add(event)

    assert "Public innovation network" in client.get("/en/events/meetup/").text

    with django_capture_on_commit_callbacks(execute=True):
        network.name = {"en": "Renamed network"}
        network.save()

    assert "Renamed network" in client.get("/en/events/meetup/").text
