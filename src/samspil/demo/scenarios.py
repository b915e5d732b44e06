# The texts are prose in four languages and use its typography: dashes and quotation marks.
# ruff: noqa: RUF001
"""The four situations of SCENARIOS.md as real records: what the demo is for.

People's names are those the scenarios give (Philip De Backer, Lene Krogh
Jeppesen, Anja Lund, Frank E. Andersen); everyone else, and every e-mail
address and phone number, is made up for the demo.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from samspil.events.models import (
    AgendaItem,
    AgendaItemKind,
    Event,
    EventKind,
    EventMode,
    EventRole,
    EventRoleKind,
    EventStatus,
    RegistrationMode,
    Series,
    Site,
)
from samspil.people.models import Organisation, OrganisationKind, Person, RoleCategory

BRUSSELS = "Europe/Brussels"
COPENHAGEN = "Europe/Copenhagen"

MEETUP_SLUG = "public-innovation-week-meetup"
CAFE_SLUG = "innovationscafe-politisk-ledelse"
WORKSHOP_SLUG = "aabne-vaerksteder-2018"
# The network year of scenario 4. 2025 has a municipal election (18 November
# 2025), so the year shows the meeting held on the day before it.
NETWORK_YEAR = 2025
MUNICIPAL_ELECTION_DAY = date(2025, 11, 18)
NETWORK_MEETING_SLUGS = [f"innovationschefer-{NETWORK_YEAR}-{n}" for n in range(1, 5)]
NETWORK_SEMINAR_SLUG = f"innovationschefer-{NETWORK_YEAR}-seminar"
SCENARIO_SLUGS = [
    MEETUP_SLUG,
    CAFE_SLUG,
    WORKSHOP_SLUG,
    *NETWORK_MEETING_SLUGS,
    NETWORK_SEMINAR_SLUG,
]
SERIES_SLUGS = ["public-innovation-week"]


def local(day: date, clock: str, zone: str) -> datetime:
    """An aware datetime for a wall-clock time ("09:30") in a zone."""
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


def next_meetup_day(today: date) -> date:
    """The first 26 November after today, so the meetup is always upcoming and open."""
    day = date(today.year, 11, 26)
    return day if day > today else date(today.year + 1, 11, 26)


# Organisations -----------------------------------------------------------------

ORGANISATIONS = [
    {
        "slug": "center-for-offentlig-innovation",
        "name": "Center for Offentlig Innovation",
        "kind": OrganisationKind.CENTRE,
        "city": "København",
        "region": "Region Hovedstaden",
        "country": "DK",
        "description": {
            "da": "Det nationale center for innovation i den offentlige sektor. Centret "
            "måler innovation i innovationsbarometeret, samler viden og driver netværk "
            "for kommuner, regioner og stat.",
            "en": "The Danish national centre for public-sector innovation. It measures "
            "innovation in the innovation barometer, gathers knowledge and runs networks "
            "for municipalities, regions and the state.",
        },
    },
    {
        "slug": "bosa",
        "name": "BOSA – FOD Beleid en Ondersteuning / SPF Stratégie et Appui",
        "kind": OrganisationKind.STATE_AGENCY,
        "city": "Brussels",
        "region": "Brussels-Capital Region",
        "country": "BE",
        "website": "https://bosa.belgium.be",
        "description": {
            "en": "The Belgian federal public service for policy and support.",
            "fr": "Le service public fédéral belge Stratégie et Appui.",
            "nl": "De Belgische federale overheidsdienst Beleid en Ondersteuning.",
        },
    },
    {
        "slug": "service-public-de-wallonie",
        "name": "Service public de Wallonie (SPW)",
        "kind": OrganisationKind.REGION,
        "city": "Namur",
        "region": "Wallonia",
        "country": "BE",
        "description": {
            "fr": "L'administration de la Région wallonne.",
            "nl": "De administratie van het Waals Gewest.",
            "en": "The administration of the Walloon Region.",
        },
    },
    {
        "slug": "vraiment-vraiment",
        "name": "Vraiment Vraiment",
        "kind": OrganisationKind.COMPANY,
        "city": "Paris",
        "region": "Île-de-France",
        "country": "FR",
        "description": {
            "fr": "Studio de design au service des politiques publiques.",
            "en": "A design studio working on public policy.",
        },
    },
    {
        "slug": "gentofte-kommune",
        "name": "Gentofte Kommune",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Gentofte",
        "region": "Region Hovedstaden",
    },
    {
        "slug": "furesoe-kommune",
        "name": "Furesø Kommune",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Farum",
        "region": "Region Hovedstaden",
    },
    {
        "slug": "koebenhavns-kommunes-innovationshus",
        "name": "Københavns Kommunes Innovationshus",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "København",
        "region": "Region Hovedstaden",
        "description": {
            "da": "Københavns Kommunes hus for innovation på tværs af forvaltningerne.",
            "en": "The City of Copenhagen's innovation house, working across its departments.",
        },
    },
    {
        "slug": "aalborg-kommune",
        "name": "Aalborg Kommune",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Aalborg",
        "region": "Region Nordjylland",
    },
    {
        "slug": "nordjysk-videnscenter-for-velfaerdsteknologi",
        "name": "Nordjysk Videnscenter for Velfærdsteknologi",
        "kind": OrganisationKind.KNOWLEDGE_INSTITUTION,
        "city": "Aalborg",
        "region": "Region Nordjylland",
        "description": {
            "da": "Videnscenter, der afprøver og vurderer velfærdsteknologi sammen med "
            "kommuner, borgere og virksomheder.",
            "en": "A knowledge centre that tests and assesses welfare technology with "
            "municipalities, citizens and companies.",
        },
    },
    {
        "slug": "aarhus-kommune",
        "name": "Aarhus Kommune",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Aarhus",
        "region": "Region Midtjylland",
    },
    {
        "slug": "vejle-kommune",
        "name": "Vejle Kommune",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Vejle",
        "region": "Region Syddanmark",
    },
    {
        "slug": "odense-kommune",
        "name": "Odense Kommune",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Odense",
        "region": "Region Syddanmark",
    },
]


def upsert_organisations(rows: list[dict]) -> dict[str, Organisation]:
    """Create or update the organisations, keyed by slug."""
    organisations = {}
    for row in rows:
        fields = {"country": "DK", "description": "", "website": "", **row}
        slug = fields.pop("slug")
        organisations[slug], _created = Organisation.objects.update_or_create(
            slug=slug, defaults=fields
        )
    return organisations


# People -------------------------------------------------------------------------

PEOPLE = [
    {
        "slug": "philip-de-backer",
        "name": "Philip De Backer",
        "organisation": None,
        "role_category": RoleCategory.POLITICIAN,
        "title": {
            "en": "Former Member of the European Parliament and federal minister",
            "fr": "Ancien député européen et ancien ministre fédéral",
            "nl": "Voormalig Europees parlementslid en federaal minister",
        },
        "bio": {
            "en": "Philip De Backer is a former Member of the European Parliament and a "
            "former Belgian federal minister. During the COVID-19 crisis he led the federal "
            "task force on medical supplies and masks. He tells the story of that task force "
            "in his book “En nu is het oorlog”.",
            "fr": "Philip De Backer est ancien député européen et ancien ministre fédéral "
            "belge. Pendant la crise du COVID-19, il a dirigé la task force fédérale chargée "
            "du matériel médical et des masques. Il en fait le récit dans son livre « En nu "
            "is het oorlog ».",
            "nl": "Philip De Backer is voormalig Europees parlementslid en voormalig Belgisch "
            "federaal minister. Tijdens de COVID-19-crisis leidde hij de federale taskforce "
            "voor medisch materiaal en mondmaskers. Hij vertelt het verhaal van die taskforce "
            "in zijn boek ‘En nu is het oorlog’.",
        },
    },
    {
        "slug": "sophie-lambert",
        "name": "Sophie Lambert",
        "organisation": "service-public-de-wallonie",
        "role_category": RoleCategory.EMPLOYEE,
        "title": {
            "fr": "Chargée de mission, Get up Wallonia",
            "nl": "Projectverantwoordelijke, Get up Wallonia",
            "en": "Project lead, Get up Wallonia",
        },
        "bio": {
            "fr": "Sophie Lambert accompagne les équipes du Service public de Wallonie qui "
            "testent de nouvelles façons de travailler.",
            "nl": "Sophie Lambert begeleidt de teams van de Waalse overheidsdienst die nieuwe "
            "manieren van werken uitproberen.",
            "en": "Sophie Lambert supports the teams of the Walloon public service that are "
            "trying out new ways of working.",
        },
    },
    {
        "slug": "camille-moreau",
        "name": "Camille Moreau",
        "organisation": "vraiment-vraiment",
        "role_category": RoleCategory.BUSINESS,
        "title": {"fr": "Designer", "nl": "Ontwerper", "en": "Designer"},
        "bio": {
            "fr": "Camille Moreau conçoit avec les administrations des services qui "
            "résistent à l'imprévu.",
            "nl": "Camille Moreau ontwerpt samen met overheden diensten die tegen een "
            "stootje kunnen.",
            "en": "Camille Moreau designs public services with administrations, so that "
            "they hold up when the unexpected happens.",
        },
    },
    {
        "slug": "pieter-janssens",
        "name": "Pieter Janssens",
        "organisation": "bosa",
        "role_category": RoleCategory.EMPLOYEE,
        "email": "pieter.janssens@example.be",
        "phone": "+32 2 740 12 34",
        "title": {
            "en": "Innovation adviser",
            "fr": "Conseiller en innovation",
            "nl": "Innovatieadviseur",
        },
        "bio": {
            "nl": "Pieter Janssens brengt innovatieve ambtenaren van alle bestuursniveaus "
            "samen tijdens de Week van de publieke innovatie.",
            "fr": "Pieter Janssens réunit des fonctionnaires innovants de tous les niveaux de "
            "pouvoir pendant la Semaine de l'innovation publique.",
            "en": "Pieter Janssens brings innovative civil servants from every level of "
            "government together during Public Innovation Week.",
        },
    },
    {
        "slug": "lene-krogh-jeppesen",
        "name": "Lene Krogh Jeppesen",
        "organisation": "center-for-offentlig-innovation",
        "role_category": RoleCategory.EMPLOYEE,
        "title": {"da": "Chefkonsulent", "en": "Chief consultant"},
        "bio": {
            "da": "Lene Krogh Jeppesen arbejder med politisk ledelse af innovation og med "
            "tallene fra innovationsbarometeret.",
            "en": "Lene Krogh Jeppesen works on the political leadership of innovation and on "
            "the figures of the innovation barometer.",
        },
    },
    {
        "slug": "anja-lund",
        "name": "Anja Lund",
        "organisation": None,
        "role_category": RoleCategory.POLITICIAN,
        "title": {"da": "Regions- og kommunalpolitiker", "en": "Regional and municipal politician"},
        "bio": {
            "da": "Anja Lund sidder både i regionsrådet og i kommunalbestyrelsen og fortæller, "
            "hvordan politikere kan sætte retning for innovation uden at styre hver detalje.",
            "en": "Anja Lund sits on both a regional and a municipal council. She talks about "
            "how politicians can set the direction for innovation without steering every "
            "detail.",
        },
    },
    {
        "slug": "frank-e-andersen",
        "name": "Frank E. Andersen",
        "organisation": None,
        "role_category": RoleCategory.BUSINESS,
        "title": {
            "da": "Tidligere kommunaldirektør, nu konsulent",
            "en": "Former municipal director, now a consultant",
        },
        "bio": {
            "da": "Frank E. Andersen har været kommunaldirektør og rådgiver i dag "
            "kommuner om samspillet mellem politikere og forvaltning.",
            "en": "Frank E. Andersen was a municipal director. Today he advises municipalities "
            "on how politicians and the administration work together.",
        },
    },
    {
        "slug": "birgitte-holm-rasmussen",
        "name": "Birgitte Holm Rasmussen",
        "organisation": "center-for-offentlig-innovation",
        "role_category": RoleCategory.MANAGER,
        "title": {"da": "Centerchef", "en": "Head of the centre"},
        "bio": {
            "da": "Birgitte Holm Rasmussen leder centret og er formand for Netværk for "
            "innovationschefer.",
            "en": "Birgitte Holm Rasmussen heads the centre and chairs the network for heads "
            "of innovation.",
        },
    },
    {
        "slug": "mikkel-thorsen",
        "name": "Mikkel Thorsen",
        "organisation": "center-for-offentlig-innovation",
        "role_category": RoleCategory.EMPLOYEE,
        "email": "mikkel.thorsen@example.dk",
        "phone": "+45 33 92 18 40",
        "title": {"da": "Konsulent", "en": "Consultant"},
        "bio": {
            "da": "Mikkel Thorsen faciliterer centrets netværk og værksteder.",
            "en": "Mikkel Thorsen facilitates the centre's networks and workshops.",
        },
    },
    {
        "slug": "louise-dahl-kristensen",
        "name": "Louise Dahl Kristensen",
        "organisation": "koebenhavns-kommunes-innovationshus",
        "role_category": RoleCategory.EMPLOYEE,
        "email": "louise.kristensen@example.dk",
        "phone": "+45 33 66 12 40",
        "title": {"da": "Innovationskonsulent", "en": "Innovation consultant"},
    },
    {
        "slug": "jesper-moeller-soerensen",
        "name": "Jesper Møller Sørensen",
        "organisation": "aalborg-kommune",
        "role_category": RoleCategory.EMPLOYEE,
        "email": "jesper.sorensen@example.dk",
        "phone": "+45 99 31 20 15",
        "title": {
            "da": "Projektleder, velfærdsteknologi",
            "en": "Project manager, welfare technology",
        },
    },
    {
        "slug": "karen-oestergaard",
        "name": "Karen Østergaard",
        "organisation": "aarhus-kommune",
        "role_category": RoleCategory.MANAGER,
        "title": {"da": "Innovationschef", "en": "Head of innovation"},
    },
    {
        "slug": "thomas-bech",
        "name": "Thomas Bech",
        "organisation": "vejle-kommune",
        "role_category": RoleCategory.MANAGER,
        "title": {"da": "Chef for innovation og udvikling", "en": "Head of innovation"},
    },
    {
        "slug": "marianne-kjaer",
        "name": "Marianne Kjær",
        "organisation": "aalborg-kommune",
        "role_category": RoleCategory.MANAGER,
        "title": {"da": "Innovationschef", "en": "Head of innovation"},
    },
    {
        "slug": "pernille-skov-hansen",
        "name": "Pernille Skov Hansen",
        "organisation": "odense-kommune",
        "role_category": RoleCategory.MANAGER,
        "title": {"da": "Innovationschef", "en": "Head of innovation"},
    },
]


def upsert_people(rows: list[dict], organisations: dict[str, Organisation]) -> dict[str, Person]:
    """Create or update the people, keyed by slug."""
    people = {}
    for row in rows:
        fields = {"email": "", "phone": "", "bio": "", **row}
        slug = fields.pop("slug")
        organisation = fields.pop("organisation")
        fields["organisation"] = organisations[organisation] if organisation else None
        people[slug], _created = Person.objects.update_or_create(slug=slug, defaults=fields)
    return people


def add_role(
    event: Event,
    person: Person,
    kind: str,
    *,
    order: int,
    note: dict | None = None,
    site: Site | None = None,
) -> EventRole:
    return EventRole.objects.create(
        event=event, person=person, kind=kind, order=order, note=note or "", site=site
    )


def add_agenda_item(
    event: Event,
    day: date,
    span: tuple[str, str],
    kind: str,
    title: dict,
    *,
    description: dict | None = None,
    speakers: list[Person] = (),
    site: Site | None = None,
) -> AgendaItem:
    item = AgendaItem.objects.create(
        event=event,
        site=site,
        starts_at=local(day, span[0], event.time_zone),
        ends_at=local(day, span[1], event.time_zone),
        kind=kind,
        title=title,
        description=description or "",
    )
    item.speakers.set(speakers)
    return item


# 1. Public Innovation Week meetup (Belgium) ---------------------------------------


def create_public_innovation_week(
    *, today: date, organisations: dict[str, Organisation], people: dict[str, Person]
) -> Event:
    series, _created = Series.objects.update_or_create(
        slug="public-innovation-week",
        defaults={
            "name": {
                "en": "Public Innovation Week",
                "fr": "Semaine de l'innovation publique",
                "nl": "Week van de publieke innovatie",
            },
            "description": {
                "en": "A week of meetups for civil servants who innovate, at every level of "
                "government in Belgium.",
                "fr": "Une semaine de rencontres pour les fonctionnaires qui innovent, à tous "
                "les niveaux de pouvoir en Belgique.",
                "nl": "Een week vol meetups voor ambtenaren die innoveren, op alle "
                "bestuursniveaus in België.",
            },
        },
    )
    day = next_meetup_day(today)
    event = Event.objects.create(
        slug=MEETUP_SLUG,
        series=series,
        organiser=organisations["bosa"],
        kind=EventKind.MEETUP,
        mode=EventMode.IN_PERSON,
        status=EventStatus.PUBLISHED,
        starts_at=local(day, "11:00", BRUSSELS),
        ends_at=local(day, "12:30", BRUSSELS),
        time_zone=BRUSSELS,
        original_language="en",
        languages=["en", "fr", "nl"],
        capacity=80,
        currency="EUR",
        registration=RegistrationMode.REQUIRED,
        title={
            "en": "What creative civil servants can learn from the COVID-19 crisis",
            "fr": "Ce que les fonctionnaires créatifs peuvent apprendre de la crise du COVID-19",
            "nl": "Wat creatieve ambtenaren kunnen leren van de COVID-19-crisis",
        },
        summary={
            "en": "Lessons from the COVID-19 crisis for creative civil servants, with Philip "
            "De Backer, who led Belgium's federal task force on medical supplies and masks.",
            "fr": "Les leçons de la crise du COVID-19 pour les fonctionnaires créatifs, avec "
            "Philip De Backer, qui a dirigé la task force fédérale pour le matériel médical "
            "et les masques.",
            "nl": "Lessen uit de COVID-19-crisis voor creatieve ambtenaren, met Philip De "
            "Backer, die de federale taskforce voor medisch materiaal en mondmaskers leidde.",
        },
        description={
            "en": "Public Innovation Week brings together civil servants from every level of "
            "government in Belgium. This meetup asks what the COVID-19 crisis taught us about "
            "creativity in the public service: when the usual procedures no longer fit, how "
            "do civil servants find, test and spread new solutions in days rather than "
            "years?\n\n"
            "Our guest, Philip De Backer, led the federal task force that had to find medical "
            "supplies and masks for Belgium at the height of the crisis. A former Member of "
            "the European Parliament and federal minister, he wrote about that time in his "
            "book “En nu is het oorlog”. He shares what worked, what did not, and what he "
            "would ask of creative civil servants next time.\n\n"
            "Two further contributions follow. The Walloon public service presents the Get up "
            "Wallonia plan and its work on the innovation capacity of the public service. The "
            "design studio Vraiment Vraiment talks about anticipation and improvisation: how "
            "to prepare for what cannot be planned.\n\n"
            "The meetup also introduces the public-innovation networks of Belgium, from the "
            "federal to the local level, so that you leave knowing whom to call for your next "
            "project.\n\n"
            "Taking part is free; please register so that we can prepare the room.",
            "fr": "La Semaine de l'innovation publique réunit des fonctionnaires de tous les "
            "niveaux de pouvoir en Belgique. Cette rencontre se demande ce que la crise du "
            "COVID-19 nous a appris sur la créativité dans la fonction publique : quand les "
            "procédures habituelles ne suffisent plus, comment trouver, tester et diffuser de "
            "nouvelles solutions en quelques jours plutôt qu'en quelques années ?\n\n"
            "Notre invité, Philip De Backer, a dirigé la task force fédérale chargée de "
            "trouver du matériel médical et des masques pour la Belgique au plus fort de la "
            "crise. Ancien député européen et ancien ministre fédéral, il a raconté cette "
            "période dans son livre « En nu is het oorlog ». Il partage ce qui a fonctionné, "
            "ce qui n'a pas fonctionné, et ce qu'il demanderait aux fonctionnaires créatifs "
            "la prochaine fois.\n\n"
            "Deux autres contributions suivent. Le Service public de Wallonie présente le plan "
            "Get up Wallonia et son travail sur la capacité d'innovation de la fonction "
            "publique. Le studio de design Vraiment Vraiment parle d'anticipation et "
            "d'improvisation : comment se préparer à ce qui ne peut pas être planifié.\n\n"
            "La rencontre présente aussi les réseaux d'innovation publique de Belgique, du "
            "niveau fédéral au niveau local, pour que vous sachiez qui appeler pour votre "
            "prochain projet.\n\n"
            "La participation est gratuite ; merci de vous inscrire pour que nous puissions "
            "préparer la salle.",
            "nl": "De Week van de publieke innovatie brengt ambtenaren van alle "
            "bestuursniveaus in België samen. Deze meetup gaat over wat de COVID-19-crisis ons "
            "leerde over creativiteit bij de overheid: als de gewone procedures niet meer "
            "volstaan, hoe vind, test en verspreid je dan nieuwe oplossingen in dagen in "
            "plaats van jaren?\n\n"
            "Onze gast, Philip De Backer, leidde op het hoogtepunt van de crisis de federale "
            "taskforce die medisch materiaal en mondmaskers voor België moest vinden. De "
            "voormalige Europarlementariër en federale minister schreef over die periode het "
            "boek ‘En nu is het oorlog’. Hij vertelt wat werkte, wat niet werkte en wat hij de "
            "volgende keer van creatieve ambtenaren zou vragen.\n\n"
            "Daarna volgen nog twee bijdragen. De Waalse overheidsdienst stelt het plan Get up "
            "Wallonia voor en zijn werk aan de innovatiecapaciteit van de overheid. "
            "Ontwerpstudio Vraiment Vraiment spreekt over anticipatie en improvisatie: hoe "
            "bereid je je voor op wat je niet kunt plannen?\n\n"
            "De meetup stelt ook de netwerken voor publieke innovatie in België voor, van het "
            "federale tot het lokale niveau, zodat u weet wie u kunt bellen voor uw volgende "
            "project.\n\n"
            "Deelname is gratis; schrijf u in zodat we de zaal kunnen voorbereiden.",
        },
        audience={
            "en": "Civil servants and managers at every level of government who want to "
            "innovate, and everyone who works with them.",
            "fr": "Les agents et les responsables de tous les niveaux de pouvoir qui veulent "
            "innover, et tous ceux qui travaillent avec eux.",
            "nl": "Ambtenaren en leidinggevenden van alle bestuursniveaus die willen innoveren, "
            "en iedereen die met hen samenwerkt.",
        },
    )
    Site.objects.create(
        event=event,
        name={"en": "Brussels", "fr": "Bruxelles", "nl": "Brussel"},
        venue="BOSA – WTC III",
        address="Simon Bolivarlaan 30 / Boulevard Simon Bolivar 30",
        city="Brussels",
        capacity=80,
    )
    philip, sophie, camille, pieter = (
        people[slug]
        for slug in ["philip-de-backer", "sophie-lambert", "camille-moreau", "pieter-janssens"]
    )
    add_role(
        event,
        philip,
        EventRoleKind.SPEAKER,
        order=1,
        note={
            "en": "Lessons from the federal task force on medical supplies and masks",
            "fr": "Les leçons de la task force fédérale pour le matériel médical et les masques",
            "nl": "Lessen uit de federale taskforce voor medisch materiaal en mondmaskers",
        },
    )
    add_role(
        event,
        sophie,
        EventRoleKind.SPEAKER,
        order=2,
        note={
            "en": "The Get up Wallonia plan",
            "fr": "Le plan Get up Wallonia",
            "nl": "Het plan Get up Wallonia",
        },
    )
    add_role(
        event,
        camille,
        EventRoleKind.SPEAKER,
        order=3,
        note={
            "en": "Anticipation and improvisation",
            "fr": "Anticipation et improvisation",
            "nl": "Anticipatie en improvisatie",
        },
    )
    add_role(event, pieter, EventRoleKind.MODERATOR, order=4)
    add_role(event, pieter, EventRoleKind.CONTACT, order=5)

    add_agenda_item(
        event,
        day,
        ("11:00", "11:10"),
        AgendaItemKind.INTRODUCTION,
        {
            "en": "Welcome, and Belgium's public-innovation networks",
            "fr": "Accueil, et les réseaux d'innovation publique de Belgique",
            "nl": "Welkom, en de netwerken voor publieke innovatie in België",
        },
        description={
            "en": "Who works on public innovation in Belgium, and how to find them.",
            "fr": "Qui travaille à l'innovation publique en Belgique, et comment les trouver.",
            "nl": "Wie werkt in België aan publieke innovatie, en hoe vind je hen?",
        },
        speakers=[pieter],
    )
    add_agenda_item(
        event,
        day,
        ("11:10", "11:45"),
        AgendaItemKind.TALK,
        {
            "en": "“En nu is het oorlog”: leading the task force on medical supplies",
            "fr": "« En nu is het oorlog » : diriger la task force du matériel médical",
            "nl": "‘En nu is het oorlog’: de taskforce voor medisch materiaal leiden",
        },
        description={
            "en": "How a task force found masks and medical supplies when the whole world "
            "was looking for them, and what civil servants can take from it.",
            "fr": "Comment une task force a trouvé des masques et du matériel médical quand le "
            "monde entier en cherchait, et ce que les fonctionnaires peuvent en retenir.",
            "nl": "Hoe een taskforce mondmaskers en medisch materiaal vond toen de hele wereld "
            "ernaar zocht, en wat ambtenaren daaruit kunnen leren.",
        },
        speakers=[philip],
    )
    # Deliberately without English: an English or Danish visitor sees this
    # description in French, marked as such, which shows the fallback at work.
    add_agenda_item(
        event,
        day,
        ("11:45", "12:05"),
        AgendaItemKind.TALK,
        {
            "en": "Get up Wallonia: the innovation capacity of the public service",
            "fr": "Get up Wallonia : la capacité d'innovation de la fonction publique",
            "nl": "Get up Wallonia: de innovatiecapaciteit van de overheid",
        },
        description={
            "fr": "Comment le plan Get up Wallonia renforce la capacité d'innovation du "
            "Service public de Wallonie : équipes, méthodes et premiers résultats.",
            "nl": "Hoe het plan Get up Wallonia de innovatiecapaciteit van de Waalse "
            "overheidsdienst versterkt: teams, methodes en eerste resultaten.",
        },
        speakers=[sophie],
    )
    add_agenda_item(
        event,
        day,
        ("12:05", "12:20"),
        AgendaItemKind.TALK,
        {
            "en": "Anticipation and improvisation",
            "fr": "Anticipation et improvisation",
            "nl": "Anticipatie en improvisatie",
        },
        description={
            "en": "The design studio Vraiment Vraiment on preparing public services for the "
            "unexpected, and on improvising well when it comes.",
            "fr": "Le studio de design Vraiment Vraiment sur la façon de préparer les services "
            "publics à l'imprévu, et de bien improviser quand il arrive.",
            "nl": "Ontwerpstudio Vraiment Vraiment over hoe je overheidsdiensten voorbereidt op "
            "het onverwachte, en hoe je goed improviseert als het zich aandient.",
        },
        speakers=[camille],
    )
    add_agenda_item(
        event,
        day,
        ("12:20", "12:30"),
        AgendaItemKind.QUESTIONS,
        {
            "en": "Questions from the room",
            "fr": "Questions de la salle",
            "nl": "Vragen uit de zaal",
        },
        speakers=[philip, sophie, camille],
    )
    return event


# 2. Innovationscafé (Denmark) -----------------------------------------------------


def create_innovation_cafe(
    *, organisations: dict[str, Organisation], people: dict[str, Person]
) -> Event:
    day = date(2023, 3, 31)
    event = Event.objects.create(
        slug=CAFE_SLUG,
        organiser=organisations["center-for-offentlig-innovation"],
        kind=EventKind.CAFE,
        mode=EventMode.ONLINE,
        status=EventStatus.PUBLISHED,
        starts_at=local(day, "09:00", COPENHAGEN),
        ends_at=local(day, "10:00", COPENHAGEN),
        time_zone=COPENHAGEN,
        original_language="da",
        languages=["da"],
        capacity=150,
        registration=RegistrationMode.REQUIRED,
        # Made up for the demo; shown only to registered people.
        online_url="https://zoom.us/j/84512093377?pwd=SamspilDemoCafe",
        title={
            "da": "Innovationscafé: Politisk ledelse af innovation",
            "en": "Innovation café: the political leadership of innovation",
        },
        summary={
            "da": "En times online innovationscafé om, hvordan politikere kan sætte retning "
            "for innovation – med afsæt i de nyeste tal fra innovationsbarometeret.",
            "en": "A one-hour online innovation café on how politicians can set the direction "
            "for innovation, grounded in the latest figures from the innovation barometer.",
        },
        description={
            "da": "Hvordan går politikere forrest, når den offentlige sektor skal finde nye "
            "løsninger – og hvad har medarbejdere og ledere brug for fra dem? Caféen tager "
            "afsæt i de nyeste tal fra Center for Offentlig Innovations innovationsbarometer "
            "om politikernes rolle i innovationen.\n\n"
            "Program: Chefkonsulent Lene Krogh Jeppesen indleder kort. Derefter giver to "
            "oplægsholdere inspiration: Anja Lund, regions- og kommunalpolitiker, og Frank E. "
            "Andersen, tidligere kommunaldirektør og nu konsulent. Så drøfter vi oplæggene i "
            "små grupper, og til sidst stiller vi de spørgsmål, grupperne har skrevet, til de "
            "to oplægsholdere.\n\n"
            "Caféen foregår på Zoom. Deltagelse er gratis, men tilmelding er nødvendig: "
            "linket til mødet sendes til de tilmeldte og står på deres personlige side.",
            "en": "How do politicians lead when the public sector has to find new solutions, "
            "and what do staff and managers need from them? The café starts from the latest "
            "figures on politicians' role in innovation from the innovation barometer of the "
            "Center for Offentlig Innovation.\n\n"
            "Programme: chief consultant Lene Krogh Jeppesen opens with a short introduction. "
            "Two speakers then give inspiration talks: Anja Lund, a regional and municipal "
            "politician, and Frank E. Andersen, a former municipal director who is now a "
            "consultant. We then discuss the talks in small groups, and finally the questions "
            "that the groups wrote are put to the two speakers.\n\n"
            "The café takes place on Zoom. It is free, but registration is required: the "
            "meeting link is sent to registered participants and shown on their personal "
            "page.",
        },
        audience={
            "da": "Medarbejdere og ledere, der interesserer sig for politisk ledelse af "
            "innovation.",
            "en": "Staff and managers interested in the political leadership of innovation.",
        },
    )
    lene, anja, frank, mikkel = (
        people[slug]
        for slug in ["lene-krogh-jeppesen", "anja-lund", "frank-e-andersen", "mikkel-thorsen"]
    )
    add_role(
        event,
        anja,
        EventRoleKind.SPEAKER,
        order=1,
        note={"da": "Politikeren som retningsgiver", "en": "The politician who sets direction"},
    )
    add_role(
        event,
        frank,
        EventRoleKind.SPEAKER,
        order=2,
        note={
            "da": "Samspillet mellem politikere og forvaltning",
            "en": "How politicians and the administration work together",
        },
    )
    add_role(
        event,
        lene,
        EventRoleKind.MODERATOR,
        order=3,
        note={"da": "Indleder og styrer caféen", "en": "Introduces and moderates the café"},
    )
    add_role(event, mikkel, EventRoleKind.CONTACT, order=4)

    add_agenda_item(
        event,
        day,
        ("09:00", "09:05"),
        AgendaItemKind.INTRODUCTION,
        {"da": "Velkomst og indledning", "en": "Welcome and introduction"},
        description={
            "da": "Hvad viser innovationsbarometeret om politikernes rolle?",
            "en": "What does the innovation barometer show about politicians' role?",
        },
        speakers=[lene],
    )
    add_agenda_item(
        event,
        day,
        ("09:05", "09:20"),
        AgendaItemKind.TALK,
        {"da": "Inspirationsoplæg: Anja Lund", "en": "Inspiration talk: Anja Lund"},
        speakers=[anja],
    )
    add_agenda_item(
        event,
        day,
        ("09:20", "09:35"),
        AgendaItemKind.TALK,
        {"da": "Inspirationsoplæg: Frank E. Andersen", "en": "Inspiration talk: Frank E. Andersen"},
        speakers=[frank],
    )
    add_agenda_item(
        event,
        day,
        ("09:35", "09:50"),
        AgendaItemKind.GROUP_DIALOGUE,
        {"da": "Dialog i små grupper", "en": "Dialogue in small groups"},
        description={
            "da": "Hver gruppe blander roller og organisationer og skriver spørgsmål til de "
            "to oplægsholdere.",
            "en": "Each group mixes roles and organisations and writes questions for the two "
            "speakers.",
        },
    )
    add_agenda_item(
        event,
        day,
        ("09:50", "10:00"),
        AgendaItemKind.QUESTIONS,
        {
            "da": "Gruppernes spørgsmål til oplægsholderne",
            "en": "The groups' questions to the speakers",
        },
        speakers=[anja, frank],
    )
    return event


# 3. Åbne værksteder (Denmark) -----------------------------------------------------


def create_open_workshops(
    *, organisations: dict[str, Organisation], people: dict[str, Person]
) -> Event:
    day = date(2018, 10, 3)
    event = Event.objects.create(
        slug=WORKSHOP_SLUG,
        organiser=organisations["center-for-offentlig-innovation"],
        kind=EventKind.WORKSHOP,
        mode=EventMode.IN_PERSON,
        status=EventStatus.PUBLISHED,
        starts_at=local(day, "13:00", COPENHAGEN),
        ends_at=local(day, "16:00", COPENHAGEN),
        time_zone=COPENHAGEN,
        original_language="da",
        languages=["da"],
        registration=RegistrationMode.REQUIRED,
        registration_closes_at=local(date(2018, 9, 21), "23:59", COPENHAGEN),
        title={
            "da": "Åbne værksteder: Politikere og offentlig innovation",
            "en": "Open workshops: politicians and public innovation",
        },
        summary={
            "da": "Samme eftermiddag to steder i landet: I København og Aalborg arbejder "
            "politikere, ledere, medarbejdere, virksomheder og foreninger sammen om nye "
            "løsninger.",
            "en": "One afternoon, two places: in Copenhagen and Aalborg, politicians, managers, "
            "staff, companies and associations work together on new solutions.",
        },
        description={
            "da": "Åbne værksteder samler dem, der sjældent sidder ved samme bord: politikere, "
            "medarbejdere og ledere i forvaltningen, frontmedarbejdere, virksomheder og "
            "foreninger. Blandingen er pointen.\n\n"
            "Værkstederne holdes samtidig to steder, hver med sine egne værter og sin egen "
            "overskrift. I København er overskriften politikere som drivkraft i offentlig "
            "innovation. I Aalborg ser vi på politikernes rolle i investeringer i "
            "velfærdsteknologi og afprøver en business case over for en policy case.\n\n"
            "I løbet af eftermiddagen tjekker stederne digitalt ind hos hinanden, så hvert sted "
            "ser, hvad de andre når frem til.\n\n"
            "Center for Offentlig Innovation tager resultaterne – input og dele af løsninger – "
            "videre, gør dem klar til afprøvning og deler dem med alle interesserede.\n\n"
            "Deltagelse er gratis. Tilmeldingsfrist: 21. september 2018.",
            "en": "Open workshops bring together people who rarely sit at the same table: "
            "politicians, employees and managers of an administration, front-line staff, "
            "companies and associations. Mixing them is the point.\n\n"
            "The workshops take place at two sites at once, each with its own co-hosts and "
            "its own headline. In Copenhagen the headline is politicians as a driving force "
            "in public innovation. In Aalborg we look at politicians' role in welfare-technology "
            "investments, testing a business case against a policy case.\n\n"
            "During the afternoon the sites check in with each other digitally, so each site "
            "sees what the others are producing.\n\n"
            "The Center for Offentlig Innovation takes the results – inputs and parts of "
            "solutions – forward, makes them ready for testing and shares them with everyone "
            "interested.\n\n"
            "Taking part is free. Registration deadline: 21 September 2018.",
        },
        audience={
            "da": "Politikere, medarbejdere og ledere i forvaltningen, frontmedarbejdere, "
            "virksomheder og foreninger.",
            "en": "Politicians, employees and managers of an administration, front-line staff, "
            "companies and associations.",
        },
    )
    copenhagen = Site.objects.create(
        event=event,
        order=1,
        name={"da": "København", "en": "Copenhagen"},
        headline={
            "da": "Politikere som drivkraft i offentlig innovation",
            "en": "Politicians as a driving force in public innovation",
        },
        venue="Københavns Rådhus",
        address="Rådhuspladsen 1",
        city="København",
        capacity=60,
    )
    copenhagen.co_hosts.set(
        [
            organisations["gentofte-kommune"],
            organisations["furesoe-kommune"],
            organisations["koebenhavns-kommunes-innovationshus"],
        ]
    )
    aalborg = Site.objects.create(
        event=event,
        order=2,
        name={"da": "Aalborg", "en": "Aalborg"},
        headline={
            "da": "Politikernes rolle i investeringer i velfærdsteknologi: business case over "
            "for policy case",
            "en": "Politicians' role in welfare-technology investments: a business case "
            "tested against a policy case",
        },
        venue="Aalborg Rådhus",
        address="Gammeltorv 2",
        city="Aalborg",
        capacity=40,
    )
    aalborg.co_hosts.set(
        [
            organisations["aalborg-kommune"],
            organisations["nordjysk-videnscenter-for-velfaerdsteknologi"],
        ]
    )
    mikkel = people["mikkel-thorsen"]
    add_role(
        event,
        mikkel,
        EventRoleKind.CONTACT,
        order=1,
        note={"da": "Spørgsmål om værkstederne generelt", "en": "Questions about the workshops"},
    )
    add_role(event, mikkel, EventRoleKind.FACILITATOR, order=2)
    add_role(
        event, people["louise-dahl-kristensen"], EventRoleKind.CONTACT, order=3, site=copenhagen
    )
    add_role(
        event, people["jesper-moeller-soerensen"], EventRoleKind.CONTACT, order=4, site=aalborg
    )

    for site, opening in [
        (
            copenhagen,
            {
                "da": "Hvad kan politikere sætte i gang – og hvad skal de lade andre gøre?",
                "en": "What can politicians set in motion, and what should they leave to others?",
            },
        ),
        (
            aalborg,
            {
                "da": "Business case eller policy case: hvad skal afgøre en investering i "
                "velfærdsteknologi?",
                "en": "Business case or policy case: what should decide an investment in "
                "welfare technology?",
            },
        ),
    ]:
        add_agenda_item(
            event,
            day,
            ("13:00", "13:20"),
            AgendaItemKind.INTRODUCTION,
            {"da": "Velkomst og dagens spørgsmål", "en": "Welcome and the question of the day"},
            description=opening,
            site=site,
        )
        add_agenda_item(
            event,
            day,
            ("13:20", "14:30"),
            AgendaItemKind.GROUP_DIALOGUE,
            {"da": "Værksted, del 1: blandede grupper", "en": "Workshop, part 1: mixed groups"},
            site=site,
        )
        add_agenda_item(
            event,
            day,
            ("14:50", "15:40"),
            AgendaItemKind.GROUP_DIALOGUE,
            {
                "da": "Værksted, del 2: skitser til løsninger",
                "en": "Workshop, part 2: sketches of solutions",
            },
            site=site,
        )
    add_agenda_item(
        event,
        day,
        ("14:30", "14:50"),
        AgendaItemKind.CHECK_IN,
        {
            "da": "Digitalt tjek-ind mellem København og Aalborg",
            "en": "Digital check-in between Copenhagen and Aalborg",
        },
        description={
            "da": "Hvert sted viser de andre, hvad det har nået frem til indtil nu.",
            "en": "Each site shows the other what it has come up with so far.",
        },
    )
    add_agenda_item(
        event,
        day,
        ("15:40", "16:00"),
        AgendaItemKind.CHECK_IN,
        {"da": "Fælles opsamling på tværs af stederne", "en": "Joint wrap-up across the sites"},
        description={
            "da": "Hvad tager centret videre til afprøvning?",
            "en": "What does the centre take forward for testing?",
        },
    )
    return event


# 4. Netværk for innovationschefer (Denmark) ---------------------------------------

NETWORK_TERMS = {
    "da": "Om netværket: Netværk for innovationschefer er for dig, der har ansvaret for "
    "innovation i en kommunal eller statslig organisation. Som medlem deler du åbent "
    "udfordringer og erfaringer, mødes med mindst ét andet medlem mindst én gang uden for de "
    "faste møder (innovationspraksis) og kan rejse til møder rundt i landet.\n\n"
    "Året har fire møder og et seminar med overnatning. Netværket faciliteres af en "
    "medarbejder fra Center for Offentlig Innovation, og centerchefen er formand. Møderne er "
    "gratis for medlemmer; medlemskab koster 8.000 kr. pr. medlem pr. år plus 25 % moms "
    "(10.000 kr. i alt) og egen transport, og prisen dækker forplejning og oplægsholdere. "
    "Medlemskabet er bindende for et år; der er ingen refusion ved afmelding. Optag sker én "
    "gang om året.\n\n"
    "Et søsternetværk om spredning og genbrug af innovative løsninger er for konsulenter, "
    "projektledere og mellemledere.",
    "en": "About the network: the network for heads of innovation is for people responsible "
    "for innovation in a municipal or state organisation. As a member you share challenges "
    "and experience openly, meet at least one other member at least once outside the fixed "
    "meetings (the innovation practice scheme), and can travel to meetings around the "
    "country.\n\n"
    "The year has four meetings and one seminar with an overnight stay. The network is "
    "facilitated by an employee of the Center for Offentlig Innovation and chaired by the "
    "centre's head. Meetings are free for members; membership costs DKK 8,000 per member per "
    "year plus 25 % VAT (DKK 10,000 in all) plus your own travel, and covers catering and "
    "speaker fees. Membership is binding for one year, with no refund on cancellation. New "
    "members are taken in once a year.\n\n"
    "A sister network on spreading and reusing innovative solutions is for consultants, "
    "project managers and middle managers.",
}

TO_BE_DECIDED = {
    "da": "Værten for mødet er endnu ikke besluttet; stedet meldes ud, så snart en "
    "medlemsorganisation har sagt ja.",
    "en": "The host of this meeting is still to be decided; the venue is announced as soon as "
    "a member organisation has said yes.",
}

# (slug, kind, first day, last day, start, end, host person or None, site, theme, about)
NETWORK_PLAN = [
    (
        NETWORK_MEETING_SLUGS[0],
        EventKind.NETWORK_MEETING,
        date(2025, 3, 6),
        date(2025, 3, 6),
        "10:00",
        "15:30",
        "karen-oestergaard",
        (
            {"da": "Aarhus Rådhus", "en": "Aarhus City Hall"},
            "Aarhus Rådhus",
            "Rådhuspladsen 2",
            "Aarhus",
        ),
        {
            "da": "Fra idé til drift: at skalere det, der virker",
            "en": "From idea to operations: scaling what works",
        },
        {
            "da": "Årets første møde handler om det svære skridt fra et vellykket forsøg til "
            "fast drift. Aarhus Kommune fortæller om sine erfaringer, og vi arbejder med "
            "medlemmernes egne eksempler.",
            "en": "The year's first meeting is about the hard step from a successful trial to "
            "everyday operations. Aarhus Kommune shares its experience, and we work on the "
            "members' own examples.",
        },
    ),
    (
        NETWORK_MEETING_SLUGS[1],
        EventKind.NETWORK_MEETING,
        date(2025, 5, 22),
        date(2025, 5, 22),
        "10:00",
        "15:30",
        "thomas-bech",
        ({"da": "Vejle Rådhus", "en": "Vejle City Hall"}, "Vejle Rådhus", "Skolegade 1", "Vejle"),
        {
            "da": "Effekt og evaluering af innovation",
            "en": "The impact and evaluation of innovation",
        },
        {
            "da": "Hvordan viser vi, at en ny løsning virker – før, under og efter? Vi ser på "
            "enkle måder at måle effekt på og på tallene fra innovationsbarometeret.",
            "en": "How do we show that a new solution works, before, during and after? We look "
            "at simple ways to measure impact and at the figures of the innovation barometer.",
        },
    ),
    (
        NETWORK_SEMINAR_SLUG,
        EventKind.SEMINAR,
        date(2025, 9, 11),
        date(2025, 9, 12),
        "10:00",
        "14:00",
        "marianne-kjaer",
        ({"da": "Aalborg", "en": "Aalborg"}, "Comwell Hvide Hus Aalborg", "Vesterbro 2", "Aalborg"),
        {
            "da": "Årsseminar om ledelse af innovation i en tid med kunstig intelligens",
            "en": "Annual seminar on leading innovation in an age of artificial intelligence",
        },
        {
            "da": "Årets seminar er med overnatning. Over to dage arbejder vi med, hvad kunstig "
            "intelligens betyder for innovationsledelse i kommuner og stat, med oplæg, "
            "værksted og god tid til at tale sammen om aftenen.",
            "en": "The year's seminar includes an overnight stay. Over two days we work on "
            "what artificial intelligence means for leading innovation in municipalities and "
            "the state, with talks, a workshop and time to talk in the evening.",
        },
    ),
    (
        NETWORK_MEETING_SLUGS[2],
        EventKind.NETWORK_MEETING,
        date(2025, 11, 17),
        date(2025, 11, 17),
        "10:00",
        "15:00",
        "pernille-skov-hansen",
        (
            {"da": "Odense Rådhus", "en": "Odense City Hall"},
            "Odense Rådhus",
            "Flakhaven 2",
            "Odense",
        ),
        {
            "da": "Dagen før valget: innovation og de nye kommunalbestyrelser",
            "en": "The day before the election: innovation and the new councils",
        },
        {
            "da": "Mødet ligger dagen før kommunal- og regionsrådsvalget den 18. november 2025. "
            "Hvordan sætter vi innovation på dagsordenen hos de nye politikere, og hvad skal "
            "de vide i deres første hundrede dage?",
            "en": "This meeting is on the day before the municipal and regional elections of "
            "18 November 2025. How do we put innovation on the new politicians' agenda, and "
            "what should they know in their first hundred days?",
        },
    ),
    (
        NETWORK_MEETING_SLUGS[3],
        EventKind.NETWORK_MEETING,
        date(2025, 12, 11),
        date(2025, 12, 11),
        "10:00",
        "15:30",
        None,
        ({"da": "Sted aftales", "en": "Venue to be decided"}, "", "", ""),
        {
            "da": "Årets læring og næste års innovationspraksis",
            "en": "The year's lessons and next year's innovation practice",
        },
        {
            "da": "Vi samler op på året, deler erfaringer fra innovationspraksis og danner nye "
            "par til det kommende år.",
            "en": "We look back on the year, share experience from the innovation practice "
            "scheme and form new pairs for the coming year.",
        },
    ),
]


def create_network_year(
    *, organisations: dict[str, Organisation], people: dict[str, Person]
) -> list[Event]:
    chair = people["birgitte-holm-rasmussen"]
    facilitator = people["mikkel-thorsen"]
    events = []
    for slug, kind, first, last, start, end, host, site, theme, about in NETWORK_PLAN:
        site_name, venue, address, city = site
        host_text = {} if host else TO_BE_DECIDED
        description = {
            code: "\n\n".join(part[code] for part in [host_text, NETWORK_TERMS] if part)
            for code in ["da", "en"]
        }
        event = Event.objects.create(
            slug=slug,
            organiser=organisations["center-for-offentlig-innovation"],
            kind=kind,
            mode=EventMode.IN_PERSON,
            status=EventStatus.PUBLISHED,
            starts_at=local(first, start, COPENHAGEN),
            ends_at=local(last, end, COPENHAGEN),
            time_zone=COPENHAGEN,
            original_language="da",
            languages=["da"],
            registration=RegistrationMode.REQUIRED,
            title={
                "da": f"Netværk for innovationschefer: {theme['da']}",
                "en": f"Network for heads of innovation: {theme['en']}",
            },
            summary=about,
            description=description,
            audience={
                "da": "Medlemmer af Netværk for innovationschefer.",
                "en": "Members of the network for heads of innovation.",
            },
        )
        Site.objects.create(
            event=event, name=site_name, venue=venue, address=address, city=city, order=1
        )
        if host:
            add_role(
                event,
                people[host],
                EventRoleKind.HOST,
                order=1,
                note={"da": "Værtsorganisation", "en": "Host organisation"},
            )
        add_role(
            event,
            chair,
            EventRoleKind.MODERATOR,
            order=2,
            note={"da": "Formand for netværket", "en": "Chair of the network"},
        )
        add_role(event, facilitator, EventRoleKind.FACILITATOR, order=3)
        events.append(event)
    return events


def create_scenarios(*, today: date) -> list[Event]:
    """Create the events of the four scenarios; the organisations and people are upserted."""
    organisations = upsert_organisations(ORGANISATIONS)
    people = upsert_people(PEOPLE, organisations)
    return [
        create_public_innovation_week(today=today, organisations=organisations, people=people),
        create_innovation_cafe(organisations=organisations, people=people),
        create_open_workshops(organisations=organisations, people=people),
        *create_network_year(organisations=organisations, people=people),
    ]
