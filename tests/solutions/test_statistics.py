"""The statistics against figures worked out by hand, and their CSV and page."""

import datetime

import pytest
from django.urls import reverse

from samspil.solutions import selectors, services
from samspil.solutions.models import PolicyArea
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def library():
    nord = OrganisationFactory(name="Aalborg", region="Region Nordjylland")
    syd = OrganisationFactory(name="Odense", region="Region Syddanmark")
    x = OrganisationFactory(name="X")
    y = OrganisationFactory(name="Y")
    area = {area.slug: area for area in PolicyArea.objects.all()}
    a = services.solution_create(
        title={"en": "A"},
        owner=nord,
        original_language="en",
        published=True,
        history=[
            ("idea", D(2020, 3, 1)),
            ("testing", D(2021, 6, 1)),
            ("implemented", D(2021, 11, 1)),
            ("spread", D(2023, 2, 1)),
        ],
        initiators=["politicians", "employees"],
        policy_areas=[area["health-elderly-care"]],
    )
    b = services.solution_create(
        title={"en": "B"},
        owner=syd,
        original_language="en",
        published=True,
        history=[("idea", D(2021, 1, 10)), ("testing", D(2022, 5, 5))],
        initiators=["management"],
        policy_areas=[area["health-elderly-care"], area["children-schools"]],
    )
    services.solution_create(
        title={"en": "C"},
        owner=nord,
        original_language="en",
        published=True,
        history=[("implemented", D(2022, 9, 9))],
        initiators=["politicians"],
        policy_areas=[area["employment"]],
    )
    draft = services.solution_create(
        title={"en": "Draft"},
        owner=syd,
        original_language="en",
        history=[("idea", D(2020, 1, 1))],
        initiators=["politicians"],
        policy_areas=[area["employment"]],
    )
    services.reuse_create(solution=a, organisation=x, started_on=D(2022, 3, 1))
    services.reuse_create(solution=a, organisation=y, started_on=D(2023, 5, 1))
    services.reuse_create(solution=b, organisation=x, started_on=D(2023, 1, 1))
    services.reuse_create(solution=draft, organisation=x, started_on=D(2021, 1, 1))
    return a


def test_status_by_year_counts_each_solution_at_its_status_at_year_end(library):
    figures = selectors.statistics_status_by_year(today=D(2023, 12, 31))

    assert figures.years == [2020, 2021, 2022, 2023]
    assert figures.counts == {
        "idea": [1, 1, 0, 0],
        "testing": [0, 0, 1, 1],
        "implemented": [0, 1, 2, 1],
        "spread": [0, 0, 0, 1],
    }
    assert figures.totals() == [1, 2, 3, 3]


def test_status_by_year_runs_to_this_year(library):
    figures = selectors.statistics_status_by_year(today=D(2025, 6, 1))

    assert figures.years == [2020, 2021, 2022, 2023, 2024, 2025]
    assert figures.counts["spread"] == [0, 0, 0, 1, 1, 1]
    assert figures.totals() == [1, 2, 3, 3, 3, 3]


def test_by_policy_area_region_and_initiator(library):
    areas = [(area.slug, n) for area, n in selectors.statistics_by_policy_area()]
    share = selectors.statistics_initiators()

    assert areas[:4] == [
        ("health-elderly-care", 2),
        ("children-schools", 1),
        ("employment", 1),
        ("social-services", 0),
    ]
    assert sum(n for _slug, n in areas) == 4
    assert selectors.statistics_by_region() == [("Region Nordjylland", 2), ("Region Syddanmark", 1)]
    assert (share.total, share.politicians, share.others) == (3, 2, 1)
    assert share.politicians_percent == 67
    assert share.by_kind == [
        ("politicians", 2),
        ("management", 1),
        ("employees", 1),
        ("citizens", 0),
        ("companies", 0),
        ("other", 0),
    ]


def test_reuses_by_year_and_most_reused(library):
    assert selectors.statistics_reuses_by_year() == [(2022, 1), (2023, 2)]
    assert [(s.slug, s.reuse_count) for s in selectors.statistics_most_reused()] == [
        ("a", 2),
        ("b", 1),
    ]


def test_statistics_csv_has_the_figures(client, library):
    response = client.get(reverse("solutions:statistics_csv", args=["regions"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8-sig").splitlines() == [
        "Region,Solutions",
        "Region Nordjylland,2",
        "Region Syddanmark,1",
    ]


def test_statistics_csv_unknown_chart_is_404(client):
    assert client.get(reverse("solutions:statistics_csv", args=["nope"])).status_code == 404


def test_statistics_page_draws_charts_with_tables(client, library):
    response = client.get(reverse("solutions:statistics"))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg class="chart" role="img"') == 5
    assert html.count("<figcaption>") == 5
    assert html.count('<table class="desk-table chart-table">') == 6
    assert "<strong>67 %</strong>" in html
