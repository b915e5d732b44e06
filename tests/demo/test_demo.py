from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from samspil.billing.models import Invoice
from samspil.core.i18n import localize
from samspil.demo.generated import generated_slugs
from samspil.demo.scenarios import (
    MUNICIPAL_ELECTION_DAY,
    NETWORK_SEMINAR_SLUG,
    SCENARIO_SLUGS,
    next_meetup_day,
)
from samspil.events import selectors
from samspil.events.models import AgendaItem, Event, EventRole, EventStatus, Series, Site
from samspil.networks.models import Membership, Network
from samspil.networks.services import open_intake
from samspil.people.models import Organisation, Person
from samspil.registrations.models import Registration

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
SCENARIO_PAGES = [
    "public-innovation-week-meetup",
    "innovationscafe-politisk-ledelse",
    "aabne-vaerksteder-2018",
    "innovationschefer-2025-seminar",
]


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo():
    run_demo()


def record_counts() -> dict[str, int]:
    models = [Event, Site, AgendaItem, EventRole, Organisation, Person, Series]
    return {model.__name__: model.objects.count() for model in models}


def speaker_names(item: AgendaItem) -> list[str]:
    return [person.name for person in item.speakers.order_by("name")]


def test_next_meetup_day_before_26_november_is_this_year():
    assert next_meetup_day(date(2026, 11, 23)) == date(2026, 11, 26)
    assert next_meetup_day(date(2026, 1, 1)) == date(2026, 11, 26)


def test_next_meetup_day_from_26_november_on_is_next_year():
    assert next_meetup_day(date(2026, 11, 26)) == date(2027, 11, 26)
    assert next_meetup_day(date(2026, 12, 31)) == date(2027, 11, 26)


def test_demo_creates_the_scenario_and_generated_events(demo):
    assert Event.objects.filter(slug__in=SCENARIO_SLUGS).count() == 8
    assert Event.objects.filter(slug__in=generated_slugs()).count() == 40
    # ... and the sister network's two coming meetings (samspil.demo.networks).
    assert Event.objects.count() == 50
    assert SCENARIO_PAGES[3] == NETWORK_SEMINAR_SLUG


def test_demo_meetup_starts_at_eleven_brussels_on_the_next_26_november(demo):
    event = Event.objects.get(slug="public-innovation-week-meetup")
    day = next_meetup_day(timezone.localdate())

    assert event.starts_at == datetime(day.year, 11, 26, 11, 0, tzinfo=BRUSSELS)
    assert event.ends_at == datetime(day.year, 11, 26, 12, 30, tzinfo=BRUSSELS)
    assert event.time_zone == "Europe/Brussels"
    assert (event.kind, event.mode, event.status) == ("meetup", "in_person", "published")
    assert event.is_free is True


def test_demo_meetup_texts_exist_in_english_french_and_dutch(demo):
    event = Event.objects.select_related("series").get(slug="public-innovation-week-meetup")

    for text in [event.title, event.summary, event.description, event.audience]:
        assert sorted(text.data) == ["en", "fr", "nl"]
    assert event.original_language == "en"
    assert event.languages == ["en", "fr", "nl"]
    assert event.series.name.data == {
        "en": "Public Innovation Week",
        "fr": "Semaine de l'innovation publique",
        "nl": "Week van de publieke innovatie",
    }


def test_demo_meetup_has_the_speaker_and_both_contributions(demo):
    event = Event.objects.get(slug="public-innovation-week-meetup")
    speakers = EventRole.objects.filter(event=event, kind="speaker").select_related(
        "person__organisation"
    )
    agenda = event.agenda_items.order_by("starts_at")

    assert [(role.person.name, str(role.person.organisation or "")) for role in speakers] == [
        ("Philip De Backer", ""),
        ("Sophie Lambert", "Service public de Wallonie (SPW)"),
        ("Camille Moreau", "Vraiment Vraiment"),
    ]
    assert sorted(Person.objects.get(slug="philip-de-backer").bio.data) == ["en", "fr", "nl"]
    assert [(item.kind, item.title.data["en"]) for item in agenda] == [
        ("introduction", "Welcome, and Belgium's public-innovation networks"),
        ("talk", "“En nu is het oorlog”: leading the task force on medical supplies"),
        ("talk", "Get up Wallonia: the innovation capacity of the public service"),
        ("talk", "Anticipation and improvisation"),
        ("questions", "Questions from the room"),
    ]


