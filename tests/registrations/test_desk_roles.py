"""The desk for event organisers and site co-hosts (`desk_scope`): what each sees, and
constant queries whatever the number of registrations."""

import pytest
from django.contrib.auth.models import Permission

from samspil.registrations.selectors import DeskScope, desk_scope
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SiteFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _user(organisation, *codenames):
    user = UserFactory()
    PersonFactory(user=user, organisation=organisation)
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def workshop():
    organiser = OrganisationFactory()
    event = EventFactory(slug="workshop", organiser=organiser)
    co_host = OrganisationFactory()
    site_a = SiteFactory(event=event)
    site_a.co_hosts.add(co_host)
    site_b = SiteFactory(event=event)
    return {"event": event, "organiser": organiser, "co_host": co_host, "a": site_a, "b": site_b}


def test_scope_of_staff_with_the_permission_is_everything():
    assert desk_scope(user=StaffFactory()) == DeskScope(all_sites=True)


def test_scope_of_an_organiser_is_their_organisations_events(workshop):
    user = _user(workshop["organiser"], "organise_events")

    scope = desk_scope(user=user)

    assert scope == DeskScope(
        all_sites=False, organisation_ids=frozenset({workshop["organiser"].pk})
    )
    assert scope.whole_event(workshop["event"]) is True


def test_scope_of_a_co_host_is_their_sites(workshop):
    user = _user(workshop["co_host"], "cohost_sites")

    scope = desk_scope(user=user)

    assert scope == DeskScope(all_sites=False, site_ids=frozenset({workshop["a"].pk}))
    assert scope.whole_event(workshop["event"]) is False


@pytest.mark.parametrize("codenames", [(), ("view_event",)])
def test_scope_without_a_grant_is_empty(workshop, codenames):
    assert desk_scope(user=_user(workshop["organiser"], *codenames)).is_empty


def test_grant_without_an_organisation_gives_nothing():
    user = UserFactory()
    PersonFactory(user=user, organisation=None)
    user.user_permissions.add(Permission.objects.get(codename="organise_events"))

    assert desk_scope(user=user).is_empty


def test_co_host_mails_only_their_site(client, workshop):
    client.force_login(_user(workshop["co_host"], "cohost_sites"))

    form = client.get("/en/desk/workshop/mail/").context["form"]

    assert [value for value, _label in form.fields["site"].choices] == [workshop["a"].pk]


@pytest.fixture
def crowded(workshop):
    def fill(n):
        for i in range(n):
            RegistrationFactory(event=workshop["event"], site=[workshop["a"], workshop["b"]][i % 2])

    return fill


# Session, user, two permission queries, the person, (co-host) their sites; then the page.
ROLE_QUERIES = {"organiser": ("organise_events", 5), "co_host": ("cohost_sites", 6)}


@pytest.mark.parametrize("case", [(role, n) for role in ROLE_QUERIES for n in (1, 40)])
def test_participant_list_queries_are_constant_for_each_role(
    client, workshop, crowded, django_assert_num_queries, case
):
    role, n = case
    crowded(n)
    codename, before = ROLE_QUERIES[role]
    client.force_login(_user(workshop[role], codename))

    with django_assert_num_queries(before + 4):  # event, its sites, count, page
        response = client.get("/en/desk/workshop/participants/")

    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 40])
def test_desk_index_queries_are_constant_for_a_co_host(
    client, workshop, crowded, django_assert_num_queries, n
):
    crowded(n)
    client.force_login(_user(workshop["co_host"], "cohost_sites"))

    with django_assert_num_queries(6 + 2 + 1):  # upcoming, recent; networks they run
        response = client.get("/en/desk/")

    assert [event.slug for event in response.context["upcoming"]] == ["workshop"]
