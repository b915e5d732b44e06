"""Everything that changes a network's state: applications, memberships, meetings, pairs.

Each function is one use case, transactional, and lists its side effects.
Mails go out after commit through the tasks in samspil.networks.tasks.
"""

import secrets
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samspil.billing import services as billing
from samspil.billing.validators import normalise_gln, normalise_vat_number
from samspil.core.i18n import localize
from samspil.core.services import audit_log_create
from samspil.core.slugs import unique_slug
from samspil.events.models import Site
from samspil.grouping import member_pairs
from samspil.networks import tasks
from samspil.networks.models import (
    ACTIVE_APPLICATION,
    Application,
    ApplicationStatus,
    Criterion,
    DirectoryConsent,
    IntakeWindow,
    Meeting,
    Membership,
    MembershipStatus,
    Network,
    Pair,
    PairingPeriod,
    RenewalStatus,
)
from samspil.networks.terms import term_end
from samspil.people.models import Organisation, Person, RoleCategory
from samspil.registrations.models import Registration
from samspil.registrations.services import registration_create

A = ApplicationStatus

# What a member may show other members in the directory, in this order.
DIRECTORY_FIELDS = ["organisation", "job_title", "region", "email", "phone"]


def _lock_network(network_id: int) -> Network:
    return Network.objects.select_for_update().get(pk=network_id)


def open_intake(network: Network, now: datetime | None = None) -> IntakeWindow | None:
    """The intake window open now, or None."""
    now = now or timezone.now()
    return (
        IntakeWindow.objects.filter(network=network, opens_at__lte=now, closes_at__gt=now)
        .order_by("opens_at")
        .first()
    )


def intake_closed_message(network: Network) -> str:
    """Why nobody can apply now: the organisers' reason, or a general message."""
    reason = localize(network.intake_closed_reason, network.original_language)
    if reason:
        return _("Intake is closed: %(reason)s") % {"reason": reason}
    return _("Intake for this network is closed; applications are not accepted now.")


