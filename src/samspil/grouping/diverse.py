"""Maximally diverse groups (the Maximally Diverse Grouping Problem, MDGP).

Split n people into groups whose sizes differ by at most one, or lie between
given bounds, so that the sum of the dissimilarities of the pairs that share a
group is as large as possible, while hard constraints hold: sets of people who
must share a group, pairs who must not, and people fixed to a group.

The search is anytime and deterministic for a seed and an iteration limit:

1. construction: people under constraints are placed first; then groups take
   turns to draft the remaining person most different from their members;
2. local search over swap moves (two people trade groups) and insertion moves
   (one person changes group, when the size bounds allow it), best move per
   person, with O(1) delta evaluation from a groupxperson sum matrix and a
   queue ("don't look bits") so that after a change only the people whose
   moves changed value are looked at again;
3. iterated local search: a few random swaps, local search again, keep the
   result if it is no worse, else undo; the best assignment is returned.

People bound together by must-together constraints are merged into one unit
first; the search moves units, which keeps those constraints by construction.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from samspil.grouping.dissimilarity import FloatMatrix, checked_dissimilarity
from samspil.grouping.errors import GroupingError

IntArray = NDArray[np.int64]

_CONSTRUCTION_TRIES = 30
# Local search looks at the clock once per this many steps.
_CLOCK_EVERY = 32


@dataclass(frozen=True)
class GroupingResult:
    """The best grouping found.

    ``groups[g]`` lists the people of group g in increasing order; group g keeps
    its index, so a person fixed to group 2 is in ``groups[2]``. ``objective``
    is the sum of d_ij over pairs in the same group, recomputed from scratch.
    ``iterations`` counts perturbation rounds of the iterated local search;
    ``elapsed`` is wall-clock seconds.
    """

    groups: list[list[int]]
    objective: float
    iterations: int
    elapsed: float


# ---------------------------------------------------------------- public API


def group_size_bounds(
    n: int,
    *,
    n_groups: int | None = None,
    group_size: int | None = None,
    bounds: Sequence[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Return the (lower, upper) size of each group, checked against n.

    Give exactly one of:

    - ``n_groups``: that many groups whose sizes differ by at most one;
    - ``group_size``: groups of at most that size, as few as that allows
      (``ceil(n / group_size)`` groups, sizes differing by at most one; 400
      people in groups of 6 give 65 groups of 6 and 2 of 5);
    - ``bounds``: one (lower, upper) pair per group, as in MDGPLIB.
    """
    if n < 1:
        raise GroupingError("there are no people to group")
    given = sum(x is not None for x in (n_groups, group_size, bounds))
    if given != 1:
        raise GroupingError("give exactly one of n_groups, group_size or bounds")
    if group_size is not None:
        if group_size < 1:
            raise GroupingError(f"the group size must be at least 1, not {group_size}")
        n_groups = -(-n // group_size)
    if n_groups is not None:
        if n_groups < 1:
            raise GroupingError(f"the number of groups must be at least 1, not {n_groups}")
        if n_groups > n:
            raise GroupingError(f"{n_groups} groups cannot be formed from {n} people")
        q, r = divmod(n, n_groups)
        return [(q, q + 1 if r else q)] * n_groups
    assert bounds is not None
    result = [(int(lo), int(up)) for lo, up in bounds]
    if not result:
        raise GroupingError("bounds must name at least one group")
    for g, (lo, up) in enumerate(result):
        if lo < 1 or up < lo:
            raise GroupingError(f"group {g} has bounds ({lo}, {up}); need 1 <= lower <= upper")
    low, high = sum(lo for lo, _ in result), sum(up for _, up in result)
    if not low <= n <= high:
        raise GroupingError(
            f"group sizes between the bounds add up to {low}..{high} people, but there are {n}"
        )
    return result


def diverse_groups(
    dissimilarity: ArrayLike,
    *,
    n_groups: int | None = None,
    group_size: int | None = None,
    bounds: Sequence[tuple[int, int]] | None = None,
    together: Iterable[Iterable[int]] = (),
    apart: Iterable[tuple[int, int]] = (),
    fixed: Mapping[int, int] | None = None,
    time_limit: float | None = 1.0,
    max_iterations: int | None = None,
    seed: int = 0,
) -> GroupingResult:
    """Split people into groups that maximise the dissimilarity within groups.

    ``dissimilarity`` is a symmetric nxn matrix (see
    ``dissimilarity_from_attributes``). Sizes come from one of ``n_groups``,
    ``group_size`` or ``bounds`` (see ``group_size_bounds``). Hard constraints:
    ``together`` lists sets (usually pairs) of people who must share a group,
    ``apart`` pairs who must not, ``fixed`` maps a person to the index of the
    group they must be in (for example the group of their site).

    The search stops at ``time_limit`` seconds (None: no limit) or after
    ``max_iterations`` perturbation rounds (None: no limit), whichever comes
    first; one of them must be set. For a given seed, the result depends only
    on the number of iterations run, so a run stopped by ``max_iterations`` is
    reproducible.

    Raises GroupingError, before searching, for malformed or contradictory
    input, and after the construction if no assignment satisfying the
    must-not-together constraints was found.
    """
    started = time.perf_counter()
    d = checked_dissimilarity(dissimilarity)
    _check_budget(time_limit, max_iterations)
    problem = _Problem(
        d,
        group_size_bounds(d.shape[0], n_groups=n_groups, group_size=group_size, bounds=bounds),
        together,
        apart,
        fixed or {},
    )
    deadline = None if time_limit is None else started + time_limit
    rng = np.random.default_rng(seed)
    grp, iterations = _search(problem, rng, deadline, max_iterations)
    groups = problem.person_groups(grp)
    return GroupingResult(
        groups=groups,
        objective=grouping_objective(d, groups),
        iterations=iterations,
        elapsed=time.perf_counter() - started,
    )


def grouping_objective(dissimilarity: ArrayLike, groups: Sequence[Sequence[int]]) -> float:
    """Return the sum of d_ij over the pairs i < j that share a group.

    Every person may appear at most once; people left out add nothing.
    """
    d = checked_dissimilarity(dissimilarity)
    n = d.shape[0]
    seen = np.zeros(n, dtype=bool)
    total = 0.0
    for group in groups:
        members = np.asarray(list(group), dtype=np.int64)
        if members.size and (members.min() < 0 or members.max() >= n):
            raise GroupingError(f"a group names a person outside 0..{n - 1}")
        if seen[members].any() or len(np.unique(members)) != members.size:
            raise GroupingError("a person appears in more than one place")
        seen[members] = True
        total += float(d[np.ix_(members, members)].sum()) / 2.0
    return total


def random_groups(
    n: int,
    *,
    n_groups: int | None = None,
    group_size: int | None = None,
    bounds: Sequence[tuple[int, int]] | None = None,
    together: Iterable[Iterable[int]] = (),
    apart: Iterable[tuple[int, int]] = (),
    fixed: Mapping[int, int] | None = None,
    seed: int = 0,
) -> list[list[int]]:
    """Return a seeded random split with the same sizes and hard constraints.

    This is the baseline the product shows next to the diversity score.
    """
    problem = _Problem(
        np.zeros((n, n)) if n >= 1 else np.zeros((0, 0)),
        group_size_bounds(n, n_groups=n_groups, group_size=group_size, bounds=bounds),
        together,
        apart,
        fixed or {},
    )
    return problem.person_groups(_construct_or_raise(problem, np.random.default_rng(seed), False))


def random_split_objective(
    dissimilarity: ArrayLike,
    *,
    n_groups: int | None = None,
    group_size: int | None = None,
    bounds: Sequence[tuple[int, int]] | None = None,
    together: Iterable[Iterable[int]] = (),
    apart: Iterable[tuple[int, int]] = (),
    fixed: Mapping[int, int] | None = None,
    seed: int = 0,
) -> float:
    """Return the objective of ``random_groups`` with the same arguments."""
    d = checked_dissimilarity(dissimilarity)
    groups = random_groups(
        d.shape[0],
        n_groups=n_groups,
        group_size=group_size,
        bounds=bounds,
        together=together,
        apart=apart,
        fixed=fixed,
        seed=seed,
    )
    return grouping_objective(d, groups)


# ---------------------------------------------------------------- the problem


def _check_budget(time_limit: float | None, max_iterations: int | None) -> None:
    if time_limit is None and max_iterations is None:
        raise GroupingError("set time_limit or max_iterations, or the search never ends")
    if time_limit is not None and not time_limit >= 0:
        raise GroupingError(f"the time limit must be >= 0 seconds, not {time_limit}")
    if max_iterations is not None and max_iterations < 0:
        raise GroupingError(f"the iteration limit must be >= 0, not {max_iterations}")


def _person(value: object, n: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise GroupingError(f"{what} names {value!r}, which is not a person's index")
    if not 0 <= int(value) < n:
        raise GroupingError(f"{what} names person {value}, but people are numbered 0..{n - 1}")
    return int(value)


class _Problem:
    """The instance in terms of units (sets of people who must stay together)."""

    # One check per kind of bad input, each with its own message: long, but flat.
    def __init__(  # noqa: PLR0912, PLR0915
        self,
        d: FloatMatrix,
        bounds: list[tuple[int, int]],
        together: Iterable[Iterable[int]],
        apart: Iterable[tuple[int, int]],
        fixed: Mapping[int, int],
    ) -> None:
        n = d.shape[0]
        self.n = n
        self.n_groups = len(bounds)
        self.lo = np.array([lo for lo, _ in bounds], dtype=np.int64)
        self.up = np.array([up for _, up in bounds], dtype=np.int64)

        parent = list(range(n))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for people in together:
            members = [_person(x, n, "a must-together set") for x in people]
            for other in members[1:]:
                parent[root(other)] = root(members[0])
        roots = np.array([root(i) for i in range(n)], dtype=np.int64)
        _, self.unit_of = np.unique(roots, return_inverse=True)
        self.unit_of = self.unit_of.astype(np.int64)
        n_units = int(self.unit_of.max()) + 1
        self.n_units = n_units
        self.members = [np.flatnonzero(self.unit_of == u) for u in range(n_units)]
        self.weight = np.bincount(self.unit_of, minlength=n_units).astype(np.int64)
        largest = int(self.up.max())
        for u in range(n_units):
            if self.weight[u] > largest:
                raise GroupingError(
                    f"people {self.members[u].tolist()} must be together, "
                    f"but no group holds more than {largest}"
                )
        if n_units < self.n_groups:
            raise GroupingError(
                f"the must-together sets leave {n_units} units for {self.n_groups} groups"
            )

        self.fixed_group = np.full(n_units, -1, dtype=np.int64)
        for person, group in fixed.items():
            i = _person(person, n, "a fixed placement")
            if isinstance(group, bool) or not isinstance(group, int | np.integer):
                raise GroupingError(f"person {i} is fixed to {group!r}, which is not a group index")
            if not 0 <= int(group) < self.n_groups:
                raise GroupingError(
                    f"person {i} must be in group {group}, "
                    f"but the groups are numbered 0..{self.n_groups - 1}"
                )
            u = int(self.unit_of[i])
            if self.fixed_group[u] not in (-1, int(group)):
                raise GroupingError(
                    f"person {i} must be in group {group}, but someone they must be with "
                    f"is fixed to group {self.fixed_group[u]}"
                )
            self.fixed_group[u] = int(group)
        fixed_load = np.bincount(
            self.fixed_group[self.fixed_group >= 0],
            weights=self.weight[self.fixed_group >= 0],
            minlength=self.n_groups,
        )
        for g in np.flatnonzero(fixed_load > self.up):
            raise GroupingError(
                f"{int(fixed_load[g])} people are fixed to group {g}, which holds at most "
                f"{self.up[g]}"
            )
        self.movable = self.fixed_group < 0

        self.apart: NDArray[np.int32] | None = None
        pairs = [
            (_person(a, n, "a must-not-together pair"), _person(b, n, "a must-not-together pair"))
            for a, b in apart
        ]
        if pairs:
            self.apart = np.zeros((n_units, n_units), dtype=np.int32)
            for a, b in pairs:
                ua, ub = int(self.unit_of[a]), int(self.unit_of[b])
                if ua == ub:
                    what = "are the same person" if a == b else "must also be together"
                    raise GroupingError(f"people {a} and {b} must be apart but {what}")
                ga, gb = self.fixed_group[ua], self.fixed_group[ub]
                if ga >= 0 and ga == gb:
                    raise GroupingError(
                        f"people {a} and {b} must be apart but are fixed to group {ga}"
                    )
                self.apart[ua, ub] = self.apart[ub, ua] = 1

        if n_units == n:
            self.du = d
            self.internal = 0.0
        else:
            membership = np.zeros((n, n_units))
            membership[np.arange(n), self.unit_of] = 1.0
            full = membership.T @ d @ membership
            self.internal = float(np.trace(full)) / 2.0
            np.fill_diagonal(full, 0.0)
            self.du = full
        # The search may break a must-not-together pair on its way, at a cost
        # above any diversity: the feasible region under swaps is often not
        # connected. The construction starts feasible, so the best stays so.
        self.du_search = self.du
        if self.apart is not None:
            penalty = 2.0 * float(np.abs(self.du).sum()) + 1.0
            self.du_search = self.du - penalty * self.apart
        self.uniform = bool(np.all(self.weight == 1))
        self.can_insert = bool(np.any(self.lo < self.up))
        scale = float(np.abs(d).sum()) / max(1, n) + 1.0
        self.eps = 1e-9 * scale

    def person_groups(self, grp: IntArray) -> list[list[int]]:
        person_grp = grp[self.unit_of]
        return [np.flatnonzero(person_grp == g).tolist() for g in range(self.n_groups)]


# ---------------------------------------------------------------- construction


# Three placement phases with their dead ends; splitting them would hide the order.
def _construct(  # noqa: PLR0912
    problem: _Problem, rng: np.random.Generator, greedy: bool
) -> IntArray | None:
    """Place every unit; None if this attempt hit a dead end."""
    p = problem
    n_units, n_groups = p.n_units, p.n_groups
    grp = np.full(n_units, -1, dtype=np.int64)
    sizes = np.zeros(n_groups, dtype=np.int64)
    st = np.zeros((n_groups, n_units)) if greedy else None
    ct = np.zeros((n_groups, n_units), dtype=np.int32) if p.apart is not None else None

    def place(u: int, g: int) -> None:
        grp[u] = g
        sizes[g] += p.weight[u]
        if st is not None:
            st[g] += p.du[u]
        if ct is not None and p.apart is not None:
            ct[g] += p.apart[u]

    for u in np.flatnonzero(~p.movable):
        place(int(u), int(p.fixed_group[u]))

    degree = p.apart.sum(axis=1) if p.apart is not None else np.zeros(n_units, dtype=np.int64)
    order = rng.permutation(n_units)
    hard = [int(u) for u in order if p.movable[u] and (p.weight[u] > 1 or degree[u] > 0)]
    hard.sort(key=lambda u: (-p.weight[u], -degree[u]))
    for u in hard:
        ok = sizes + p.weight[u] <= p.up
        if ct is not None:
            ok &= ct[:, u] == 0
        if not ok.any():
            return None
        # Prefer groups it fits without passing their lower bound, so that the
        # free people can still bring every group up to its lower bound.
        under = ok & (sizes + p.weight[u] <= p.lo)
        pool = np.flatnonzero(under if under.any() else ok)
        if st is not None:
            scores = st[pool, u]
            pool = pool[scores >= scores.max() - p.eps]
            place(u, int(rng.choice(pool)))
        else:
            # Random tries spread the hard units by room left, which keeps
            # the most freedom for the units still to come.
            room = (p.up[pool] - sizes[pool]).astype(np.float64)
            place(u, int(rng.choice(pool, p=room / room.sum())))

    free = np.array([u for u in order if grp[u] < 0], dtype=np.int64)
    remaining = np.ones(free.size, dtype=bool)
    left = free.size
    for cap in (p.lo, p.up):
        while left:
            open_groups = np.flatnonzero(sizes < cap)
            if not open_groups.size:
                break
            for g in rng.permutation(open_groups):
                if not left:
                    break
                if st is not None and sizes[g] > 0:
                    scores = np.where(remaining, st[g, free], -np.inf)
                    k = int(np.argmax(scores))
                else:
                    k = int(np.flatnonzero(remaining)[0])
                remaining[k] = False
                left -= 1
                place(int(free[k]), int(g))
    if left or np.any(sizes < p.lo):
        return None
    return grp


def _construct_or_raise(problem: _Problem, rng: np.random.Generator, greedy: bool) -> IntArray:
    # The greedy draft may walk into a dead end on tight constraints; random
    # drafts with other choices usually get through.
    for attempt in range(_CONSTRUCTION_TRIES):
        grp = _construct(problem, rng, greedy and attempt == 0)
        if grp is not None:
            return grp
    raise GroupingError(
        f"found no split that meets the must-together and must-not-together constraints "
        f"within the group sizes ({_CONSTRUCTION_TRIES} tries)"
    )


# ---------------------------------------------------------------- local search


class _State:
    """An assignment with the sums that make move evaluation O(1).

    ``st[g, u]`` is the sum of du_search[u, v] over the units v in group g.
    """

    def __init__(self, problem: _Problem, grp: IntArray) -> None:
        p = problem
        self.p = p
        self.grp = grp.copy()
        onehot = np.zeros((p.n_groups, p.n_units))
        onehot[grp, np.arange(p.n_units)] = 1.0
        self.st = onehot @ p.du_search
        self.sizes = np.bincount(grp, weights=p.weight, minlength=p.n_groups).astype(np.int64)
        # Includes the penalty of broken must-not-together pairs, if any.
        self.objective = p.internal + float(self.st[grp, np.arange(p.n_units)].sum()) / 2.0
        self.arange = np.arange(p.n_units)
        # Undo log of (unit, group it came from), for reverting a rejected round.
        self.log: list[tuple[int, int]] = []

    def move(self, u: int, g: int) -> None:
        p = self.p
        a = int(self.grp[u])
        row = p.du_search[u]
        self.st[a] -= row
        self.st[g] += row
        w = p.weight[u]
        self.sizes[a] -= w
        self.sizes[g] += w
        self.grp[u] = g
        self.log.append((u, a))

    def undo(self, mark: int, objective: float) -> None:
        while len(self.log) > mark:
            u, a = self.log.pop()
            self.move(u, a)
            self.log.pop()
        self.objective = objective

    def swap_deltas(self, u: int) -> NDArray[np.float64]:
        """Gain of swapping u with every unit; -inf where not allowed."""
        p = self.p
        grp, st = self.grp, self.st
        a = int(grp[u])
        row = st[:, u]
        own = st[grp, self.arange]
        delta = row[grp] - row[a] + st[a] - own - 2.0 * p.du_search[u]
        bad = (grp == a) | ~p.movable
        if not p.uniform:
            w = p.weight
            size_a = self.sizes[a] - w[u] + w
            size_b = self.sizes[grp] - w + w[u]
            bad |= (size_a < p.lo[a]) | (size_a > p.up[a])
            bad |= (size_b < p.lo[grp]) | (size_b > p.up[grp])
        delta[bad] = -np.inf
        return delta

    def insert_deltas(self, u: int) -> NDArray[np.float64] | None:
        """Gain of moving u to every group; None if u cannot leave its group."""
        p = self.p
        a = int(self.grp[u])
        if not p.can_insert or self.sizes[a] - p.weight[u] < p.lo[a]:
            return None
        row = self.st[:, u]
        gain = row - row[a]
        bad = self.sizes + p.weight[u] > p.up
        bad[a] = True
        gain[bad] = -np.inf
        return gain


def _local_search(
    state: _State, queue: deque[int], queued: NDArray[np.bool_], deadline: float | None
) -> bool:
    """Apply best improving moves until none is left; False if the clock ran out."""
    p = state.p
    eps = p.eps
    steps = 0
    while queue:
        steps += 1
        if deadline is not None and steps % _CLOCK_EVERY == 0 and time.perf_counter() >= deadline:
            return False
        u = queue.popleft()
        queued[u] = False
        swaps = state.swap_deltas(u)
        v = int(np.argmax(swaps))
        best = float(swaps[v])
        target = -1
        inserts = state.insert_deltas(u)
        if inserts is not None:
            g = int(np.argmax(inserts))
            if inserts[g] > best:
                best, target = float(inserts[g]), g
        if best <= eps:
            if not p.uniform and p.weight[u] > 1:
                touched = _compound_move(state, u)
                if touched:
                    _enqueue_touched(state, touched, queue, queued)
            continue
        a = int(state.grp[u])
        if target >= 0:
            b = target
            state.move(u, b)
        else:
            b = int(state.grp[v])
            state.move(u, b)
            state.move(v, a)
        state.objective += best
        _enqueue_touched(state, (a, b), queue, queued)
    return True


def _compound_move(state: _State, u: int) -> list[int]:
    """Move unit u to another group and units of that group back, to fit the sizes.

    Swaps and insertions cannot trade a must-together pair for two single
    people when the sizes are tight; this ejection chain can. It tries the
    few most promising groups for u and, for each, the few most promising
    first units to send back, the rest chosen greedily; it keeps the first
    chain that gains. Returns the groups touched, or [] when nothing gained
    (the state is then unchanged).
    """
    p = state.p
    a = int(state.grp[u])
    row = state.st[:, u]
    gain = row - row[a]
    gain[a] = -np.inf
    for target in np.argsort(-gain)[:4]:
        b = int(target)
        if not np.isfinite(gain[b]):
            break
        for first in range(4):
            mark, before = len(state.log), state.objective
            state.move(u, b)
            total = float(gain[b])
            step = 0
            while state.sizes[b] > p.up[b] or state.sizes[a] < p.lo[a]:
                members = np.flatnonzero((state.grp == b) & p.movable)
                members = members[members != u]
                back = state.st[a, members] - state.st[b, members]
                back[state.sizes[a] + p.weight[members] > p.up[a]] = -np.inf
                order = np.argsort(-back)
                if not order.size:
                    total = -np.inf
                    break
                k = int(order[first]) if step == 0 and first < order.size else int(order[0])
                if not np.isfinite(back[k]):
                    total = -np.inf
                    break
                total += float(back[k])
                state.move(int(members[k]), a)
                step += 1
            feasible = bool(np.all(state.sizes >= p.lo) and np.all(state.sizes <= p.up))
            if feasible and total > p.eps:
                state.objective = before + total
                return [a, b]
            state.undo(mark, before)
            if step == 0:
                break
    return []


def _enqueue_touched(
    state: _State, groups: Iterable[int], queue: deque[int], queued: NDArray[np.bool_]
) -> None:
    """Queue the units whose moves may have changed value after groups changed."""
    p = state.p
    touched = np.zeros(p.n_groups, dtype=bool)
    touched[list(groups)] = True
    wake = touched[state.grp]
    if p.can_insert:
        # Units that could move into a touched group with a gain, as the sizes allow.
        can_leave = state.sizes[state.grp] - p.weight >= p.lo[state.grp]
        if can_leave.any():
            own = state.st[state.grp, state.arange]
            for g in np.flatnonzero(touched):
                fits = state.sizes[g] + p.weight <= p.up[g]
                wake |= (state.st[g] - own > p.eps) & fits & can_leave
    wake &= p.movable & ~queued
    new = np.flatnonzero(wake)
    queued[new] = True
    queue.extend(new.tolist())


def _perturb(state: _State, rng: np.random.Generator, strength: int) -> list[int]:
    """Apply up to ``strength`` random feasible moves; return the groups touched.

    Half the moves are random chains when units differ in size or groups may
    differ in size: swaps alone never change which groups hold the larger sizes.
    """
    p = state.p
    movable = np.flatnonzero(p.movable)
    touched: list[int] = []
    for _ in range(strength):
        u = int(movable[rng.integers(movable.size)])
        if (not p.uniform or p.can_insert) and rng.random() < 0.5:
            touched += _random_chain(state, rng, u)
            continue
        allowed = np.flatnonzero(np.isfinite(state.swap_deltas(u)))
        if not allowed.size:
            continue
        v = int(allowed[rng.integers(allowed.size)])
        a, b = int(state.grp[u]), int(state.grp[v])
        delta = float(state.swap_deltas(u)[v])
        state.move(u, b)
        state.move(v, a)
        state.objective += delta
        touched += [a, b]
    return touched


def _random_chain(state: _State, rng: np.random.Generator, u: int) -> list[int]:
    """Move u to a random group and random units back until the sizes fit.

    The random counterpart of ``_compound_move``, so that perturbation can
    move must-together units where plain swaps cannot. Returns the groups
    touched, or [] (state unchanged) if the chain got stuck.
    """
    p = state.p
    a = int(state.grp[u])
    targets = np.flatnonzero(np.arange(p.n_groups) != a)
    b = int(targets[rng.integers(targets.size)])
    mark, before = len(state.log), state.objective
    total = float(state.st[b, u] - state.st[a, u])
    state.move(u, b)
    while state.sizes[b] > p.up[b] or state.sizes[a] < p.lo[a]:
        members = np.flatnonzero((state.grp == b) & p.movable)
        members = members[members != u]
        members = members[state.sizes[a] + p.weight[members] <= p.up[a]]
        if not members.size:
            state.undo(mark, before)
            return []
        v = int(members[rng.integers(members.size)])
        total += float(state.st[a, v] - state.st[b, v])
        state.move(v, a)
    if np.any(state.sizes < p.lo) or np.any(state.sizes > p.up):
        state.undo(mark, before)
        return []
    state.objective = before + total
    return [a, b]


def _search(
    problem: _Problem,
    rng: np.random.Generator,
    deadline: float | None,
    max_iterations: int | None,
) -> tuple[IntArray, int]:
    p = problem
    grp = _construct_or_raise(p, rng, True)
    if int(p.movable.sum()) < 2 or p.n_groups == 1:
        return grp, 0
    state = _State(p, grp)
    queued = np.zeros(p.n_units, dtype=bool)
    start = rng.permutation(np.flatnonzero(p.movable))
    queued[start] = True
    queue = deque(start.tolist())
    _local_search(state, queue, queued, deadline)
    best_grp, best_objective = state.grp.copy(), state.objective

    # Perturbation strength grows while the search stalls and falls back after
    # a new best; small kicks suit MDGP, whose local optima sit close together.
    min_strength, max_strength = 2, max(3, min(12, p.n_units // 8))
    strength = min_strength
    stall = 0
    iterations = 0
    while True:
        if max_iterations is not None and iterations >= max_iterations:
            break
        if deadline is not None and time.perf_counter() >= deadline:
            break
        iterations += 1
        state.log.clear()
        before = state.objective
        touched = _perturb(state, rng, strength)
        _enqueue_touched(state, touched, queue, queued)
        finished = _local_search(state, queue, queued, deadline)
        if not finished:
            queue.clear()
            queued[:] = False
        if state.objective > best_objective + p.eps:
            best_grp, best_objective = state.grp.copy(), state.objective
            strength, stall = min_strength, 0
            continue
        stall += 1
        if state.objective < before - p.eps:
            state.undo(0, before)
        if stall % 50 == 0:
            strength = min_strength + (strength - min_strength + 1) % (
                max_strength - min_strength + 1
            )
    return best_grp, iterations
