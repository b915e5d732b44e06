from datetime import timedelta

import pytest
from django.utils import timezone

from samspil.networks import services
from samspil.networks.models import Application, Meeting, Pair, PairingPeriod
from tests.factories import (
    CriterionFactory,
    EventFactory,
    IntakeWindowFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    QuestionFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def open_network(**kwargs):
    network = NetworkFactory(**kwargs)
    criteria = [CriterionFactory(network=network) for _ in range(2)]
    IntakeWindowFactory(network=network)
    return network, criteria


def form_data(criteria, **overrides):
    data = {
        "name": "Anna Andersen",
        "email": "anna@example.org",
        "job_title": "Head of innovation",
        "organisation": "Odense Kommune",
        "responsibility": "The innovation unit.",
        "motivation": "Peers.",
        "billing_name": "Odense Kommune",
        "billing_address": "Flakhaven 2",
        "billing_postcode": "5000",
        "billing_city": "Odense C",
        "billing_vat_number": "DK13585628",
        "billing_ean": "5798000000001",
        **{f"criterion_{criterion.pk}": "on" for criterion in criteria},
    }
    return {**data, **overrides}


def member(network, *, user=None, fields=("organisation", "email")):
    person = PersonFactory(user=user or UserFactory())
    return MembershipFactory(network=network, person=person, directory_fields=list(fields))


@pytest.mark.parametrize("extra", [0, 9])
def test_network_list_query_count_is_constant(client, django_assert_num_queries, extra):
    for _ in range(1 + extra):
        open_network()

    with django_assert_num_queries(2):
        response = client.get("/en/networks/")

    assert response.status_code == 200


def test_network_page_shows_criteria_fee_and_the_closed_reason(client):
    network = NetworkFactory(
        slug="chiefs", intake_closed_reason={"en": "closed for 2027; next intake January 2028"}
    )
    CriterionFactory(network=network, text={"en": "I lead innovation."})

    page = client.get("/en/networks/chiefs/").content.decode()

    assert '<li lang="en">I lead innovation.</li>' in page
    assert "10,000.00 DKK including 25&nbsp;% VAT (8,000.00 DKK excluding VAT)" in page
    assert "Intake is closed: closed for 2027; next intake January 2028" in page
    assert "/en/networks/chiefs/apply/" not in page


def test_apply_saves_the_application_and_says_so(client):
    _network, criteria = open_network(slug="open")

    response = client.post("/en/networks/open/apply/", form_data(criteria), follow=True)

    assert response.redirect_chain == [("/en/networks/open/", 302)]
    assert "your application is received" in response.content.decode()
    assert Application.objects.get().language == "en"


def test_apply_with_an_unconfirmed_criterion_names_it_and_saves_nothing(client):
    _network, criteria = open_network(slug="open")
    data = form_data(criteria)
    del data[f"criterion_{criteria[1].pk}"]

    response = client.post("/en/networks/open/apply/", data)

    assert response.status_code == 400
    assert "Please confirm this criterion." in response.content.decode()
    assert Application.objects.count() == 0


def test_apply_with_a_bad_ean_explains_and_saves_nothing(client):
    _network, criteria = open_network(slug="open")

    response = client.post(
        "/en/networks/open/apply/", form_data(criteria, billing_ean="5798000000002")
    )

    assert response.status_code == 400
    assert "last digit is not the right check digit" in response.content.decode()
    assert Application.objects.count() == 0


def test_apply_twice_is_refused_with_a_message(client):
    _network, criteria = open_network(slug="open")
    client.post("/en/networks/open/apply/", form_data(criteria))

    response = client.post("/en/networks/open/apply/", form_data(criteria))

    assert response.status_code == 400
    assert "has already applied to this network" in response.content.decode()
    assert Application.objects.count() == 1


def test_apply_while_closed_is_refused(client):
    network = NetworkFactory(slug="shut")
    criterion = CriterionFactory(network=network)

    response = client.post("/en/networks/shut/apply/", form_data([criterion]))

    assert response.status_code == 400
    assert "Intake for this network is closed" in response.content.decode()
    assert Application.objects.count() == 0


def test_members_area_sends_visitors_to_sign_in(client):
    response = client.get("/en/members/")

    assert (response.status_code, response["Location"]) == (302, "/en/signin/?next=/en/members/")


def test_directory_is_for_members_only(client):
    network = NetworkFactory(slug="chiefs")
    member(network)
    client.force_login(UserFactory())

    assert client.get("/en/members/chiefs/directory/").status_code == 403


@pytest.mark.parametrize("extra", [0, 9])
def test_directory_shows_what_each_member_chose_with_constant_queries(
    client, django_assert_num_queries, extra
):
    network = NetworkFactory(slug="chiefs")
    me = member(network, fields=())
    others = [member(network) for _ in range(1 + extra)]
    client.force_login(me.person.user)

    with django_assert_num_queries(5):
        response = client.get("/en/members/chiefs/directory/")

    page = response.content.decode()
    assert response.status_code == 200
    assert f"E-mail: {others[0].person.email}" in page
    assert f"E-mail: {me.person.email}" not in page


def test_directory_choice_is_saved_with_consent(client):
    network = NetworkFactory(slug="chiefs")
    me = member(network, fields=())
    client.force_login(me.person.user)

    response = client.post("/en/members/chiefs/directory/", {"fields_shown": ["phone"]})

    assert response.status_code == 302
    me.refresh_from_db()
    assert me.directory_fields == ["phone"]
    consent = me.directory_consents.get()
    assert consent.wording.startswith("I agree that the network's other current members")


def test_meeting_plan_shows_host_to_be_decided(client):
    network = NetworkFactory(slug="chiefs")
    me = member(network)
    host = OrganisationFactory(name="Aarhus Kommune", region="Region Midtjylland")
    Meeting.objects.create(network=network, event=EventFactory(), host=host, region=host.region)
    Meeting.objects.create(network=network, event=EventFactory())
    client.force_login(me.person.user)

    page = client.get("/en/members/chiefs/meetings/").content.decode()

    assert "Aarhus Kommune (Region Midtjylland)" in page
    assert "Host to be decided" in page


def test_member_registers_for_a_meeting_through_registrations(client):
    network = NetworkFactory(slug="chiefs")
    me = member(network)
    event = EventFactory(starts_at=timezone.now() + timedelta(days=10))
    meeting = Meeting.objects.create(network=network, event=event)
    QuestionFactory(event=event, label={"en": "Diet"}, kind="text", required=True)
    client.force_login(me.person.user)
    path = f"/en/members/chiefs/meetings/{meeting.pk}/register/"

    assert client.get(path).status_code == 200
    missing = client.post(path, {})
    assert missing.status_code == 400
    assert event.registrations.count() == 0
    response = client.post(path, {f"q{event.questions.get().pk}": "Vegetarian"})

    registration = event.registrations.get()
    assert (registration.email, registration.status) == (me.person.email, "confirmed")
    assert registration.answers == {str(event.questions.get().pk): "Vegetarian"}
    assert response["Location"] == registration.get_absolute_url()


def test_members_area_renew_button_is_refused_long_before_the_end(client):
    network = NetworkFactory()
    me = member(network)
    client.force_login(me.person.user)

    response = client.post(f"/en/members/memberships/{me.pk}/renew/", follow=True)

    assert "This membership cannot be renewed now" in response.content.decode()


def test_members_cannot_act_on_others_memberships(client):
    network = NetworkFactory()
    other = member(network)
    client.force_login(member(network).person.user)

    assert client.post(f"/en/members/memberships/{other.pk}/cancel/").status_code == 404


def test_event_page_lists_the_networks_it_presents(client):
    event = EventFactory(slug="meetup")
    network = NetworkFactory(slug="belgian", name={"en": "Belgian network"})
    network.presented_at.add(event)

    page = client.get("/en/events/meetup/").content.decode()

    assert '<a href="/en/networks/belgian/" lang="en">Belgian network</a>' in page


@pytest.mark.parametrize("extra", [0, 9])
def test_desk_network_page_query_count_is_constant(client, django_assert_num_queries, extra):
    network, criteria = open_network(slug="chiefs")
    for n in range(1 + extra):
        member(network)
        services.application_create(
            network=network,
            name=f"Applicant {n}",
            email=f"a{n}@example.org",
            job_title="Head",
            organisation="Org",
            responsibility="R",
            motivation="M",
            confirmed_criteria=[c.pk for c in criteria],
            billing_name="Org",
            billing_address="Street 1",
            billing_postcode="5000",
            billing_city="Odense",
            language="en",
        )
    client.force_login(StaffFactory())

    with django_assert_num_queries(9):
        response = client.get("/en/desk/networks/chiefs/")

    assert response.status_code == 200


def test_desk_accepts_an_application(client):
    _network, criteria = open_network(slug="chiefs")
    client.post("/en/networks/chiefs/apply/", form_data(criteria))
    application = Application.objects.get()
    client.force_login(StaffFactory())

    response = client.post(
        f"/en/desk/networks/chiefs/applications/{application.pk}/",
        {"decision": "accepted", "note": ""},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "accepted"
    assert application.memberships.get().invoice.gross_total == 10000


def test_desk_is_for_staff_only(client):
    NetworkFactory(slug="chiefs")
    client.force_login(UserFactory())

    assert client.get("/en/desk/networks/chiefs/").status_code == 403


def test_desk_meetings_suggests_hosts_and_the_organiser_accepts(client):
    network = NetworkFactory(slug="chiefs")
    north = OrganisationFactory(name="Aalborg Kommune", region="Nordjylland")
    south = OrganisationFactory(name="Odense Kommune", region="Syddanmark")
    for organisation in [north, south]:
        MembershipFactory(network=network, person=PersonFactory(organisation=organisation))
    past = EventFactory(starts_at=timezone.now() - timedelta(days=30))
    Meeting.objects.create(network=network, event=past, host=north, region=north.region)
    coming = [
        Meeting.objects.create(
            network=network, event=EventFactory(starts_at=timezone.now() + timedelta(days=d))
        )
        for d in (30, 60)
    ]
    client.force_login(StaffFactory())

    page = client.get("/en/desk/networks/chiefs/meetings/")
    assert page.status_code == 200
    response = client.post("/en/desk/networks/chiefs/meetings/", {"action": "accept"})

    assert response.status_code == 302
    hosts = [Meeting.objects.get(pk=m.pk).host for m in coming]
    assert hosts == [south, north]


def test_desk_meetings_organiser_sets_a_host_or_to_be_decided(client):
    network = NetworkFactory(slug="chiefs")
    host = OrganisationFactory(region="Syddanmark")
    MembershipFactory(network=network, person=PersonFactory(organisation=host))
    meeting = Meeting.objects.create(
        network=network, event=EventFactory(starts_at=timezone.now() + timedelta(days=9))
    )
    client.force_login(StaffFactory())
    path = "/en/desk/networks/chiefs/meetings/"

    client.post(path, {"meeting": meeting.pk, f"m{meeting.pk}-host": host.pk})
    meeting.refresh_from_db()
    assert (meeting.host, meeting.region) == (host, "Syddanmark")
    client.post(path, {"meeting": meeting.pk, f"m{meeting.pk}-host": ""})
    meeting.refresh_from_db()
    assert meeting.host is None
    bad = client.post(path, {"meeting": meeting.pk, f"m{meeting.pk}-host": "999999"})
    assert bad.status_code == 400


@pytest.mark.parametrize("extra", [0, 9])
def test_meeting_plan_query_count_is_constant(client, django_assert_num_queries, extra):
    network = NetworkFactory(slug="chiefs")
    me = member(network)
    for n in range(1 + extra):
        host = OrganisationFactory() if n % 2 else None
        Meeting.objects.create(network=network, event=EventFactory(), host=host)
    client.force_login(me.person.user)

    with django_assert_num_queries(5):
        response = client.get("/en/members/chiefs/meetings/")

    assert response.status_code == 200


@pytest.mark.parametrize("extra", [0, 9])
def test_desk_meetings_query_count_is_constant(client, django_assert_num_queries, extra):
    network = NetworkFactory(slug="chiefs")
    for n in range(1 + extra):
        organisation = OrganisationFactory(region=f"Region {n % 3}")
        MembershipFactory(network=network, person=PersonFactory(organisation=organisation))
        Meeting.objects.create(
            network=network,
            event=EventFactory(starts_at=timezone.now() + timedelta(days=n - 3)),
            host=organisation if n % 2 else None,
        )
    client.force_login(StaffFactory())

    with django_assert_num_queries(11):
        response = client.get("/en/desk/networks/chiefs/meetings/")

    assert response.status_code == 200


@pytest.mark.parametrize("extra", [0, 4])
def test_members_area_query_count_is_constant(client, django_assert_num_queries, extra):
    person = PersonFactory(user=UserFactory())
    for _ in range(1 + extra):
        mine = MembershipFactory(person=person)
        other = MembershipFactory(network=mine.network)
        period = PairingPeriod.objects.create(
            network=mine.network, label="Q", starts_on=mine.starts_on, ends_on=mine.ends_on
        )
        Pair.objects.create(period=period).members.set([mine, other])
    client.force_login(person.user)

    with django_assert_num_queries(6):
        response = client.get("/en/members/")

    assert response.status_code == 200
    assert response.content.decode().count("For Q you meet:") == 1 + extra


def test_desk_shows_who_renewed_declined_or_has_not_answered(client):
    network = NetworkFactory(slug="chiefs")
    for renewal in ["renewed", "declined", "declined", "asked", "not_asked"]:
        MembershipFactory(network=network, renewal=renewal)
    client.force_login(StaffFactory())

    page = client.get("/en/desk/networks/chiefs/").content.decode()

    assert "<dt>Renewed</dt><dd>1</dd>" in page
    assert "<dt>Declined</dt><dd>2</dd>" in page
    assert "<dt>Asked, no answer yet</dt><dd>1</dd>" in page


def test_members_area_cancellation_explains_the_binding_rule_before_cancelling(client):
    network = NetworkFactory()
    me = member(network)
    client.force_login(me.person.user)
    path = f"/en/members/memberships/{me.pk}/cancel/"

    page = client.get(path).content.decode()
    assert "it still runs to its end on" in page
    assert "there is no refund" in page
    me.refresh_from_db()
    assert me.status == "active"

    client.post(path)

    me.refresh_from_db()
    assert me.status == "cancelled"
    assert client.get(f"/en/members/memberships/{me.pk}/renew/").status_code == 405
