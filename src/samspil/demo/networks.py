# The texts are prose in several languages and use its typography.
"""Scenario 4 as networks: "Netværk for innovationschefer", its sister network, members.

The network for heads of innovation has its intake closed with a reason, twelve
members from organisations around the country with this year's binding
memberships and their invoices, the year's meetings (the events of
samspil.demo.scenarios, one with its host still to be decided) and a pairing
period with pairs. The sister network for spreading solutions has its intake
open, so that anyone can apply in the demo. The Belgian meetup presents the
Belgian public-innovation network. Names, addresses and numbers are made up.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Q

from samspil.billing.models import Invoice
from samspil.demo.scenarios import (
    MEETUP_SLUG,
    NETWORK_MEETING_SLUGS,
    NETWORK_PLAN,
    NETWORK_SEMINAR_SLUG,
    NETWORK_TERMS,
)
from samspil.events.models import (
    Event,
    EventKind,
    EventMode,
    EventStatus,
    RegistrationMode,
    Site,
)
from samspil.networks import services
from samspil.networks.models import (
    Application,
    ApplicationStatus,
    Criterion,
    IntakeWindow,
    Meeting,
    Membership,
    Network,
    Pair,
    PairingPeriod,
)
from samspil.networks.terms import quarter_of
from samspil.people.models import Organisation, OrganisationKind, Person, RoleCategory
from samspil.registrations.models import Registration

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
CHIEFS_SLUG = "innovationschefer"
SPREADING_SLUG = "spredning-og-genbrug"
BELGIAN_SLUG = "public-innovation-network-belgium"
NETWORK_SLUGS = [CHIEFS_SLUG, SPREADING_SLUG, BELGIAN_SLUG]
SPREADING_EVENT_SLUGS = [f"{SPREADING_SLUG}-meeting-{n}" for n in (1, 2)]

CHIEFS_CRITERIA = [
    {
        "da": "Jeg har ansvaret for innovation i en kommunal eller statslig organisation.",
        "en": "I am responsible for innovation in a municipal or state organisation.",
    },
    {
        "da": "Jeg vil dele udfordringer og erfaringer åbent med de andre medlemmer.",
        "en": "I am willing to share challenges and experience openly with the other members.",
    },
    {
        "da": "Jeg mødes med mindst ét andet medlem mindst én gang uden for de faste møder "
        "(innovationspraksis).",
        "en": "I will meet at least one other member at least once outside the fixed meetings "
        "(the innovation practice scheme).",
    },
    {
        "da": "Jeg kan rejse til møder rundt i landet.",
        "en": "I can travel to meetings around the country.",
    },
]

SPREADING_CRITERIA = [
    {
        "da": "Jeg arbejder som konsulent, projektleder eller mellemleder i den offentlige sektor.",
        "en": "I work as a consultant, project manager or middle manager in the public sector.",
    },
    {
        "da": "Jeg vil dele de løsninger, min organisation har afprøvet, med de andre medlemmer.",
        "en": "I will share the solutions my organisation has tested with the other members.",
    },
    {
        "da": "Jeg mødes med mindst ét andet medlem mindst én gang uden for de faste møder.",
        "en": "I will meet at least one other member at least once outside the fixed meetings.",
    },
]

# Organisations of members that scenarios.py does not create: slug, name, city, region.
MEMBER_ORGANISATIONS = [
    ("randers-kommune", "Randers Kommune", "Randers", "Region Midtjylland"),
    ("esbjerg-kommune", "Esbjerg Kommune", "Esbjerg", "Region Syddanmark"),
    ("roskilde-kommune", "Roskilde Kommune", "Roskilde", "Region Sjælland"),
    ("hjoerring-kommune", "Hjørring Kommune", "Hjørring", "Region Nordjylland"),
    ("naestved-kommune", "Næstved Kommune", "Næstved", "Region Sjælland"),
    ("region-hovedstaden", "Region Hovedstaden", "Hillerød", "Region Hovedstaden"),
    ("digitaliseringsstyrelsen", "Digitaliseringsstyrelsen", "København", "Region Hovedstaden"),
    ("viborg-kommune", "Viborg Kommune", "Viborg", "Region Midtjylland"),
]
# The organisations of scenarios.py get regions where they have none.
REGIONS = {
    "gentofte-kommune": "Region Hovedstaden",
    "furesoe-kommune": "Region Hovedstaden",
    "aalborg-kommune": "Region Nordjylland",
}

# Members of the network for heads of innovation: slug, name, organisation, title (da, en).
CHIEFS = [
    ("net-anne-mette-kirk", "Anne Mette Kirk", "aarhus-kommune"),
    ("net-henrik-vestergaard", "Henrik Vestergaard", "vejle-kommune"),
    ("net-lise-brandt", "Lise Brandt", "aalborg-kommune"),
    ("net-morten-juul", "Morten Juul", "odense-kommune"),
    ("net-sanne-frost", "Sanne Frost", "gentofte-kommune"),
    ("net-ole-damgaard", "Ole Damgaard", "randers-kommune"),
    ("net-katrine-lund", "Katrine Lund", "esbjerg-kommune"),
    ("net-peter-holt", "Peter Holt", "roskilde-kommune"),
    ("net-mette-skov", "Mette Skov", "hjoerring-kommune"),
    ("net-jonas-bang", "Jonas Bang", "naestved-kommune"),
    ("net-helle-winther", "Helle Winther", "region-hovedstaden"),
    ("net-rasmus-krogh", "Rasmus Krogh", "digitaliseringsstyrelsen"),
]
SPREADERS = [
    ("net-ida-marie-hald", "Ida Marie Hald", "furesoe-kommune"),
    ("net-simon-lauridsen", "Simon Lauridsen", "viborg-kommune"),
    ("net-camilla-nygaard", "Camilla Nygaard", "odense-kommune"),
    ("net-frederik-moos", "Frederik Moos", "aarhus-kommune"),
]
MEMBER_SLUGS = [row[0] for row in CHIEFS + SPREADERS]
CHIEF_TITLE = {"da": "Innovationschef", "en": "Head of innovation"}
SPREADER_TITLE = {"da": "Innovationskonsulent", "en": "Innovation consultant"}
# Fictitious but valid numbers: a CVR number and an EAN/GLN with right check digits.
DEMO_CVR = "DK13585628"
DEMO_GLN = "5798000000001"


def demo_networks_delete() -> None:
    """Delete the networks of the demo with their applications, members, pairs and invoices."""
    memberships = Membership.objects.filter(
        Q(network__slug__in=NETWORK_SLUGS) | Q(person__slug__in=MEMBER_SLUGS)
    )
    invoice_ids = list(memberships.exclude(invoice=None).values_list("invoice_id", flat=True))
    Pair.objects.filter(period__network__slug__in=NETWORK_SLUGS).delete()
    PairingPeriod.objects.filter(network__slug__in=NETWORK_SLUGS).delete()
    # A renewal points at its previous term; clear those links before deleting the terms.
    memberships.update(previous=None)
    memberships.delete()
    Invoice.objects.filter(pk__in=invoice_ids).delete()
    Application.objects.filter(network__slug__in=NETWORK_SLUGS).delete()
    Network.objects.filter(slug__in=NETWORK_SLUGS).delete()
    Registration.objects.filter(event__slug__in=SPREADING_EVENT_SLUGS).delete()
    Event.objects.filter(slug__in=SPREADING_EVENT_SLUGS).delete()
    Person.objects.filter(slug__in=MEMBER_SLUGS).delete()
    Organisation.objects.filter(slug__in=[row[0] for row in MEMBER_ORGANISATIONS]).exclude(
        Q(people__isnull=False) | Q(organised_events__isnull=False)
    ).delete()


def _organisations() -> dict[str, Organisation]:
    for slug, name, city, region in MEMBER_ORGANISATIONS:
        kind = (
            OrganisationKind.REGION
            if slug.startswith("region-")
            else OrganisationKind.STATE_AGENCY
            if slug == "digitaliseringsstyrelsen"
            else OrganisationKind.MUNICIPALITY
        )
        Organisation.objects.update_or_create(
            slug=slug, defaults={"name": name, "city": city, "region": region, "kind": kind}
        )
    for slug, region in REGIONS.items():
        Organisation.objects.filter(slug=slug, region="").update(region=region)
    return {organisation.slug: organisation for organisation in Organisation.objects.all()}


def _member(slug: str, name: str, organisation: Organisation, title: dict) -> Person:
    first = name.split(maxsplit=1)[0].lower()
    domain = organisation.slug.replace("-", "")
    person, _created = Person.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "organisation": organisation,
            "email": f"{first}.{slug.rsplit('-', maxsplit=1)[-1]}@{domain}.example.dk",
            "role_category": RoleCategory.MANAGER,
            "title": title,
        },
    )
    return person


def _network(slug: str, organiser: Organisation, criteria: list[dict], **fields) -> Network:
    network = Network.objects.create(slug=slug, organiser=organiser, **fields)
    for order, text in enumerate(criteria, start=1):
        Criterion.objects.create(network=network, text=text, order=order)
    return network


def _accept(network: Network, person: Person, starts_on: date, job_title: str) -> Membership:
    """An accepted application and its membership with an invoice, as the desk would make."""
    organisation = person.organisation
    application = Application.objects.create(
        network=network,
        intake=network.intakes.order_by("opens_at").first(),
        status=ApplicationStatus.ACCEPTED,
        name=person.name,
        email=person.email,
        job_title=job_title,
        organisation=organisation.name,
        region=organisation.region,
        responsibility="Ansvarlig for innovation og udvikling i organisationen.",
        motivation="At lære af andre innovationschefer og dele vores erfaringer.",
        confirmed_criteria=list(network.criteria.values_list("pk", flat=True)),
        language="da",
        billing_name=organisation.name,
        billing_address="Rådhuspladsen 1",
        billing_postcode="8000",
        billing_city=organisation.city or "Aarhus",
        billing_vat_number=DEMO_CVR,
        billing_ean=DEMO_GLN,
        decided_at=datetime.combine(starts_on, time(9), tzinfo=COPENHAGEN),
    )
    services.member_user_ensure(person=person)
    membership = services._membership_create(
        network=network,
        person=person,
        starts_on=starts_on,
        application=application,
        actor=None,
    )
    membership.directory_fields = ["organisation", "job_title", "region", "email"]
    membership.save(update_fields=["directory_fields"])
    return membership


def create_networks_demo(*, today: date) -> list[Network]:
    """Create the demo's networks; the events of scenarios.py must exist."""
    organisations = _organisations()
    centre = organisations["center-for-offentlig-innovation"]
    chair = Person.objects.get(slug="birgitte-holm-rasmussen")
    facilitator = Person.objects.get(slug="mikkel-thorsen")
    binding_terms = {
        "da": "Medlemskabet er bindende for et år; der er ingen refusion ved afmelding.",
        "en": "Membership is binding for one year, with no refund on cancellation.",
    }
    chiefs = _network(
        CHIEFS_SLUG,
        centre,
        CHIEFS_CRITERIA,
        name={"da": "Netværk for innovationschefer", "en": "Network for heads of innovation"},
        original_language="da",
        purpose={
            "da": "Et lukket netværk for dem, der har ansvaret for innovation i kommuner og stat.",
            "en": "A closed network for those responsible for innovation in municipalities "
            "and the state.",
        },
        description=NETWORK_TERMS,
        audience={
            "da": "Innovationschefer og andre med ansvaret for innovation i en kommunal eller "
            "statslig organisation.",
            "en": "Heads of innovation and others responsible for innovation in a municipal or "
            "state organisation.",
        },
        fee_covers={
            "da": "Forplejning og oplægsholdere ved fire møder og et seminar med overnatning; "
            "egen transport kommer oveni.",
            "en": "Catering and speakers at four meetings and a seminar with an overnight stay; "
            "your own travel comes on top.",
        },
        facilitator=facilitator,
        chair=chair,
        fee=Decimal("8000.00"),
        currency="DKK",
        vat_rate=Decimal(25),
        term_months=12,
        is_binding=True,
        binding_terms=binding_terms,
        capacity=30,
        intake_closed_reason={
            "da": f"lukket for {today.year + 1}; næste optag januar {today.year + 2}.",
            "en": f"closed for {today.year + 1}; next intake January {today.year + 2}.",
        },
    )
    # This year's intake was in January (last year's, while it is still January): closed now.
    intake_year = today.year if today >= date(today.year, 2, 1) else today.year - 1
    IntakeWindow.objects.create(
        network=chiefs,
        opens_at=datetime(intake_year, 1, 5, 9, tzinfo=COPENHAGEN),
        closes_at=datetime(intake_year, 1, 31, 23, 59, tzinfo=COPENHAGEN),
        membership_starts_on=date(today.year, 1, 1),
    )
    spreading = _network(
        SPREADING_SLUG,
        centre,
        SPREADING_CRITERIA,
        name={
            "da": "Netværk for spredning og genbrug af løsninger",
            "en": "Network for spreading and reusing solutions",
        },
        original_language="da",
        purpose={
            "da": "Søsternetværket for konsulenter, projektledere og mellemledere, der spreder "
            "og genbruger innovative løsninger.",
            "en": "The sister network for consultants, project managers and middle managers "
            "who spread and reuse innovative solutions.",
        },
        audience={
            "da": "Konsulenter, projektledere og mellemledere i den offentlige sektor.",
            "en": "Consultants, project managers and middle managers in the public sector.",
        },
        fee_covers={
            "da": "Forplejning og oplægsholdere ved to møder.",
            "en": "Catering and speakers at two meetings.",
        },
        facilitator=facilitator,
        chair=chair,
        fee=Decimal("4000.00"),
        currency="DKK",
        vat_rate=Decimal(25),
        term_months=12,
        is_binding=True,
        binding_terms=binding_terms,
        capacity=40,
    )
    IntakeWindow.objects.create(
        network=spreading,
        opens_at=datetime.combine(today - timedelta(days=30), time(9), tzinfo=COPENHAGEN),
        closes_at=datetime.combine(today + timedelta(days=60), time(23), tzinfo=COPENHAGEN),
    )
    chiefs.related_networks.add(spreading)
    belgian = Network.objects.create(
        slug=BELGIAN_SLUG,
        organiser=organisations["bosa"],
        original_language="fr",
        name={
            "en": "Belgian public innovation network",
            "fr": "Réseau belge de l'innovation publique",
            "nl": "Belgisch netwerk voor publieke innovatie",
        },
        purpose={
            "en": "Civil servants who innovate in Belgium's public services meet, learn and "
            "share what works.",
            "fr": "Les fonctionnaires qui innovent dans les services publics belges se "
            "rencontrent, apprennent et partagent ce qui fonctionne.",
            "nl": "Ambtenaren die innoveren in de Belgische openbare diensten ontmoeten elkaar, "
            "leren en delen wat werkt.",
        },
        fee=Decimal(0),
        is_binding=False,
        intake_closed_reason={
            "en": "the network takes new members at its meetups; ask the organisers.",
            "fr": "le réseau accueille de nouveaux membres lors de ses rencontres ; "
            "adressez-vous aux organisateurs.",
            "nl": "het netwerk verwelkomt nieuwe leden op zijn meetups; "
            "vraag het de organisatoren.",
        },
    )
    meetup = Event.objects.filter(slug=MEETUP_SLUG).first()
    if meetup is not None:
        belgian.presented_at.add(meetup)

    starts_on = date(today.year, 1, 1)
    for slug, name, org in CHIEFS:
        person = _member(slug, name, organisations[org], CHIEF_TITLE)
        _accept(chiefs, person, starts_on, CHIEF_TITLE["da"])
    spreading_starts = today - timedelta(days=120)
    for slug, name, org in SPREADERS:
        person = _member(slug, name, organisations[org], SPREADER_TITLE)
        _accept(spreading, person, spreading_starts, SPREADER_TITLE["da"])
    _meetings(chiefs, organisations)
    _spreading_meetings(spreading, centre, organisations, today)
    # Last quarter's pairs, with half of them met; this quarter is for the organiser to form
    # (in the first quarter, when the terms began this year, the pairs are this quarter's).
    label, first, last = quarter_of(today - timedelta(days=92))
    if last < starts_on:
        label, first, last = quarter_of(today)
    period = services.pairing_period_create(
        network=chiefs, label=label, starts_on=first, ends_on=last, actor=None
    )
    for n, pair in enumerate(period.pairs.order_by("pk")):
        if n % 2 == 0:
            pair.met_on = last - timedelta(days=10)
            pair.marked_by = pair.members.order_by("pk").first()
            pair.save(update_fields=["met_on", "marked_by"])
    label, first, last = quarter_of(today - timedelta(days=92))
    services.pairing_period_create(
        network=spreading, label=label, starts_on=first, ends_on=last, actor=None
    )
    return [chiefs, spreading, belgian]


