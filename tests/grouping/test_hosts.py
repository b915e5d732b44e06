import itertools

import pytest

from samspil.grouping import GroupingError, HostCandidate, suggest_hosts


def test_suggest_hosts_gives_each_candidate_a_turn_before_anyone_hosts_twice():
    candidates = [
        HostCandidate(key, region)
        for key, region in [("a", "north"), ("b", "north"), ("c", "south"), ("d", "east")]
    ]

    suggestion = suggest_hosts(8, candidates)

    assert sorted(suggestion[:4]) == ["a", "b", "c", "d"]
    assert sorted(suggestion[4:]) == ["a", "b", "c", "d"]


def test_suggest_hosts_starts_with_those_who_hosted_least():
    candidates = [
        HostCandidate("a", "north"),
        HostCandidate("b", "south"),
        HostCandidate("c", "east"),
    ]

    suggestion = suggest_hosts(2, candidates, past_hostings={"a": 2, "b": 1})

    assert suggestion == ["c", "b"]


def test_suggest_hosts_moves_consecutive_meetings_between_regions():
    candidates = [
        HostCandidate("a1", "north"),
        HostCandidate("a2", "north"),
        HostCandidate("b1", "south"),
        HostCandidate("b2", "south"),
    ]

    suggestion = suggest_hosts(4, candidates, previous_region="north")

    regions = [{c.key: c.region for c in candidates}[key] for key in suggestion]
    assert regions == ["south", "north", "south", "north"]
    assert sorted(suggestion) == ["a1", "a2", "b1", "b2"]


def test_suggest_hosts_prefers_who_hosted_longest_ago_among_equals():
    candidates = [HostCandidate("a"), HostCandidate("b"), HostCandidate("c")]

    suggestion = suggest_hosts(
        3, candidates, past_hostings={"a": 1, "b": 1, "c": 1}, last_hosted={"a": 3, "b": 1, "c": 2}
    )

    assert suggestion == ["b", "c", "a"]


def test_suggest_hosts_is_fair_over_a_long_run():
    candidates = [HostCandidate(n, n % 5) for n in range(12)]

    suggestion = suggest_hosts(40, candidates, past_hostings={0: 3, 1: 1})
    counts = {n: suggestion.count(n) + {0: 3, 1: 1}.get(n, 0) for n in range(12)}

    assert max(counts.values()) - min(counts.values()) <= 1
    assert all(
        candidates[a].region != candidates[b].region for a, b in itertools.pairwise(suggestion)
    )


def test_suggest_hosts_with_no_meetings_is_empty():
    assert suggest_hosts(0, []) == []


@pytest.mark.parametrize(
    ("meetings", "candidates", "kwargs"),
    [
        (-1, [HostCandidate("a")], {}),
        (1, [], {}),
        (1, [HostCandidate("a"), HostCandidate("a")], {}),
        (1, [HostCandidate("a")], {"past_hostings": {"a": -1}}),
    ],
)
def test_suggest_hosts_rejects_bad_input(meetings, candidates, kwargs):
    with pytest.raises(GroupingError):
        suggest_hosts(meetings, candidates, **kwargs)
