"""Diverse groups: sizes, constraints, the objective and the search against brute force."""

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samspil.grouping import (
    GroupingError,
    dissimilarity_from_attributes,
    diverse_groups,
    group_size_bounds,
    grouping_objective,
    random_groups,
    random_split_objective,
)


def random_matrix(n: int, seed: int, high: int = 10) -> np.ndarray:
    rng = np.random.default_rng(seed)
    upper = np.triu(rng.integers(0, high, size=(n, n)), 1)
    return (upper + upper.T).astype(float)


def brute_force(d, bounds, together=(), apart=(), fixed=None):
    """Best objective over every labelled assignment that meets the constraints; None if none."""
    n, n_groups = d.shape[0], len(bounds)
    labels = np.array(list(itertools.product(range(n_groups), repeat=n)))
    ok = np.ones(len(labels), dtype=bool)
    for g, (lo, up) in enumerate(bounds):
        size = (labels == g).sum(axis=1)
        ok &= (size >= lo) & (size <= up)
    for people in together:
        first, *rest = list(people)
        for other in rest:
            ok &= labels[:, first] == labels[:, other]
    for a, b in apart:
        ok &= labels[:, a] != labels[:, b]
    for person, g in (fixed or {}).items():
        ok &= labels[:, person] == g
    labels = labels[ok]
    if not len(labels):
        return None
    same = labels[:, :, None] == labels[:, None, :]
    values = (same * d[None]).sum(axis=(1, 2)) / 2
    return float(values.max())


def sizes_of(groups):
    return [len(g) for g in groups]


def assert_partition(groups, n):
    assert sorted(p for g in groups for p in g) == list(range(n))


def test_group_size_bounds_group_size_uses_as_few_groups_as_fit():
    bounds = group_size_bounds(400, group_size=6)
    assert len(bounds) == 67
    assert set(bounds) == {(5, 6)}


def test_group_size_bounds_n_groups_balanced():
    assert group_size_bounds(10, n_groups=5) == [(2, 2)] * 5
    assert group_size_bounds(11, n_groups=3) == [(3, 4)] * 3


@pytest.mark.parametrize(
    ("n", "kwargs", "message"),
    [
        (0, {"n_groups": 1}, "no people"),
        (5, {"n_groups": 6}, "6 groups cannot be formed from 5 people"),
        (5, {"n_groups": 0}, "at least 1"),
        (5, {"group_size": 0}, "at least 1"),
        (5, {}, "exactly one"),
        (5, {"n_groups": 2, "group_size": 3}, "exactly one"),
        (10, {"bounds": [(2, 3), (2, 3)]}, "add up to 4..6 people, but there are 10"),
        (10, {"bounds": [(6, 5), (5, 5)]}, r"group 0 has bounds \(6, 5\)"),
        (10, {"bounds": []}, "at least one group"),
    ],
)
def test_group_size_bounds_bad_input_raises(n, kwargs, message):
    with pytest.raises(GroupingError, match=message):
        group_size_bounds(n, **kwargs)


def test_grouping_objective_sums_pairs_within_groups():
    d = np.array([[0, 1, 2, 3], [1, 0, 4, 5], [2, 4, 0, 6], [3, 5, 6, 0]], dtype=float)
    assert grouping_objective(d, [[0, 1], [2, 3]]) == 7.0
    assert grouping_objective(d, [[0, 1, 2], [3]]) == 7.0
    assert grouping_objective(d, [[0, 1, 2, 3]]) == 21.0
    assert grouping_objective(d, [[3], [1]]) == 0.0


def test_grouping_objective_person_twice_raises():
    with pytest.raises(GroupingError, match="more than one place"):
        grouping_objective(np.zeros((3, 3)), [[0, 1], [1, 2]])


@pytest.mark.parametrize(
    ("n", "bounds", "seed"),
    [
        (6, [(3, 3), (3, 3)], 1),
        (7, [(2, 3), (2, 3), (2, 3)], 2),
        (8, [(2, 2)] * 4, 3),
        (8, [(4, 4), (4, 4)], 4),
        (8, [(2, 5), (3, 6)], 5),
        (8, [(1, 3), (2, 4), (2, 4)], 6),
    ],
)
def test_diverse_groups_finds_brute_force_optimum(n, bounds, seed):
    d = random_matrix(n, seed)
    result = diverse_groups(d, bounds=bounds, max_iterations=200, time_limit=None, seed=seed)
    assert_partition(result.groups, n)
    for size, (lo, up) in zip(sizes_of(result.groups), bounds, strict=True):
        assert lo <= size <= up
    assert result.objective == grouping_objective(d, result.groups)
    assert result.objective == brute_force(d, bounds)


