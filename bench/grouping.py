"""Benchmark of samspil.grouping: prints measured figures, never run as a test.

    python bench/grouping.py [--quick] [MDGP_DIR]

For generated attribute-based instances (groups of 6) and each MDGPLIB
instance: the objective at budgets of 0.1, 1 and 10 s (0.1 and 1 s with
--quick), a seeded random split's objective and, for small instances, the
exact optimum from an OR-Tools CP-SAT model with the gap (n/a without
ortools). Then, for social golfers (Kirkman 15/5/3, 32/8/4), the most rounds
reached without repeats and the time taken. The MDGPLIB folder is the first
argument, else $SAMSPIL_MDGP_DIR, else ../shared/benchmarks/mdgp beside the repo.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from samspil.grouping import (
    dissimilarity_from_attributes,
    diverse_groups,
    group_size_bounds,
    random_split_objective,
    read_mdgplib,
    rounds_without_repeats,
)

WEIGHTS = {"role": 1.0, "organisation": 3.0, "kind": 2.0, "region": 1.0}
EXACT_MAX_N = 12
EXACT_TIME = 30.0


def attribute_people(n: int, seed: int) -> list[dict[str, int]]:
    """Six roles, four organisation kinds, five regions, Zipf-skewed organisations."""
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


def exact_optimum(d: np.ndarray, bounds: list[tuple[int, int]]) -> float | None:
    """The optimum by CP-SAT on the usual pair-linearised model; None if unavailable or unproven."""
    try:
        from ortools.sat.python import cp_model  # noqa: PLC0415 (optional: n/a without it)
    except ImportError:
        return None
    n, groups = d.shape[0], len(bounds)
    scale = 1000
    weights = np.rint(d * scale).astype(int)
    model = cp_model.CpModel()
    x = [[model.NewBoolVar(f"x{i}_{g}") for g in range(groups)] for i in range(n)]
    for i in range(n):
        model.AddExactlyOne(x[i])
    for g, (lo, up) in enumerate(bounds):
        model.AddLinearConstraint(sum(x[i][g] for i in range(n)), lo, up)
    # Symmetry breaking: person 0 in group 0 when all groups are alike.
    if len(set(bounds)) == 1:
        model.Add(x[0][0] == 1)
    terms = []
    for i in range(n):
        for j in range(i + 1, n):
            if weights[i, j] == 0:
                continue
            for g in range(groups):
                y = model.NewBoolVar("")
                model.AddImplication(y, x[i][g])
                model.AddImplication(y, x[j][g])
                terms.append(int(weights[i, j]) * y)
    model.Maximize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = EXACT_TIME
    solver.parameters.num_workers = 2
    status = solver.Solve(model)
    if status != cp_model.OPTIMAL:
        return None
    return solver.ObjectiveValue() / scale


def mdgp_dir(argument: str | None) -> Path:
    if argument:
        return Path(argument)
    if os.environ.get("SAMSPIL_MDGP_DIR"):
        return Path(os.environ["SAMSPIL_MDGP_DIR"])
    return Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "mdgp"


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def bench_diverse(
    name: str, d: np.ndarray, bounds: list[tuple[int, int]], budgets: list[float]
) -> None:
    values = [diverse_groups(d, bounds=bounds, time_limit=t, seed=0).objective for t in budgets]
    random = random_split_objective(d, bounds=bounds, seed=0)
    exact = exact_optimum(d, bounds) if d.shape[0] <= EXACT_MAX_N else None
    best = max(values)
    reference = exact if exact is not None else best
    gap = "" if not reference else f"{100 * (reference - values[1]) / abs(reference):.2f}%"
    cells = [f"{v:>12.1f}" for v in values]
    print(
        f"{name:<22} {d.shape[0]:>5} {len(bounds):>4} {' '.join(cells)} {random:>12.1f} "
        f"{fmt(exact):>12} {gap:>8}"
    )


def max_rounds(n: int, size: int, start: int, stop: int, budget: float) -> tuple[int, float]:
    """Most rounds in start..stop reached without repeats within budget seconds each."""
    reached, spent = 0, 0.0
    for rounds in range(start, stop + 1):
        result = rounds_without_repeats(
            n, rounds=rounds, group_size=size, time_limit=budget, seed=0
        )
        if result.repeats:
            break
        reached, spent = rounds, result.elapsed
    return reached, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="budgets of 0.1 and 1 s only")
    parser.add_argument("mdgp_dir", nargs="?", help="folder of MDGPLIB instances")
    args = parser.parse_args()
    budgets = [0.1, 1.0] if args.quick else [0.1, 1.0, 10.0]

    head = " ".join(f"{f'{t:g} s':>12}" for t in budgets)
    print("Maximally diverse groups: objective by time budget (seed 0)")
    print("gap 1 s = how far the 1 s objective is below the exact optimum (CP-SAT, n <= 12),")
    print("  else below the best of this row's runs (0.00% there: no longer run did better)")
    print(f"{'instance':<22} {'n':>5} {'G':>4} {head} {'random':>12} {'exact':>12} {'gap 1 s':>8}")
    for n in (40, 120, 400, 1000):
        d = dissimilarity_from_attributes(attribute_people(n, 1), WEIGHTS)
        bench_diverse(f"attributes_n{n}_g6", d, group_size_bounds(n, group_size=6), budgets)

    folder = mdgp_dir(args.mdgp_dir)
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        print(f"(no MDGPLIB instances in {folder}; skipped)")
    for path in files:
        instance = read_mdgplib(path)
        bench_diverse(instance.name, instance.dissimilarity, instance.bounds, budgets)

    print()
    print("Rounds without repeats (social golfers), up to 10 s per round count")
    print(f"{'case':<28} {'rounds reached':>15} {'known max':>10} {'time of last':>13}")
    for label, n, size, known in (
        ("Kirkman 15 people, 5x3", 15, 3, 7),
        ("golfers 32 people, 8x4", 32, 4, 10),
    ):
        started = time.perf_counter()
        reached, spent = max_rounds(n, size, 2, known, 10.0)
        del started
        print(f"{label:<28} {reached:>15} {known:>10} {spent:>12.2f}s")


if __name__ == "__main__":
    main()
