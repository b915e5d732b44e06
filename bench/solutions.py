"""Solution library bench: list, search and statistics with many solutions.

Migrates a fresh database (SQLite in a temporary directory, or the PostgreSQL
that DATABASE_URL names, e.g. through scripts/with-postgres.sh), bulk-creates N
published solutions with history, policy areas, initiators and a reuse each,
rebuilds the search vectors, and prints the median and p95 time of each page
through Django's test client (the whole view and template, no network), with its
number of SQL queries: once rendering every time (SAMSPIL_PAGE_CACHE_SECONDS=0, what
the query-count tests and DESIGN.md's server-time bar are about), once with the page
cache on (list and statistics are cached for anonymous visitors).

    .venv/bin/python bench/solutions.py [--solutions 10000]
    scripts/with-postgres.sh .venv/bin/python bench/solutions.py
"""

# Django must be set up before the app modules load, so they are imported in main().
# ruff: noqa: PLC0415

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

PAGES = [
    "/en/solutions/",
    "/en/solutions/?sort=reused&area=health-elderly-care&initiator=politicians",
    "/da/solutions/?q=kommunerne",
    "/en/solutions/?q=bicycle+repair",
    "/en/solutions/statistics/",
]


def load(n: int) -> None:
    """n published solutions with history, two policy areas, two initiators and a reuse."""
    from django.db import connection

    from samspil.people.models import Organisation
    from samspil.solutions.models import (
        PolicyArea,
        Reuse,
        Solution,
        SolutionInitiator,
        StatusChange,
    )
    from samspil.solutions.services import solution_search_refresh

    Solution.objects.all().delete()
    owner, _ = Organisation.objects.get_or_create(
        slug="bench-owner", defaults={"name": "Bench Kommune", "kind": "municipality"}
    )
    reuser, _ = Organisation.objects.get_or_create(
        slug="bench-reuser", defaults={"name": "Bench Region", "kind": "region"}
    )
    texts = [
        ("da", "Kommunen tilbyder genoptræning via skærm"),
        ("en", "Residents repair bicycles together"),
        ("fr", "Les écoles achètent des légumes locaux"),
        ("nl", "Inwoners beslissen samen over de begroting"),
    ]
    statuses = ["idea", "testing", "implemented", "spread"]
    solutions = Solution.objects.bulk_create(
        Solution(
            slug=f"bench-{i}",
            title={texts[i % 4][0]: f"{texts[i % 4][1]} {i}"},
            what_was_done={texts[i % 4][0]: texts[(i + 1) % 4][1]},
            search_text=f"{texts[i % 4][1]} {i}".casefold(),
            original_language=texts[i % 4][0],
            published=True,
            status=statuses[i % 4],
            status_since=date(2015 + i % 11, 1 + i % 12, 1),
            owner=owner,
            start_year=2015 + i % 11,
            reuse_count=1,
        )
        for i in range(n)
    )
    StatusChange.objects.bulk_create(
        StatusChange(solution=s, status=s.status, date=s.status_since) for s in solutions
    )
    through = Solution.policy_areas.through
    areas = list(PolicyArea.objects.all()[:2])
    through.objects.bulk_create(through(solution=s, policyarea=a) for s in solutions for a in areas)
    SolutionInitiator.objects.bulk_create(
        SolutionInitiator(solution=s, kind=k) for s in solutions for k in ["politicians", "other"]
    )
    Reuse.objects.bulk_create(
        Reuse(solution=s, organisation=reuser, started_on=s.status_since) for s in solutions
    )
    if connection.vendor == "postgresql":
        # The service's per-row refresh, in one statement: same vectors, seconds not minutes.
        configs = {"da": "danish", "en": "english", "fr": "french", "nl": "dutch"}
        sets = ", ".join(
            f"search_{code} = setweight(to_tsvector('{config}', "
            f"coalesce(title::jsonb ->> '{code}', '')), 'A') || "
            f"setweight(to_tsvector('{config}', "
            f"coalesce(what_was_done::jsonb ->> '{code}', '')), 'B')"
            for code, config in configs.items()
        )
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE solutions_solution SET {sets}")  # noqa: S608 (constants)
            cursor.execute("ANALYZE")
    solution_search_refresh(solution_ids=[solutions[0].pk])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--solutions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--slow", action="store_true", help="print each page's two slowest queries")
    args = parser.parse_args()
    os.environ.setdefault("SAMSPIL_DATA_DIR", tempfile.mkdtemp())
    os.environ["DJANGO_SETTINGS_MODULE"] = "samspil.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    load(args.solutions)
    print(
        f"{connection.vendor}: {args.solutions} solutions loaded "
        f"in {time.perf_counter() - start:.1f} s"
    )
    client = Client(HTTP_HOST="localhost")
    for seconds in [0, 60]:
        print(f"\npage cache {'off' if not seconds else 'on'}")
        print(f"{'page':<75} {'p50 ms':>7} {'p95 ms':>7} {'queries':>8}")
        with override_settings(SAMSPIL_PAGE_CACHE_SECONDS=seconds):
            for page in PAGES:
                measure(client, page, args)


def measure(client, page: str, args) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(page)
    times = []
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(page)
            times.append(1000 * (time.perf_counter() - began))
        assert response.status_code == 200, (page, response.status_code)
    p95 = sorted(times)[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"{page:<75} {statistics.median(times):7.1f} {p95:7.1f} {len(queries):8d}")
    if args.slow:
        for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:2]:
            print(f"    {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")


if __name__ == "__main__":
    main()
