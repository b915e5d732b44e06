import datetime

import pytest
from django.urls import reverse

from samspil.dialogue.models import Output
from samspil.solutions import services
from samspil.solutions.models import (
    PolicyArea,
    Reuse,
    ReuseInterest,
    Solution,
    SolutionInitiator,
    StatusChange,
)
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    SolutionFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def bulk_solutions(n: int) -> None:
    """n published solutions with history, two policy areas, initiators and a reuse each."""
    owner = OrganisationFactory(region="Region Hovedstaden")
    reuser = OrganisationFactory(region="Region Sjælland")
    statuses = ["idea", "testing", "implemented", "spread"]
    solutions = Solution.objects.bulk_create(
        Solution(
            slug=f"bulk-{i}",
            title={"en": f"Bulk solution {i}", "da": f"Masseløsning {i}"},
            search_text=f"bulk solution {i}\nmasseløsning {i}",
            original_language="en",
            published=True,
            status=statuses[i % 4],
            status_since=D(2015 + i % 11, 1 + i % 12, 1),
            owner=owner,
            start_year=2015 + i % 11,
            reuse_count=1,
        )
        for i in range(n)
    )
    StatusChange.objects.bulk_create(
        StatusChange(solution=s, status=s.status, date=s.status_since) for s in solutions
    )
    areas = list(PolicyArea.objects.all()[:2])
    through = Solution.policy_areas.through
    through.objects.bulk_create(
        through(solution=s, policyarea=area) for s in solutions for area in areas
    )
    SolutionInitiator.objects.bulk_create(
        SolutionInitiator(solution=s, kind=kind)
        for s in solutions
        for kind in ["politicians", "citizens"]
    )
    Reuse.objects.bulk_create(
        Reuse(solution=s, organisation=reuser, started_on=s.status_since) for s in solutions
    )


# The list ---------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 10_000])
def test_list_queries_do_not_grow_with_solutions(client, django_assert_num_queries, count):
    bulk_solutions(count)
    url = reverse("solutions:list") + "?sort=reused&area=health-elderly-care&initiator=politicians"
    # Session-less visitor: 5 filter choices, count, page, 2 prefetches.
    with django_assert_num_queries(9):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == count


@pytest.mark.parametrize("count", [1, 10_000])
def test_statistics_queries_do_not_grow_with_solutions(client, django_assert_num_queries, count):
    bulk_solutions(count)
    with django_assert_num_queries(7):
        response = client.get(reverse("solutions:statistics"))
    assert response.status_code == 200
    assert response.context["share"].total == count


def test_list_filters(client):
    area = PolicyArea.objects.get(slug="employment")
    gentofte = OrganisationFactory(slug="gentofte", region="Region Hovedstaden")
    aalborg = OrganisationFactory(slug="aalborg", region="Region Nordjylland")
    a = SolutionFactory(slug="a", owner=gentofte, status="testing", start_year=2018)
    a.policy_areas.add(area)
    a.initiators.create(kind="politicians")
    a.partners.add(aalborg)
    b = SolutionFactory(slug="b", owner=aalborg, status="spread", start_year=2022, reuse_count=2)
    b.initiators.create(kind="citizens")
    SolutionFactory(slug="draft", owner=aalborg, published=False)
    a.source_outputs.add(Output.objects.create(event=EventFactory(), title="O", description="D"))

    def slugs(query: str) -> list[str]:
        response = client.get(reverse("solutions:list") + "?" + query)
        assert response.status_code == 200
        return [s.slug for s in response.context["page"].object_list]

    assert sorted(slugs("")) == ["a", "b"]
    assert slugs("status=spread") == ["b"]
    assert slugs("area=employment") == ["a"]
    assert slugs("initiator=politicians") == ["a"]
    assert slugs("owner=aalborg") == ["b"]
    assert slugs("partner=aalborg") == ["a"]
    assert slugs("region=Region+Hovedstaden") == ["a"]
    assert slugs("year_from=2020") == ["b"]
    assert slugs("year_to=2019") == ["a"]
    assert slugs("reused=on") == ["b"]
    assert slugs("from_workshop=on") == ["a"]
    assert slugs("language=da") == []
    assert slugs("sort=reused") == ["b", "a"]


