import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from samspil.core.models import AuditLog
from samspil.dialogue.models import Output
from samspil.solutions import services
from samspil.solutions.models import PolicyArea, ReuseInterest, Solution, StatusChange
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    SolutionFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def test_solution_create_keeps_history_and_current_status():
    owner = OrganisationFactory()
    solution = services.solution_create(
        title={"da": "Velfærdsteknologi i hjemmeplejen"},
        owner=owner,
        original_language="da",
        history=[
            ("testing", D(2019, 5, 1)),
            ("idea", D(2018, 3, 1)),
            ("implemented", D(2021, 1, 4)),
        ],
        initiators=["politicians", "employees", "politicians"],
        policy_areas=[PolicyArea.objects.get(slug="health-elderly-care")],
        start_year=2018,
        links=[("https://example.org/case", "The case")],
        published=True,
    )

    assert solution.slug == "velfaerdsteknologi-i-hjemmeplejen"
    assert (solution.status, solution.status_since) == ("implemented", D(2021, 1, 4))
    assert list(solution.status_changes.values_list("status", "date")) == [
        ("idea", D(2018, 3, 1)),
        ("testing", D(2019, 5, 1)),
        ("implemented", D(2021, 1, 4)),
    ]
    assert sorted(solution.initiators.values_list("kind", flat=True)) == [
        "employees",
        "politicians",
    ]
    assert list(solution.policy_areas.values_list("slug", flat=True)) == ["health-elderly-care"]
    assert solution.search_text == "velfærdsteknologi i hjemmeplejen"


def test_solution_create_without_title_is_refused():
    with pytest.raises(ValidationError):
        services.solution_create(
            title={"en": " "}, owner=OrganisationFactory(), original_language="en"
        )
    assert Solution.objects.count() == 0


def test_solution_create_two_changes_on_one_day_is_refused():
    with pytest.raises(ValidationError) as error:
        services.solution_create(
            title={"en": "X"},
            owner=OrganisationFactory(),
            original_language="en",
            history=[("idea", D(2020, 1, 1)), ("testing", D(2020, 1, 1))],
        )
    assert error.value.code == "history"
    assert Solution.objects.count() == 0


def test_solution_status_change_follows_the_latest_date():
    solution = SolutionFactory(status="idea", status_since=D(2020, 1, 1))

    services.solution_status_change(solution=solution, status="spread", date=D(2023, 6, 1))
    services.solution_status_change(solution=solution, status="testing", date=D(2021, 6, 1))

    solution.refresh_from_db()
    assert (solution.status, solution.status_since) == ("spread", D(2023, 6, 1))
    with pytest.raises(ValidationError):
        services.solution_status_change(solution=solution, status="idea", date=D(2023, 6, 1))
    assert StatusChange.objects.filter(solution=solution).count() == 3


def test_reuse_create_counts_and_refuses_twice_and_owner():
    solution = SolutionFactory()
    other = OrganisationFactory()
    staff = StaffFactory()

    reuse = services.reuse_create(
        solution=solution,
        organisation=other,
        started_on=D(2024, 2, 1),
        changes="Used in two districts",
        contact_name="Ane",
        contact_email="ane@example.org",
        actor=staff,
    )

    assert solution.reuse_count == 1
    assert Solution.objects.get(pk=solution.pk).reuse_count == 1
    assert AuditLog.objects.filter(action="solution.reuse.create", target_id=reuse.pk).count() == 1
    with pytest.raises(ValidationError) as twice:
        services.reuse_create(solution=solution, organisation=other, started_on=D(2024, 3, 1))
    assert twice.value.code == "twice"
    with pytest.raises(ValidationError) as own:
        services.reuse_create(
            solution=solution, organisation=solution.owner, started_on=D(2024, 3, 1)
        )
    assert own.value.code == "owner"
    assert Solution.objects.get(pk=solution.pk).reuse_count == 1


def test_reuse_interest_mails_the_contact_in_the_contacts_language(
    django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    contact = PersonFactory(name="Lene", email="lene@example.org")
    solution = SolutionFactory(
        title={"da": "Sprogstøtte", "en": "Language support"},
        original_language="da",
        contact=contact,
        contact_language="da",
    )

    with django_capture_on_commit_callbacks(execute=True):
        interest = services.reuse_interest_create(
            solution=solution,
            name="Pieter",
            email="pieter@example.be",
            organisation="Stad Gent",
            message="Can we talk?",
            language="nl",
        )

    assert [message.to for message in mail.outbox] == [["lene@example.org"]]
    message = mail.outbox[0]
    assert message.reply_to == ["pieter@example.be"]
    assert message.extra_headers["Content-Language"] == "da"
    assert "Sprogstøtte" in message.subject
    assert "Pieter" in message.body
    assert "Can we talk?" in message.body
    assert ReuseInterest.objects.get(pk=interest.pk).mailed_at is not None


def test_solution_create_from_output_keeps_the_link_once():
    event = EventFactory(original_language="da")
    output = Output.objects.create(
        event=event, title="Politisk business case", description="En model for politikere"
    )
    staff = StaffFactory()

    solution, created = services.solution_create_from_output(output=output, actor=staff)
    again, created_again = services.solution_create_from_output(output=output, actor=staff)

    assert (created, created_again) == (True, False)
    assert again.pk == solution.pk
    assert solution.published is False
    assert solution.title.data == {"da": "Politisk business case"}
    assert solution.owner == event.organiser
    assert list(solution.source_outputs.all()) == [output]
    assert list(solution.source_events.all()) == [event]
    assert solution.status == "idea"