def test_demo_meetup_agenda_description_without_english_falls_back_to_french(demo):
    event = Event.objects.get(slug="public-innovation-week-meetup")
    item = event.agenda_items.order_by("starts_at")[2]

    assert sorted(item.description.data) == ["fr", "nl"]
    shown = localize(item.description, event.original_language, "en")
    assert (shown.language, shown.is_fallback) == ("fr", True)
    assert localize(item.description, event.original_language, "nl").language == "nl"


def test_demo_cafe_runs_from_nine_to_ten_copenhagen_time(demo):
    event = Event.objects.get(slug="innovationscafe-politisk-ledelse")

    assert event.starts_at == datetime(2023, 3, 31, 7, 0, tzinfo=UTC)
    assert event.ends_at == datetime(2023, 3, 31, 8, 0, tzinfo=UTC)
    assert event.starts_at.astimezone(COPENHAGEN).hour == 9
    assert (event.kind, event.mode, event.capacity, event.is_free) == ("cafe", "online", 150, True)
    assert event.online_url == "https://zoom.us/j/84512093377?pwd=SamspilDemoCafe"
    assert event.original_language == "da"
    assert sorted(event.title.data) == ["da", "en"]
    assert event.audience.data["en"] == (
        "Staff and managers interested in the political leadership of innovation."
    )
    assert event.organiser.name == "Center for Offentlig Innovation"
    assert event.organiser.kind == "centre"


def test_demo_cafe_programme_has_introduction_talks_groups_and_questions(demo):
    event = Event.objects.get(slug="innovationscafe-politisk-ledelse")
    agenda = event.agenda_items.order_by("starts_at")

    assert [(item.kind, speaker_names(item)) for item in agenda] == [
        ("introduction", ["Lene Krogh Jeppesen"]),
        ("talk", ["Anja Lund"]),
        ("talk", ["Frank E. Andersen"]),
        ("group_dialogue", []),
        ("questions", ["Anja Lund", "Frank E. Andersen"]),
    ]
    assert Person.objects.get(slug="anja-lund").role_category == "politician"


def test_demo_workshop_has_two_sites_with_their_co_hosts_and_headlines(demo):
    event = Event.objects.get(slug="aabne-vaerksteder-2018")
    sites = [
        (
            site.city,
            [organisation.name for organisation in site.co_hosts.order_by("name")],
            site.headline.data["en"],
        )
        for site in event.sites.order_by("order")
    ]

    assert sites == [
        (
            "København",
            ["Furesø Kommune", "Gentofte Kommune", "Københavns Kommunes Innovationshus"],
            "Politicians as a driving force in public innovation",
        ),
        (
            "Aalborg",
            ["Aalborg Kommune", "Nordjysk Videnscenter for Velfærdsteknologi"],
            "Politicians' role in welfare-technology investments: a business case tested "
            "against a policy case",
        ),
    ]
    assert event.kind == "workshop"
    assert event.starts_at == datetime(2018, 10, 3, 13, 0, tzinfo=COPENHAGEN)
    assert event.ends_at == datetime(2018, 10, 3, 16, 0, tzinfo=COPENHAGEN)
    assert event.registration_closes_at.astimezone(COPENHAGEN).date() == date(2018, 9, 21)


def test_demo_workshop_sites_have_contacts_and_a_shared_check_in(demo):
    event = Event.objects.get(slug="aabne-vaerksteder-2018")
    contacts = EventRole.objects.filter(event=event, kind="contact").select_related(
        "person", "site"
    )
    shared = event.agenda_items.filter(site=None).order_by("starts_at")

    assert [
        (role.site.city if role.site else "", role.person.email, role.person.phone)
        for role in contacts
    ] == [
        ("", "mikkel.thorsen@example.dk", "+45 33 92 18 40"),
        ("København", "louise.kristensen@example.dk", "+45 33 66 12 40"),
        ("Aalborg", "jesper.sorensen@example.dk", "+45 99 31 20 15"),
    ]
    assert [item.kind for item in shared] == ["check_in", "check_in"]
    assert [item.site.city for item in event.agenda_items.exclude(site=None)] == [
        "København",
        "Aalborg",
        "København",
        "Aalborg",
        "København",
        "Aalborg",
    ]


