"""Member pairs per period: earlier pairs avoided, organisations crossed, odd counts."""

import itertools

import pytest

from samspil.grouping import GroupingError, member_pairs


def test_member_pairs_even_everyone_once_across_organisations():
    organisations = ["a", "a", "b", "b", "c", "c", "d", "d"]
    result = member_pairs(8, organisations=organisations, time_limit=2, seed=1)
    (pairs,) = result.periods
    assert sorted(p for pair in pairs for p in pair) == list(range(8))
    assert all(len(pair) == 2 for pair in pairs)
    assert result.cross_organisation == 4
    assert all(organisations[i] != organisations[j] for i, j in pairs)
    assert result.left_out == [None]


def test_member_pairs_avoid_earlier_pairs_where_possible():
    allowed = {(0, 5), (1, 4), (2, 7), (3, 6)}
    earlier = [pair for pair in itertools.combinations(range(8), 2) if pair not in allowed]
    result = member_pairs(8, earlier=earlier, time_limit=2)
    assert set(result.periods[0]) == allowed
    assert result.repeats == 0


def test_member_pairs_repeats_minimised_when_unavoidable():
    earlier = [pair for pair in itertools.combinations(range(4), 2) if pair != (0, 1)]
    result = member_pairs(4, earlier=earlier, time_limit=2)
    assert result.periods == [[(0, 1), (2, 3)]]
    assert result.repeats == 1


def test_member_pairs_several_periods_never_repeat():
    result = member_pairs(10, periods=5, time_limit=5, seed=2)
    seen = [pair for period in result.periods for pair in period]
    assert len(seen) == 25
    assert len(set(seen)) == 25
    assert result.repeats == 0


def test_member_pairs_odd_count_makes_one_trio_by_default():
    result = member_pairs(7, time_limit=1)
    (groups,) = result.periods
    assert sorted(len(g) for g in groups) == [2, 2, 3]
    assert sorted(p for g in groups for p in g) == list(range(7))
    assert result.left_out == [None]


def test_member_pairs_odd_count_leaves_a_different_member_out():
    result = member_pairs(7, periods=3, odd="out", sat_out=[0, 1], time_limit=3, seed=4)
    assert len(set(result.left_out)) == 3
    assert not {0, 1} & set(result.left_out)
    for period, out in zip(result.periods, result.left_out, strict=True):
        assert all(len(pair) == 2 for pair in period)
        assert sorted([*itertools.chain(*period), out]) == list(range(7))


@pytest.mark.parametrize(
    ("n", "kwargs", "message"),
    [
        (1, {}, "at least two"),
        (4, {"odd": "drop"}, "'trio' or 'out'"),
        (4, {"organisations": ["a"]}, "1 organisations given for 4"),
        (4, {"cross_organisation_weight": -1}, ">= 0"),
        (5, {"odd": "out", "sat_out": [5]}, "numbered 0..4"),
    ],
)
def test_member_pairs_bad_input_raises(n, kwargs, message):
    with pytest.raises(GroupingError, match=message):
        member_pairs(n, **kwargs)