def test_diverse_groups_with_constraints_finds_brute_force_optimum():
    d = random_matrix(8, 11)
    bounds = [(2, 3), (2, 3), (2, 3)]
    kwargs = {"together": [(0, 1)], "apart": [(2, 3), (4, 5)], "fixed": {6: 2, 7: 2}}
    result = diverse_groups(d, bounds=bounds, max_iterations=200, time_limit=None, **kwargs)
    groups = result.groups
    assert {0, 1} <= next(set(g) for g in groups if 0 in g)
    assert not {2, 3} <= next(set(g) for g in groups if 2 in g)
    assert not {4, 5} <= next(set(g) for g in groups if 4 in g)
    assert {6, 7} <= set(groups[2])
    assert result.objective == brute_force(d, bounds, **kwargs)


def test_diverse_groups_sizes_balanced_and_everyone_once():
    d = random_matrix(103, 7)
    result = diverse_groups(d, group_size=6, time_limit=0.3, seed=1)
    assert_partition(result.groups, 103)
    assert sorted(set(sizes_of(result.groups))) == [5, 6]
    assert len(result.groups) == 18


def test_diverse_groups_unequal_bounds_held():
    d = random_matrix(40, 8)
    bounds = [(5, 9), (6, 12), (3, 4), (8, 10), (2, 15)]
    result = diverse_groups(d, bounds=bounds, time_limit=0.3, seed=2)
    assert_partition(result.groups, 40)
    for size, (lo, up) in zip(sizes_of(result.groups), bounds, strict=True):
        assert lo <= size <= up


def test_diverse_groups_same_seed_and_iterations_same_result():
    d = random_matrix(120, 9)
    runs = [
        diverse_groups(d, group_size=6, time_limit=None, max_iterations=150, seed=42)
        for _ in range(2)
    ]
    assert runs[0].groups == runs[1].groups
    assert runs[0].objective == runs[1].objective
    assert runs[0].iterations == 150


def test_diverse_groups_beats_random_split():
    people = [
        {"role": i % 3, "organisation": i % 7, "kind": i % 2, "region": i % 5} for i in range(60)
    ]
    d = dissimilarity_from_attributes(
        people, {"role": 1, "organisation": 3, "kind": 2, "region": 1}
    )
    best = diverse_groups(d, group_size=6, time_limit=0.3, seed=3)
    assert best.objective > random_split_objective(d, group_size=6, seed=3)


def test_random_groups_seeded_and_constrained():
    first = random_groups(20, n_groups=4, together=[(0, 1)], apart=[(2, 3)], fixed={4: 3}, seed=5)
    assert first == random_groups(
        20, n_groups=4, together=[(0, 1)], apart=[(2, 3)], fixed={4: 3}, seed=5
    )
    assert_partition(first, 20)
    assert sizes_of(first) == [5, 5, 5, 5]
    assert any({0, 1} <= set(g) for g in first)
    assert not any({2, 3} <= set(g) for g in first)
    assert 4 in first[3]


def test_diverse_groups_unit_dissimilarity_all_in_one_group_when_one_group():
    result = diverse_groups(np.ones((4, 4)), n_groups=1, time_limit=0.1)
    assert result.groups == [[0, 1, 2, 3]]
    assert result.objective == 6.0