def test_demo_network_year_has_four_meetings_and_an_overnight_seminar(demo):
    events = Event.objects.filter(slug__startswith="innovationschefer-2025-").order_by("starts_at")

    assert [
        (
            event.slug,
            event.kind,
            event.starts_at.astimezone(COPENHAGEN).date(),
            event.ends_at.astimezone(COPENHAGEN).date(),
        )
        for event in events
    ] == [
        ("innovationschefer-2025-1", "network_meeting", date(2025, 3, 6), date(2025, 3, 6)),
        ("innovationschefer-2025-2", "network_meeting", date(2025, 5, 22), date(2025, 5, 22)),
        ("innovationschefer-2025-seminar", "seminar", date(2025, 9, 11), date(2025, 9, 12)),
        ("innovationschefer-2025-3", "network_meeting", date(2025, 11, 17), date(2025, 11, 17)),
        ("innovationschefer-2025-4", "network_meeting", date(2025, 12, 11), date(2025, 12, 11)),
    ]


def test_demo_network_meets_on_the_day_before_the_municipal_election(demo):
    day_before = MUNICIPAL_ELECTION_DAY - timedelta(days=1)
    meetings = [
        event.slug
        for event in Event.objects.filter(slug__startswith="innovationschefer-")
        if event.starts_at.astimezone(COPENHAGEN).date() == day_before
    ]

    assert (MUNICIPAL_ELECTION_DAY, meetings) == (date(2025, 11, 18), ["innovationschefer-2025-3"])


def test_demo_network_meetings_rotate_hosts_with_facilitator_and_chair(demo):
    events = Event.objects.filter(slug__startswith="innovationschefer-2025-").order_by("starts_at")
    hosts = []
    for event in events:
        roles = {
            role.kind: role
            for role in event.roles.select_related("person__organisation").filter(site=None)
        }
        host = roles.get("host")
        hosts.append(host.person.organisation.name if host else "")
        assert roles["facilitator"].person.name == "Mikkel Thorsen"
        assert roles["moderator"].person.name == "Birgitte Holm Rasmussen"
        assert roles["moderator"].note.data["en"] == "Chair of the network"
        assert "8,000" in event.description.data["en"]

    assert hosts == ["Aarhus Kommune", "Vejle Kommune", "Aalborg Kommune", "Odense Kommune", ""]
    assert events.last().description.data["en"].count("still to be decided") == 1


def test_demo_generated_events_include_cancelled_priced_and_both_countries(demo):
    events = Event.objects.filter(slug__in=generated_slugs())

    assert events.filter(status=EventStatus.CANCELLED).count() == 2
    assert events.filter(status=EventStatus.PUBLISHED).count() == 38
    assert sorted({event.time_zone for event in events}) == [
        "Europe/Brussels",
        "Europe/Copenhagen",
    ]
    assert sorted({(event.currency, event.vat_rate) for event in events if event.price}) == [
        ("DKK", 25),
        ("EUR", 21),
    ]
    # The same lines; their order follows the stored JSON's key order.
    assert all(
        sorted(event.search_text.splitlines()) == sorted(event.build_search_text().splitlines())
        for event in events
    )
    assert all(len(event.title.data) >= 2 for event in events)


def test_demo_upcoming_list_has_more_than_one_page(demo):
    upcoming = selectors.event_list(filters=selectors.EventFilters())

    # 23, and the sister network's two coming meetings (samspil.demo.networks).
    assert upcoming.count() == 25


def test_demo_events_pass_model_validation(demo):
    for event in Event.objects.all():
        event.full_clean()


