"""Reads over personal-data records."""

from django.db.models import Q

from samspil.people.models import Person
from samspil.privacy.models import Consent, ConsentKind


def consent_given(*, kind: str, person: Person | None = None, email: str = "") -> bool:
    """Whether the latest answer of this person (or e-mail) to `kind` is yes; no answer is no."""
    subject = Q()
    if person is not None:
        subject |= Q(person=person)
    if email:
        subject |= Q(email=email.strip().lower())
    if not subject:
        return False
    latest = (
        Consent.objects.filter(subject, kind=ConsentKind(kind))
        .order_by("-created_at", "-pk")
        .values_list("given", flat=True)
        .first()
    )
    return bool(latest)


def consents_given(*, kind: str, person_ids) -> set[int]:
    """Of `person_ids`, those whose latest answer to `kind` is yes (one query, for lists)."""
    latest: dict[int, bool] = {}
    rows = (
        Consent.objects.filter(kind=ConsentKind(kind), person_id__in=list(person_ids))
        .order_by("person_id", "created_at", "pk")
        .values_list("person_id", "given")
    )
    for person_id, given in rows:
        latest[person_id] = given
    return {person_id for person_id, given in latest.items() if given}
