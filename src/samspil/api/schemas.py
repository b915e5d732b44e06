"""Typed shapes of the API's requests and responses; the OpenAPI spec is built from them."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from samspil.core.i18n import LANGUAGE_CODES
from samspil.events.models import (
    AgendaItemKind,
    EventKind,
    EventMode,
    EventRoleKind,
    EventStatus,
    RegistrationMode,
)
from samspil.people.models import OrganisationKind, RoleCategory
from samspil.registrations.models import CancelReason, RegistrationStatus
from samspil.solutions.models import FIRST_YEAR, LAST_YEAR, Initiator, SolutionStatus

LanguageCode = Literal[tuple(LANGUAGE_CODES)]
Kind = Literal[tuple(EventKind.values)]
Mode = Literal[tuple(EventMode.values)]
Role = Literal[tuple(RoleCategory.values)]
Status = Literal[tuple(RegistrationStatus.values)]
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
# Offsets and ids stay far below the 64-bit integers the databases take.
MAX_OFFSET = 1_000_000
MAX_ID = 2**53


# Errors ----------------------------------------------------------------------
class FieldError(Schema):
    loc: list[str] = Field(description="Where the error is, e.g. ['query', 'limit'].")
    msg: str = Field(description="What is wrong, in the requested language.")
    code: str


class Error(Schema):
    """Every error response has this shape."""

    detail: str = Field(description="What went wrong, in the requested language.")
    code: str = Field(description="A stable, untranslated code, e.g. not_found or invalid.")
    errors: list[FieldError] = Field(default_factory=list)


# Queries ---------------------------------------------------------------------
class LanguageQuery(Schema):
    lang: LanguageCode | None = Field(
        None, description="Language of the texts and messages; default: Accept-Language."
    )


class PageQuery(LanguageQuery):
    limit: int = Field(20, ge=1, le=100, description="At most this many items (1 to 100).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Skip this many items.")


class EventQuery(PageQuery):
    """The filters of the public event list."""

    q: str = Field("", max_length=200, description="Words to search for, in any language.")
    kind: Kind | None = None
    mode: Mode | None = None
    city: str = Field("", max_length=100, description="A city some site of the event is in.")
    language: LanguageCode | None = Field(None, description="A language spoken at the event.")
    free: bool = Field(False, description="Free events only.")
    when: Literal["upcoming", "past"] = "upcoming"


class RegistrationQuery(PageQuery):
    """The filters of the organiser's participant list."""

    q: str = Field("", max_length=200, description="Name, e-mail or organisation.")
    status: Status | None = None
    site: int | None = Field(None, ge=1, le=MAX_ID, description="A site's id.")
    role: Role | None = None


# Shared pieces ---------------------------------------------------------------
class Text(Schema):
    """Organiser-written text in the requested language, or the fallback shown instead."""

    text: str
    language: str = Field(description="The language the text is in; empty for no text.")


class OrganisationRef(Schema):
    slug: str
    name: str


class SpeakerRef(Schema):
    slug: str
    name: str
    title: Text


class PersonRef(SpeakerRef):
    organisation: OrganisationRef | None


class Contact(Schema):
    email: str
    phone: str


class RoleOut(Schema):
    kind: Literal[tuple(EventRoleKind.values)]
    kind_label: str
    person: PersonRef
    note: Text
    contact: Contact | None = Field(description="Only for contact persons.")


class AgendaItemOut(Schema):
    starts_at: datetime
    ends_at: datetime | None
    title: Text
    description: Text
    kind: Literal[tuple(AgendaItemKind.values)]
    kind_label: str
    speakers: list[SpeakerRef]


class SiteSummary(Schema):
    id: int
    name: Text
    city: str


class SiteOut(SiteSummary):
    headline: Text
    venue: str
    address: str
    co_hosts: list[OrganisationRef]
    roles: list[RoleOut]
    agenda: list[AgendaItemOut]


class SeriesOut(Schema):
    slug: str
    name: Text


class EventSummary(Schema):
    slug: str
    url: str = Field(description="The public event page in the requested language.")
    title: Text
    summary: Text
    kind: Kind
    kind_label: str
    mode: Mode
    mode_label: str
    status: Literal[tuple(EventStatus.values)]
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    original_language: str
    languages: list[str]
    price: Decimal | None = Field(description="Excluding VAT; null for a free event.")
    price_with_vat: Decimal
    currency: str
    registration: Literal[tuple(RegistrationMode.values)]
    registration_deadline: datetime
    registration_closed_reason: str | None = Field(
        description="Why nobody can register now; null while registration is open."
    )
    organiser: OrganisationRef
    series: SeriesOut | None
    sites: list[SiteSummary]


class EventOut(EventSummary):
    description: Text
    audience: Text
    agenda: list[AgendaItemOut] = Field(description="Items for every site.")
    roles: list[RoleOut] = Field(description="Roles at the whole event.")
    sites: list[SiteOut] = Field(
        description="Each site with its co-hosts, its own roles and its own agenda."
    )


class EventPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[EventSummary]


class EventRef(Schema):
    slug: str
    title: Text
    starts_at: datetime
    ends_at: datetime


class PersonRoleOut(Schema):
    kind: Literal[tuple(EventRoleKind.values)]
    kind_label: str
    event: EventRef
    site: SiteSummary | None


class PersonOut(Schema):
    slug: str
    name: str
    title: Text
    bio: Text
    organisation: OrganisationRef | None
    roles: list[PersonRoleOut]


