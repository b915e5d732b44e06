"""Large, realistic data for benchmarks: `samspil generate --events 10000 --registrations 1000000`.

Organisations, people, events (with sites, agenda items and roles) and
registrations, spread over two years back and one ahead. Rows go in with
bulk_create in batches; on PostgreSQL registrations are streamed with COPY.
Every generated slug starts with "gen-", so a second run adds to the first.
Deterministic for a seed, apart from the secret tokens of the registrations.
"""

import json
import random
import secrets
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from samspil.core.pagecache import content_changed
from samspil.events.models import (
    AgendaItem,
    AgendaItemKind,
    Event,
    EventKind,
    EventMode,
    EventRole,
    EventRoleKind,
    EventStatus,
    Site,
)
from samspil.people.models import Organisation, OrganisationKind, Person, RoleCategory
from samspil.registrations.models import TICKET_ALPHABET, Registration, RegistrationStatus

BATCH = 5000
CITIES = {
    "da": ["København", "Aarhus", "Odense", "Aalborg", "Vejle", "Esbjerg", "Roskilde", "Viborg"],
    "nl": ["Gent", "Antwerpen", "Leuven", "Brugge", "Mechelen", "Hasselt"],
    "fr": ["Liège", "Namur", "Charleroi", "Mons", "Bruxelles"],
    "en": ["København", "Bruxelles", "Aarhus"],
}
TOPICS = {
    "da": [
        "velfærdsteknologi",
        "klimatilpasning",
        "borgerinddragelse",
        "digitalisering",
        "ældrepleje",
        "skoletrivsel",
        "mobilitet",
        "beskæftigelse",
        "sundhed",
        "ensomhed",
    ],
    "en": [
        "welfare technology",
        "climate adaptation",
        "citizen participation",
        "digitalisation",
        "elderly care",
        "school wellbeing",
        "mobility",
        "employment",
        "health",
        "loneliness",
    ],
    "fr": [
        "technologie du bien-être",
        "adaptation climatique",
        "participation citoyenne",
        "numérisation",
        "soins aux aînés",
        "bien-être scolaire",
        "mobilité",
        "emploi",
        "santé",
        "solitude",
    ],
    "nl": [
        "welzijnstechnologie",
        "klimaatadaptatie",
        "burgerparticipatie",
        "digitalisering",
        "ouderenzorg",
        "welzijn op school",
        "mobiliteit",
        "werkgelegenheid",
        "gezondheid",
        "eenzaamheid",
    ],
}
FORMATS = {
    "da": "{kind} om {topic}",
    "en": "{kind} on {topic}",
    "fr": "{kind} sur {topic}",
    "nl": "{kind} over {topic}",
}
KIND_WORDS = {
    "da": {
        "meetup": "Meetup",
        "cafe": "Online café",
        "workshop": "Workshop",
        "network_meeting": "Netværksmøde",
        "seminar": "Seminar",
    },
    "en": {
        "meetup": "Meetup",
        "cafe": "Online café",
        "workshop": "Workshop",
        "network_meeting": "Network meeting",
        "seminar": "Seminar",
    },
    "fr": {
        "meetup": "Rencontre",
        "cafe": "Café en ligne",
        "workshop": "Atelier",
        "network_meeting": "Réunion du réseau",
        "seminar": "Séminaire",
    },
    "nl": {
        "meetup": "Meetup",
        "cafe": "Online café",
        "workshop": "Workshop",
        "network_meeting": "Netwerkbijeenkomst",
        "seminar": "Seminarie",
    },
}
SUMMARY = {
    "da": "Vi deler erfaringer med {topic} og finder næste skridt sammen.",
    "en": "We share what we learnt about {topic} and find the next steps together.",
    "fr": "Nous partageons nos expériences sur {topic} et trouvons ensemble la suite.",
    "nl": "We delen ervaringen met {topic} en zoeken samen de volgende stappen.",
}
FIRST = [
    "Anne",
    "Mette",
    "Lars",
    "Søren",
    "Camille",
    "Lucas",
    "Emma",
    "Jan",
    "Sofie",
    "Pieter",
    "Ahmed",
    "Fatima",
    "Jonas",
    "Marie",
    "Thomas",
    "Line",
    "Wout",
    "Julie",
    "Mads",
    "Inès",
]
LAST = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Peeters",
    "Janssens",
    "Dubois",
    "Lambert",
    "Madsen",
    "Maes",
    "Christensen",
    "Larsen",
    "Claes",
    "Mertens",
    "Pedersen",
    "Leroy",
    "Olsen",
]


