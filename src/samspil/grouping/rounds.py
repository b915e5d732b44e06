"""Rounds of groups in which nobody meets the same person twice (the Social Golfer Problem).

Given n people, group sizes and a number of rounds, find one split per round so
that no pair shares a group more than once, counting meetings from earlier
events as already spent. When that is impossible, or not found in the time
budget, the number of repeats is as small as the search could make it.

A repeat is one meeting of a pair beyond its first: a pair that shares a group
in three rounds counts two; a pair that met earlier and shares a group once
counts one.

The search is the tabu search of Dotú and Van Hentenryck (2005) on the number
of repeats: a move swaps two people between groups of the same round, only
moves of people who are in a repeat are looked at, a person swapped in a round
may not be swapped again in that round for a few iterations (unless that gives
a new best), and when the search stalls it restarts from the best schedule with
a few random swaps. All move values come from count matrices that are updated
incrementally after each swap. It stops at a lower bound on the repeats (zero
when nothing rules a repeat-free schedule out). With a dissimilarity matrix, a
second phase then raises the diversity of every round by swaps that add no
repeat.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from samspil.grouping.dissimilarity import checked_dissimilarity
from samspil.grouping.diverse import group_size_bounds
from samspil.grouping.errors import GroupingError

IntArray = NDArray[np.int64]

_NOT_ALLOWED = np.iinfo(np.int64).max // 4


@dataclass(frozen=True)
class RoundsResult:
    """The best schedule found.

    ``rounds[r][g]`` lists the people of group g in round r in increasing order.
    ``repeats`` counts meetings beyond a pair's first, earlier meetings
    included; ``repeated_pairs`` lists the pairs (i < j) with a repeat;
    ``lower_bound`` is a bound no schedule can beat, so ``repeats ==
    lower_bound`` proves the schedule optimal. ``diversity`` is the sum over
    rounds of the within-group dissimilarity (0 without a matrix).
    """

    rounds: list[list[list[int]]]
    repeats: int
    repeated_pairs: list[tuple[int, int]]
    lower_bound: int
    diversity: float
    iterations: int
    elapsed: float


def rounds_without_repeats(
    n: int,
    *,
    rounds: int,
    group_size: int | None = None,
    n_groups: int | None = None,
    earlier: Iterable[tuple[int, int]] = (),
    dissimilarity: ArrayLike | None = None,
    time_limit: float | None = 2.0,
    max_iterations: int | None = None,
    seed: int = 0,
) -> RoundsResult:
    """Plan ``rounds`` splits of n people with as few repeated meetings as possible.

    Sizes come from ``group_size`` (groups of at most that size, as few as
    that allows) or ``n_groups`` (that many groups), sizes differing by at most
    one, the same in every round. ``earlier`` lists pairs that have met already
    (for example at a network's earlier meetings). ``dissimilarity`` is an
    optional secondary objective, raised without adding repeats.

    Stops when the repeats reach the lower bound, at ``time_limit`` seconds
    (None: no limit) or after ``max_iterations`` tabu iterations (None: no
    limit). Deterministic for a seed when stopped by the iteration limit or the
    bound. Raises GroupingError for malformed input.
    """
    started = time.perf_counter()
    if time_limit is None and max_iterations is None:
        raise GroupingError("set time_limit or max_iterations, or the search never ends")
    if time_limit is not None and not time_limit >= 0:
        raise GroupingError(f"the time limit must be >= 0 seconds, not {time_limit}")
    if max_iterations is not None and max_iterations < 0:
        raise GroupingError(f"the iteration limit must be >= 0, not {max_iterations}")
    if rounds < 1:
        raise GroupingError(f"the number of rounds must be at least 1, not {rounds}")
    bounds = group_size_bounds(n, n_groups=n_groups, group_size=group_size)
    q, r = divmod(n, len(bounds))
    sizes = np.array([q + 1] * r + [q] * (len(bounds) - r), dtype=np.int64)
    met = _earlier_matrix(n, earlier)
    d = None
    if dissimilarity is not None:
        d = checked_dissimilarity(dissimilarity)
        if d.shape[0] != n:
            raise GroupingError(f"the dissimilarity matrix is for {d.shape[0]} people, not {n}")

    rng = np.random.default_rng(seed)
    deadline = None if time_limit is None else started + time_limit
    # Without a second objective the whole budget may go to repeats; with one,
    # keep a fifth of it for raising diversity.
    repeat_deadline = deadline
    if d is not None and time_limit is not None:
        repeat_deadline = started + 0.8 * time_limit
    search = _Schedule(met, sizes, rounds, d, rng)
    iterations = search.minimise_repeats(repeat_deadline, max_iterations)
    if d is not None:
        search.raise_diversity(deadline)
    return search.result(iterations, time.perf_counter() - started)


def repeat_lower_bound(
    n: int, sizes: Iterable[int], rounds: int, met: NDArray[np.int64] | None = None
) -> int:
    """A lower bound on the repeats of any schedule.

    Each person meets sum(size - 1) people over the rounds, from at most the
    people they have not met yet; and the pairs met in all rounds can be new
    only as far as unmet pairs remain.
    """
    group_sizes = np.array(list(sizes), dtype=np.int64)
    met = np.zeros((n, n), dtype=np.int64) if met is None else met
    fresh = n - 1 - (met > 0).sum(axis=1)
    slots = np.zeros(n, dtype=np.int64)
    # The person-level bound: people in the larger groups meet more.
    per_round = np.repeat(group_sizes - 1, group_sizes)
    # Which people sit in the larger groups can change per round, so the bound
    # takes the smallest meeting count a person can have in every round.
    slots[:] = rounds * int(per_round.min())
    person_bound = (int(np.maximum(slots - fresh, 0).sum()) + 1) // 2
    pair_slots = rounds * int((group_sizes * (group_sizes - 1) // 2).sum())
    unmet_pairs = n * (n - 1) // 2 - int((met > 0).sum()) // 2
    return max(person_bound, pair_slots - unmet_pairs, 0)


def _earlier_matrix(n: int, earlier: Iterable[tuple[int, int]]) -> IntArray:
    met = np.zeros((n, n), dtype=np.int64)
    for pair in earlier:
        if len(pair) != 2:
            raise GroupingError(f"an earlier meeting must be a pair, not {pair!r}")
        i, j = pair
        for x in (i, j):
            if isinstance(x, bool) or not isinstance(x, int | np.integer) or not 0 <= x < n:
                raise GroupingError(
                    f"an earlier meeting names {x!r}; people are numbered 0..{n - 1}"
                )
        if i == j:
            raise GroupingError(f"an earlier meeting pairs person {i} with themself")
        met[i, j] = met[j, i] = 1
    return met


class _Schedule:
    """Rounds of groups with the counts that make swap evaluation cheap.

    ``m[i, j]`` is how often i and j have met (earlier meetings count once);
    ``k1[i, r*G + g]`` is the number of people in group g of round r whom i
    has met at least once, ``k2`` the same for at least twice (i itself never
    counts).
    """

    def __init__(
        self,
        met: IntArray,
        sizes: IntArray,
        rounds: int,
        d: NDArray[np.float64] | None,
        rng: np.random.Generator,
    ) -> None:
        self.n = met.shape[0]
        self.n_rounds = rounds
        self.n_groups = sizes.size
        self.sizes = sizes
        self.met = met
        self.d = d
        self.rng = rng
        self.lower_bound = repeat_lower_bound(self.n, sizes, rounds, met)
        self.grp = self._construct()
        self._rebuild()

    # --------------------------------------------------------------- counts

    def _rebuild(self) -> None:
        n, g_count = self.n, self.n_groups
        onehot = np.zeros((n, self.n_rounds * g_count), dtype=np.int64)
        for r in range(self.n_rounds):
            onehot[np.arange(n), r * g_count + self.grp[r]] = 1
        self.onehot = onehot
        same = onehot @ onehot.T
        np.fill_diagonal(same, 0)
        self.m = self.met + same
        self.k1 = (self.m >= 1).astype(np.int64) @ onehot
        self.k2 = (self.m >= 2).astype(np.int64) @ onehot
        upper = np.triu_indices(n, 1)
        self.cost = int(np.maximum(self.m[upper] - 1, 0).sum())

    def swap(self, r: int, a: int, b: int) -> None:
        """Swap a and b between their groups in round r.

        With O the personx(round, group) one-hot matrix and M1 = (m >= 1),
        k1 = M1 @ O; a swap changes four entries of O and the pairs of a and b
        with their old and new groupmates, so k1 changes by M1 @ dO + dM1 @ O.
        """
        group_a, group_b = int(self.grp[r, a]), int(self.grp[r, b])
        col_a, col_b = r * self.n_groups + group_a, r * self.n_groups + group_b
        row = self.grp[r]
        xs = np.flatnonzero(row == group_a)
        ys = np.flatnonzero(row == group_b)
        xs, ys = xs[xs != a], ys[ys != b]
        m = self.m
        old_a, old_b = m[a].copy(), m[b].copy()
        m[a, xs] -= 1
        m[b, ys] -= 1
        m[a, ys] += 1
        m[b, xs] += 1
        m[xs, a] = m[a, xs]
        m[ys, a] = m[a, ys]
        m[xs, b] = m[b, xs]
        m[ys, b] = m[b, ys]
        self.cost += int((old_a[ys] >= 1).sum() + (old_b[xs] >= 1).sum())
        self.cost -= int((old_a[xs] >= 2).sum() + (old_b[ys] >= 2).sum())
        onehot = self.onehot
        changed = np.concatenate((xs, ys))
        for k, level in ((self.k1, 1), (self.k2, 2)):
            # M1_old @ dO: a leaves col_a for col_b, b the other way.
            shift = (old_a >= level).astype(np.int64) - (old_b >= level)
            k[:, col_a] -= shift
            k[:, col_b] += shift
            flip_a = (m[a] >= level).astype(np.int64) - (old_a >= level)
            flip_b = (m[b] >= level).astype(np.int64) - (old_b >= level)
            if not (flip_a[changed].any() or flip_b[changed].any()):
                continue
            # dM1 @ O_new, where O_new has a and b already swapped.
            onehot_a = onehot[a].copy()
            onehot_a[col_a], onehot_a[col_b] = 0, 1
            onehot_b = onehot[b].copy()
            onehot_b[col_b], onehot_b[col_a] = 0, 1
            k[a] += flip_a[changed] @ onehot[changed]
            k[b] += flip_b[changed] @ onehot[changed]
            k[changed] += np.outer(flip_a[changed], onehot_a) + np.outer(flip_b[changed], onehot_b)
        onehot[a, col_a], onehot[a, col_b] = 0, 1
        onehot[b, col_b], onehot[b, col_a] = 0, 1
        self.grp[r, a], self.grp[r, b] = group_b, group_a

    def own2(self) -> IntArray:
        """(R, n): how many of their groupmates each person has met twice or more."""
        cols = np.arange(self.n_rounds)[:, None] * self.n_groups + self.grp
        return self.k2[np.arange(self.n)[None, :], cols]

    def deltas(self, rows_r: IntArray, rows_a: IntArray, own2: IntArray) -> NDArray[np.int64]:
        """Change in repeats of swapping person rows_a[k] in round rows_r[k] with each person."""
        g_count = self.n_groups
        groups_a = self.grp[rows_r, rows_a]
        cols_b = rows_r[:, None] * g_count + self.grp[rows_r]
        delta = self.k1[rows_a[:, None], cols_b]
        delta += self.k1[:, rows_r * g_count + groups_a].T
        delta -= 2 * (self.m[rows_a] >= 1)
        delta -= own2[rows_r, rows_a][:, None]
        delta -= own2[rows_r]
        delta[self.grp[rows_r] == groups_a[:, None]] = _NOT_ALLOWED
        return delta

    # --------------------------------------------------------------- search

    def _construct(self) -> IntArray:
        """Round by round, groups take turns to draft the person they repeat least with."""
        n, g_count = self.n, self.n_groups
        grp = np.zeros((self.n_rounds, n), dtype=np.int64)
        met = self.met.copy()
        for r in range(self.n_rounds):
            seen = (met >= 1).astype(np.float64)
            pressure = np.zeros((g_count, n))
            left = np.ones(n, dtype=bool)
            counts = np.zeros(g_count, dtype=np.int64)
            order = self.rng.permutation(n)
            for _ in range(int(self.sizes.max())):
                for g in self.rng.permutation(g_count):
                    if counts[g] >= self.sizes[g]:
                        continue
                    score = np.where(left[order], pressure[g, order], np.inf)
                    if self.d is not None and counts[g]:
                        # Ties on repeats go to the most different person.
                        gain = self.d[np.flatnonzero(grp[r] == g)[:, None], order].sum(axis=0)
                        gain = np.where(left[order], gain, 0.0)
                        score = score - gain / (gain.max() + 1.0)
                    j = int(order[int(np.argmin(score))])
                    grp[r, j] = g
                    left[j] = False
                    counts[g] += 1
                    pressure[g] += seen[j]
            for g in range(g_count):
                members = np.flatnonzero(grp[r] == g)
                met[np.ix_(members, members)] += 1
            np.fill_diagonal(met, 0)
        return grp

    def minimise_repeats(self, deadline: float | None, max_iterations: int | None) -> int:
        """Tabu search on the repeats; returns the iterations run."""
        if self.n_groups == 1 or self.cost <= self.lower_bound:
            return 0
        rng = self.rng
        tabu = np.zeros((self.n_rounds, self.n), dtype=np.int64)
        best_cost, best_grp = self.cost, self.grp.copy()
        # Tuned on Kirkman's schoolgirls and 8-4-w golfers: a tenure drawn from
        # 3..15 and a restart from the best with n/2 random swaps after a stall.
        stall_limit = 200 + 20 * self.n
        tenure_low, tenure_high = 3, 15
        last_better = 0
        iteration = 0
        while self.cost > self.lower_bound:
            if max_iterations is not None and iteration >= max_iterations:
                break
            if deadline is not None and time.perf_counter() >= deadline:
                break
            iteration += 1
            own2 = self.own2()
            rows_r, rows_a = np.nonzero(own2 > 0)
            delta = self.deltas(rows_r, rows_a, own2)
            is_tabu = (tabu[rows_r, rows_a] > iteration)[:, None] | (tabu[rows_r] > iteration)
            delta[is_tabu & (self.cost + delta >= best_cost)] = _NOT_ALLOWED
            low = int(delta.min())
            if low >= _NOT_ALLOWED:
                self._kick(rng, 2)
                continue
            picks = np.flatnonzero(delta.ravel() == low)
            k, b = divmod(int(picks[rng.integers(picks.size)]), self.n)
            r, a = int(rows_r[k]), int(rows_a[k])
            self.swap(r, a, b)
            tabu[r, a] = iteration + int(rng.integers(tenure_low, tenure_high + 1))
            tabu[r, b] = iteration + int(rng.integers(tenure_low, tenure_high + 1))
            if self.cost < best_cost:
                best_cost, best_grp, last_better = self.cost, self.grp.copy(), iteration
            elif iteration - last_better > stall_limit:
                self.grp = best_grp.copy()
                self._rebuild()
                self._kick(rng, max(1, self.n // 2))
                tabu[:] = 0
                last_better = iteration
        if self.cost > best_cost:
            self.grp = best_grp
            self._rebuild()
        return iteration

    def _kick(self, rng: np.random.Generator, swaps: int) -> None:
        for _ in range(swaps):
            r = int(rng.integers(self.n_rounds))
            a, b = (int(x) for x in rng.choice(self.n, size=2, replace=False))
            if self.grp[r, a] != self.grp[r, b]:
                self.swap(r, a, b)

    def raise_diversity(self, deadline: float | None) -> None:
        """Swaps that add no repeat and raise diversity, until none is left."""
        d = self.d
        assert d is not None
        n, g_count = self.n, self.n_groups
        improved = True
        steps = 0
        eps = 1e-9 * (float(np.abs(d).sum()) / max(1, n) + 1.0)
        while improved:
            improved = False
            for r in range(self.n_rounds):
                onehot = np.zeros((g_count, n))
                onehot[self.grp[r], np.arange(n)] = 1.0
                st = onehot @ d
                for person in self.rng.permutation(n):
                    steps += 1
                    if deadline is not None and steps % 32 == 0 and time.perf_counter() >= deadline:
                        return
                    a = int(person)
                    grp = self.grp[r]
                    group_a = int(grp[a])
                    own = st[grp, np.arange(n)]
                    gain = st[grp, a] - st[group_a, a] + st[group_a] - own - 2.0 * d[a]
                    repeats = self.deltas(np.array([r]), np.array([a]), self.own2())[0]
                    ok = (repeats < 0) | ((repeats == 0) & (gain > eps))
                    ok &= grp != group_a
                    if not ok.any():
                        continue
                    # Fewer repeats first, then more diversity.
                    score = np.where(ok, -repeats * (np.abs(gain).max() + 1.0) * 4 + gain, -np.inf)
                    b = int(np.argmax(score))
                    group_b = int(grp[b])
                    self.swap(r, a, b)
                    st[group_a] += d[b] - d[a]
                    st[group_b] += d[a] - d[b]
                    improved = True

    def result(self, iterations: int, elapsed: float) -> RoundsResult:
        n = self.n
        rounds = [
            [np.flatnonzero(self.grp[r] == g).tolist() for g in range(self.n_groups)]
            for r in range(self.n_rounds)
        ]
        upper = np.triu(self.m - 1, 1)
        repeated = [(int(i), int(j)) for i, j in zip(*np.nonzero(upper > 0), strict=True)]
        diversity = 0.0
        if self.d is not None:
            for r in range(self.n_rounds):
                same = self.grp[r][:, None] == self.grp[r][None, :]
                diversity += float(self.d[same].sum()) / 2.0
        del n
        return RoundsResult(
            rounds=rounds,
            repeats=self.cost,
            repeated_pairs=repeated,
            lower_bound=self.lower_bound,
            diversity=diversity,
            iterations=iterations,
            elapsed=elapsed,
        )
