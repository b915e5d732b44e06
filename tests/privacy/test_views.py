import json
import re

import pytest
from django.core import mail

from samspil.privacy.models import DataRequest
from samspil.registrations.models import Registration
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

EMAIL = "jane.doe@example.org"


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _link(message) -> str:
    return re.search(r"https?://\S+/privacy/open/\S+/", message.body).group(0)


def _ask(client, django_capture_on_commit_callbacks, email=EMAIL, language="en"):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/{language}/privacy/", {"email": email})


def _open(client, django_capture_on_commit_callbacks, email=EMAIL):
    _ask(client, django_capture_on_commit_callbacks, email)
    path = _link(mail.outbox[-1]).split("8000", 1)[-1]
    return client.post(path)


def test_request_form_shows(client):
    response = client.get("/da/privacy/")

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_request_mails_a_link_in_the_language_asked(
    client, immediate_tasks, django_capture_on_commit_callbacks
):
    RegistrationFactory(email=EMAIL)

    response = _ask(client, django_capture_on_commit_callbacks, language="da")

    assert response.status_code == 302
    assert response["Location"] == "/da/privacy/sent/"
    assert [message.to for message in mail.outbox] == [[EMAIL]]
    assert mail.outbox[0].extra_headers["Content-Language"] == "da"
    assert "/da/privacy/open/" in _link(mail.outbox[0])


def test_request_for_an_unknown_address_answers_the_same(
    client, immediate_tasks, django_capture_on_commit_callbacks
):
    RegistrationFactory(email=EMAIL)
    known = _ask(client, django_capture_on_commit_callbacks)
    unknown = _ask(client, django_capture_on_commit_callbacks, email="nobody@example.org")

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])


@pytest.mark.parametrize("email", ["", "not-an-address", "x" * 250 + "@example.org"])
def test_request_bad_address_is_refused_and_changes_nothing(client, email):
    response = client.post("/en/privacy/", {"email": email})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["email"]
    assert DataRequest.objects.count() == 0


def test_link_get_shows_a_confirm_page_and_uses_nothing(
    client, immediate_tasks, django_capture_on_commit_callbacks
):
    _ask(client, django_capture_on_commit_callbacks)
    path = _link(mail.outbox[0]).split("8000", 1)[-1]

    response = client.get(path)

    assert response.status_code == 200
    assert DataRequest.objects.get().opened_at is None


def test_link_opens_the_data_page_once(client, immediate_tasks, django_capture_on_commit_callbacks):
    RegistrationFactory(email=EMAIL, name="Jane Doe", answers={"1": "No meat"})

    response = _open(client, django_capture_on_commit_callbacks)

    assert (response.status_code, response["Location"]) == (302, "/en/privacy/data/")
    page = client.get("/en/privacy/data/")
    assert page.status_code == 200
    assert "Jane Doe" in page.content.decode()
    again = client.post(_link(mail.outbox[0]).split("8000", 1)[-1])
    assert again.status_code == 404


def test_data_json_download_holds_the_export(
    client, immediate_tasks, django_capture_on_commit_callbacks
):
    RegistrationFactory(email=EMAIL, name="Jane Doe")
    _open(client, django_capture_on_commit_callbacks)

    response = client.get("/en/privacy/data.json")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="samspil-personal-data.json"'
    body = json.loads(response.content)
    assert body["email"] == EMAIL
    registrations = next(s for s in body["sections"] if s["label"] == "registrations.registration")
    assert [row["name"] for row in registrations["rows"]] == ["Jane Doe"]


@pytest.mark.parametrize(
    "path", ["/en/privacy/data/", "/en/privacy/data.json", "/en/privacy/erase/"]
)
def test_data_pages_without_an_opened_link_are_refused(client, path):
    RegistrationFactory(email=EMAIL)

    response = client.get(path)

    assert response.status_code == 403
    assert EMAIL not in response.content.decode()


def test_forged_link_is_refused(client):
    response = client.post("/en/privacy/open/forged-token/")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_erase_needs_the_confirmation(client, immediate_tasks, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(email=EMAIL, name="Jane Doe")
    _open(client, django_capture_on_commit_callbacks)

    response = client.post("/en/privacy/erase/", {})

    assert response.status_code == 400
    assert response.context["form"].errors == {"confirm": ["Tick the box to confirm the erasure."]}
    registration.refresh_from_db()
    assert registration.name == "Jane Doe"


def test_erase_from_the_link_erases_and_ends_the_session(
    client, immediate_tasks, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(
        email=EMAIL,
        name="Jane Doe",
        event__starts_at="2020-01-01T10:00Z",
        event__ends_at="2020-01-01T12:00Z",
    )
    _open(client, django_capture_on_commit_callbacks)

    response = client.post("/en/privacy/erase/", {"confirm": "on"})

    assert response.status_code == 200
    registration = Registration.objects.get(pk=registration.pk)
    assert registration.email == f"{registration.pk}@erased.invalid"
    assert client.get("/en/privacy/data/").status_code == 403