class CoHostedSite(Schema):
    event: EventRef
    site: SiteSummary


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: Literal[tuple(OrganisationKind.values)]
    kind_label: str
    description: Text
    city: str
    country: str
    website: str
    events_organised: list[EventRef]
    sites_co_hosted: list[CoHostedSite]
    people: list[PersonRef]


# Organiser endpoints ---------------------------------------------------------
class OrganiserEvent(Schema):
    slug: str
    title: Text
    status: Literal[tuple(EventStatus.values)]
    starts_at: datetime
    ends_at: datetime
    organiser: OrganisationRef
    sites: list[SiteSummary]


class OrganiserEventPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[OrganiserEvent]


class RegistrationOut(Schema):
    id: int
    status: Status
    status_label: str
    name: str
    email: str
    organisation: str
    role_category: Role
    municipality: str
    language: str
    site: SiteSummary | None
    answers: dict[str, str] = Field(description="Answers by question id.")
    ticket_code: str
    created_at: datetime
    confirmed_at: datetime | None
    waiting_since: datetime | None
    offer_expires_at: datetime | None
    cancelled_at: datetime | None
    cancel_reason: Literal[tuple(CancelReason.values)] | Literal[""]
    checked_in_at: datetime | None


class RegistrationPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[RegistrationOut]


class RegistrationIn(Schema):
    """A registration made for someone, under the same rules as the public form."""

    name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=254)
    organisation: str = Field("", max_length=200)
    role_category: Role
    municipality: str = Field("", max_length=100)
    site: int | None = Field(
        None, ge=1, le=MAX_ID, description="Required when the event has several sites."
    )
    answers: dict[str, str] = Field(
        default_factory=dict, description="Answers to the event's questions, by question id."
    )
    language: LanguageCode = Field(description="The language the registrant's mails are in.")


class CheckInIn(Schema):
    code: str = Field(min_length=1, max_length=32, description="The code on the ticket.")


# Networks ----------------------------------------------------------------------
class IntakeOut(Schema):
    opens_at: datetime
    closes_at: datetime
    membership_starts_on: date | None


class NetworkSummary(Schema):
    slug: str
    url: str = Field(description="The public network page in the requested language.")
    name: Text
    purpose: Text
    fee: Decimal = Field(description="Per member per term, excluding VAT.")
    fee_with_vat: Decimal
    currency: str
    term_months: int
    is_binding: bool
    open_intake: IntakeOut | None = Field(description="The intake window open now, if any.")


class NetworkPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[NetworkSummary]


class NetworkRef(Schema):
    slug: str
    name: Text


class PersonName(Schema):
    slug: str
    name: str


class NetworkOut(NetworkSummary):
    description: Text
    audience: Text
    fee_covers: Text
    binding_terms: Text
    capacity: int | None
    organiser: OrganisationRef
    facilitator: PersonName | None
    chair: PersonName | None
    criteria: list[Text]
    intake_closed_reason: str | None = Field(
        description="Why nobody can apply now; null while an intake is open."
    )
    related_networks: list[NetworkRef]


# Solutions ---------------------------------------------------------------------
SolutionStatusCode = Literal[tuple(SolutionStatus.values)]


class SolutionQuery(PageQuery):
    """The filters of the public solution library."""

    q: str = Field("", max_length=200, description="Words to search for, in any language.")
    status: SolutionStatusCode | None = None
    area: str = Field("", max_length=64, description="A policy area's slug.")
    group: str = Field("", max_length=64, description="A target group's slug.")
    initiator: Literal[tuple(Initiator.values)] | None = None
    owner: str = Field("", max_length=200, description="The owning organisation's slug.")
    partner: str = Field("", max_length=200, description="A partner organisation's slug.")
    region: str = Field("", max_length=100)
    language: LanguageCode | None = Field(None, description="The solution's original language.")
    year_from: int | None = Field(None, ge=FIRST_YEAR, le=LAST_YEAR)
    year_to: int | None = Field(None, ge=FIRST_YEAR, le=LAST_YEAR)
    from_workshop: bool = False
    reused: bool = False
    sort: Literal["recent", "reused"] = "recent"


class Category(Schema):
    slug: str
    name: Text


class Initiative(Schema):
    kind: Literal[tuple(Initiator.values)]
    label: str


class SolutionSummary(Schema):
    slug: str
    url: str = Field(description="The public solution page in the requested language.")
    title: Text
    status: SolutionStatusCode
    status_label: str
    status_since: date
    owner: OrganisationRef
    start_year: int | None
    policy_areas: list[Category]
    initiators: list[Initiative]
    reuse_count: int


class SolutionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[SolutionSummary]


class StatusStep(Schema):
    status: SolutionStatusCode
    status_label: str
    date: date


class SolutionContact(Schema):
    name: str
    organisation: OrganisationRef | None


class LinkOut(Schema):
    title: str
    url: str


class ReuseOut(Schema):
    organisation: OrganisationRef
    started_on: date
    changes: str
    contact_name: str


class SolutionOut(SolutionSummary):
    problem: Text
    what_was_done: Text
    outcome: Text
    evidence: Text
    status_history: list[StatusStep]
    contact: SolutionContact | None = Field(description="Name only; write through the page.")
    target_groups: list[Category]
    partners: list[OrganisationRef]
    source_events: list[EventRef]
    workshop_outputs: list[str] = Field(description="Titles of the workshop outputs it came from.")
    links: list[LinkOut]
    attachments: list[LinkOut]
    reuses: list[ReuseOut]