def application_create(
    *,
    network: Network,
    name: str,
    email: str,
    job_title: str,
    organisation: str,
    responsibility: str,
    motivation: str,
    confirmed_criteria: list[int],
    billing_name: str,
    billing_address: str,
    billing_postcode: str,
    billing_city: str,
    language: str,
    phone: str = "",
    region: str = "",
    billing_country: str = "DK",
    billing_vat_number: str = "",
    billing_ean: str = "",
    billing_reference: str = "",
    now: datetime | None = None,
) -> Application:
    """Apply for membership of a network.

    Side effects: the application row, an audit row and a receipt mail.
    Raises ValidationError, and saves nothing, outside an open intake window,
    when a criterion is not confirmed, when the e-mail already has an open
    application or a current membership, or when a billing number is invalid.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    vat_number = normalise_vat_number(billing_vat_number)
    ean = normalise_gln(billing_ean)
    try:
        with transaction.atomic():
            network = _lock_network(network.pk)
            intake = open_intake(network, now)
            if intake is None:
                raise ValidationError(intake_closed_message(network), code="closed")
            criteria = set(Criterion.objects.filter(network=network).values_list("pk", flat=True))
            if not criteria <= set(confirmed_criteria):
                raise ValidationError(
                    _("Please confirm each of the network's criteria to apply."),
                    code="criteria",
                )
            if network.applications.filter(email=email, status__in=ACTIVE_APPLICATION).exists():
                raise ValidationError(
                    _(
                        "This e-mail address has already applied to this network; the "
                        "organisers will write to you when they have decided."
                    ),
                    code="duplicate",
                )
            if _current_memberships(network, now.date()).filter(person__email=email).exists():
                raise ValidationError(
                    _("This e-mail address belongs to a member of the network already."),
                    code="member",
                )
            application = Application.objects.create(
                network=network,
                intake=intake,
                name=name.strip(),
                email=email,
                phone=phone.strip(),
                job_title=job_title.strip(),
                organisation=organisation.strip(),
                region=region.strip(),
                responsibility=responsibility.strip(),
                motivation=motivation.strip(),
                confirmed_criteria=sorted(criteria),
                language=language,
                billing_name=billing_name.strip(),
                billing_address=billing_address.strip(),
                billing_postcode=billing_postcode.strip(),
                billing_city=billing_city.strip(),
                billing_country=billing_country.strip().upper() or "DK",
                billing_vat_number=vat_number,
                billing_ean=ean,
                billing_reference=billing_reference.strip(),
            )
            audit_log_create(actor=None, action="network.application.create", target=application)
            _mail_application(application, "received")
    except IntegrityError as error:
        # The check above makes this unreachable but for a race; the constraint backs it up.
        raise ValidationError(
            _("This e-mail address has already applied to this network."), code="duplicate"
        ) from error
    return application


def _mail_application(application: Application, kind: str) -> None:
    pk = application.pk
    transaction.on_commit(lambda: tasks.send_application_mail.enqueue(pk, kind))


def _mail_membership(membership: Membership, kind: str, language: str) -> None:
    pk = membership.pk
    transaction.on_commit(lambda: tasks.send_membership_mail.enqueue(pk, kind, language))


def _current_memberships(network: Network, today: date):
    return Membership.objects.filter(
        network=network, starts_on__lte=today, ends_on__gte=today, status=MembershipStatus.ACTIVE
    )


def application_decide(
    *,
    application: Application,
    decision: str,
    note: str,
    actor,
    now: datetime | None = None,
) -> Membership | None:
    """Accept, reject or put an application on the waiting list, with the organiser's note.

    Acceptance creates the member's person and user account (or links the
    existing ones), the membership for the network's term and its invoice.
    Side effects: the application's status, an audit row, the applicant's mail.
    Raises ValidationError, changing nothing, for a decided application, an
    unknown decision or acceptance into a full network.
    """
    now = now or timezone.now()
    if decision not in {A.ACCEPTED, A.REJECTED, A.WAITING}:
        raise ValidationError(_("Choose accept, reject or waiting list."), code="decision")
    with transaction.atomic():
        network = _lock_network(application.network_id)
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status not in ACTIVE_APPLICATION:
            raise ValidationError(_("This application has already been decided."), code="decided")
        if decision == application.status:
            raise ValidationError(
                _("This application is on the waiting list already."), code="decided"
            )
        membership = None
        if decision == A.ACCEPTED:
            today = timezone.localdate(now)
            if (
                network.capacity is not None
                and _current_memberships(network, today).count() >= network.capacity
            ):
                raise ValidationError(
                    _("The network is full: put the application on the waiting list."),
                    code="full",
                )
            person = _member_person(application)
            starts_on = max(application.intake.membership_starts_on or today, today)
            membership = _membership_create(
                network=network,
                person=person,
                starts_on=starts_on,
                application=application,
                actor=actor,
            )
        application.status = decision
        application.decision_note = note.strip()
        application.decided_at = now
        application.decided_by = actor if actor and actor.is_authenticated else None
        application.save(update_fields=["status", "decision_note", "decided_at", "decided_by"])
        audit_log_create(actor=actor, action=f"network.application.{decision}", target=application)
        _mail_application(application, decision)
    return membership


def _member_person(application: Application) -> Person:
    """The applicant's person (found by e-mail, else created) with a user account to sign in."""
    person = Person.objects.filter(email__iexact=application.email).order_by("pk").first()
    if person is None:
        organisation = Organisation.objects.filter(name__iexact=application.organisation).first()
        person = Person.objects.create(
            name=application.name,
            slug=unique_slug(Person, application.name, fallback="member"),
            title={application.language: application.job_title},
            organisation=organisation,
            email=application.email,
            phone=application.phone,
            role_category=RoleCategory.MANAGER,
        )
    member_user_ensure(person=person)
    return person


def member_user_ensure(*, person: Person):
    """Give a person a user account to sign in with by e-mail (no password); return it.

    Side effects: the user row (created, or found by e-mail and linked).
    """
    if person.user_id:
        return person.user
    User = get_user_model()  # noqa: N806 (Django's idiom)
    user = User.objects.filter(email__iexact=person.email, person__isnull=True).first()
    if user is None:
        user = User(username=f"member-{secrets.token_hex(8)}", email=person.email)
        user.set_unusable_password()
        user.save()
    person.user = user
    person.save(update_fields=["user"])
    return user


