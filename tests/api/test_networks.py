from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    CriterionFactory,
    IntakeWindowFactory,
    MembershipFactory,
    NetworkFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_networks_lists_public_networks_with_their_open_intake(client):
    open_network = NetworkFactory(slug="open", name={"en": "Open", "da": "Åben"})
    window = IntakeWindowFactory(network=open_network)
    NetworkFactory(slug="closed")
    NetworkFactory(slug="hidden", is_public=False)

    response = client.get("/api/networks", {"lang": "da"})

    assert response.status_code == 200
    body = response.json()
    assert [item["slug"] for item in body["items"]] == ["closed", "open"]
    closed, opened = body["items"]
    assert closed["open_intake"] is None
    closes_at = datetime.fromisoformat(opened["open_intake"]["closes_at"])
    assert abs(closes_at - window.closes_at) < timedelta(milliseconds=1)
    assert opened["name"] == {"text": "Åben", "language": "da"}
    assert (opened["fee"], opened["fee_with_vat"]) == ("8000.00", "10000.00")


def test_networks_list_runs_constant_queries(client, django_assert_num_queries):
    IntakeWindowFactory(network=NetworkFactory())
    # count, page, intakes
    with django_assert_num_queries(3):
        assert client.get("/api/networks").json()["count"] == 1
    for _number in range(10):
        IntakeWindowFactory(network=NetworkFactory())
    with django_assert_num_queries(3):
        assert client.get("/api/networks").json()["count"] == 11


def test_network_detail_without_the_member_directory(client):
    facilitator = PersonFactory(slug="facilitator", name="Fran", email="fran@example.org")
    network = NetworkFactory(slug="chiefs", facilitator=facilitator)
    CriterionFactory(network=network, text={"en": "You lead innovation"})
    member = MembershipFactory(network=network, person=PersonFactory(email="member@example.org"))
    related = NetworkFactory(slug="related")
    network.related_networks.add(related)
    past = timezone.now() - timedelta(days=60)
    IntakeWindowFactory(network=network, opens_at=past, closes_at=past + timedelta(days=10))

    response = client.get("/api/networks/chiefs")

    body = response.json()
    assert body["facilitator"] == {"slug": "facilitator", "name": "Fran"}
    assert body["criteria"] == [{"text": "You lead innovation", "language": "en"}]
    assert body["open_intake"] is None
    assert body["intake_closed_reason"] == (
        "Intake for this network is closed; applications are not accepted now."
    )
    assert [other["slug"] for other in body["related_networks"]] == ["related"]
    content = response.content.decode()
    assert "fran@example.org" not in content
    assert member.person.name not in content


def test_hidden_or_unknown_network_is_404(client):
    NetworkFactory(slug="hidden", is_public=False)

    for slug in ["hidden", "nothing"]:
        response = client.get(f"/api/networks/{slug}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
