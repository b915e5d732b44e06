"""Read queries for the solution library: list, search, detail, export and statistics.

Everything runs a fixed number of queries whatever the number of solutions; the
statistics aggregate in SQL and bring back at most a row per (status, year, year).
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samspil.people.models import Organisation
from samspil.solutions.models import (
    SEARCH_CONFIGS,
    Initiator,
    PolicyArea,
    Reuse,
    Solution,
    SolutionInitiator,
    SolutionStatus,
    StatusChange,
    TargetGroup,
)
from samspil.solutions.permissions import can_organise

SORTS = {"recent": ["-status_since", "-pk"], "reused": ["-reuse_count", "-status_since", "-pk"]}


@dataclass(frozen=True)
class SolutionFilters:
    query: str = ""
    status: str = ""
    policy_area: str = ""
    target_group: str = ""
    initiator: str = ""
    owner: str = ""
    partner: str = ""
    region: str = ""
    language: str = ""
    year_from: int | None = None
    year_to: int | None = None
    from_workshop: bool = False
    reused: bool = False
    sort: str = "recent"


def visible_solutions(*, user=None) -> QuerySet[Solution]:
    """Published solutions; organisers see drafts too."""
    if user is not None and can_organise(user):
        return Solution.objects.all()
    return Solution.objects.filter(published=True)


def _search(solutions: QuerySet[Solution], query: str) -> QuerySet[Solution]:
    words = query.casefold().split()
    if not words:
        return solutions
    contains = Q()
    for word in words:
        contains &= Q(search_text__contains=word)
    if connection.vendor != "postgresql":
        return solutions.filter(contains)
    # The query in every language's configuration against that language's vector,
    # so "kommunerne" (Danish stemming) finds "kommune"; plain substrings still match.
    matches = contains
    for code, config in SEARCH_CONFIGS.items():
        matches |= Q(**{f"search_{code}": SearchQuery(query, config=config)})
    return solutions.filter(matches)


def _filtered(*, filters: SolutionFilters, user=None) -> QuerySet[Solution]:
    solutions = _search(visible_solutions(user=user), filters.query)
    if filters.status:
        solutions = solutions.filter(status=filters.status)
    if filters.policy_area:
        solutions = solutions.filter(policy_areas__slug=filters.policy_area)
    if filters.target_group:
        solutions = solutions.filter(target_groups__slug=filters.target_group)
    if filters.initiator:
        solutions = solutions.filter(
            Exists(
                SolutionInitiator.objects.filter(solution=OuterRef("pk"), kind=filters.initiator)
            )
        )
    if filters.owner:
        solutions = solutions.filter(owner__slug=filters.owner)
    if filters.partner:
        solutions = solutions.filter(partners__slug=filters.partner)
    if filters.region:
        solutions = solutions.filter(owner__region=filters.region)
    if filters.language:
        solutions = solutions.filter(original_language=filters.language)
    if filters.year_from:
        solutions = solutions.filter(start_year__gte=filters.year_from)
    if filters.year_to:
        solutions = solutions.filter(start_year__lte=filters.year_to)
    if filters.from_workshop:
        solutions = solutions.filter(
            Exists(Solution.source_outputs.through.objects.filter(solution=OuterRef("pk")))
        )
    if filters.reused:
        solutions = solutions.filter(reuse_count__gt=0)
    return solutions.order_by(*SORTS.get(filters.sort, SORTS["recent"]))


def solution_list(*, filters: SolutionFilters, user=None) -> QuerySet[Solution]:
    """The list page's rows: only the columns a card shows, areas and initiators prefetched."""
    return (
        _filtered(filters=filters, user=user)
        .select_related("owner")
        .only(
            "slug",
            "title",
            "original_language",
            "published",
            "status",
            "status_since",
            "start_year",
            "reuse_count",
            "owner__name",
            "owner__region",
        )
        .prefetch_related("policy_areas", "initiators")
    )


def solution_export_rows(*, filters: SolutionFilters, user=None) -> QuerySet[Solution]:
    """The filtered list with everything an export writes."""
    return (
        _filtered(filters=filters, user=user)
        .select_related("owner", "contact")
        .defer("search_text", "search_da", "search_en", "search_fr", "search_nl")
        .prefetch_related(
            "policy_areas",
            "target_groups",
            "initiators",
            "partners",
            "links",
            Prefetch("status_changes", queryset=StatusChange.objects.order_by("date", "pk")),
        )
    )


@dataclass(frozen=True)
class FilterChoices:
    owners: list[tuple[str, str]]
    partners: list[tuple[str, str]]
    regions: list[str]
    policy_areas: list[PolicyArea]
    target_groups: list[TargetGroup]