def _membership_create(
    *,
    network: Network,
    person: Person,
    starts_on: date,
    application: Application | None,
    actor,
    previous: Membership | None = None,
) -> Membership:
    membership = Membership.objects.create(
        network=network,
        person=person,
        application=application,
        previous=previous,
        starts_on=starts_on,
        ends_on=term_end(starts_on, network.term_months),
        is_binding=network.is_binding,
        binding_terms=network.binding_terms,
        fee=network.fee,
        vat_rate=network.vat_rate,
        currency=network.currency,
        directory_fields=previous.directory_fields if previous else [],
    )
    if network.fee and application is not None:
        membership.invoice = _invoice_issue(membership, application, actor)
        membership.save(update_fields=["invoice"])
    audit_log_create(actor=actor, action="network.membership.create", target=membership)
    _schedule_renewal_question(membership, network)
    return membership


def _schedule_renewal_question(membership: Membership, network: Network) -> None:
    """Ask to renew when the notice period begins; the desk can also ask at any time."""
    backend = tasks.ask_to_renew.get_backend()
    if not backend.supports_defer:
        return  # the immediate backend (tests) cannot wait
    day = membership.ends_on - timedelta(days=network.renewal_notice_days)
    run_after = max(
        timezone.now(),
        datetime.combine(day, datetime.min.time(), tzinfo=timezone.get_current_timezone()),
    )
    pk = membership.pk
    transaction.on_commit(lambda: tasks.ask_to_renew.using(run_after=run_after).enqueue(pk))


def _invoice_issue(membership: Membership, application: Application, actor):
    """The membership's invoice, through billing's service, to the buyer on the application."""
    network = membership.network
    with translation.override(application.language):
        description = _("Membership of %(network)s, %(starts)s to %(ends)s") % {
            "network": localize(network.name, network.original_language),
            "starts": membership.starts_on.isoformat(),
            "ends": membership.ends_on.isoformat(),
        }
    return billing.invoice_create(
        buyer=billing.Buyer(
            name=application.billing_name,
            country=application.billing_country,
            address=application.billing_address,
            postcode=application.billing_postcode,
            city=application.billing_city,
            vat_number=application.billing_vat_number,
            gln=application.billing_ean,
            buyer_reference=application.billing_reference or application.name,
            contact_name=membership.person.name,
            contact_email=membership.person.email,
            contact=membership.person,
            language=application.language,
        ),
        lines=[
            billing.Line(
                description={application.language: description},
                quantity=Decimal(1),
                unit_price=membership.fee,
                vat_rate=membership.vat_rate,
            )
        ],
        currency=membership.currency,
        actor=actor,
    )


def membership_cancel_error(membership: Membership, today: date | None = None) -> str | None:
    """Why the membership cannot be cancelled, or None."""
    today = today or timezone.localdate()
    if membership.status == MembershipStatus.CANCELLED:
        return _("This membership is cancelled already.")
    if membership.ends_on < today:
        return _("This membership has ended.")
    return None


def membership_cancel(
    *, membership: Membership, actor, language: str, now: datetime | None = None
) -> Membership:
    """Cancel a membership. A binding one runs to its end with no refund and is not renewed;
    any other ends today.

    Side effects: the membership's status (and end), an audit row, a mail.
    Raises ValidationError, changing nothing, if it is already cancelled or over.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if error := membership_cancel_error(membership, today):
            raise ValidationError(error, code="cancel")
        membership.status = MembershipStatus.CANCELLED
        membership.cancelled_at = now
        fields = ["status", "cancelled_at"]
        if membership.renewal in {RenewalStatus.NOT_ASKED, RenewalStatus.ASKED}:
            membership.renewal = RenewalStatus.DECLINED
            membership.renewal_answered_at = now
            fields += ["renewal", "renewal_answered_at"]
        if not membership.is_binding:
            membership.ends_on = max(today, membership.starts_on + timedelta(days=1))
            fields.append("ends_on")
        membership.save(update_fields=fields)
        audit_log_create(actor=actor, action="network.membership.cancel", target=membership)
        _mail_membership(membership, "cancelled", language)
    return membership


def renewal_due(membership: Membership, today: date) -> bool:
    """Whether the member may answer the renewal question now."""
    return (
        membership.status == MembershipStatus.ACTIVE
        and membership.renewal in {RenewalStatus.NOT_ASKED, RenewalStatus.ASKED}
        and membership.ends_on - timedelta(days=membership.network.renewal_notice_days)
        <= today
        <= membership.ends_on
    )


def membership_renewals_ask(
    *,
    now: datetime | None = None,
    network: Network | None = None,
    membership_id: int | None = None,
) -> int:
    """Ask every member whose term ends within the notice period to renew; return how many.

    Side effects: each membership's renewal status, an audit row and a mail each.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    asked = 0
    with transaction.atomic():
        due = (
            # Lock the memberships only: PostgreSQL cannot lock a nullable outer join.
            Membership.objects.select_for_update(of=("self",))
            .select_related("network", "person", "application")
            .filter(
                status=MembershipStatus.ACTIVE,
                renewal=RenewalStatus.NOT_ASKED,
                ends_on__gte=today,
            )
        )
        if network is not None:
            due = due.filter(network=network)
        if membership_id is not None:
            due = due.filter(pk=membership_id)
        for membership in due:
            if not renewal_due(membership, today):
                continue
            membership.renewal = RenewalStatus.ASKED
            membership.renewal_asked_at = now
            membership.save(update_fields=["renewal", "renewal_asked_at"])
            audit_log_create(actor=None, action="network.membership.renewal_ask", target=membership)
            language = membership.application.language if membership.application else "da"
            _mail_membership(membership, "renewal", language)
            asked += 1
    return asked


