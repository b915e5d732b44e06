"""Personal-data use cases: consents, data requests (export and erasure), retention.

Every function here is keyword-only and transactional; each writes an audit row
(`samspil.core.services.audit_log_create`) since each touches personal data.
"""

import calendar
import hashlib
from dataclasses import asdict
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from samspil.core.services import audit_log_create
from samspil.people.models import Person
from samspil.privacy import registry
from samspil.privacy.models import Consent, ConsentKind, DataRequest, ScheduledRun
from samspil.registrations.models import Registration

# How long the link in a data request mail works.
REQUEST_VALID_FOR = timedelta(hours=2)
RETENTION_JOB = "retention"
RETENTION_EVERY = timedelta(days=1)

# The questions as shown on the forms. A consent row stores the wording in the
# language it was shown, so a later change of these texts leaves the record intact.
CONSENT_TEXTS = {
    ConsentKind.DIRECTORY: _(
        "Show my name, organisation and job title to the other members in the member "
        "directory. I can withdraw this at any time."
    ),
    ConsentKind.PHOTOS: _(
        "Photos in which I can be recognised may be taken at the event and used to report "
        "on it. I can withdraw this at any time."
    ),
}


def consent_wording(*, kind: str, language: str) -> str:
    """The consent question for `kind` as a person reading `language` sees it."""
    with translation.override(language):
        return str(CONSENT_TEXTS[ConsentKind(kind)])


def consent_record(
    *,
    kind: str,
    given: bool,
    language: str,
    person: Person | None = None,
    email: str = "",
    wording: str | None = None,
    source: str = "",
    details: dict | None = None,
    actor=None,
    now: datetime | None = None,
) -> Consent:
    """Record a person's answer to a consent question (also a withdrawal: `given=False`).

    Identify the person by `person`, by `email`, or both (e-mail is taken from
    the person when not given). `wording` is the exact text shown; by default
    the standard text of `kind` in `language` (`consent_wording`). `source`
    names where it was asked, e.g. "registration:42" or "membership:7";
    `details` holds what else the answer covers, e.g. {"fields": ["name", "title"]}.
    Side effects: a Consent row and an audit row. Raises ValueError without
    a person or an e-mail, or for an unknown kind.
    """
    kind = ConsentKind(kind)
    email = (email or (person.email if person else "")).strip().lower()
    if person is None and not email:
        raise ValueError("A consent needs a person or an e-mail address.")
    if wording is None:
        wording = consent_wording(kind=kind, language=language)
    with transaction.atomic():
        consent = Consent.objects.create(
            kind=kind,
            given=given,
            person=person,
            email=email,
            wording=wording,
            language=language,
            source=source,
            details=details or {},
            created_at=now or timezone.now(),
        )
        audit_log_create(
            actor=actor,
            action="consent.give" if given else "consent.withdraw",
            target=consent,
            kind=kind.value,
        )
    return consent


# Data requests: see or erase everything held about one e-mail address ------------


def data_request_token(data_request: DataRequest) -> str:
    """The secret in the request's link, derived from the row and the secret key.

    Only its hash is stored, and tasks take the row's key: the token itself
    appears in no table and no task argument.
    """
    value = f"{data_request.pk}.{data_request.email}.{data_request.created_at.timestamp()}"
    return salted_hmac("samspil.privacy.data_request", value, algorithm="sha256").hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def data_request_create(*, email: str, language: str, now: datetime | None = None) -> DataRequest:
    """Someone asks what Samspil holds about `email`: mail a link to that address.

    Whether or not anything is held, the same happens (no enumeration): the
    mail goes out and the page gives the same answer. Side effects: a
    DataRequest row, an audit row, a mail task after commit.
    """
    # Imported here: tasks import this module for the retention run.
    from samspil.privacy import tasks  # noqa: PLC0415

    now = now or timezone.now()
    with transaction.atomic():
        data_request = DataRequest.objects.create(
            email=email.strip().lower(),
            token_hash="",
            language=language,
            created_at=now,
            expires_at=now + REQUEST_VALID_FOR,
        )
        data_request.token_hash = _token_hash(data_request_token(data_request))
        data_request.save(update_fields=["token_hash"])
        audit_log_create(actor=None, action="data_request.create", target=data_request)
        transaction.on_commit(partial(tasks.send_data_request_mail.enqueue, data_request.pk))
    return data_request


def data_request_by_token(*, token: str, now: datetime | None = None) -> DataRequest | None:
    """The open request behind a link: None when forged, expired, used or erased."""
    now = now or timezone.now()
    data_request = DataRequest.objects.filter(token_hash=_token_hash(token)).first()
    if data_request is None or not constant_time_compare(data_request_token(data_request), token):
        return None
    if data_request.expires_at <= now or data_request.opened_at or data_request.erased_at:
        return None
    return data_request


def data_request_open(*, data_request: DataRequest, now: datetime | None = None) -> bool:
    """Use up the link (the caller binds the request to the browser's session).

    Returns False when another click got there first. Side effect: audit row.
    """
    now = now or timezone.now()
    with transaction.atomic():
        opened = DataRequest.objects.filter(
            pk=data_request.pk, opened_at__isnull=True, erased_at__isnull=True
        ).update(opened_at=now)
        if opened:
            audit_log_create(actor=None, action="data_request.open", target=data_request)
    return bool(opened)


