"""Pure grouping algorithms for Samspil: no Django, nothing of ours, only NumPy.

- ``diverse_groups``: maximally diverse groups under size bounds and hard constraints;
- ``rounds_without_repeats``: several rounds of groups where nobody meets twice;
- ``member_pairs``: one-to-one pairs per period, avoiding earlier pairs;
- ``suggest_hosts``: a fair host rotation for a network's meetings, spread over regions;
- ``read_mdgplib``: the MDGPLIB benchmark format.
"""

from samspil.grouping.dissimilarity import checked_dissimilarity, dissimilarity_from_attributes
from samspil.grouping.diverse import (
    GroupingResult,
    diverse_groups,
    group_size_bounds,
    grouping_objective,
    random_groups,
    random_split_objective,
)
from samspil.grouping.errors import GroupingError
from samspil.grouping.hosts import HostCandidate, suggest_hosts
from samspil.grouping.mdgplib import MdgpInstance, read_mdgplib
from samspil.grouping.pairs import PairsResult, member_pairs
from samspil.grouping.rounds import RoundsResult, repeat_lower_bound, rounds_without_repeats

__all__ = [
    "GroupingError",
    "GroupingResult",
    "HostCandidate",
    "MdgpInstance",
    "PairsResult",
    "RoundsResult",
    "checked_dissimilarity",
    "dissimilarity_from_attributes",
    "diverse_groups",
    "group_size_bounds",
    "grouping_objective",
    "member_pairs",
    "random_groups",
    "random_split_objective",
    "read_mdgplib",
    "repeat_lower_bound",
    "rounds_without_repeats",
    "suggest_hosts",
]