def test_list_bad_filter_is_a_clear_400(client):
    response = client.get(reverse("solutions:list") + "?year_from=2020&year_to=2010&status=nope")

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["year_to"] == ["The last year comes before the first."]
    assert list(errors) == ["status", "year_to"]


def test_drafts_are_for_organisers_only(client):
    draft = SolutionFactory(published=False)

    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(StaffFactory())
    assert client.get(draft.get_absolute_url()).status_code == 200


# Reuse ------------------------------------------------------------------------


def test_interest_form_records_and_redirects(client):
    solution = SolutionFactory()
    url = reverse("solutions:interest", args=[solution.slug])

    bad = client.post(url, {"interest-name": "", "interest-email": "nope"})
    assert bad.status_code == 400
    assert ReuseInterest.objects.count() == 0

    response = client.post(
        url,
        {
            "interest-name": "Pia",
            "interest-email": "pia@example.org",
            "interest-organisation": "Furesø Kommune",
        },
    )
    assert response.status_code == 302
    interest = ReuseInterest.objects.get()
    assert (interest.name, interest.language) == ("Pia", "en")


def test_recording_a_reuse_is_for_organisers(client):
    solution = SolutionFactory()
    other = OrganisationFactory()
    url = reverse("solutions:reuse_create", args=[solution.slug])
    data = {"reuse-organisation": other.pk, "reuse-started_on": "2024-01-15"}

    assert client.post(url, data).status_code == 302  # to the sign-in page
    client.force_login(UserFactory())
    assert client.post(url, data).status_code == 403
    assert Reuse.objects.count() == 0

    client.force_login(StaffFactory())
    future = client.post(url, {**data, "reuse-started_on": "2999-01-01"})
    assert future.status_code == 400
    response = client.post(url, data)
    assert response.status_code == 302
    assert list(Reuse.objects.values_list("organisation", "started_on")) == [
        (other.pk, D(2024, 1, 15))
    ]
    twice = client.post(url, data)
    assert twice.status_code == 400
    assert "already reuses this solution" in twice.content.decode()


def test_detail_shows_the_reuse_trail(client, django_assert_max_num_queries):
    solution = SolutionFactory(title={"da": "Dansk titel"}, original_language="da")
    Reuse.objects.create(
        solution=solution, organisation=OrganisationFactory(name="Vejle"), started_on=D(2023, 1, 1)
    )
    with django_assert_max_num_queries(16):
        response = client.get(solution.get_absolute_url())
    html = response.content.decode()
    assert '<h1 lang="da">Dansk titel</h1>' in html
    assert "<strong>Vejle</strong>" in html


# Export -----------------------------------------------------------------------


def test_export_csv_and_json_follow_the_filters(client):
    SolutionFactory(slug="a", status="spread")
    SolutionFactory(slug="b", status="idea")

    csv = client.get(reverse("solutions:export", args=["csv"]) + "?status=spread")
    data = client.get(reverse("solutions:export", args=["json"]) + "?status=spread").json()

    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("slug,title,language,problem")
    assert [line.split(",")[0] for line in lines[1:]] == ["a"]
    assert [record["slug"] for record in data["solutions"]] == ["a"]
    assert client.get(reverse("solutions:export", args=["xml"])).status_code == 404


# From workshop to library -----------------------------------------------------


def test_output_becomes_a_draft_in_one_step(client):
    output = Output.objects.create(event=EventFactory(), title="Idea", description="Text")
    url = reverse("solutions:from_output", args=[output.pk])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 403

    client.force_login(StaffFactory())
    response = client.post(url)
    solution = Solution.objects.get()
    assert response["Location"] == solution.get_absolute_url()
    assert client.post(url)["Location"] == solution.get_absolute_url()
    assert Solution.objects.count() == 1


def test_cached_list_follows_a_new_reuse(client, django_capture_on_commit_callbacks):
    solution = SolutionFactory()
    url = reverse("solutions:list") + "?reused=on"
    assert client.get(url).context["page"].paginator.count == 0
    assert client.get(url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        services.reuse_create(
            solution=solution, organisation=OrganisationFactory(), started_on=D(2024, 1, 1)
        )

    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert response.context["page"].paginator.count == 1
