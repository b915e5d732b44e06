"""Turn what the selectors return into the API's response shapes (schemas.py).

Texts come out in the active language (the request's), each with the language
it is in. Only what the public pages show leaves here: never an online link,
and a person's e-mail and phone only when they are an event's contact person.
"""

from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from samspil.core.i18n import localize
from samspil.events.models import AgendaItem, Event, EventRole, EventRoleKind, Site
from samspil.events.selectors import EventDetail
from samspil.networks import services as network_services
from samspil.networks.models import Network
from samspil.people.models import Organisation, Person
from samspil.registrations.models import Registration
from samspil.solutions.models import Solution


def text(value, original: str | None = None) -> dict:
    localized = localize(value, original)
    return {"text": str(localized), "language": localized.language}


def organisation_ref(organisation: Organisation | None) -> dict | None:
    if organisation is None:
        return None
    return {"slug": organisation.slug, "name": organisation.name}


def person_ref(person: Person) -> dict:
    return {
        "slug": person.slug,
        "name": person.name,
        "title": text(person.title),
        "organisation": organisation_ref(person.organisation),
    }


def site_summary(site: Site, event: Event) -> dict:
    return {"id": site.pk, "name": text(site.name, event.original_language), "city": site.city}


def role(event_role: EventRole, event: Event) -> dict:
    person = event_role.person
    is_contact = event_role.kind == EventRoleKind.CONTACT
    return {
        "kind": event_role.kind,
        "kind_label": str(event_role.get_kind_display()),
        "person": person_ref(person),
        "note": text(event_role.note, event.original_language),
        "contact": {"email": person.email, "phone": person.phone} if is_contact else None,
    }


def agenda_item(item: AgendaItem, event: Event) -> dict:
    return {
        "starts_at": item.starts_at,
        "ends_at": item.ends_at,
        "title": text(item.title, event.original_language),
        "description": text(item.description, event.original_language),
        "kind": item.kind,
        "kind_label": str(item.get_kind_display()),
        "speakers": [
            {"slug": person.slug, "name": person.name, "title": text(person.title)}
            for person in item.speakers.all()
        ],
    }


def event_url(event: Event) -> str:
    return settings.SITE_URL + event.get_absolute_url()


def event_summary(event: Event) -> dict:
    original = event.original_language
    return {
        "slug": event.slug,
        "url": event_url(event),
        "title": text(event.title, original),
        "summary": text(event.summary, original),
        "kind": event.kind,
        "kind_label": str(event.get_kind_display()),
        "mode": event.mode,
        "mode_label": str(event.get_mode_display()),
        "status": event.status,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "time_zone": event.time_zone,
        "original_language": original,
        "languages": list(event.languages),
        "price": None if event.is_free else event.price,
        "price_with_vat": event.price_with_vat,
        "currency": event.currency,
        "registration": event.registration,
        "registration_deadline": event.registration_deadline,
        "registration_closed_reason": event.registration_error(),
        "organiser": organisation_ref(event.organiser),
        "series": (
            {"slug": event.series.slug, "name": text(event.series.name)} if event.series else None
        ),
        "sites": [site_summary(site, event) for site in event.sites.all()],
    }


def event_detail(detail: EventDetail) -> dict:
    event = detail.event
    roles = [event_role for kind_roles in detail.roles.values() for event_role in kind_roles]
    return {
        **event_summary(event),
        "description": text(event.description, event.original_language),
        "audience": text(event.audience, event.original_language),
        "agenda": [agenda_item(item, event) for item in detail.agenda],
        "roles": [role(event_role, event) for event_role in sorted(roles, key=_role_order)],
        "sites": [
            {
                **site_summary(site_detail.site, event),
                "headline": text(site_detail.site.headline, event.original_language),
                "venue": site_detail.site.venue,
                "address": site_detail.site.address,
                "co_hosts": [organisation_ref(org) for org in site_detail.site.co_hosts.all()],
                "roles": [
                    role(event_role, event)
                    for kind_roles in site_detail.roles.values()
                    for event_role in sorted(kind_roles, key=_role_order)
                ],
                "agenda": [agenda_item(item, event) for item in site_detail.agenda],
            }
            for site_detail in detail.sites
        ],
    }


def _role_order(event_role: EventRole) -> tuple[int, int]:
    return (event_role.order, event_role.pk)


def event_ref(event: Event) -> dict:
    return {
        "slug": event.slug,
        "title": text(event.title, event.original_language),
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
    }


def person_detail(person: Person) -> dict:
    return {
        **person_ref(person),
        "bio": text(person.bio),
        "roles": [
            {
                "kind": event_role.kind,
                "kind_label": str(event_role.get_kind_display()),
                "event": event_ref(event_role.event),
                "site": site_summary(event_role.site, event_role.event)
                if event_role.site
                else None,
            }
            for event_role in person.public_roles
        ],
    }


def organisation_detail(organisation: Organisation) -> dict:
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "kind": organisation.kind,
        "kind_label": str(organisation.get_kind_display()),
        "description": text(organisation.description),
        "city": organisation.city,
        "country": organisation.country,
        "website": organisation.website,
        "events_organised": [event_ref(event) for event in organisation.public_events],
        "sites_co_hosted": [
            {"event": event_ref(site.event), "site": site_summary(site, site.event)}
            for site in organisation.public_sites
        ],
        # The page's people belong to this organisation: no extra query for it.
        "people": [
            {**person_ref(person), "organisation": organisation_ref(organisation)}
            for person in organisation.public_people
        ],
    }


