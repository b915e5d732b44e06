"""One-to-one pairs of network members per period, avoiding earlier pairs.

A pair that has met before is avoided whenever a pairing without it exists
(a hard preference, minimised when it cannot be met); among pairings with the
fewest repeats, pairs across organisations are preferred, by a weight that
adds to an optional dissimilarity matrix.

With an odd number of members, ``odd="trio"`` (the default) makes one group of
three, so that nobody is left out; ``odd="out"`` leaves one member out per
period instead, preferring members not left out before (``sat_out``) and, over
several periods, a different member each time.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from samspil.grouping.dissimilarity import checked_dissimilarity
from samspil.grouping.errors import GroupingError
from samspil.grouping.rounds import rounds_without_repeats


@dataclass(frozen=True)
class PairsResult:
    """Pairs per period.

    ``periods[p]`` lists the pairs (and, for an odd count with ``odd="trio"``,
    one trio) of period p, each in increasing order. ``left_out[p]`` is the
    member left out in period p, or None. ``repeats`` counts meetings beyond a
    pair's first (earlier pairs included); ``cross_organisation`` counts the
    pairs (within trios too) whose members come from different organisations.
    """

    periods: list[list[tuple[int, ...]]]
    left_out: list[int | None]
    repeats: int
    cross_organisation: int
    elapsed: float


# Input checks and the odd-count stand-in make many small branches.
def member_pairs(  # noqa: PLR0912
    n: int,
    *,
    periods: int = 1,
    earlier: Iterable[tuple[int, int]] = (),
    organisations: Sequence[Hashable | None] | None = None,
    cross_organisation_weight: float = 1.0,
    dissimilarity: ArrayLike | None = None,
    odd: Literal["trio", "out"] = "trio",
    sat_out: Iterable[int] = (),
    time_limit: float | None = 1.0,
    max_iterations: int | None = None,
    seed: int = 0,
) -> PairsResult:
    """Pair n members for each of ``periods`` periods.

    ``earlier`` lists pairs that have met; ``organisations[i]`` is member i's
    organisation (None: unknown, never counted as different). The budget and
    seed work as in ``rounds_without_repeats``. Raises GroupingError for
    malformed input, including fewer than two members.
    """
    if n < 2:
        raise GroupingError(f"pairs need at least two members, not {n}")
    if odd not in ("trio", "out"):
        raise GroupingError(f"odd must be 'trio' or 'out', not {odd!r}")
    if not np.isfinite(cross_organisation_weight) or cross_organisation_weight < 0:
        raise GroupingError("the cross-organisation weight must be a finite number >= 0")
    d = np.zeros((n, n))
    if dissimilarity is not None:
        d = checked_dissimilarity(dissimilarity)
        if d.shape[0] != n:
            raise GroupingError(f"the dissimilarity matrix is for {d.shape[0]} people, not {n}")
    cross = np.zeros((n, n), dtype=bool)
    if organisations is not None:
        if len(organisations) != n:
            raise GroupingError(f"{len(organisations)} organisations given for {n} members")
        codes: dict[Hashable, int] = {}
        org = np.array(
            [-1 if o is None else codes.setdefault(o, len(codes)) for o in organisations]
        )
        cross = (org[:, None] != org[None, :]) & (org[:, None] >= 0) & (org[None, :] >= 0)
        d = d + cross_organisation_weight * cross
    earlier = list(earlier)
    size = n
    if n % 2 and odd == "out":
        # A stand-in member n: whoever is paired with it sits out. Having "met"
        # it means having sat out, so the search spreads sitting out.
        size = n + 1
        d = np.pad(d, ((0, 1), (0, 1)))
        for person in sat_out:
            if isinstance(person, bool) or not isinstance(person, int) or not 0 <= person < n:
                raise GroupingError(f"sat_out names {person!r}; members are numbered 0..{n - 1}")
            earlier.append((person, n))
    result = rounds_without_repeats(
        size,
        rounds=periods,
        n_groups=size // 2,
        earlier=earlier,
        dissimilarity=d,
        time_limit=time_limit,
        max_iterations=max_iterations,
        seed=seed,
    )
    out: list[int | None] = []
    plan: list[list[tuple[int, ...]]] = []
    for groups in result.rounds:
        left = None
        pairs = []
        for group in groups:
            if n in group and size > n:
                left = next(p for p in group if p != n)
            else:
                pairs.append(tuple(group))
        out.append(left)
        plan.append(sorted(pairs))
    real_repeats = sum(1 for i, j in result.repeated_pairs if j < n)
    repeats = 0
    if real_repeats:
        meetings = np.zeros((n, n), dtype=np.int64)
        for i, j in earlier:
            if max(i, j) < n:
                meetings[i, j] = meetings[j, i] = 1
        for pairs in plan:
            for group in pairs:
                meetings[np.ix_(group, group)] += 1
        np.fill_diagonal(meetings, 0)
        repeats = int(np.maximum(np.triu(meetings, 1) - 1, 0).sum())
    crossing = sum(
        int(cross[i, j])
        for pairs in plan
        for group in pairs
        for k, i in enumerate(group)
        for j in group[k + 1 :]
    )
    return PairsResult(
        periods=plan,
        left_out=out,
        repeats=repeats,
        cross_organisation=crossing,
        elapsed=result.elapsed,
    )