def _meetings(network: Network, organisations: dict[str, Organisation]) -> None:
    hosts = {slug: host for slug, _kind, *_rest, host, _site, _theme, _about in NETWORK_PLAN}
    themes = {slug: theme for slug, *_rest, theme, _about in NETWORK_PLAN}
    for event in Event.objects.filter(slug__in=[*NETWORK_MEETING_SLUGS, NETWORK_SEMINAR_SLUG]):
        host_person = Person.objects.filter(slug=hosts.get(event.slug) or "").first()
        host = host_person.organisation if host_person else None
        Meeting.objects.create(
            network=network,
            event=event,
            theme=themes[event.slug],
            host=host,
            region=host.region if host else "",
        )


def _spreading_meetings(
    network: Network, centre: Organisation, organisations: dict[str, Organisation], today: date
) -> None:
    """Two coming meetings of the sister network: one hosted, one with its host to be decided."""
    plan = [
        (
            SPREADING_EVENT_SLUGS[0],
            today + timedelta(days=21),
            organisations["viborg-kommune"],
            {
                "da": "Genbrug af løsninger på tværs af kommuner",
                "en": "Reusing solutions across municipalities",
            },
        ),
        (
            SPREADING_EVENT_SLUGS[1],
            today + timedelta(days=84),
            None,
            {"da": "Fra forsøg til fælles løsning", "en": "From trial to shared solution"},
        ),
    ]
    for slug, day, host, theme in plan:
        starts = datetime.combine(day, time(10), tzinfo=COPENHAGEN)
        event = Event.objects.create(
            slug=slug,
            organiser=centre,
            kind=EventKind.NETWORK_MEETING,
            mode=EventMode.IN_PERSON,
            status=EventStatus.PUBLISHED,
            starts_at=starts,
            ends_at=starts + timedelta(hours=5),
            time_zone="Europe/Copenhagen",
            original_language="da",
            languages=["da"],
            registration=RegistrationMode.REQUIRED,
            title={
                "da": f"Netværk for spredning og genbrug: {theme['da']}",
                "en": f"Network for spreading and reusing solutions: {theme['en']}",
            },
            audience={
                "da": "Medlemmer af Netværk for spredning og genbrug af løsninger.",
                "en": "Members of the network for spreading and reusing solutions.",
            },
            capacity=40,
        )
        Site.objects.create(
            event=event,
            name={"da": host.city, "en": host.city}
            if host
            else {"da": "Sted aftales", "en": "Venue to be decided"},
            city=host.city if host else "",
            order=1,
        )
        Meeting.objects.create(
            network=network, event=event, theme=theme, host=host, region=host.region if host else ""
        )