def filter_choices(*, user=None) -> FilterChoices:
    """What the filters offer: only values that visible solutions have. Five queries."""
    visible = visible_solutions(user=user)
    owners = Organisation.objects.filter(Exists(visible.filter(owner=OuterRef("pk"))))
    partners = Organisation.objects.filter(Exists(visible.filter(partners=OuterRef("pk"))))
    regions = (
        Organisation.objects.filter(Exists(visible.filter(owner=OuterRef("pk"))))
        .exclude(region="")
        .values_list("region", flat=True)
        .order_by("region")
        .distinct()
    )
    return FilterChoices(
        owners=list(owners.values_list("slug", "name")),
        partners=list(partners.values_list("slug", "name")),
        regions=list(regions),
        policy_areas=list(PolicyArea.objects.all()),
        target_groups=list(TargetGroup.objects.all()),
    )


def solution_detail(*, slug: str, user=None) -> Solution:
    """A solution with everything its page shows; 404 for drafts unless an organiser asks."""
    return get_object_or_404(
        visible_solutions(user=user)
        .select_related("owner", "contact__organisation")
        .prefetch_related(
            "policy_areas",
            "target_groups",
            "partners",
            "initiators",
            "links",
            "attachments",
            "source_events",
            "source_outputs__event",
            Prefetch("status_changes", queryset=StatusChange.objects.order_by("date", "pk")),
            Prefetch(
                "reuses",
                queryset=Reuse.objects.select_related("organisation").order_by("started_on", "pk"),
            ),
        ),
        slug=slug,
    )


# Statistics -------------------------------------------------------------------


@dataclass
class StatusYears:
    years: list[int]
    # status -> counts per year (same order as `years`): solutions at that status at year end.
    counts: dict[str, list[int]]

    def totals(self) -> list[int]:
        return [sum(column) for column in zip(*self.counts.values(), strict=True)]


def statistics_status_by_year(*, today=None) -> StatusYears:
    """Published solutions at each status at the end of each year (this year: today).

    One query: every status change with the year of the solution's next change,
    grouped, so a change counts for the years from its own to the one before the next.
    """
    today = today or timezone.localdate()
    next_year = Subquery(
        StatusChange.objects.filter(solution=OuterRef("solution"), date__gt=OuterRef("date"))
        .order_by("date")
        .annotate(year=ExtractYear("date"))
        .values("year")[:1],
        output_field=IntegerField(),
    )
    rows = (
        StatusChange.objects.filter(solution__published=True, date__lte=today)
        .annotate(year=ExtractYear("date"), until=next_year)
        .values("status", "year", "until")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = list(rows)
    if not rows:
        return StatusYears(years=[], counts={})
    first = min(row["year"] for row in rows)
    years = list(range(first, today.year + 1))
    counts = {status: [0] * len(years) for status in SolutionStatus.values}
    for row in rows:
        # A later change in the same year replaces this one before the year ends.
        last = (row["until"] or today.year + 1) - 1
        for year in range(row["year"], last + 1):
            counts[row["status"]][year - first] += row["n"]
    return StatusYears(years=years, counts=counts)


def statistics_by_policy_area() -> list[tuple[PolicyArea, int]]:
    areas = PolicyArea.objects.annotate(
        n=Count("solutions", filter=Q(solutions__published=True))
    ).order_by("-n", "order", "slug")
    return [(area, area.n) for area in areas]


def statistics_by_region() -> list[tuple[str, int]]:
    """(region, count) largest first; "" stands for organisations without a region."""
    rows = (
        Solution.objects.filter(published=True)
        .values("owner__region")
        .annotate(n=Count("pk"))
        .order_by("-n", "owner__region")
    )
    return [(row["owner__region"], row["n"]) for row in rows]


@dataclass
class InitiatorShare:
    total: int
    politicians: int
    by_kind: list[tuple[str, int]]

    @property
    def others(self) -> int:
        return self.total - self.politicians

    @property
    def politicians_percent(self) -> int:
        return round(100 * self.politicians / self.total) if self.total else 0


def statistics_initiators() -> InitiatorShare:
    """How many published solutions politicians (co-)initiated, and counts per initiator."""
    politicians = Exists(
        SolutionInitiator.objects.filter(solution=OuterRef("pk"), kind=Initiator.POLITICIANS)
    )
    figures = Solution.objects.filter(published=True).aggregate(
        total=Count("pk"), politicians=Count("pk", filter=Q(politicians))
    )
    per_kind = dict(
        SolutionInitiator.objects.filter(solution__published=True)
        .values("kind")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("kind", "n")
    )
    return InitiatorShare(
        total=figures["total"],
        politicians=figures["politicians"],
        by_kind=[(kind, per_kind.get(kind, 0)) for kind in Initiator.values],
    )


def statistics_reuses_by_year() -> list[tuple[int, int]]:
    """Reuses of published solutions that started each year, from the first to the last."""
    rows = dict(
        Reuse.objects.filter(solution__published=True)
        .annotate(year=ExtractYear("started_on"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("year", "n")
    )
    if not rows:
        return []
    return [(year, rows.get(year, 0)) for year in range(min(rows), max(rows) + 1)]


def statistics_most_reused(*, limit: int = 10) -> list[Solution]:
    return list(
        Solution.objects.filter(published=True, reuse_count__gt=0)
        .select_related("owner")
        .only("slug", "title", "original_language", "reuse_count", "owner__name")
        .order_by("-reuse_count", "pk")[:limit]
    )