def _renewal_target(membership: Membership, today: date) -> Membership:
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("network", "application")
        .get(pk=membership.pk)
    )
    if not renewal_due(membership, today):
        raise ValidationError(
            _(
                "This membership cannot be renewed now: it is not in its last weeks, or was "
                "renewed, declined or cancelled already."
            ),
            code="renewal",
        )
    return membership


def membership_renew(
    *, membership: Membership, actor, language: str, now: datetime | None = None
) -> Membership:
    """Renew for the next term: a new membership from the day after this one ends, invoiced.

    Side effects: the next membership and its invoice, this membership's
    renewal status, audit rows, a mail. Raises ValidationError, changing
    nothing, outside the renewal period or when already answered.
    """
    now = now or timezone.now()
    with transaction.atomic():
        network = _lock_network(membership.network_id)
        membership = _renewal_target(membership, timezone.localdate(now))
        application = _first_application(membership)
        following = _membership_create(
            network=network,
            person=membership.person,
            starts_on=membership.ends_on + timedelta(days=1),
            application=application,
            actor=actor,
            previous=membership,
        )
        membership.renewal = RenewalStatus.RENEWED
        membership.renewal_answered_at = now
        membership.save(update_fields=["renewal", "renewal_answered_at"])
        audit_log_create(actor=actor, action="network.membership.renew", target=membership)
        _mail_membership(following, "renewed", language)
    return following


def _first_application(membership: Membership) -> Application | None:
    """The application of the first term: its billing details go on every renewal's invoice."""
    current = membership
    while current.application_id is None and current.previous_id is not None:
        current = current.previous
    return current.application


def membership_renewal_decline(
    *, membership: Membership, actor, now: datetime | None = None
) -> Membership:
    """Let the membership end with its term. Side effects: its renewal status, an audit row."""
    now = now or timezone.now()
    with transaction.atomic():
        membership = _renewal_target(membership, timezone.localdate(now))
        membership.renewal = RenewalStatus.DECLINED
        membership.renewal_answered_at = now
        membership.save(update_fields=["renewal", "renewal_answered_at"])
        audit_log_create(actor=actor, action="network.membership.decline", target=membership)
    return membership


def directory_consent_set(
    *, membership: Membership, fields: list[str], wording: str, language: str
) -> DirectoryConsent:
    """Record what the member shows other members, with the wording they agreed to.

    Side effects: the membership's shown fields, a consent row, an audit row.
    """
    unknown = set(fields) - set(DIRECTORY_FIELDS)
    if unknown:
        raise ValidationError(_("Choose among the fields offered."), code="fields")
    ordered = [field for field in DIRECTORY_FIELDS if field in fields]
    with transaction.atomic():
        membership.directory_fields = ordered
        membership.save(update_fields=["directory_fields"])
        consent = DirectoryConsent.objects.create(
            membership=membership, fields=ordered, wording=wording, language=language
        )
        audit_log_create(
            actor=None, action="network.directory.consent", target=membership, fields=ordered
        )
    return consent


