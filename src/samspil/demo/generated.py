# The texts are prose in four languages and use its typography: dashes and quotation marks.
# ruff: noqa: RUF001
"""Filler events around the scenarios, so that lists, filters and pages feel real.

Deterministic: the same seed gives the same events, slugs and texts; only the
dates move with today, so some events are always upcoming and some past.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils.text import slugify

from samspil.demo.scenarios import local, upsert_organisations
from samspil.events.models import (
    Event,
    EventKind,
    EventMode,
    EventStatus,
    RegistrationMode,
    Site,
)
from samspil.people.models import Organisation, OrganisationKind

SEED = 2026
COUNT = 40
# Indices of the filler events that are cancelled: cancelled events stay public
# so that people who planned to come learn of it.
CANCELLED = {7, 26}

FILLER_ORGANISATIONS = [
    {
        "slug": "koebenhavns-kommune",
        "name": "Københavns Kommune",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "København",
        "region": "Region Hovedstaden",
    },
    {
        "slug": "kl-kommunernes-landsforening",
        "name": "KL – Kommunernes Landsforening",
        "kind": OrganisationKind.ASSOCIATION,
        "city": "København",
        "region": "Region Hovedstaden",
    },
    {
        "slug": "roskilde-universitet",
        "name": "Roskilde Universitet",
        "kind": OrganisationKind.KNOWLEDGE_INSTITUTION,
        "city": "Roskilde",
        "region": "Region Sjælland",
    },
    {
        "slug": "esbjerg-kommune",
        "name": "Esbjerg Kommune",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Esbjerg",
        "region": "Region Syddanmark",
    },
    {
        "slug": "region-midtjylland",
        "name": "Region Midtjylland",
        "kind": OrganisationKind.REGION,
        "city": "Viborg",
        "region": "Region Midtjylland",
    },
    {
        "slug": "nordlys-design",
        "name": "Nordlys Design ApS",
        "kind": OrganisationKind.COMPANY,
        "city": "Aarhus",
        "region": "Region Midtjylland",
    },
    {
        "slug": "stad-gent",
        "name": "Stad Gent",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Gent",
        "region": "Flanders",
        "country": "BE",
    },
    {
        "slug": "stad-antwerpen",
        "name": "Stad Antwerpen",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Antwerpen",
        "region": "Flanders",
        "country": "BE",
    },
    {
        "slug": "ku-leuven-public-governance-institute",
        "name": "KU Leuven Public Governance Institute",
        "kind": OrganisationKind.KNOWLEDGE_INSTITUTION,
        "city": "Leuven",
        "region": "Flanders",
        "country": "BE",
    },
    {
        "slug": "ville-de-liege",
        "name": "Ville de Liège",
        "kind": OrganisationKind.MUNICIPALITY,
        "city": "Liège",
        "region": "Wallonia",
        "country": "BE",
    },
]


@dataclass(frozen=True)
class Place:
    organisation: str  # slug
    venue: str
    address: str
    city: str
    language: str  # the organiser's language: the texts' original language


DANISH_PLACES = [
    Place(
        "koebenhavns-kommune",
        "Københavns Rådhus",
        "Rådhuspladsen 1",
        "København",
        "da",
    ),
    Place(
        "kl-kommunernes-landsforening",
        "KL's konferencecenter",
        "Weidekampsgade 10",
        "København",
        "da",
    ),
    Place("aarhus-kommune", "Dokk1", "Hack Kampmanns Plads 2", "Aarhus", "da"),
    Place("nordlys-design", "Dokk1", "Hack Kampmanns Plads 2", "Aarhus", "da"),
    Place("odense-kommune", "Odense Rådhus", "Flakhaven 2", "Odense", "da"),
    Place("aalborg-kommune", "Aalborg Rådhus", "Gammeltorv 2", "Aalborg", "da"),
    Place("vejle-kommune", "Vejle Rådhus", "Skolegade 1", "Vejle", "da"),
    Place(
        "roskilde-universitet",
        "Roskilde Universitet",
        "Universitetsvej 1",
        "Roskilde",
        "da",
    ),
    Place("esbjerg-kommune", "Esbjerg Rådhus", "Torvegade 74", "Esbjerg", "da"),
    Place("region-midtjylland", "Regionshuset Viborg", "Skottenborg 26", "Viborg", "da"),
    Place(
        "center-for-offentlig-innovation",
        "Center for Offentlig Innovation",
        "",
        "København",
        "da",
    ),
]

BELGIAN_PLACES = [
    Place(
        "bosa",
        "BOSA – WTC III",
        "Simon Bolivarlaan 30 / Boulevard Simon Bolivar 30",
        "Brussels",
        "fr",
    ),
    Place("stad-gent", "Stadhuis Gent", "Botermarkt 1", "Gent", "nl"),
    Place("stad-antwerpen", "Stadhuis Antwerpen", "Grote Markt 1", "Antwerpen", "nl"),
    Place(
        "ku-leuven-public-governance-institute",
        "KU Leuven, Public Governance Institute",
        "Parkstraat 45",
        "Leuven",
        "nl",
    ),
    Place("ville-de-liege", "Hôtel de ville de Liège", "Place du Marché 2", "Liège", "fr"),
    Place("service-public-de-wallonie", "Service public de Wallonie", "", "Namur", "fr"),
]

# Each theme: (title, summary); Danish themes in da and en, Belgian in nl, fr and en.
DANISH_THEMES = [
    (
        {"da": "Velfærdsteknologi i hverdagen", "en": "Welfare technology in everyday care"},
        {
            "da": "Erfaringer fra plejecentre og hjemmepleje med teknologi, der frigør tid.",
            "en": "Experience from care homes and home care with technology that frees up time.",
        },
    ),
    (
        {"da": "Borgerinddragelse, der gør en forskel", "en": "Citizen involvement that matters"},
        {
            "da": "Sådan inddrager I borgerne tidligt – og bruger det, de siger.",
            "en": "How to involve citizens early, and use what they tell you.",
        },
    ),
    (
        {
            "da": "Kunstig intelligens i sagsbehandlingen",
            "en": "Artificial intelligence in casework",
        },
        {
            "da": "Hvor hjælper kunstig intelligens sagsbehandlerne, og hvor skal mennesker "
            "beslutte?",
            "en": "Where does artificial intelligence help caseworkers, and where must people "
            "decide?",
        },
    ),
    (
        {"da": "Grøn omstilling i kommunen", "en": "The green transition in the municipality"},
        {
            "da": "Nye løsninger på energi, transport og indkøb fra kommuner, der er i gang.",
            "en": "New solutions for energy, transport and procurement from municipalities "
            "that have started.",
        },
    ),
    (
        {"da": "Samskabelse med civilsamfundet", "en": "Co-creation with civil society"},
        {
            "da": "Foreninger, frivillige og forvaltning skaber løsninger sammen.",
            "en": "Associations, volunteers and the administration create solutions together.",
        },
    ),
    (
        {"da": "Fra pilot til drift", "en": "From pilot to operations"},
        {
            "da": "Hvorfor dør gode forsøg, og hvad får dem til at leve videre?",
            "en": "Why do good trials die, and what keeps them alive?",
        },
    ),
    (
        {"da": "Innovation i ældreplejen", "en": "Innovation in elder care"},
        {
            "da": "Frontmedarbejdere fortæller om de ideer, der har ændret deres arbejdsdag.",
            "en": "Front-line staff tell of the ideas that changed their working day.",
        },
    ),
    (
        {
            "da": "Offentlig-privat innovationspartnerskab",
            "en": "Public-private innovation partnerships",
        },
        {
            "da": "Sådan udvikler kommuner og virksomheder løsninger sammen – også juridisk.",
            "en": "How municipalities and companies develop solutions together, legal side "
            "included.",
        },
    ),
    (
        {"da": "Tillid i praksis", "en": "Trust-based management in practice"},
        {
            "da": "Færre regler, mere faglighed: erfaringer fra forsøg med tillidsbaseret ledelse.",
            "en": "Fewer rules, more professional judgement: lessons from trust-based "
            "management trials.",
        },
    ),
    (
        {"da": "Data og evaluering af innovation", "en": "Data and the evaluation of innovation"},
        {
            "da": "Enkle metoder til at vise, om en ny løsning virker.",
            "en": "Simple methods to show whether a new solution works.",
        },
    ),
    (
        {"da": "Design af velfærd med brugerne", "en": "Designing welfare with its users"},
        {
            "da": "Brugerrejser, prototyper og test med de borgere, det handler om.",
            "en": "User journeys, prototypes and tests with the citizens concerned.",
        },
    ),
    (
        {"da": "Innovation på skoleområdet", "en": "Innovation in schools"},
        {
            "da": "Lærere, ledere og forældre om nye måder at organisere skoledagen på.",
            "en": "Teachers, heads and parents on new ways to organise the school day.",
        },
    ),
]

BELGIAN_THEMES = [
    (
        {
            "nl": "Digitale overheidsdiensten voor iedereen",
            "fr": "Des services publics numériques pour tous",
            "en": "Digital public services for everyone",
        },
        {
            "nl": "Hoe houden we digitale diensten toegankelijk voor wie niet digitaal mee is?",
            "fr": "Comment garder les services numériques accessibles à ceux qui sont éloignés "
            "du numérique ?",
            "en": "How do we keep digital services accessible to people who are not online?",
        },
    ),
    (
        {
            "nl": "Innovatie in lokale besturen",
            "fr": "L'innovation dans les pouvoirs locaux",
            "en": "Innovation in local government",
        },
        {
            "nl": "Steden en gemeenten delen wat werkte, en wat niet.",
            "fr": "Des villes et des communes partagent ce qui a marché, et ce qui n'a pas marché.",
            "en": "Cities and municipalities share what worked, and what did not.",
        },
    ),
    (
        {
            "nl": "Design thinking voor ambtenaren",
            "fr": "Le design thinking pour les agents publics",
            "en": "Design thinking for civil servants",
        },
        {
            "nl": "Een praktische introductie met oefeningen uit het dagelijkse werk.",
            "fr": "Une introduction pratique, avec des exercices tirés du travail quotidien.",
        },
    ),
    (
        {
            "nl": "Open data in de praktijk",
            "fr": "Les données ouvertes en pratique",
            "en": "Open data in practice",
        },
        {
            "nl": "Welke data publiceren we, en wie gebruikt ze?",
            "fr": "Quelles données publier, et qui les utilise ?",
            "en": "Which data do we publish, and who uses them?",
        },
    ),
    (
        {
            "nl": "Burgerparticipatie in de stad",
            "fr": "La participation citoyenne en ville",
            "en": "Citizen participation in the city",
        },
        {
            "nl": "Burgerpanels, buurtbudgetten en wat ze opleveren.",
            "fr": "Panels citoyens, budgets de quartier et ce qu'ils apportent.",
            "en": "Citizens' panels, neighbourhood budgets and what they deliver.",
        },
    ),
    (
        {
            "nl": "Innovatief aanbesteden",
            "fr": "Les marchés publics innovants",
            "en": "Innovative public procurement",
        },
        {
            "nl": "Een oplossing inkopen die nog niet bestaat: zo pak je het aan.",
            "fr": "Acheter une solution qui n'existe pas encore : la marche à suivre.",
        },
    ),
    (
        {"nl": "Leren van crisissen", "fr": "Apprendre des crises", "en": "Learning from crises"},
        {
            "nl": "Wat overheden meenemen uit de pandemie en de overstromingen van 2021.",
            "fr": "Ce que les administrations retiennent de la pandémie et des inondations de "
            "2021.",
            "en": "What administrations take from the pandemic and the floods of 2021.",
        },
    ),
    (
        {
            "nl": "Klimaatadaptatie in gemeenten",
            "fr": "L'adaptation climatique dans les communes",
            "en": "Climate adaptation in municipalities",
        },
        {
            "nl": "Ontharding, groen en water: lokale projecten die werken.",
            "fr": "Désimperméabilisation, verdure et eau : des projets locaux qui marchent.",
            "en": "Removing paving, planting green, managing water: local projects that work.",
        },
    ),
]

KIND_WEIGHTS = {
    EventKind.MEETUP: 4,
    EventKind.WORKSHOP: 3,
    EventKind.CAFE: 2,
    EventKind.SEMINAR: 2,
    EventKind.NETWORK_MEETING: 1,
}
HOURS = {
    EventKind.MEETUP: 2,
    EventKind.WORKSHOP: 3,
    EventKind.CAFE: 1,
    EventKind.SEMINAR: 6,
    EventKind.NETWORK_MEETING: 5,
}


@dataclass(frozen=True)
class Plan:
    index: int
    slug: str
    belgian: bool
    title: dict
    summary: dict
    place: Place
    kind: str
    mode: str
    day_offset: int
    start: str
    languages: list[str]
    priced: bool
    capacity: int | None
    open_door: bool


def plans() -> list[Plan]:
    """What to generate: the same list every time, whatever the date."""
    # Demo data, not security: a fixed seed makes the filler reproducible.
    rng = random.Random(SEED)  # noqa: S311
    themes = [(False, theme) for theme in DANISH_THEMES] + [(True, t) for t in BELGIAN_THEMES]
    result = []
    seen: dict[str, int] = {}
    for index in range(COUNT):
        belgian, (title, summary) = themes[index % len(themes)]
        place = rng.choice(BELGIAN_PLACES if belgian else DANISH_PLACES)
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        if kind == EventKind.CAFE:
            mode = EventMode.ONLINE
        else:
            mode = rng.choice([EventMode.IN_PERSON] * 3 + [EventMode.HYBRID, EventMode.ONLINE])
        if belgian:
            languages = rng.choice([["nl"], ["fr"], ["fr", "nl"], ["en", "fr", "nl"]])
        else:
            languages = rng.choice([["da"], ["da"], ["da", "en"]])
        # About two thirds upcoming, so that the upcoming list has more than one page.
        day_offset = rng.randint(2, 240) if rng.random() < 0.65 else -rng.randint(2, 400)
        base = slugify(title["en"])
        seen[base] = seen.get(base, 0) + 1
        result.append(
            Plan(
                index=index,
                slug=base if seen[base] == 1 else f"{base}-{seen[base]}",
                belgian=belgian,
                title=title,
                summary=summary,
                place=place,
                kind=kind,
                mode=mode,
                day_offset=day_offset,
                start=rng.choice(["09:00", "10:00", "13:00", "14:00"]),
                languages=languages,
                priced=kind != EventKind.CAFE and rng.random() < 0.3,
                capacity=rng.choice([None, 30, 40, 60, 100]),
                open_door=kind == EventKind.MEETUP and rng.random() < 0.25,
            )
        )
    return result


def generated_slugs() -> list[str]:
    return [plan.slug for plan in plans()]


def build_event(plan: Plan, *, today: date, organisations: dict[str, Organisation]) -> Event:
    zone = "Europe/Brussels" if plan.belgian else "Europe/Copenhagen"
    day = today + timedelta(days=plan.day_offset)
    # Public-sector events are on weekdays. Move a weekend date away from today
    # (to the Monday after, or the Friday before) so it stays upcoming or past.
    if day.weekday() >= 5:
        day += (
            timedelta(days=7 - day.weekday())
            if plan.day_offset > 0
            else -timedelta(days=day.weekday() - 4)
        )
    starts_at = local(day, plan.start, zone)
    hours = HOURS[plan.kind]
    if plan.kind == EventKind.SEMINAR and plan.index % 3 == 0:
        hours = 28  # with an overnight stay
    original = plan.place.language if plan.belgian else "da"
    event = Event(
        slug=plan.slug,
        title=plan.title,
        summary=plan.summary,
        kind=plan.kind,
        mode=plan.mode,
        status=EventStatus.CANCELLED if plan.index in CANCELLED else EventStatus.PUBLISHED,
        organiser=organisations[plan.place.organisation],
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        time_zone=zone,
        original_language=original,
        languages=plan.languages,
        capacity=plan.capacity,
        registration=RegistrationMode.NONE if plan.open_door else RegistrationMode.REQUIRED,
    )
    if plan.priced:
        if plan.belgian:
            event.price, event.currency, event.vat_rate = Decimal(150), "EUR", Decimal(21)
        else:
            event.price, event.currency, event.vat_rate = Decimal(1200), "DKK", Decimal(25)
    else:
        event.currency = "EUR" if plan.belgian else "DKK"
    if plan.mode != EventMode.IN_PERSON:
        # Made up; shown only to registered people.
        event.online_url = f"https://meet.example.org/samspil/{plan.slug}"
    # bulk_create skips save(), which is what fills search_text.
    event.search_text = event.build_search_text()
    return event


def create_generated_events(*, today: date) -> list[Event]:
    """Create the filler events, with a site for every event that is not online only."""
    organisations = {
        **upsert_organisations(FILLER_ORGANISATIONS),
        **{
            organisation.slug: organisation
            for organisation in Organisation.objects.filter(
                slug__in={place.organisation for place in DANISH_PLACES + BELGIAN_PLACES}
            )
        },
    }
    all_plans = plans()
    events = Event.objects.bulk_create(
        [build_event(plan, today=today, organisations=organisations) for plan in all_plans]
    )
    Site.objects.bulk_create(
        [
            Site(
                event=event,
                name={plan.place.language: plan.place.venue},
                venue=plan.place.venue,
                address=plan.place.address,
                city=plan.place.city,
                capacity=plan.capacity,
                order=1,
            )
            for plan, event in zip(all_plans, events, strict=True)
            if plan.mode != EventMode.ONLINE
        ]
    )
    return events
