"""Dissimilarity matrices: from people's attributes, or checked when given."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from samspil.grouping.errors import GroupingError

FloatMatrix = NDArray[np.float64]


def dissimilarity_from_attributes(
    people: Sequence[Mapping[str, Hashable | None]],
    weights: Mapping[str, float],
) -> FloatMatrix:
    """Return the nxn matrix with d_ij = the sum of the weights of the attributes that differ.

    ``people[i]`` maps attribute names (for example ``"role"``, ``"organisation"``,
    ``"organisation_kind"``, ``"region"``) to a category; only the attributes named
    in ``weights`` count. A missing attribute or ``None`` is unknown and differs
    from nothing, so it adds nothing to any pair: we do not reward a grouping
    for people we know nothing about.

    Raises GroupingError for a negative or non-finite weight.
    """
    n = len(people)
    matrix = np.zeros((n, n), dtype=np.float64)
    for name, weight in weights.items():
        w = float(weight)
        if not np.isfinite(w) or w < 0:
            raise GroupingError(
                f"the weight of {name!r} must be a finite number >= 0, not {weight!r}"
            )
        if w == 0:
            continue
        codes: dict[Hashable, int] = {}
        values = np.empty(n, dtype=np.int64)
        for i, person in enumerate(people):
            value = person.get(name)
            # -1 marks unknown; each known category gets its own code.
            values[i] = -1 if value is None else codes.setdefault(value, len(codes))
        known = values >= 0
        differ = (values[:, None] != values[None, :]) & known[:, None] & known[None, :]
        matrix += w * differ
    return matrix


def checked_dissimilarity(matrix: ArrayLike) -> FloatMatrix:
    """Return ``matrix`` as a float64 copy with a zero diagonal, after checking it.

    It must be square, finite and symmetric (to 1e-9 relative); the diagonal is
    ignored, since a person is never paired with themself.
    """
    try:
        d = np.array(matrix, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise GroupingError(f"the dissimilarity matrix is not numeric: {exc}") from exc
    if d.ndim != 2 or d.shape[0] != d.shape[1]:
        raise GroupingError(f"the dissimilarity matrix must be square, not of shape {d.shape}")
    if not np.all(np.isfinite(d)):
        raise GroupingError("the dissimilarity matrix holds a value that is not finite")
    np.fill_diagonal(d, 0.0)
    scale = max(1.0, float(np.abs(d).max(initial=0.0)))
    asym = np.abs(d - d.T)
    if asym.size and float(asym.max()) > 1e-9 * scale:
        i, j = np.unravel_index(int(np.argmax(asym)), asym.shape)
        raise GroupingError(
            f"the dissimilarity matrix is not symmetric: d[{i}][{j}] = {d[i, j]} "
            f"but d[{j}][{i}] = {d[j, i]}"
        )
    # Average away rounding noise so every later sum sees the same number twice.
    return (d + d.T) / 2.0
