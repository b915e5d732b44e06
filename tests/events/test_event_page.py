from datetime import UTC, datetime

import pytest

from samspil.events.models import EventMode, EventRoleKind, EventStatus
from tests.factories import (
    AgendaItemFactory,
    EventFactory,
    EventRoleFactory,
    OrganisationFactory,
    PersonFactory,
    SiteFactory,
)

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://zoom.us/j/98765?pwd=secret"


@pytest.fixture
def workshop():
    """A simultaneous workshop at two sites, each with co-hosts, a contact and agenda."""
    event = EventFactory(
        slug="workshop",
        title={"da": "Åbne værksteder", "en": "Open workshops"},
        original_language="da",
        mode=EventMode.HYBRID,
        online_url=SECRET_LINK,
        starts_at=datetime(2030, 10, 3, 11, 0, tzinfo=UTC),
        ends_at=datetime(2030, 10, 3, 14, 0, tzinfo=UTC),
    )
    copenhagen = SiteFactory(
        event=event, name={"da": "København"}, city="København", headline={"da": "Politikere"}
    )
    copenhagen.co_hosts.add(OrganisationFactory(name="Gentofte Kommune", slug="gentofte"))
    aalborg = SiteFactory(event=event, name={"da": "Aalborg"}, city="Aalborg")
    EventRoleFactory(
        event=event,
        site=aalborg,
        kind=EventRoleKind.CONTACT,
        person=PersonFactory(
            name="Mette Kontakt", email="mette@example.dk", phone="+45 12 34 56 78"
        ),
    )
    EventRoleFactory(event=event, person=PersonFactory(name="Anja Lund"))
    AgendaItemFactory(event=event, title={"da": "Fælles tjek-ind"}, kind="check_in")
    AgendaItemFactory(event=event, site=aalborg, title={"da": "Business case"})
    return event


def test_event_page_shows_sites_cohosts_contacts_speakers_and_agenda(client, workshop):
    html = client.get("/en/events/workshop/").content.decode()

    for expected in [
        '<h1 lang="en">Open workshops</h1>',
        "Gentofte Kommune",
        '<p class="headline" lang="da">Politikere</p>',
        '<a href="mailto:mette@example.dk">mette@example.dk</a>',
        '<a href="tel:+4512345678">+45 12 34 56 78</a>',
        ">Anja Lund</a>",
        '<span class="agenda-title" lang="da">Fælles tjek-ind</span>',
        '<span class="agenda-title" lang="da">Business case</span>',
    ]:
        assert expected in html


def test_event_page_shows_times_in_the_events_zone(client, workshop):
    html = client.get("/en/events/workshop/").content.decode()

    # 11:00 UTC is 13:00 in Copenhagen (summer time) on 3 October.
    assert '<time datetime="2030-10-03T13:00:00+02:00">' in html
    assert '<abbr title="Europe/Copenhagen">CEST</abbr>' in html


def test_event_page_never_shows_the_online_link(client, workshop):
    for language in ["en", "da", "fr", "nl"]:
        html = client.get(f"/{language}/events/workshop/").content.decode()
        assert "zoom.us" not in html


def test_event_page_says_when_it_shows_a_fallback(client, workshop):
    english = client.get("/en/events/workshop/").content.decode()
    french = client.get("/fr/events/workshop/").content.decode()

    assert 'class="fallback-note"' not in english
    assert 'class="fallback-note"' in french
    assert '<h1 lang="da">Åbne værksteder</h1>' in french


@pytest.mark.parametrize("status", [EventStatus.DRAFT])
def test_event_page_of_a_draft_is_404(client, status):
    EventFactory(slug="secret", status=status)

    assert client.get("/en/events/secret/").status_code == 404


def test_event_page_unknown_slug_is_translated_404(client):
    response = client.get("/nl/events/does-not-exist/")

    assert response.status_code == 404
    assert '<html lang="nl">' in response.content.decode()


def test_event_page_shows_price_with_and_without_vat(client):
    EventFactory(slug="paid", price="8000.00", vat_rate="25.00", currency="DKK")

    html = client.get("/en/events/paid/").content.decode()

    assert "10,000.00 DKK including 25&nbsp;% VAT (8,000.00 DKK excluding VAT)" in html


@pytest.mark.parametrize("extra", [0, 12])
def test_event_page_query_count_is_constant(client, django_assert_num_queries, extra):
    event = EventFactory(slug="busy")
    for _ in range(1 + extra):
        site = SiteFactory(event=event)
        site.co_hosts.add(OrganisationFactory())
        EventRoleFactory(event=event)
        EventRoleFactory(event=event, site=site, kind=EventRoleKind.CONTACT)
        AgendaItemFactory(event=event, site=site).speakers.add(PersonFactory())

    # event, sites, co-hosts, agenda, agenda speakers, roles; the networks it presents
    with django_assert_num_queries(7):
        response = client.get("/en/events/busy/")

    assert response.status_code == 200


def test_person_page_lists_public_roles_only(client):
    person = PersonFactory(slug="anja", name="Anja Lund", bio={"da": "Politiker"})
    EventRoleFactory(person=person, event=EventFactory(slug="shown", title={"en": "Café"}))
    EventRoleFactory(
        person=person, event=EventFactory(status=EventStatus.DRAFT, title={"en": "Hidden"})
    )

    html = client.get("/en/people/anja/").content.decode()

    assert ">Café</a>" in html
    assert "Hidden" not in html
    assert '<div class="description" lang="da"><p>Politiker</p></div>' in html


def test_person_without_public_role_has_no_page(client):
    PersonFactory(slug="registrant")

    assert client.get("/en/people/registrant/").status_code == 404


def test_organisation_page_lists_events_sites_and_public_people(client):
    organisation = OrganisationFactory(slug="gentofte", name="Gentofte Kommune")
    EventFactory(slug="organised", organiser=organisation, title={"en": "Organised here"})
    SiteFactory(event=EventFactory(title={"en": "Co-hosted there"})).co_hosts.add(organisation)
    EventRoleFactory(person=PersonFactory(organisation=organisation, name="Speaker Person"))
    PersonFactory(organisation=organisation, name="Private Person")

    html = client.get("/en/organisations/gentofte/").content.decode()

    assert ">Organised here</a>" in html
    assert ">Co-hosted there</a>" in html
    assert ">Speaker Person</a>" in html
    assert "Private Person" not in html


@pytest.mark.parametrize("extra", [0, 10])
def test_person_and_organisation_pages_query_count_is_constant(
    client, django_assert_num_queries, extra
):
    organisation = OrganisationFactory(slug="org")
    person = PersonFactory(slug="someone", organisation=organisation)
    for _ in range(1 + extra):
        EventRoleFactory(person=person, event=EventFactory(organiser=organisation))
        SiteFactory().co_hosts.add(organisation)

    with django_assert_num_queries(2):
        assert client.get("/en/people/someone/").status_code == 200
    with django_assert_num_queries(4):
        assert client.get("/en/organisations/org/").status_code == 200
