"""Reader for MDGPLIB instances (Gallego, Laguna, Martí & Duarte, JORS 2013).

Line 1: ``n G ss|ds a1 b1 ... aG bG`` (the lower and upper size of each group);
then one line ``i j d_ij`` per pair, 0-based. Pairs not listed have d = 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from samspil.grouping.dissimilarity import FloatMatrix
from samspil.grouping.errors import GroupingError


@dataclass(frozen=True)
class MdgpInstance:
    """One MDGPLIB instance: the matrix and the size bounds of each group."""

    name: str
    n: int
    n_groups: int
    kind: str  # "ss": same size for every group; "ds": different sizes
    bounds: list[tuple[int, int]]
    dissimilarity: FloatMatrix


def read_mdgplib(path: str | Path) -> MdgpInstance:
    """Parse one MDGPLIB file; raise GroupingError if it is malformed."""
    path = Path(path)
    lines = path.read_text().splitlines()
    if not lines:
        raise GroupingError(f"{path.name}: the file is empty")
    head = lines[0].split()
    try:
        n, n_groups = int(head[0]), int(head[1])
        kind = head[2]
        numbers = [int(x) for x in head[3:]]
    except (IndexError, ValueError) as exc:
        raise GroupingError(f"{path.name}: line 1 must be 'n G ss|ds a1 b1 ...'") from exc
    if kind not in ("ss", "ds") or len(numbers) != 2 * n_groups or n < 1 or n_groups < 1:
        raise GroupingError(
            f"{path.name}: line 1 must be 'n G ss|ds' and {n_groups} pairs of bounds"
        )
    bounds = [(numbers[2 * g], numbers[2 * g + 1]) for g in range(n_groups)]
    body = " ".join(lines[1:]).split()
    if len(body) % 3:
        raise GroupingError(f"{path.name}: pair lines must have three fields 'i j d_ij'")
    try:
        table = np.array(body, dtype=np.float64).reshape(-1, 3)
    except ValueError as exc:
        raise GroupingError(f"{path.name}: a pair line is not numeric") from exc
    i = table[:, 0].astype(np.int64)
    j = table[:, 1].astype(np.int64)
    if len(table) and (i.min() < 0 or j.min() < 0 or i.max() >= n or j.max() >= n):
        raise GroupingError(f"{path.name}: a pair names a person outside 0..{n - 1}")
    matrix = np.zeros((n, n), dtype=np.float64)
    matrix[i, j] = table[:, 2]
    matrix[j, i] = table[:, 2]
    np.fill_diagonal(matrix, 0.0)
    return MdgpInstance(
        name=path.stem, n=n, n_groups=n_groups, kind=kind, bounds=bounds, dissimilarity=matrix
    )
