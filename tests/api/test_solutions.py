from datetime import date

import pytest

from samspil.solutions.models import PolicyArea, Reuse, SolutionLink
from tests.factories import OrganisationFactory, PersonFactory, SolutionFactory

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["items"]]


def test_solutions_lists_published_ones_only(client):
    SolutionFactory(slug="published")
    SolutionFactory(slug="draft", published=False)

    response = client.get("/api/solutions", {"lang": "da"})

    assert response.status_code == 200
    assert slugs(response) == ["published"]
    item = response.json()["items"][0]
    assert item["title"]["language"] == "da"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "implemented"}, ["implemented"]),
        ({"area": "health-elderly-care"}, ["implemented"]),
        ({"owner": "aarhus"}, ["idea"]),
        ({"year_from": 2020}, ["implemented"]),
    ],
)
def test_solutions_filters_like_the_library(client, params, expected):
    SolutionFactory(slug="idea", owner=OrganisationFactory(slug="aarhus"), start_year=2015)
    implemented = SolutionFactory(slug="implemented", status="implemented", start_year=2022)
    implemented.policy_areas.add(PolicyArea.objects.get(slug="health-elderly-care"))

    response = client.get("/api/solutions", params)

    assert response.status_code == 200
    assert slugs(response) == expected


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"owner": "nobody"}, ["query", "owner"]),
        ({"year_from": 2020, "year_to": 2010}, ["query", "year_to"]),
        ({"year_from": 1000}, ["query", "year_from"]),
        ({"sort": "random"}, ["query", "sort"]),
    ],
)
def test_solutions_bad_filters_answer_422(client, params, loc):
    SolutionFactory()

    response = client.get("/api/solutions", params)

    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["errors"]] == [loc]


def test_solutions_list_runs_constant_queries(client, django_assert_num_queries):
    area = PolicyArea.objects.first()
    SolutionFactory().policy_areas.add(area)
    # the form's five choice lists, count, page, policy areas, initiators
    with django_assert_num_queries(9):
        assert client.get("/api/solutions").json()["count"] == 1
    for _number in range(12):
        SolutionFactory().policy_areas.add(area)
    with django_assert_num_queries(9):
        assert client.get("/api/solutions").json()["count"] == 13


def test_solution_detail_shows_the_reuse_trail_without_e_mails(client):
    contact = PersonFactory(name="Carla", email="carla@example.org")
    solution = SolutionFactory(slug="meals", contact=contact, problem={"da": "Ensomhed"})
    SolutionLink.objects.create(solution=solution, url="https://example.org", title="Report")
    Reuse.objects.create(
        solution=solution,
        organisation=OrganisationFactory(slug="vejle", name="Vejle"),
        started_on=date(2024, 3, 1),
        contact_name="Rita",
        contact_email="rita@example.org",
    )

    response = client.get("/api/solutions/meals")

    assert response.status_code == 200
    body = response.json()
    assert body["problem"] == {"text": "Ensomhed", "language": "da"}
    assert body["contact"]["name"] == "Carla"
    assert body["links"] == [{"title": "Report", "url": "https://example.org"}]
    assert [(r["organisation"]["slug"], r["contact_name"]) for r in body["reuses"]] == [
        ("vejle", "Rita")
    ]
    assert [step["status"] for step in body["status_history"]] == ["idea"]
    content = response.content.decode()
    assert "carla@example.org" not in content
    assert "rita@example.org" not in content


def test_draft_or_unknown_solution_is_404(client):
    SolutionFactory(slug="draft", published=False)

    for slug in ["draft", "nothing"]:
        assert client.get(f"/api/solutions/{slug}").status_code == 404