def organiser_event(event: Event) -> dict:
    return {
        "slug": event.slug,
        "title": text(event.title, event.original_language),
        "status": event.status,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "organiser": organisation_ref(event.organiser),
        "sites": [site_summary(site, event) for site in event.sites.all()],
    }


def registration(registration: Registration, event: Event) -> dict:
    return {
        "id": registration.pk,
        "status": registration.status,
        "status_label": str(registration.get_status_display()),
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation,
        "role_category": registration.role_category,
        "municipality": registration.municipality,
        "language": registration.language,
        "site": site_summary(registration.site, event) if registration.site else None,
        "answers": {str(key): str(value) for key, value in registration.answers.items()},
        "ticket_code": registration.ticket_code,
        "created_at": registration.created_at,
        "confirmed_at": registration.confirmed_at,
        "waiting_since": registration.waiting_since,
        "offer_expires_at": registration.offer_expires_at,
        "cancelled_at": registration.cancelled_at,
        "cancel_reason": registration.cancel_reason,
        "checked_in_at": registration.checked_in_at,
    }


def _intake(intake) -> dict | None:
    if intake is None:
        return None
    return {
        "opens_at": intake.opens_at,
        "closes_at": intake.closes_at,
        "membership_starts_on": intake.membership_starts_on,
    }


def network_summary(network: Network, now: datetime | None = None) -> dict:
    now = now or timezone.now()
    original = network.original_language
    intake = next((i for i in network.intakes.all() if i.is_open(now)), None)
    return {
        "slug": network.slug,
        "url": settings.SITE_URL + network.get_absolute_url(),
        "name": text(network.name, original),
        "purpose": text(network.purpose, original),
        "fee": network.fee,
        "fee_with_vat": network.price_with_vat,
        "currency": network.currency,
        "term_months": network.term_months,
        "is_binding": network.is_binding,
        "open_intake": _intake(intake),
    }


def _person_name(person: Person | None) -> dict | None:
    return {"slug": person.slug, "name": person.name} if person else None


def network_detail(network: Network) -> dict:
    original = network.original_language
    summary = network_summary(network)
    return {
        **summary,
        "description": text(network.description, original),
        "audience": text(network.audience, original),
        "fee_covers": text(network.fee_covers, original),
        "binding_terms": text(network.binding_terms, original),
        "capacity": network.capacity,
        "organiser": organisation_ref(network.organiser),
        "facilitator": _person_name(network.facilitator),
        "chair": _person_name(network.chair),
        "criteria": [text(criterion.text, original) for criterion in network.criteria.all()],
        "intake_closed_reason": (
            None if summary["open_intake"] else network_services.intake_closed_message(network)
        ),
        "related_networks": [
            {"slug": other.slug, "name": text(other.name, other.original_language)}
            for other in network.related_networks.all()
        ],
    }


def _category(category) -> dict:
    return {"slug": category.slug, "name": text(category.name)}


def solution_summary(solution: Solution) -> dict:
    original = solution.original_language
    return {
        "slug": solution.slug,
        "url": settings.SITE_URL + solution.get_absolute_url(),
        "title": text(solution.title, original),
        "status": solution.status,
        "status_label": str(solution.get_status_display()),
        "status_since": solution.status_since,
        "owner": organisation_ref(solution.owner),
        "start_year": solution.start_year,
        "policy_areas": [_category(area) for area in solution.policy_areas.all()],
        "initiators": [
            {"kind": initiator.kind, "label": str(initiator.get_kind_display())}
            for initiator in solution.initiators.all()
        ],
        "reuse_count": solution.reuse_count,
    }


def solution_detail(solution: Solution) -> dict:
    original = solution.original_language
    contact = solution.contact
    return {
        **solution_summary(solution),
        "problem": text(solution.problem, original),
        "what_was_done": text(solution.what_was_done, original),
        "outcome": text(solution.outcome, original),
        "evidence": text(solution.evidence, original),
        "status_history": [
            {
                "status": change.status,
                "status_label": str(change.get_status_display()),
                "date": change.date,
            }
            for change in solution.status_changes.all()
        ],
        "contact": (
            {"name": contact.name, "organisation": organisation_ref(contact.organisation)}
            if contact
            else None
        ),
        "target_groups": [_category(group) for group in solution.target_groups.all()],
        "partners": [organisation_ref(partner) for partner in solution.partners.all()],
        "source_events": [event_ref(event) for event in solution.source_events.all()],
        "workshop_outputs": [output.title for output in solution.source_outputs.all()],
        "links": [{"title": link.title, "url": link.url} for link in solution.links.all()],
        "attachments": [
            {
                "title": item.title,
                "url": settings.SITE_URL
                + reverse("solutions:attachment", kwargs={"slug": solution.slug, "pk": item.pk}),
            }
            for item in solution.attachments.all()
        ],
        "reuses": [
            {
                "organisation": organisation_ref(reuse.organisation),
                "started_on": reuse.started_on,
                "changes": reuse.changes,
                "contact_name": reuse.contact_name,
            }
            for reuse in solution.reuses.all()
        ],
    }