@pytest.mark.parametrize(
    ("matrix", "kwargs", "message"),
    [
        (np.zeros((0, 0)), {"n_groups": 1}, "no people"),
        (np.zeros((4, 4)), {"n_groups": 5}, "5 groups cannot be formed from 4 people"),
        (np.array([[0, 1], [2, 0]]), {"n_groups": 1}, "not symmetric"),
        (np.zeros((2, 3)), {"n_groups": 1}, "square"),
        (np.array([[0, np.nan], [np.nan, 0]]), {"n_groups": 1}, "not finite"),
        (np.zeros((6, 6)), {"n_groups": 2, "time_limit": -1}, "time limit must be >= 0"),
        (np.zeros((6, 6)), {"n_groups": 2, "time_limit": None}, "never ends"),
        (np.zeros((6, 6)), {"n_groups": 2, "max_iterations": -3}, "iteration limit"),
        (
            np.zeros((6, 6)),
            {"n_groups": 2, "together": [(0, 1, 2, 3)]},
            "no group holds more than 3",
        ),
        (np.zeros((6, 6)), {"n_groups": 2, "fixed": {0: 2}}, "numbered 0..1"),
        (np.zeros((6, 6)), {"n_groups": 2, "fixed": {9: 0}}, "numbered 0..5"),
        (
            np.zeros((6, 6)),
            {"n_groups": 2, "fixed": {0: 0, 1: 0, 2: 0, 3: 0}},
            "4 people are fixed",
        ),
        (
            np.zeros((6, 6)),
            {"n_groups": 2, "together": [(0, 1)], "apart": [(1, 0)]},
            "also be together",
        ),
        (np.zeros((6, 6)), {"n_groups": 2, "apart": [(2, 2)]}, "same person"),
        (
            np.zeros((6, 6)),
            {"n_groups": 2, "fixed": {0: 1, 1: 1}, "apart": [(0, 1)]},
            "fixed to group 1",
        ),
        (
            np.zeros((6, 6)),
            {"n_groups": 2, "together": [(0, 1)], "fixed": {0: 0, 1: 1}},
            "is fixed to group 0",
        ),
        (np.zeros((6, 6)), {"n_groups": 2, "together": [(0, 1), (2, 3), (4, 5)]}, "found no split"),
        (
            np.zeros((4, 4)),
            {"bounds": [(1, 3)] * 3, "together": [(0, 1, 2)]},
            "leave 2 units for 3",
        ),
        (
            np.zeros((6, 6)),
            {"n_groups": 3, "apart": [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]},
            "found no split",
        ),
    ],
)
def test_diverse_groups_bad_input_raises(matrix, kwargs, message):
    with pytest.raises(GroupingError, match=message):
        diverse_groups(matrix, **kwargs)


def test_grouping_error_is_a_value_error():
    assert issubclass(GroupingError, ValueError)


@st.composite
def instances(draw):
    n = draw(st.integers(2, 8))
    n_groups = draw(st.integers(1, min(4, n)))
    seed = draw(st.integers(0, 2**16))
    person = st.integers(0, n - 1)
    together = draw(st.lists(st.tuples(person, person), max_size=2))
    apart = draw(st.lists(st.tuples(person, person).filter(lambda p: p[0] != p[1]), max_size=3))
    fixed = draw(st.dictionaries(person, st.integers(0, n_groups - 1), max_size=2))
    return n, n_groups, seed, together, apart, fixed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_diverse_groups_random_small_instances_hold_constraints(instance):
    n, n_groups, seed, together, apart, fixed = instance
    d = random_matrix(n, seed)
    bounds = group_size_bounds(n, n_groups=n_groups)
    best = brute_force(d, bounds, together, apart, fixed)
    try:
        result = diverse_groups(
            d,
            n_groups=n_groups,
            together=together,
            apart=apart,
            fixed=fixed,
            max_iterations=30,
            time_limit=None,
            seed=seed,
        )
    except GroupingError:
        assert best is None
        return
    assert best is not None
    groups = result.groups
    assert_partition(groups, n)
    assert max(sizes_of(groups)) - min(sizes_of(groups)) <= 1
    where = {p: g for g, members in enumerate(groups) for p in members}
    assert all(where[a] == where[b] for a, b in together)
    assert all(where[a] != where[b] for a, b in apart)
    assert all(where[p] == g for p, g in fixed.items())
    assert result.objective == best


def attribute_people(n: int, seed: int) -> list[dict[str, int]]:
    """People like an innovation centre's: a few roles, kinds and regions, skewed organisations."""
    rng = np.random.default_rng(seed)
    organisations = rng.zipf(1.6, n) % max(3, n // 6)
    return [
        {
            "role": int(rng.integers(6)),
            "organisation": int(organisations[i]),
            "kind": int(rng.integers(4)),
            "region": int(rng.integers(5)),
        }
        for i in range(n)
    ]


def test_diverse_groups_400_people_one_second_within_one_percent_of_longer_run():
    weights = {"role": 1.0, "organisation": 3.0, "kind": 2.0, "region": 1.0}
    d = dissimilarity_from_attributes(attribute_people(400, 1), weights)
    quick = diverse_groups(d, group_size=6, time_limit=1.0, seed=0)
    longer = diverse_groups(d, group_size=6, time_limit=4.0, seed=1)
    assert quick.objective >= 0.99 * max(quick.objective, longer.objective)