def test_demo_twice_leaves_the_same_records(demo):
    before = record_counts()

    output = run_demo()

    assert record_counts() == before
    assert output == (
        "The demo data is already loaded; nothing changed. "
        "Run `samspil demo --reset` to load it afresh.\n"
    )


def test_demo_reset_reloads_the_same_records_despite_registrations(demo):
    before = record_counts()
    demo_registrations = Registration.objects.count()
    Registration.objects.create(
        event=Event.objects.get(slug="innovationscafe-politisk-ledelse"),
        status="confirmed",
        name="Test Person",
        email="test@example.dk",
        role_category="employee",
        language="da",
    )

    run_demo("--reset")

    assert record_counts() == before
    assert Registration.objects.count() == demo_registrations
    assert not Registration.objects.filter(email="test@example.dk").exists()


def test_demo_admin_password_creates_a_staff_superuser():
    run_demo("--admin-password", "demo-secret")

    user = get_user_model().objects.get(username="admin")
    assert (user.is_staff, user.is_superuser) == (True, True)
    assert user.check_password("demo-secret") is True


def test_demo_without_admin_password_creates_no_user(demo):
    # Only the networks' members get accounts: to sign in by mailed link, with no password.
    users = get_user_model().objects.all()
    assert [user for user in users if user.is_staff or user.has_usable_password()] == []
    assert users.filter(person__memberships__isnull=True).count() == 0


@pytest.mark.parametrize("language", ["en", "da", "fr", "nl"])
def test_demo_scenario_pages_render_in_every_language(client, demo, language):
    paths = [f"/{language}/events/", *(f"/{language}/events/{slug}/" for slug in SCENARIO_PAGES)]

    statuses = [client.get(path).status_code for path in paths]

    assert statuses == [200, 200, 200, 200, 200]


def test_demo_meetup_page_shows_french_to_french_visitors(client, demo):
    html = client.get("/fr/events/public-innovation-week-meetup/").content.decode()

    assert (
        '<h1 lang="fr">Ce que les fonctionnaires créatifs peuvent apprendre de la crise du '
        "COVID-19</h1>"
    ) in html
    assert 'class="fallback-note"' not in html


def test_demo_meetup_page_tells_danish_visitors_it_falls_back(client, demo):
    html = client.get("/da/events/public-innovation-week-meetup/").content.decode()

    assert (
        '<h1 lang="en">What creative civil servants can learn from the COVID-19 crisis</h1>'
    ) in html
    assert html.count('class="fallback-note"') == 1


def test_demo_networks_of_scenario_4(demo):
    chiefs = Network.objects.get(slug="innovationschefer")
    sister = Network.objects.get(slug="spredning-og-genbrug")
    today = timezone.localdate()

    assert chiefs.name.data["da"] == "Netværk for innovationschefer"
    assert (chiefs.fee, chiefs.vat_rate, chiefs.price_with_vat) == (
        Decimal("8000.00"),
        Decimal("25.00"),
        Decimal("10000.00"),
    )
    assert (chiefs.term_months, chiefs.is_binding) == (12, True)
    assert chiefs.criteria.count() == 4
    assert list(chiefs.related_networks.all()) == [sister]
    assert open_intake(chiefs) is None
    assert open_intake(sister) is not None
    members = chiefs.memberships.filter(starts_on__lte=today, ends_on__gte=today)
    assert members.count() == 12
    assert members.values("person__organisation").distinct().count() == 12
    assert members.filter(invoice__gross_total=Decimal("10000.00")).count() == 12
    meetings = list(chiefs.meetings.order_by("event__starts_at"))
    assert len(meetings) == 5
    assert [meeting.host is None for meeting in meetings] == [False] * 4 + [True]
    assert chiefs.periods.get().pairs.count() == 6
    meetup = Event.objects.get(slug="public-innovation-week-meetup")
    assert [n.slug for n in meetup.presented_networks.all()] == [
        "public-innovation-network-belgium"
    ]


def test_demo_reset_reloads_the_networks(demo):
    before = (Network.objects.count(), Membership.objects.count(), Invoice.objects.count())

    run_demo("--reset")

    assert (Network.objects.count(), Membership.objects.count(), Invoice.objects.count()) == before