def _batches(rows: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _ticket_code(index: int) -> str:
    """A code unique within an event: the registration's index in the ticket alphabet."""
    base = len(TICKET_ALPHABET)
    chars = []
    for _ in range(8):
        index, digit = divmod(index, base)
        chars.append(TICKET_ALPHABET[digit])
    return "".join(chars)


class Generator:
    def __init__(self, *, seed: int, log: Callable[[str], None]):
        self.random = random.Random(seed)  # noqa: S311 (test data, not secrets)
        self.log = log
        self.now = timezone.now().replace(minute=0, second=0, microsecond=0)
        self.run = secrets.token_hex(3)

    def timed(self, label: str, work: Callable[[], int]) -> int:
        start = time.perf_counter()
        count = work()
        seconds = time.perf_counter() - start
        self.log(f"{label}: {count} rows in {seconds:.1f} s ({count / max(seconds, 1e-9):.0f}/s)")
        return count

    # Organisations and people ---------------------------------------------------
    def organisations(self, count: int) -> list[Organisation]:
        kinds = list(OrganisationKind.values)
        rows = []
        for index in range(count):
            language = self.random.choice(["da", "da", "nl", "fr", "en"])
            city = self.random.choice(CITIES[language])
            rows.append(
                Organisation(
                    name=f"{city} {kinds[index % len(kinds)].replace('_', ' ')} {index}",
                    slug=f"gen-{self.run}-org-{index}",
                    kind=kinds[index % len(kinds)],
                    city=city,
                    country="DK" if language == "da" else "BE",
                )
            )
        for batch in _batches(rows):
            Organisation.objects.bulk_create(batch)
        return rows

    def people(self, count: int, organisations: list[Organisation]) -> list[Person]:
        rows = []
        categories = list(RoleCategory.values)
        for index in range(count):
            name = f"{self.random.choice(FIRST)} {self.random.choice(LAST)}"
            rows.append(
                Person(
                    name=name,
                    slug=f"gen-{self.run}-person-{index}",
                    title={"en": "Innovation consultant", "da": "Innovationskonsulent"},
                    organisation=self.random.choice(organisations),
                    email=f"person{index}.{self.run}@example.org",
                    role_category=categories[index % len(categories)],
                    bio={"en": f"{name} works on public innovation."},
                )
            )
        for batch in _batches(rows):
            Person.objects.bulk_create(batch)
        return rows

    # Events ---------------------------------------------------------------------
    def _event(self, index: int, organisations: list[Organisation]) -> Event:
        rnd = self.random
        original = rnd.choice(["da", "da", "da", "nl", "fr", "en"])
        languages = sorted({original, *rnd.sample(["da", "en", "fr", "nl"], rnd.randint(0, 2))})
        kind = rnd.choice(EventKind.values)
        topic_index = rnd.randrange(len(TOPICS["en"]))
        title = {
            code: FORMATS[code].format(kind=KIND_WORDS[code][kind], topic=TOPICS[code][topic_index])
            for code in languages
        }
        summary = {
            code: SUMMARY[code].format(topic=TOPICS[code][topic_index]) for code in languages
        }
        starts = self.now + timedelta(days=rnd.uniform(-730, 365), hours=rnd.randint(8, 16))
        starts = starts.replace(minute=0, second=0, microsecond=0)
        roll = rnd.random()
        status = (
            EventStatus.DRAFT
            if roll < 0.08
            else EventStatus.CANCELLED
            if roll < 0.12
            else EventStatus.PUBLISHED
        )
        paid = rnd.random() < 0.2
        event = Event(
            slug=f"gen-{self.run}-{index}-{kind}",
            title=title,
            summary=summary,
            description={code: text * 3 for code, text in summary.items()},
            kind=kind,
            mode=EventMode.ONLINE if kind == "cafe" else rnd.choice(EventMode.values),
            status=status,
            organiser=rnd.choice(organisations),
            starts_at=starts,
            ends_at=starts + timedelta(hours=rnd.choice([2, 3, 6])),
            time_zone="Europe/Copenhagen" if original == "da" else "Europe/Brussels",
            original_language=original,
            languages=languages,
            price=Decimal(rnd.choice([250, 500, 1200])) if paid else None,
            vat_rate=Decimal(25) if paid else Decimal(0),
            currency="DKK" if original == "da" else "EUR",
            created_at=self.now,
            updated_at=self.now,
        )
        event.search_text = event.build_search_text()
        return event

    def events(self, count: int, organisations: list[Organisation], people: list[Person]):
        events = [self._event(index, organisations) for index in range(count)]
        for batch in _batches(events):
            Event.objects.bulk_create(batch)
        sites, items, roles = [], [], []
        for event in events:
            language = event.original_language
            for order in range(self.random.choice([1, 1, 1, 2, 3])):
                sites.append(
                    Site(
                        event=event,
                        name={language: f"Site {order + 1}"},
                        venue="Rådhuset" if language == "da" else "Stadhuis",
                        address=f"Torvet {order + 1}",
                        city=self.random.choice(CITIES[language]),
                        order=order,
                    )
                )
            for hour in range(self.random.randint(2, 5)):
                items.append(
                    AgendaItem(
                        event=event,
                        starts_at=event.starts_at + timedelta(minutes=30 * hour),
                        title={language: f"Punkt {hour + 1}"},
                        kind=self.random.choice(AgendaItemKind.values),
                    )
                )
            for order, person in enumerate(self.random.sample(people, 3)):
                kind = [EventRoleKind.SPEAKER, EventRoleKind.HOST, EventRoleKind.CONTACT][order]
                roles.append(EventRole(event=event, person=person, kind=kind, order=order))
        for model, rows in ((Site, sites), (AgendaItem, items), (EventRole, roles)):
            for batch in _batches(rows):
                model.objects.bulk_create(batch)
        return events, sites

    # Registrations --------------------------------------------------------------
    def _shares(self, events: list[Event], total: int) -> list[int]:
        """Registrations per event: skewed, as real interest is (a few popular events)."""
        weights = [self.random.paretovariate(1.5) for _ in events]
        scale = total / sum(weights)
        counts = [int(weight * scale) for weight in weights]
        for index in self.random.sample(range(len(events)), total - sum(counts)):
            counts[index] += 1
        return counts

    def registration_rows(self, events, sites, total: int) -> Iterator[tuple]:
        sites_of: dict[int, list[int]] = {}
        for site in sites:
            sites_of.setdefault(site.event_id, []).append(site.pk)
        open_events = [event for event in events if event.status != EventStatus.DRAFT]
        categories = list(RoleCategory.values)
        capacity_updates = []
        for event, count in zip(open_events, self._shares(open_events, total), strict=True):
            capacity = max(20, int(count * self.random.uniform(0.8, 1.3)))
            capacity_updates.append((event.pk, capacity))
            event_sites = sites_of.get(event.pk, [None])
            taken = 0
            for index in range(count):
                created = event.starts_at - timedelta(days=30, minutes=index)
                cancelled = self.random.random() < 0.05
                if cancelled:
                    status = RegistrationStatus.CANCELLED
                elif taken < capacity:
                    status = RegistrationStatus.CONFIRMED
                    taken += 1
                else:
                    status = RegistrationStatus.WAITING
                yield (
                    event.pk,
                    event_sites[index % len(event_sites)],
                    status,
                    f"{self.random.choice(FIRST)} {self.random.choice(LAST)}",
                    f"p{index}.e{event.pk}@example.org",
                    "Odense Kommune",
                    categories[index % len(categories)],
                    "Odense",
                    event.original_language,
                    secrets.token_urlsafe(24),
                    _ticket_code(index),
                    event.price,
                    event.vat_amount if event.price else None,
                    event.currency if event.price else "",
                    created if status == RegistrationStatus.WAITING else None,
                    created if status == RegistrationStatus.CONFIRMED else None,
                    created if cancelled else None,
                    "participant" if cancelled else "",
                    event.starts_at if status == "confirmed" and event.ends_at < self.now else None,
                    created,
                )
        self.capacity_updates = capacity_updates

    COLUMNS = (
        "event_id",
        "site_id",
        "status",
        "name",
        "email",
        "organisation",
        "role_category",
        "municipality",
        "language",
        "token",
        "ticket_code",
        "price",
        "vat_amount",
        "currency",
        "waiting_since",
        "confirmed_at",
        "cancelled_at",
        "cancel_reason",
        "checked_in_at",
        "created_at",
    )

    def registrations(self, events, sites, total: int) -> int:
        rows = self.registration_rows(events, sites, total)
        if connection.vendor == "postgresql":
            count = self._copy(rows)
        else:
            count = 0
            batch: list[Registration] = []
            for row in rows:
                batch.append(Registration(answers={}, **dict(zip(self.COLUMNS, row, strict=True))))
                if len(batch) >= BATCH:
                    Registration.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
            Registration.objects.bulk_create(batch)
            count += len(batch)
        for event_id, capacity in self.capacity_updates:
            Event.objects.filter(pk=event_id).update(capacity=capacity)
        return count

    def _copy(self, rows: Iterator[tuple]) -> int:
        table = Registration._meta.db_table
        columns = ", ".join([*self.COLUMNS, "answers"])
        count = 0
        with connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg's own cursor: COPY streams rows
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((*row, json.dumps({})))
                    count += 1
        return count


def generate(*, events: int, registrations: int, seed: int, log) -> dict[str, int]:
    generator = Generator(seed=seed, log=log)
    counts: dict[str, int] = {}
    with transaction.atomic():
        made: dict = {}

        def make_organisations() -> int:
            made["organisations"] = generator.organisations(max(20, events // 50))
            return len(made["organisations"])

        def make_people() -> int:
            made["people"] = generator.people(max(50, events // 5), made["organisations"])
            return len(made["people"])

        counts["organisations"] = generator.timed("organisations", make_organisations)
        counts["people"] = generator.timed("people", make_people)

        def make_events() -> int:
            made["events"], made["sites"] = generator.events(
                events, made["organisations"], made["people"]
            )
            return len(made["events"])

        counts["events"] = generator.timed("events with sites, agenda and roles", make_events)
        counts["registrations"] = generator.timed(
            "registrations",
            lambda: generator.registrations(made["events"], made["sites"], registrations),
        )
        content_changed()
    if connection.vendor == "postgresql":
        generator.timed("ANALYZE", lambda: _analyze() or 0)
    return counts


def _analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
