"""Rounds without repeats: Kirkman's schoolgirls, social golfers, earlier meetings, bounds."""

import itertools

import numpy as np
import pytest

from samspil.grouping import GroupingError, repeat_lower_bound, rounds_without_repeats
from samspil.grouping.rounds import _Schedule


def meetings(rounds, n, earlier=()):
    count = np.zeros((n, n), dtype=int)
    for i, j in earlier:
        count[i, j] = count[j, i] = 1
    for groups in rounds:
        for group in groups:
            for i, j in itertools.combinations(group, 2):
                count[i, j] += 1
                count[j, i] += 1
    return count


def assert_rounds_are_partitions(rounds, n, sizes):
    for groups in rounds:
        assert sorted(p for g in groups for p in g) == list(range(n))
        assert sorted(len(g) for g in groups) == sorted(sizes)


def test_rounds_kirkman_schoolgirls_no_repeats():
    result = rounds_without_repeats(15, rounds=7, group_size=3, time_limit=10, seed=0)
    assert result.repeats == 0
    assert_rounds_are_partitions(result.rounds, 15, [3] * 5)
    met = meetings(result.rounds, 15)
    # 7 rounds of 5 triples cover all 105 pairs exactly once.
    assert met[np.triu_indices(15, 1)].tolist() == [1] * 105


@pytest.mark.parametrize(("n", "size", "rounds"), [(9, 3, 4), (16, 4, 5), (12, 3, 4), (20, 4, 5)])
def test_rounds_small_designs_no_repeats(n, size, rounds):
    result = rounds_without_repeats(n, rounds=rounds, group_size=size, time_limit=10, seed=1)
    assert result.repeats == 0
    assert result.repeated_pairs == []
    assert int(meetings(result.rounds, n).max()) == 1


def test_rounds_social_golfers_8_4_seven_rounds_no_repeats():
    result = rounds_without_repeats(32, rounds=7, group_size=4, time_limit=10, seed=0)
    assert result.repeats == 0
    assert_rounds_are_partitions(result.rounds, 32, [4] * 8)
    assert int(meetings(result.rounds, 32).max()) == 1


@pytest.mark.parametrize(
    ("n", "size", "rounds", "fewest"),
    [(9, 3, 5, 9), (4, 2, 4, 2), (6, 2, 6, 3), (16, 4, 6, 24)],
)
def test_rounds_repeats_minimised_when_unavoidable(n, size, rounds, fewest):
    result = rounds_without_repeats(n, rounds=rounds, group_size=size, time_limit=10, seed=2)
    assert result.lower_bound == fewest
    assert result.repeats == fewest
    count = meetings(result.rounds, n)
    assert int(np.maximum(count - 1, 0)[np.triu_indices(n, 1)].sum()) == fewest


def test_rounds_earlier_meetings_avoided():
    earlier = [(i, j) for i, j in itertools.combinations(range(12), 2) if i // 3 == j // 3]
    result = rounds_without_repeats(12, rounds=3, group_size=3, earlier=earlier, time_limit=10)
    assert result.repeats == 0
    assert int(meetings(result.rounds, 12, earlier).max()) == 1


def test_rounds_earlier_meeting_counts_as_a_repeat():
    # Two people who met before, forced into one group of two.
    result = rounds_without_repeats(2, rounds=1, n_groups=1, earlier=[(0, 1)], time_limit=1)
    assert result.rounds == [[[0, 1]]]
    assert result.repeats == 1
    assert result.repeated_pairs == [(0, 1)]
    assert result.lower_bound == 1


def test_rounds_uneven_sizes_balanced():
    result = rounds_without_repeats(14, rounds=3, group_size=4, time_limit=5)
    assert result.repeats == 0
    assert_rounds_are_partitions(result.rounds, 14, [4, 4, 3, 3])


def test_rounds_same_seed_and_iterations_same_schedule():
    runs = [
        rounds_without_repeats(
            32, rounds=9, group_size=4, time_limit=None, max_iterations=300, seed=7
        )
        for _ in range(2)
    ]
    assert runs[0].rounds == runs[1].rounds
    assert runs[0].repeats == runs[1].repeats


def test_rounds_diversity_raised_without_repeats():
    rng = np.random.default_rng(3)
    upper = np.triu(rng.integers(0, 5, size=(24, 24)), 1)
    d = (upper + upper.T).astype(float)
    result = rounds_without_repeats(
        24, rounds=3, group_size=4, dissimilarity=d, time_limit=2, seed=3
    )
    assert result.repeats == 0
    expected = sum(
        d[i, j] for groups in result.rounds for g in groups for i, j in itertools.combinations(g, 2)
    )
    assert result.diversity == expected
    plain = rounds_without_repeats(24, rounds=3, group_size=4, time_limit=2, seed=3)
    plain_diversity = sum(
        d[i, j] for groups in plain.rounds for g in groups for i, j in itertools.combinations(g, 2)
    )
    assert result.diversity > plain_diversity


def test_rounds_incremental_counts_match_recount():
    rng = np.random.default_rng(4)
    met = np.zeros((13, 13), dtype=np.int64)
    met[0, 1] = met[1, 0] = 1
    schedule = _Schedule(met, np.array([4, 3, 3, 3]), 5, None, rng)
    for _ in range(300):
        r = int(rng.integers(5))
        a, b = (int(x) for x in rng.choice(13, size=2, replace=False))
        if schedule.grp[r, a] != schedule.grp[r, b]:
            schedule.swap(r, a, b)
    m, k1, k2, cost = schedule.m.copy(), schedule.k1.copy(), schedule.k2.copy(), schedule.cost
    schedule._rebuild()
    assert (m == schedule.m).all()
    assert (k1 == schedule.k1).all()
    assert (k2 == schedule.k2).all()
    assert cost == schedule.cost


def test_repeat_lower_bound_counts_pair_slots():
    assert repeat_lower_bound(15, [3] * 5, 7) == 0
    assert repeat_lower_bound(15, [3] * 5, 8) == 15
    assert repeat_lower_bound(32, [4] * 8, 11) == 32
    assert (
        repeat_lower_bound(
            6, [3, 3], 2, np.ones((6, 6), dtype=np.int64) - np.eye(6, dtype=np.int64)
        )
        == 12
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rounds": 0, "group_size": 2}, "at least 1"),
        ({"rounds": 2, "group_size": 2, "time_limit": -0.5}, "time limit"),
        ({"rounds": 2, "group_size": 2, "time_limit": None}, "never ends"),
        ({"rounds": 2, "group_size": 2, "earlier": [(0, 6)]}, "numbered 0..5"),
        ({"rounds": 2, "group_size": 2, "earlier": [(3, 3)]}, "themself"),
        ({"rounds": 2, "group_size": 2, "dissimilarity": np.zeros((5, 5))}, "for 5 people"),
        ({"rounds": 2, "n_groups": 7}, "7 groups cannot be formed from 6"),
    ],
)
def test_rounds_bad_input_raises(kwargs, message):
    with pytest.raises(GroupingError, match=message):
        rounds_without_repeats(6, **kwargs)


def test_rounds_zero_people_raises():
    with pytest.raises(GroupingError, match="no people"):
        rounds_without_repeats(0, rounds=1, group_size=3)