def meeting_host_set(*, meeting: Meeting, host: Organisation | None, actor) -> Meeting:
    """Set (or clear: to be decided) a meeting's host organisation and its region.

    Side effects: the meeting row.
    """
    meeting.host = host
    meeting.region = host.region if host else ""
    meeting.save(update_fields=["host", "region"])
    return meeting


def pairing_period_create(
    *,
    network: Network,
    label: str,
    starts_on: date,
    ends_on: date,
    actor,
    seed: int = 0,
) -> PairingPeriod:
    """Pair the current members for a period, with nobody meeting an earlier partner again
    where that can be avoided, preferring pairs across organisations and regions.

    Side effects: the period and its pairs. Raises ValidationError for an
    existing period, a bad date range or fewer than two members.
    """
    if ends_on <= starts_on:
        raise ValidationError(_("The period must end after it starts."), code="dates")
    with transaction.atomic():
        network = _lock_network(network.pk)
        if network.periods.filter(starts_on=starts_on).exists():
            raise ValidationError(_("A pairing period starts on that day already."), code="exists")
        # Everyone who is a member at some time in the period, new members included; a
        # member whose term renews within the period counts once, with the newer term.
        terms = (
            Membership.objects.filter(
                network=network,
                status=MembershipStatus.ACTIVE,
                starts_on__lte=ends_on,
                ends_on__gte=starts_on,
            )
            .select_related("person__organisation")
            .order_by("person__name", "person_id", "starts_on")
        )
        members = list({membership.person_id: membership for membership in terms}.values())
        if len(members) < 2:
            raise ValidationError(_("Pairs need at least two current members."), code="few")
        index = {membership.person_id: i for i, membership in enumerate(members)}
        earlier = set()
        for pair in Pair.objects.filter(period__network=network).prefetch_related("members"):
            people = sorted(index[m.person_id] for m in pair.members.all() if m.person_id in index)
            earlier.update((a, b) for n, a in enumerate(people) for b in people[n + 1 :])
        organisations = [m.person.organisation_id for m in members]
        regions = [m.person.organisation.region if m.person.organisation else "" for m in members]
        dissimilarity = [
            [
                1.0 if regions[i] and regions[j] and regions[i] != regions[j] else 0.0
                for j in range(len(members))
            ]
            for i in range(len(members))
        ]
        for i in range(len(members)):
            dissimilarity[i][i] = 0.0
        result = member_pairs(
            len(members),
            earlier=sorted(earlier),
            organisations=organisations,
            dissimilarity=dissimilarity,
            time_limit=0.5,
            seed=seed,
        )
        period = PairingPeriod.objects.create(
            network=network, label=label.strip(), starts_on=starts_on, ends_on=ends_on
        )
        for group in result.periods[0]:
            pair = Pair.objects.create(period=period)
            pair.members.set([members[i] for i in group])
        audit_log_create(actor=actor, action="network.pairing.create", target=period)
    return period


def pair_mark_met(*, pair: Pair, membership: Membership, met_on: date) -> Pair:
    """A member records that their pair has met. Side effects: the pair row.

    Raises ValidationError if the member is not in the pair or the date is in the future.
    """
    if not pair.members.filter(pk=membership.pk).exists():
        raise ValidationError(_("You are not in this pair."), code="member")
    if met_on > timezone.localdate():
        raise ValidationError(_("The meeting date cannot be in the future."), code="date")
    pair.met_on = met_on
    pair.marked_by = membership
    pair.save(update_fields=["met_on", "marked_by"])
    return pair


def meeting_register_member(
    *,
    meeting: Meeting,
    membership: Membership,
    answers: dict,
    language: str,
    site: Site | None = None,
) -> Registration:
    """Register a member for one of the network's meetings through the registration machinery.

    Side effects: as registrations.services.registration_create. Raises
    ValidationError for a membership of another network or not current then.
    """
    event = meeting.event
    day = timezone.localdate(event.starts_at)
    if membership.network_id != meeting.network_id or not (
        membership.starts_on <= day <= membership.ends_on
    ):
        raise ValidationError(
            _("Only the network's members of that time can register here."), code="member"
        )
    person = membership.person
    return registration_create(
        event=event,
        site=site,
        name=person.name,
        email=person.email,
        organisation=person.organisation.name if person.organisation else "",
        role_category=person.role_category,
        municipality=person.organisation.region if person.organisation else "",
        answers=answers,
        language=language,
    )
