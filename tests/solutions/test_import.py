"""CSV import: a preview names every bad row and column; nothing is saved until accepted."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samspil.people.models import Organisation
from samspil.solutions import imports
from samspil.solutions.models import ImportBatch, Solution
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    SolutionFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HEADER = (
    "title,language,owner,status,status_date,start_year,"
    "policy_areas,initiated_by,contact_email,links\n"
)
GOOD = (
    HEADER
    + "Borgerbudget i Gentofte,da,gentofte,implemented,2021-05-01,2019,democracy,politicians;citizens,lene@example.org,https://example.org\n"
    + '"Repair café, Ghent",en,Gentofte Kommune,idea,,2024,,,,\n'
)
BAD = (
    HEADER
    + "Good row,da,gentofte,idea,,,,,,\n"
    + ",xx,nowhere,maybe,2021-13-01,12,unknown-area,kings,nobody@example.org,not-a-link\n"
)


@pytest.fixture
def staff_client(client):
    OrganisationFactory(slug="gentofte", name="Gentofte Kommune")
    PersonFactory(email="lene@example.org")
    client.force_login(StaffFactory())
    return client


def upload(client, content: str, name: str = "cases.csv"):
    return client.post(
        reverse("solutions:import"),
        {"file": SimpleUploadedFile(name, content.encode(), content_type="text/csv")},
    )


def test_import_with_errors_names_bad_rows_and_saves_nothing(staff_client):
    response = upload(staff_client, BAD)
    preview = staff_client.get(response["Location"])

    assert preview.status_code == 200
    errors = [(e.row, e.field) for e in preview.context["preview"].errors]
    assert errors == [
        (3, "title"),
        (3, "language"),
        (3, "status"),
        (3, "start_year"),
        (3, "status_date"),
        (3, "owner"),
        (3, "contact_email"),
        (3, "policy_areas"),
        (3, "initiated_by"),
        (3, "links"),
    ]
    html = preview.content.decode()
    assert "Row 3, column owner: No organisation is called nowhere." in html
    assert "Import these solutions" not in html
    batch = ImportBatch.objects.get()
    accepted = staff_client.post(
        reverse("solutions:import_accept", args=[batch.pk]), {"checksum": batch.checksum}
    )
    assert accepted.status_code == 302
    assert Solution.objects.count() == 0


def test_import_saves_only_when_the_preview_is_accepted(staff_client):
    response = upload(staff_client, GOOD)
    batch = ImportBatch.objects.get()
    preview = staff_client.get(response["Location"])

    assert preview.context["preview"].ok is True
    assert Solution.objects.count() == 0

    wrong = staff_client.post(
        reverse("solutions:import_accept", args=[batch.pk]), {"checksum": "0" * 64}
    )
    assert wrong.status_code == 302
    assert Solution.objects.count() == 0

    staff_client.post(
        reverse("solutions:import_accept", args=[batch.pk]), {"checksum": batch.checksum}
    )
    solutions = {s.slug: s for s in Solution.objects.all()}
    assert sorted(solutions) == ["borgerbudget-i-gentofte", "repair-cafe-ghent"]
    budget = solutions["borgerbudget-i-gentofte"]
    assert budget.title.data == {"da": "Borgerbudget i Gentofte"}
    assert (budget.status, str(budget.status_since), budget.start_year) == (
        "implemented",
        "2021-05-01",
        2019,
    )
    assert sorted(budget.initiators.values_list("kind", flat=True)) == ["citizens", "politicians"]
    assert budget.contact.email == "lene@example.org"
    assert list(budget.links.values_list("url", flat=True)) == ["https://example.org"]

    again = staff_client.post(
        reverse("solutions:import_accept", args=[batch.pk]), {"checksum": batch.checksum}
    )
    assert again.status_code == 404
    assert Solution.objects.count() == 2


def test_import_file_level_errors(staff_client):
    response = upload(staff_client, "name,city\nx,y\n")
    preview = staff_client.get(response["Location"])
    assert preview.context["preview"].file_errors == [
        "Missing columns: title, language, owner.",
        "Unknown columns: name, city.",
    ]
    assert upload(staff_client, "x", name="cases.xlsx").status_code == 400
    bad_bytes = staff_client.post(
        reverse("solutions:import"),
        {"file": SimpleUploadedFile("c.csv", b"\xff\xfe\x00bad", content_type="text/csv")},
    )
    assert bad_bytes.status_code == 400


def test_import_is_for_organisers(client):
    client.force_login(UserFactory())
    assert client.get(reverse("solutions:import")).status_code == 403


def test_export_guards_formulas_and_imports_back(staff_client):
    owner = Organisation.objects.get(slug="gentofte")
    SolutionFactory(slug="sum", title={"da": "=SUM(A1)"}, original_language="da", owner=owner)

    exported = staff_client.get(reverse("solutions:export", args=["csv"]))
    text = exported.content.decode("utf-8-sig")
    assert "'=SUM(A1)" in text

    Solution.objects.all().delete()
    staff_client.post(
        reverse("solutions:import"),
        {"file": SimpleUploadedFile("back.csv", exported.content, content_type="text/csv")},
    )
    batch = ImportBatch.objects.get()
    preview = imports.preview(batch.content)
    assert preview.ok
    assert preview.rows[0].cleaned["title"] == {"da": "=SUM(A1)"}
