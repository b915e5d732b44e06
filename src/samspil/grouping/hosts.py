"""Host rotation: who hosts the coming meetings, so hosting is shared fairly.

Each meeting goes to a candidate with the fewest hostings so far (past ones
and those suggested earlier in the same run), so nobody hosts twice while
another candidate has not hosted. Among those, a candidate whose region
differs from the previous meeting's region comes first, so that consecutive
meetings spread across the country; then the one who hosted longest ago
(or never), then the input order. Plain data in, plain data out.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from samspil.grouping.errors import GroupingError


@dataclass(frozen=True)
class HostCandidate:
    """A member organisation that can host: its key, its region (None: unknown)."""

    key: Hashable
    region: Hashable | None = None


def suggest_hosts(
    meetings: int,
    candidates: Sequence[HostCandidate],
    *,
    past_hostings: Mapping[Hashable, int] | None = None,
    last_hosted: Mapping[Hashable, int] | None = None,
    previous_region: Hashable | None = None,
) -> list[Hashable]:
    """Suggest a host key for each of `meetings` coming meetings, in order.

    `past_hostings[key]` counts the meetings a candidate has hosted;
    `last_hosted[key]` orders when it last hosted (larger is more recent);
    `previous_region` is the region of the meeting just before the first one.
    Raises GroupingError for a negative count, no candidates or duplicate keys.
    """
    if meetings < 0:
        raise GroupingError(f"the number of meetings must be at least 0, not {meetings}")
    if meetings and not candidates:
        raise GroupingError("host suggestions need at least one candidate")
    keys = [candidate.key for candidate in candidates]
    if len(set(keys)) != len(keys):
        raise GroupingError("each host candidate must appear once")
    counts = {key: int((past_hostings or {}).get(key, 0)) for key in keys}
    if any(count < 0 for count in counts.values()):
        raise GroupingError("past hostings cannot be negative")
    recent = {key: (last_hosted or {}).get(key) for key in keys}
    region = previous_region
    position = {key: index for index, key in enumerate(keys)}
    suggestion: list[Hashable] = []
    for _ in range(meetings):
        chosen = min(
            candidates, key=lambda c, region=region: _rank(c, region, counts, recent, position)
        )
        suggestion.append(chosen.key)
        counts[chosen.key] += 1
        # Hostings suggested in this run are more recent than any past one.
        recent[chosen.key] = _after(recent)
        region = chosen.region
    return suggestion


def _rank(
    candidate: HostCandidate,
    region: Hashable | None,
    counts: Mapping[Hashable, int],
    recent: Mapping[Hashable, int | None],
    position: Mapping[Hashable, int],
) -> tuple:
    """Fewest hostings; another region than the last meeting; never or longest ago; order."""
    last = recent[candidate.key]
    return (
        counts[candidate.key],
        region is not None and candidate.region == region,
        last is not None,
        last if last is not None else 0,
        position[candidate.key],
    )


def _after(recent: Mapping[Hashable, int | None]) -> int:
    known = [value for value in recent.values() if value is not None]
    return (max(known) + 1) if known else 1