def data_request_active(*, pk: int | None, now: datetime | None = None) -> DataRequest | None:
    """The request a session holds, while it is opened, unexpired and not erased."""
    now = now or timezone.now()
    if pk is None:
        return None
    return DataRequest.objects.filter(
        pk=pk, opened_at__isnull=False, erased_at__isnull=True, expires_at__gt=now
    ).first()


def data_export(*, data_request: DataRequest, now: datetime | None = None) -> dict:
    """Everything held about the request's address, as JSON-ready data.

    Side effect: an audit row (who saw what is itself worth recording).
    """
    now = now or timezone.now()
    sections = registry.export_sections(data_request.email)
    audit_log_create(
        actor=None,
        action="data_request.export",
        target=data_request,
        sections={section.label: len(section.rows) for section in sections},
    )
    return {
        "email": data_request.email,
        "generated_at": now.isoformat(),
        "sections": [asdict(section) for section in sections],
    }


def data_request_erase(
    *, data_request: DataRequest, now: datetime | None = None
) -> list[registry.ErasureOutcome]:
    """Erase or anonymise everything held about the request's address, in one transaction.

    What counts and statistics rest on stays, anonymised; invoices stay whole
    (bookkeeping law) and registrations for events not yet over stay until
    cancelled; each outcome says what was kept and why. Side effects: every
    registry entry's erasure, the request marked erased, an audit row.
    """
    now = now or timezone.now()
    email = data_request.email
    context = registry.ErasureContext(now=now, email=email)
    with transaction.atomic():
        locked = DataRequest.objects.select_for_update().get(pk=data_request.pk)
        if locked.erased_at:
            return []
        outcomes = registry.erase_all(email, context)
        DataRequest.objects.filter(pk=data_request.pk).update(erased_at=now)
        audit_log_create(
            actor=None,
            action="data_request.erase",
            target=data_request,
            outcome={o.label: {"found": o.found, "kept": o.kept} for o in outcomes},
        )
    data_request.refresh_from_db()
    return outcomes


# Retention --------------------------------------------------------------------------


def retention_cutoff(now: datetime, months: int | None = None) -> datetime:
    """`now` less the retention period in calendar months (31 March less 1 is 28/29 Feb)."""
    months = settings.SAMSPIL_RETENTION_MONTHS if months is None else months
    index = now.year * 12 + now.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    day = min(now.day, calendar.monthrange(year, month)[1])
    return now.replace(year=year, month=month, day=day)


def retention_run(*, now: datetime | None = None, months: int | None = None) -> int:
    """Anonymise registrations (with their answers and dialogue data) of events that
    ended more than the retention period ago; counts and statistics stay.

    Runs again safely: what is anonymised is not touched twice. Side effects:
    the registrations anonymised, an audit row per event. Returns how many.
    """
    now = now or timezone.now()
    cutoff = retention_cutoff(now, months)
    context = registry.ErasureContext(now=now, retention=True)
    due = (
        Registration.objects.filter(event__ends_at__lt=cutoff)
        .exclude(email__endswith="@" + registry.ERASED_DOMAIN)
        .values_list("event_id", flat=True)
        .distinct()
    )
    total = 0
    for event_id in list(due):
        with transaction.atomic():
            count = registry.registrations_anonymise(
                Registration.objects.filter(event_id=event_id), context
            )
            if count:
                event = Registration.objects.filter(event_id=event_id).first().event
                audit_log_create(
                    actor=None, action="registrations.retention", target=event, count=count
                )
            total += count
    return total


def retention_schedule(*, now: datetime | None = None, force: bool = False) -> datetime | None:
    """Make sure the retention task runs daily; returns when it next runs.

    Nothing is enqueued when a run is already pending (unless `force`), nor on a
    tasks backend that cannot run things later (tests' immediate backend).
    """
    from samspil.privacy import tasks  # noqa: PLC0415

    now = now or timezone.now()
    if not tasks.retention_task.get_backend().supports_defer:
        return None
    with transaction.atomic():
        run, created = ScheduledRun.objects.select_for_update().get_or_create(
            name=RETENTION_JOB, defaults={"next_run_at": now}
        )
        # A run whose time has passed by a day never ran (the worker was down): renew it.
        pending = not created and run.next_run_at > now - RETENTION_EVERY
        if pending and not force:
            return run.next_run_at
        run_after = now if created or not pending else run.next_run_at
        run.next_run_at = run_after
        run.save(update_fields=["next_run_at"])
        transaction.on_commit(lambda: tasks.retention_task.using(run_after=run_after).enqueue())
    return run_after


def retention_run_and_reschedule(*, now: datetime | None = None) -> int:
    """The daily task's body: run, then enqueue the next run a day later.

    A second chain of runs (say `--ensure` ran twice on a backend without a
    pending check) finds the next run already further ahead and stops.
    """
    from samspil.privacy import tasks  # noqa: PLC0415

    now = now or timezone.now()
    count = retention_run(now=now)
    with transaction.atomic():
        run, _created = ScheduledRun.objects.select_for_update().get_or_create(
            name=RETENTION_JOB, defaults={"next_run_at": now}
        )
        run.last_run_at = now
        run.last_result = {"anonymised": count}
        fields = ["last_run_at", "last_result"]
        can_defer = tasks.retention_task.get_backend().supports_defer
        if run.next_run_at <= now + RETENTION_EVERY / 2 and can_defer:
            run.next_run_at = now + RETENTION_EVERY
            fields.append("next_run_at")
            next_run = run.next_run_at
            transaction.on_commit(lambda: tasks.retention_task.using(run_after=next_run).enqueue())
        run.save(update_fields=fields)
    return count
