"""The library's demo data, the dialogue desk's button, attachments and edits outside
the services (the admin)."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from samspil.demo.management.commands.demo import demo_delete
from samspil.dialogue.models import Output
from samspil.people.models import Organisation
from samspil.solutions import services
from samspil.solutions.models import (
    ATTACHMENT_MAX_BYTES,
    Reuse,
    Solution,
    SolutionAttachment,
    validate_attachment,
)
from samspil.solutions.selectors import SolutionFilters, solution_list
from tests.factories import EventFactory, SolutionFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_demo_loads_solutions_from_the_workshop_and_reset_keeps_them_once():
    call_command("demo", stdout=StringIO())

    assert Solution.objects.filter(published=True).count() == 30
    assert Reuse.objects.count() == 35
    from_workshop = Solution.objects.filter(source_outputs__event__slug="aabne-vaerksteder-2018")
    assert from_workshop.count() == 3
    languages = set(Solution.objects.values_list("original_language", flat=True))
    assert languages == {"da", "en", "fr", "nl"}
    years = {change.date.year for s in Solution.objects.all() for change in s.status_changes.all()}
    assert min(years) == 2015

    call_command("demo", "--reset", stdout=StringIO())
    assert Solution.objects.count() == 30
    assert Output.objects.filter(event__slug="aabne-vaerksteder-2018").count() == 3


def test_demo_delete_removes_solutions_so_organisations_can_go():
    call_command("demo", stdout=StringIO())
    demo_delete()

    assert Solution.objects.count() == 0
    assert not Organisation.objects.filter(slug="aalborg-kommune").exists()


def test_board_offers_to_make_a_solution_draft(client):
    event = EventFactory(kind="workshop")
    output = Output.objects.create(event=event, title="Panel", description="Text")
    client.force_login(StaffFactory())

    html = client.get(reverse("dialogue:board", args=[event.slug])).content.decode()

    assert f'action="{reverse("solutions:from_output", args=[output.pk])}"' in html
    assert "Make a solution draft" in html


@pytest.mark.parametrize(
    ("name", "size", "code"),
    [("report.exe", 10, "file_type"), ("report.pdf", ATTACHMENT_MAX_BYTES + 1, "file_size")],
)
def test_attachment_type_and_size_are_checked(name, size, code):
    upload = SimpleUploadedFile(name, b"x")
    upload.size = size
    with pytest.raises(ValidationError) as error:
        validate_attachment(upload)
    assert error.value.code == code


def test_attachment_is_served_for_visible_solutions_only(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    solution = SolutionFactory()
    item = SolutionAttachment.objects.create(
        solution=solution, title="Evaluation", file=SimpleUploadedFile("eval.pdf", b"%PDF-1.4")
    )
    url = reverse("solutions:attachment", args=[solution.slug, item.pk])

    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    Solution.objects.filter(pk=solution.pk).update(published=False)
    assert client.get(url).status_code == 404


def test_solution_sync_after_an_edit_keeps_status_and_search_in_step():
    staff = StaffFactory()
    solution = SolutionFactory(title={"en": "Old title"})
    solution.status_changes.create(status="spread", date="2030-01-01")

    services.solution_sync(solution=solution, actor=staff)
    Solution.objects.filter(pk=solution.pk).update(title={"en": "Street kitchens"})
    solution.refresh_from_db()
    solution.save()
    services.solution_sync(solution=solution, actor=staff)

    solution.refresh_from_db()
    assert (solution.status, str(solution.status_since)) == ("spread", "2030-01-01")
    found = solution_list(filters=SolutionFilters(query="kitchens"))
    assert [s.pk for s in found] == [solution.pk]


def test_admin_pages_open_and_a_save_ends_in_sync(client):
    staff = StaffFactory(is_superuser=True)
    client.force_login(staff)
    solution = SolutionFactory()

    assert client.get(reverse("admin:solutions_solution_changelist")).status_code == 200
    assert client.get(reverse("admin:solutions_solution_add")).status_code == 200
    change = reverse("admin:solutions_solution_change", args=[solution.pk])
    assert client.get(change).status_code == 200

    inlines = {}
    for prefix in ["status_changes", "initiators", "links", "attachments", "reuses"]:
        inlines |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    inlines |= {
        "status_changes-TOTAL_FORMS": "1",
        "status_changes-0-status": "implemented",
        "status_changes-0-date": "2031-02-03",
    }
    response = client.post(
        change,
        {
            "title_0": "Street kitchens",  # the first language's input: English
            "slug": solution.slug,
            "published": "on",
            "original_language": "en",
            "owner": solution.owner.pk,
            "contact_language": "en",
            **inlines,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    solution.refresh_from_db()
    assert (solution.status, str(solution.status_since)) == ("implemented", "2031-02-03")
    assert solution.search_text == "street kitchens"
