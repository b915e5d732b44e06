import hashlib
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from samspil.api.models import ApiToken
from samspil.api.services import api_token_create, api_token_revoke
from samspil.core.models import AuditLog
from tests.api.conftest import bearer
from tests.factories import EventFactory, OrganisationFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_create_stores_only_the_hash_and_a_short_prefix(staff):
    event = EventFactory()

    token, secret = api_token_create(name="Intranet", event=event, created_by=staff)

    token.refresh_from_db()
    assert secret.startswith("sp_")
    assert len(secret) == 46
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[:10]
    stored = [str(value) for value in ApiToken.objects.values_list().get()]
    assert secret not in stored
    assert AuditLog.objects.get().action == "api_token.create"


@pytest.mark.parametrize("scope", [{}, "both"])
def test_create_needs_exactly_one_scope(staff, scope):
    if scope == "both":
        scope = {"event": EventFactory(), "organisation": OrganisationFactory()}

    with pytest.raises(ValidationError):
        api_token_create(name="Bad", created_by=staff, **scope)

    assert ApiToken.objects.count() == 0


def test_database_refuses_a_token_without_scope(staff):
    with pytest.raises(IntegrityError):
        ApiToken.objects.create(name="x", prefix="x", token_hash="x", created_by=staff)


def test_revoke_is_recorded_once(staff):
    token, _secret = api_token_create(name="Intranet", event=EventFactory(), created_by=staff)

    api_token_revoke(token=token, actor=staff)
    first = token.revoked_at
    api_token_revoke(token=token, actor=staff)

    assert token.revoked_at == first
    assert AuditLog.objects.filter(action="api_token.revoke").count() == 1


def test_admin_shows_the_new_token_once(client):
    admin = StaffFactory(is_superuser=True)
    client.force_login(admin)
    event = EventFactory()

    response = client.post("/en/admin/api/apitoken/add/", {"name": "Newsletter", "event": event.pk})

    assert response.status_code == 200
    token = ApiToken.objects.get()
    secret = response.context["secret"]
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.created_by == admin
    assert secret in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    page = client.get(f"/en/admin/api/apitoken/{token.pk}/change/").content.decode()
    assert secret not in page
    assert token.prefix in page
    assert client.get("/api/organiser/events", headers=bearer(secret)).status_code == 200


def test_admin_refuses_a_token_with_two_scopes(client):
    client.force_login(StaffFactory(is_superuser=True))

    response = client.post(
        "/en/admin/api/apitoken/add/",
        {"name": "x", "event": EventFactory().pk, "organisation": OrganisationFactory().pk},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert ApiToken.objects.count() == 0


def test_admin_action_revokes(client):
    admin = StaffFactory(is_superuser=True)
    client.force_login(admin)
    token, secret = api_token_create(name="x", event=EventFactory(), created_by=admin)

    client.post("/en/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/organiser/events", headers=bearer(secret)).status_code == 401


def test_command_creates_lists_and_revokes(staff):
    event = EventFactory(slug="meetup")
    out = StringIO()

    call_command(
        "api_token",
        "create",
        "--name",
        "CLI",
        "--event",
        "meetup",
        "--user",
        staff.username,
        stdout=out,
        stderr=StringIO(),
    )
    secret = out.getvalue().strip()
    token = ApiToken.objects.get()
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert (token.event, token.created_by) == (event, staff)

    listing = StringIO()
    call_command("api_token", "list", stdout=listing)
    assert listing.getvalue() == f"{token.prefix}…\tCLI\tevent meetup\tactive\n"
    assert secret not in listing.getvalue()

    call_command("api_token", "revoke", token.prefix, stdout=StringIO())
    token.refresh_from_db()
    assert token.revoked_at is not None


@pytest.mark.parametrize(
    "arguments",
    [
        ["--event", "nothing", "--user", "{staff}"],
        ["--event", "meetup", "--user", "nobody"],
    ],
)
def test_command_refuses_unknown_names(staff, arguments):
    EventFactory(slug="meetup")
    arguments = [argument.format(staff=staff.username) for argument in arguments]

    with pytest.raises(CommandError):
        call_command("api_token", "create", "--name", "x", *arguments, stdout=StringIO())

    assert ApiToken.objects.count() == 0
