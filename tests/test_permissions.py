"""Who may see what: every role against every page and endpoint that shows personal data
or an online meeting link, as one table.

The event "x" is online and has two sites: A (co-hosted by the co-host's organisation)
and B. Alice is registered at A, Bob at B. Outcomes: 200 shown, 302 to the sign-in,
403 refused, 404 as if it did not exist (personal links and out-of-scope events).
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from samspil.api.services import api_token_create
from samspil.networks.models import Membership, Network
from tests.factories import (
    BuyerFactory,
    EventFactory,
    InvoiceFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SiteFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://zoom.example/j/987654321?pwd=only-for-registered"
FORGED_TOKEN = "made-up-token-0123456789-0123456789-abcdefgh"
ALICE = "Alice Site-A"
BOB = "Bob Site-B"

ROLES = [
    "public",
    "registrant",
    "member",
    "co_host",
    "organiser",
    "other_organiser",
    "facilitator",
    "staff",
]
# The roles that may ever see the online link.
MAY_SEE_LINK = {"registrant", "staff", "organiser"}


def _grant(user, codename: str) -> None:
    user.user_permissions.add(Permission.objects.get(codename=codename))


def _person_user(organisation, **grants):
    user = UserFactory()
    PersonFactory(organisation=organisation, user=user, email=user.email)
    for codename in grants.get("grants", []):
        _grant(user, codename)
    return user


@pytest.fixture
def world():
    organiser_org = OrganisationFactory(name="Organiser Kommune")
    co_host_org = OrganisationFactory(name="Co-host Kommune")
    other_org = OrganisationFactory(name="Other Kommune")
    event = EventFactory(slug="x", mode="online", online_url=SECRET_LINK, organiser=organiser_org)
    site_a = SiteFactory(event=event, name={"en": "Site A"})
    site_a.co_hosts.add(co_host_org)
    site_b = SiteFactory(event=event, name={"en": "Site B"})
    alice = RegistrationFactory(event=event, site=site_a, name=ALICE, email="alice@example.org")
    RegistrationFactory(event=event, site=site_b, name=BOB, email="bob@example.org")
    users = {
        "member": _person_user(other_org),
        "co_host": _person_user(co_host_org, grants=["cohost_sites"]),
        "organiser": _person_user(organiser_org, grants=["organise_events"]),
        "other_organiser": _person_user(other_org, grants=["organise_events"]),
        "facilitator": _person_user(other_org),
        "staff": StaffFactory(),
    }
    network = Network.objects.create(
        name={"en": "Network"},
        slug="n",
        organiser=organiser_org,
        facilitator=users["facilitator"].person,
    )
    today = timezone.localdate()
    Membership.objects.create(
        network=network,
        person=users["member"].person,
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=300),
        fee=Decimal(8000),
        vat_rate=Decimal(25),
        currency="DKK",
    )
    invoice = InvoiceFactory(
        buyer=BuyerFactory(contact=users["member"].person, contact_email=users["member"].email)
    )
    staff_token = api_token_create(name="Organiser", created_by=users["staff"], event=event)[1]
    other_token = api_token_create(
        name="Other", created_by=users["staff"], event=EventFactory(organiser=other_org)
    )[1]
    return {
        "event": event,
        "alice": alice,
        "users": users,
        "invoice": invoice,
        "tokens": {"event": staff_token, "other": other_token},
    }


def _client_for(client, world, role: str):
    user = world["users"].get(role)
    if user is not None:
        client.force_login(user)
    return client


# page name -> (path, {role: expected status}). Pages keyed by the personal token are
# opened with the registrant's token by the registrant and with a made-up one by others:
# the link itself is the key.
DESK = {
    "public": 302,
    "registrant": 302,
    "member": 403,
    "co_host": 200,
    "organiser": 200,
    "other_organiser": 404,
    "facilitator": 404,  # enters the desk for their network, sees no event
    "staff": 200,
}
WHOLE_EVENT = DESK | {"co_host": 404}
PUBLIC = dict.fromkeys(ROLES, 200)
SIGNED_IN = [role for role in ROLES if role not in {"public", "registrant"}]
PERSONAL = dict.fromkeys(ROLES, 404) | {"registrant": 200}
MEMBERS_ONLY = {
    "public": 302,
    "registrant": 302,
    "member": 200,
    "co_host": 403,
    "organiser": 403,
    "other_organiser": 403,
    "facilitator": 200,  # runs the network
    "staff": 200,
}
STAFF_ONLY = DESK | {"co_host": 403, "organiser": 403, "other_organiser": 403, "facilitator": 403}
PAGES = {
    "event page": ("/en/events/x/", PUBLIC),
    "personal page": ("/en/r/{token}/", PERSONAL),
    "personal calendar": ("/en/r/{token}/calendar.ics", PERSONAL),
    "personal questions": ("/en/r/{token}/questions/", PERSONAL),
    "desk index": ("/en/desk/", DESK | {"other_organiser": 200, "facilitator": 200}),
    "desk event": ("/en/desk/x/", DESK),
    "desk participants": ("/en/desk/x/participants/", DESK),
    "desk export csv": ("/en/desk/x/participants.csv", DESK),
    "desk export xlsx": ("/en/desk/x/participants.xlsx", DESK),
    "desk waiting list": ("/en/desk/x/waiting-list/", DESK),
    "desk mail": ("/en/desk/x/mail/", DESK),
    "desk check-in": ("/en/desk/x/check-in/", DESK),
    # Rounds, questions and the board span every site: not for a co-host of one.
    "dialogue rounds": ("/en/desk/events/x/rounds/", WHOLE_EVENT),
    "dialogue questions": ("/en/desk/events/x/questions/", WHOLE_EVENT),
    "dialogue board": ("/en/desk/events/x/board/", WHOLE_EVENT),
    # Every signed-in person has a members' area; it lists only their own memberships.
    "members' area": ("/en/members/", MEMBERS_ONLY | dict.fromkeys(SIGNED_IN, 200)),
    "member directory": ("/en/members/n/directory/", MEMBERS_ONLY),
    "network desk": (
        "/en/desk/networks/n/",
        DESK | {"co_host": 404, "organiser": 404, "other_organiser": 404, "facilitator": 200},
    ),
    "invoice pdf": (
        "/en/invoices/{invoice}.pdf",
        dict.fromkeys(ROLES, 404) | {"member": 200, "staff": 200},
    ),
    "invoice desk": ("/en/desk/invoices/", STAFF_ONLY),
}
TABLE = [(page, role) for page in PAGES for role in ROLES]


@pytest.mark.parametrize(("page", "role"), TABLE)
def test_permission_table(client, world, page, role):
    path, expected = PAGES[page]
    token = world["alice"].token if role == "registrant" else FORGED_TOKEN
    path = path.format(token=token, invoice=world["invoice"].pk)
    client = _client_for(client, world, role)

    response = client.get(path)

    assert response.status_code == expected[role]
    body = response.content.decode(errors="replace") if response.status_code == 200 else ""
    if role not in MAY_SEE_LINK:
        assert SECRET_LINK not in body


@pytest.mark.parametrize(
    ("role", "names"),
    [
        ("co_host", [ALICE]),
        ("organiser", [ALICE, BOB]),
        ("staff", [ALICE, BOB]),
    ],
)
@pytest.mark.parametrize("path", ["/en/desk/x/participants/", "/en/desk/x/participants.csv"])
def test_desk_shows_only_the_participants_in_scope(client, world, role, names, path):
    client = _client_for(client, world, role)

    body = client.get(path).content.decode()

    assert [name for name in (ALICE, BOB) if name in body] == names


def test_registrant_sees_the_online_link_on_their_own_pages(client, world):
    token = world["alice"].token

    assert SECRET_LINK in client.get(f"/en/r/{token}/").content.decode()
    assert SECRET_LINK in client.get(f"/en/r/{token}/calendar.ics").content.decode()


def test_waiting_registrant_does_not_see_the_online_link(client, world):
    waiting = RegistrationFactory(
        event=world["event"], status="waiting", waiting_since=timezone.now()
    )

    assert SECRET_LINK not in client.get(f"/en/r/{waiting.token}/").content.decode()
    assert SECRET_LINK not in client.get(f"/en/r/{waiting.token}/calendar.ics").content.decode()


def test_co_host_checks_in_only_their_own_sites_participants(client, world):
    bob = world["event"].registrations.get(name=BOB)
    client = _client_for(client, world, "co_host")

    response = client.post("/en/desk/x/check-in/", {"code": bob.ticket_code})

    assert response.status_code == 400
    bob.refresh_from_db()
    assert bob.checked_in_at is None


@pytest.mark.parametrize(
    ("token", "status"), [("event", 200), ("other", 404), ("", 401), ("forged", 401)]
)
def test_api_organiser_endpoint_follows_the_token_scope(client, world, token, status):
    secret = world["tokens"].get(token, token)
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    response = client.get("/api/organiser/events/x/registrations", headers=headers)

    assert response.status_code == status
    if status != 200:
        assert ALICE not in response.content.decode()


def test_facilitator_runs_only_their_own_network(client, world):
    Network.objects.create(
        name={"en": "Other network"}, slug="other", organiser=world["event"].organiser
    )
    client = _client_for(client, world, "facilitator")

    desk = client.get("/en/desk/").content.decode()

    assert 'href="/en/desk/networks/"' in desk
    assert client.get("/en/desk/networks/n/").status_code == 200
    assert client.get("/en/desk/networks/other/").status_code == 404
    assert client.get("/en/members/other/directory/").status_code == 403


def test_table_covers_every_role_and_page():
    assert len(TABLE) == len(PAGES) * len(ROLES) == 160
