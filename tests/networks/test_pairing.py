from datetime import date, timedelta
from itertools import combinations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samspil.networks import services
from samspil.networks.models import Pair
from tests.factories import MembershipFactory, NetworkFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def members(network, count: int, organisations: int = 10):
    orgs = [
        OrganisationFactory(region=["Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland"][n % 4])
        for n in range(organisations)
    ]
    today = timezone.localdate()
    return [
        MembershipFactory(
            network=network,
            person=PersonFactory(organisation=orgs[n % organisations]),
            starts_on=today - timedelta(days=400),
            ends_on=today + timedelta(days=800),
        )
        for n in range(count)
    ]


def pairs_of(period) -> list[frozenset[int]]:
    return [frozenset(m.pk for m in pair.members.all()) for pair in period.pairs.all()]


def test_pairing_30_members_over_8_periods_repeats_no_pair():
    network = NetworkFactory()
    memberships = members(network, 30)
    today = timezone.localdate()
    seen: set[frozenset[int]] = set()

    for n in range(8):
        starts = today - timedelta(days=360) + timedelta(days=91 * n)
        period = services.pairing_period_create(
            network=network,
            label=f"P{n}",
            starts_on=starts,
            ends_on=starts + timedelta(days=90),
            actor=None,
        )
        pairs = pairs_of(period)
        assert len(pairs) == 15
        assert sorted(pk for pair in pairs for pk in pair) == sorted(m.pk for m in memberships)
        met = {frozenset(p) for pair in pairs for p in combinations(sorted(pair), 2)}
        assert met.isdisjoint(seen)
        seen |= met

    assert len(seen) == 8 * 15


def test_pairing_counts_a_member_renewing_within_the_period_once():
    network = NetworkFactory()
    first, *others = members(network, 3)
    today = timezone.localdate()
    first.ends_on = today
    first.save(update_fields=["ends_on"])
    renewed = MembershipFactory(
        network=network,
        person=first.person,
        starts_on=today + timedelta(days=1),
        ends_on=today + timedelta(days=365),
    )

    period = services.pairing_period_create(
        network=network,
        label="Q",
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=60),
        actor=None,
    )

    assert pairs_of(period) == [frozenset([renewed.pk, *(m.pk for m in others)])]


def test_pairing_prefers_other_organisations():
    network = NetworkFactory()
    memberships = members(network, 10, organisations=5)
    organisation = {m.pk: m.person.organisation_id for m in memberships}

    period = services.pairing_period_create(
        network=network,
        label="2026 Q1",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=90),
        actor=None,
    )

    for pair in pairs_of(period):
        a, b = sorted(pair)
        assert organisation[a] != organisation[b]


def test_pairing_an_odd_count_makes_one_trio():
    network = NetworkFactory()
    members(network, 7)

    period = services.pairing_period_create(
        network=network,
        label="2026 Q1",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=90),
        actor=None,
    )

    assert sorted(len(pair) for pair in pairs_of(period)) == [2, 2, 3]


def test_pairing_the_same_period_twice_is_refused():
    network = NetworkFactory()
    members(network, 4)
    day = timezone.localdate()
    services.pairing_period_create(
        network=network, label="Q", starts_on=day, ends_on=day + timedelta(days=9), actor=None
    )

    with pytest.raises(ValidationError) as error:
        services.pairing_period_create(
            network=network, label="Q", starts_on=day, ends_on=day + timedelta(days=9), actor=None
        )

    assert error.value.code == "exists"
    assert Pair.objects.count() == 2


def test_pairing_needs_two_members():
    network = NetworkFactory()
    members(network, 1)
    day = timezone.localdate()

    with pytest.raises(ValidationError) as error:
        services.pairing_period_create(
            network=network, label="Q", starts_on=day, ends_on=day + timedelta(days=9), actor=None
        )

    assert error.value.code == "few"


def test_member_marks_their_pair_met_and_outsiders_cannot():
    network = NetworkFactory()
    trio = members(network, 3)
    first = trio[0]
    day = timezone.localdate()
    period = services.pairing_period_create(
        network=network, label="Q", starts_on=day, ends_on=day + timedelta(days=9), actor=None
    )
    pair = period.pairs.get()
    assert sorted(m.pk for m in pair.members.all()) == sorted(m.pk for m in trio)
    lonely = MembershipFactory()

    with pytest.raises(ValidationError):
        services.pair_mark_met(pair=pair, membership=lonely, met_on=day)
    with pytest.raises(ValidationError):
        services.pair_mark_met(pair=pair, membership=first, met_on=day + timedelta(days=1))
    services.pair_mark_met(pair=pair, membership=first, met_on=date(2020, 1, 1))

    pair.refresh_from_db()
    assert (pair.met_on, pair.marked_by) == (date(2020, 1, 1), first)
