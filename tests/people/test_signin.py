import re
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail

from samspil.people import signin
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def ask_for_link(client, django_capture_on_commit_callbacks, email, language="en", next_url=""):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/{language}/signin/", {"email": email, "next": next_url})


def link_path(message) -> str:
    [path] = re.findall(r"https?://[^/\s]+(/[a-z]{2}/signin/link/[^\s]+)", message.body)
    return path


def test_signin_answers_the_same_for_known_and_unknown_addresses(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="member@example.org")

    known = ask_for_link(client, django_capture_on_commit_callbacks, "Member@example.org")
    unknown = ask_for_link(client, django_capture_on_commit_callbacks, "nobody@example.org")

    assert (known.status_code, known["Location"]) == (302, "/en/signin/sent/")
    assert (unknown.status_code, unknown["Location"]) == (302, "/en/signin/sent/")
    assert [message.to for message in mail.outbox] == [["member@example.org"]]


def test_signin_with_a_malformed_address_explains_and_sends_nothing(client):
    response = client.post("/en/signin/", {"email": "not an address"})

    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert mail.outbox == []


def test_signin_link_is_mailed_in_the_language_asked_in_and_signs_in_once(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(email="member@example.org")
    ask_for_link(
        client, django_capture_on_commit_callbacks, "member@example.org", "da", "/da/members/"
    )
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "da"
    path = link_path(message)

    shown = client.get(path)
    assert shown.status_code == 200
    assert SESSION_KEY not in client.session  # opening the link (a mail scanner) signs nobody in

    signed_in = client.post(path)
    assert (signed_in.status_code, signed_in["Location"]) == (302, "/da/members/")
    assert client.session[SESSION_KEY] == str(user.pk)

    client.logout()
    again = client.post(path)
    assert again.status_code == 400
    assert "Dette login-link er allerede brugt" in again.content.decode()
    assert SESSION_KEY not in client.session


def test_forged_signin_link_is_refused(client):
    user = UserFactory(email="member@example.org")
    token = signin.signin_token(user)
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")

    response = client.post(f"/en/signin/link/{forged}/")

    assert response.status_code == 400
    assert "This sign-in link is not valid." in response.content.decode()
    assert SESSION_KEY not in client.session


def test_expired_signin_link_is_refused(client, monkeypatch):
    user = UserFactory(email="member@example.org")
    token = signin.signin_token(user)
    monkeypatch.setattr(signin, "LINK_MINUTES", 0)
    time.sleep(1.1)

    response = client.post(f"/en/signin/link/{token}/")

    assert response.status_code == 400
    assert "This sign-in link has expired" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_signin_link_stops_working_when_the_address_changes(client):
    user = UserFactory(email="member@example.org")
    token = signin.signin_token(user)
    user.email = "other@example.org"
    user.save()

    response = client.post(f"/en/signin/link/{token}/")

    assert response.status_code == 400
    assert SESSION_KEY not in client.session


def test_signin_ignores_a_next_address_on_another_site(client):
    user = UserFactory(email="member@example.org")
    PersonFactory(user=user)
    token = signin.signin_token(user)

    response = client.post(f"/en/signin/link/{token}/?next=https://evil.example.com/")

    assert (response.status_code, response["Location"]) == (302, "/en/")


def test_signout_signs_out(client):
    client.force_login(UserFactory())

    response = client.post("/en/signout/")

    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_signin_requests_for_one_address_are_limited(
    client, django_capture_on_commit_callbacks, settings
):
    settings.SAMSPIL_RATE_LIMITS = {"signin_email": "3/10m"}
    UserFactory(email="member@example.org")

    answers = [
        ask_for_link(client, django_capture_on_commit_callbacks, "member@example.org").status_code
        for _ in range(4)
    ]

    assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
