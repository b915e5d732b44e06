"""Where Samspil keeps personal data: how each model's rows about one e-mail address
are found, exported and erased.

Every installed model that holds personal data (an e-mail field, a relation to
a person, a user, a registration, an application or a membership, or fields
named like name or phone) is either in `REGISTRY` or in `NOT_PERSONAL` with the
reason; tests/privacy/test_registry.py fails for a model in neither, so a new
model cannot slip past the export and the erasure.

Models are named by label and looked up lazily: apps above privacy (dialogue,
networks, solutions, api) are covered without importing them, and an entry
whose app is not installed is skipped.

Erasure keeps rows that counts, statistics and bookkeeping rest on, and removes
what identifies the person: a registration keeps its event, site, status, role
and times, and loses name, e-mail, organisation, answers and its personal link.
Invoices are kept whole: the Danish bookkeeping act (bogføringsloven § 12)
requires them for five years from the end of the financial year.
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from i18nfield.strings import LazyI18nString

# Anonymised e-mail addresses end here (RFC 2606 reserves .invalid): the rows keep a
# unique, valid-looking value, and retention knows what it has already done.
ERASED_DOMAIN = "erased.invalid"
ERASED_NAME = _("(erased)")

# Models through which a row belongs to one person: a relation to any of them is personal.
SUBJECT_MODELS = {
    "people.person",
    "auth.user",
    "registrations.registration",
    "networks.application",
    "networks.membership",
}

LEGAL_HOLD_BOOKKEEPING = _(
    "Kept: the Danish bookkeeping act requires invoices to be kept for five years from the "
    "end of the financial year."
)


def erased_email(pk: int, kind: str = "") -> str:
    return f"{kind}{pk}@{ERASED_DOMAIN}"


def is_erased_email(email: str) -> bool:
    return email.endswith("@" + ERASED_DOMAIN)


@dataclass
class ErasureContext:
    """What one erasure knows: when it runs, and (for retention) which registrations."""

    now: datetime
    email: str = ""
    retention: bool = False


@dataclass(frozen=True)
class PersonalData:
    """One model's personal data: find rows by e-mail, export fields, erase rows.

    `erase(queryset, context)` returns how many rows it kept whole (0 when it
    erased all); `kept_reason` says why, for the person and the organisers.
    """

    label: str
    find: Callable[[str], QuerySet]
    erase: Callable[[QuerySet, ErasureContext], int]
    # What the export shows; None: every field but secrets and internals (NOT_EXPORTED),
    # so that a field added later is exported without anyone remembering to.
    fields: tuple[str, ...] | None = None
    kept_reason: Promise | None = None

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)

    def export_fields(self) -> tuple[str, ...]:
        if self.fields is not None:
            return self.fields
        return tuple(
            field.name
            for field in self.model._meta.concrete_fields
            if field.name not in NOT_EXPORTED and not field.primary_key
        )


# Secrets (the keys to personal pages and accounts) and internal columns.
NOT_EXPORTED = {"token", "token_hash", "password", "search_text", "session_hash"}


def _model(label: str) -> type[models.Model]:
    return apps.get_model(label)


def _email_q(email: str, *paths: str) -> Q:
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{path}__iexact": email})
    return condition


def _people(email: str) -> QuerySet:
    return _model("people.person").objects.filter(_email_q(email, "email", "user__email"))


def _users(email: str) -> QuerySet:
    return _model("auth.user").objects.filter(
        _email_q(email, "email") | Q(person__email__iexact=email)
    )


def _registrations(email: str) -> QuerySet:
    return _model("registrations.registration").objects.filter(email__iexact=email)


# Erasure of each model ---------------------------------------------------------


def _keep(queryset: QuerySet, context: ErasureContext) -> int:
    return queryset.count()


def _delete(queryset: QuerySet, context: ErasureContext) -> int:
    queryset.delete()
    return 0


def _forget_admin_history(queryset: QuerySet) -> None:
    """The admin's history shows each changed object's name: blank it for erased rows."""
    log_entry = _model("admin.logentry")
    content_type = ContentType.objects.get_for_model(queryset.model)
    object_ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
    log_entry.objects.filter(content_type=content_type, object_id__in=object_ids).update(
        object_repr=str(ERASED_NAME), change_message=""
    )


def _erase_person(queryset: QuerySet, context: ErasureContext) -> int:
    _forget_admin_history(queryset)
    for person in queryset:
        person.name = str(ERASED_NAME)
        person.slug = f"erased-{person.pk}"
        person.email = ""
        person.phone = ""
        person.title = LazyI18nString({})
        person.bio = LazyI18nString({})
        person.save(update_fields=["name", "slug", "email", "phone", "title", "bio"])
    return 0


def _erase_user(queryset: QuerySet, context: ErasureContext) -> int:
    _forget_admin_history(queryset)
    for user in queryset:
        user.username = f"erased-{user.pk}"
        user.first_name = ""
        user.last_name = ""
        user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
    return 0


def registration_erasable(context: ErasureContext) -> Q:
    """Registrations an erasure anonymises: all but active ones of events not yet over,
    which the person cancels on their personal page (or retention takes later)."""
    return Q(event__ends_at__lt=context.now) | Q(status="cancelled")


def _erase_registration(queryset: QuerySet, context: ErasureContext) -> int:
    erasable = queryset.filter(registration_erasable(context))
    kept = queryset.count() - erasable.count()
    _forget_admin_history(erasable)
    registration_model = _model("registrations.registration")
    for registration in erasable:
        registration.name = str(ERASED_NAME)
        registration.email = erased_email(registration.pk)
        registration.organisation = ""
        registration.answers = {}
        registration.token = registration_model._meta.get_field("token").default()
        registration.save(update_fields=["name", "email", "organisation", "answers", "token"])
    return kept


def _erasable_registrations(queryset: QuerySet, context: ErasureContext, path: str) -> QuerySet:
    condition = registration_erasable(context)
    return queryset.filter(
        **{f"{path}__in": _model("registrations.registration").objects.filter(condition)}
    )


def _erase_mail_delivery(queryset: QuerySet, context: ErasureContext) -> int:
    # The rows stay: they count what was sent. An SMTP error may quote the address.
    erasable = _erasable_registrations(queryset, context, "registration")
    erasable.update(last_error="")
    return 0


def _erase_speaker_question(queryset: QuerySet, context: ErasureContext) -> int:
    """A person's own question loses its text; a group's question stays with the group
    (its author's registration is anonymised). Either way the count stays right."""
    erasable = _erasable_registrations(queryset, context, "author")
    erasable.filter(group__isnull=True).update(text=str(_("(question removed)")))
    return queryset.filter(group__isnull=False).count()


def _erase_nothing(queryset: QuerySet, context: ErasureContext) -> int:
    """Rows that hold nothing personal once the person, user or registration they point
    to is anonymised: they stay, and so do the counts they make."""
    return 0


def _erase_application(queryset: QuerySet, context: ErasureContext) -> int:
    _forget_admin_history(queryset)
    for application in queryset:
        application.name = str(ERASED_NAME)
        application.email = erased_email(application.pk, "application-")
        application.phone = ""
        application.job_title = ""
        application.responsibility = ""
        application.motivation = ""
        application.decision_note = ""
        application.billing_reference = ""
        application.save(
            update_fields=[
                "name",
                "email",
                "phone",
                "job_title",
                "responsibility",
                "motivation",
                "decision_note",
                "billing_reference",
            ]
        )
    return 0


def _erase_data_request(queryset: QuerySet, context: ErasureContext) -> int:
    # The request that asked for the erasure stays, under a one-way hash of the address,
    # as the record that the erasure was done.
    for request in queryset:
        digest = hashlib.sha256(request.email.lower().encode()).hexdigest()[:16]
        request.email = f"{digest}@{ERASED_DOMAIN}"
        request.save(update_fields=["email"])
    return 0


def _blank(queryset: QuerySet, **values) -> int:
    queryset.update(**values)
    return 0


def _erase_reuse_interest(queryset: QuerySet, context: ErasureContext) -> int:
    # The row stays (interest in reuse is a statistic); who showed it goes.
    for interest in queryset:
        interest.name = str(ERASED_NAME)
        interest.email = erased_email(interest.pk, "interest-")
        interest.message = ""
        interest.save(update_fields=["name", "email", "message"])
    return 0


def _erase_invoice(queryset: QuerySet, context: ErasureContext) -> int:
    return queryset.count()


REGISTRY_ENTRIES = [
    # Order matters for erasure only in that each find runs before any erasure.
    PersonalData("people.person", find=_people, erase=_erase_person),
    PersonalData(
        "auth.user",
        find=_users,
        fields=("username", "first_name", "last_name", "email", "date_joined", "last_login"),
        erase=_erase_user,
    ),
    PersonalData(
        "registrations.registration",
        find=_registrations,
        erase=_erase_registration,
        kept_reason=_(
            "Registrations for events that are not over yet are kept: cancel them on their "
            "personal page, or they are anonymised automatically after the event."
        ),
    ),
    PersonalData(
        "registrations.maildelivery",
        find=lambda email: _model("registrations.maildelivery").objects.filter(
            registration__email__iexact=email
        ),
        fields=("registration", "kind", "status", "sent_at", "created_at"),
        erase=_erase_mail_delivery,
    ),
    PersonalData(
        "registrations.mailing",
        find=lambda email: _model("registrations.mailing").objects.filter(
            created_by__in=_users(email)
        ),
        fields=("event", "site", "subject", "recipients", "created_at"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "events.eventrole",
        find=lambda email: _model("events.eventrole").objects.filter(person__in=_people(email)),
        fields=("event", "kind", "site"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "events.agendaitem",
        find=lambda email: _model("events.agendaitem").objects.filter(speakers__in=_people(email)),
        fields=("event", "title", "starts_at"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "dialogue.groupmember",
        find=lambda email: _model("dialogue.groupmember").objects.filter(
            registration__email__iexact=email
        ),
        fields=("round", "group", "registration"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "dialogue.speakerquestion",
        find=lambda email: _model("dialogue.speakerquestion").objects.filter(
            author__email__iexact=email
        ),
        fields=("event", "group", "text", "status", "created_at"),
        erase=_erase_speaker_question,
        kept_reason=_(
            "Questions written by a group stay with the group; your name is removed from them."
        ),
    ),
    PersonalData(
        "dialogue.vote",
        find=lambda email: _model("dialogue.vote").objects.filter(
            registration__email__iexact=email
        ),
        fields=("question", "created_at"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "dialogue.livenote",
        find=lambda email: _model("dialogue.livenote").objects.filter(author__in=_users(email)),
        fields=("event", "site", "text", "created_at"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "dialogue.output",
        find=lambda email: _model("dialogue.output").objects.filter(created_by__in=_users(email)),
        fields=("event", "title", "created_at"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "privacy.consent",
        find=lambda email: _model("privacy.consent").objects.filter(
            Q(email__iexact=email) | Q(person__in=_people(email))
        ),
        erase=_delete,
    ),
    PersonalData(
        "privacy.datarequest",
        find=lambda email: _model("privacy.datarequest").objects.filter(email__iexact=email),
        erase=_erase_data_request,
    ),
    PersonalData(
        "core.auditlog",
        find=lambda email: _model("core.auditlog").objects.filter(actor__in=_users(email)),
        fields=("action", "target_type", "target_id", "created_at"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "admin.logentry",
        find=lambda email: _model("admin.logentry").objects.filter(user__in=_users(email)),
        fields=("action_time", "object_repr"),
        erase=_erase_nothing,
    ),
    # networks -----------------------------------------------------------------
    PersonalData(
        "networks.application",
        find=lambda email: _model("networks.application").objects.filter(email__iexact=email),
        erase=_erase_application,
    ),
    PersonalData(
        "networks.membership",
        find=lambda email: _model("networks.membership").objects.filter(person__in=_people(email)),
        fields=(
            "network",
            "starts_on",
            "ends_on",
            "status",
            "renewal",
            "directory_fields",
            "created_at",
        ),
        erase=_erase_nothing,
    ),
    PersonalData(
        "networks.directoryconsent",
        find=lambda email: _model("networks.directoryconsent").objects.filter(
            membership__person__in=_people(email)
        ),
        erase=_delete,
    ),
    PersonalData(
        "networks.network",
        find=lambda email: _model("networks.network").objects.filter(
            Q(facilitator__in=_people(email)) | Q(chair__in=_people(email))
        ),
        fields=("name", "facilitator", "chair"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "networks.pair",
        find=lambda email: _model("networks.pair").objects.filter(
            members__person__in=_people(email)
        ),
        fields=("period", "met_on"),
        erase=_erase_nothing,
    ),
    # solutions ----------------------------------------------------------------
    PersonalData(
        "solutions.solution",
        find=lambda email: _model("solutions.solution").objects.filter(contact__in=_people(email)),
        fields=("title", "owner", "status", "contact_language"),
        erase=_erase_nothing,
    ),
    PersonalData(
        "solutions.reuse",
        find=lambda email: _model("solutions.reuse").objects.filter(contact_email__iexact=email),
        erase=lambda queryset, context: _blank(queryset, contact_name="", contact_email=""),
    ),
    PersonalData(
        "solutions.reuseinterest",
        find=lambda email: _model("solutions.reuseinterest").objects.filter(email__iexact=email),
        erase=_erase_reuse_interest,
    ),
    PersonalData(
        "solutions.importbatch",
        find=lambda email: _model("solutions.importbatch").objects.filter(
            created_by__in=_users(email)
        ),
        fields=("filename", "created_at", "imported_at"),
        erase=_erase_nothing,
    ),
    # api ----------------------------------------------------------------------
    PersonalData(
        "api.apitoken",
        find=lambda email: _model("api.apitoken").objects.filter(created_by__in=_users(email)),
        fields=("name", "prefix", "created_at", "last_used_at", "revoked_at"),
        erase=_erase_nothing,
    ),
    # django-axes: sign-in attempts by user name --------------------------------
    *(
        PersonalData(
            f"axes.{name}",
            find=lambda email, name=name: _model(f"axes.{name}").objects.filter(
                Q(username__iexact=email) | Q(username__in=_users(email).values("username"))
            ),
            erase=_delete,
        )
        for name in ("accessattempt", "accesslog", "accessfailurelog")
    ),
    # billing ------------------------------------------------------------------
    PersonalData(
        "billing.invoice",
        find=lambda email: _model("billing.invoice").objects.filter(
            Q(buyer_contact_email__iexact=email)
            | Q(buyer_contact__in=_people(email))
            | Q(registration__email__iexact=email)
        ),
        erase=_erase_invoice,
        kept_reason=LEGAL_HOLD_BOOKKEEPING,
    ),
]

# Models that match the completeness rule but hold no personal data of their own.
NOT_PERSONAL: dict[str, str] = {
    "auth.permission": "A permission's name is the name of an action, not of a person.",
    "auth.group": "A group's name is the name of a role, not of a person.",
    "auth.user_groups": "Group links of a user; the user row is erased.",
    "auth.user_user_permissions": "Permission links of a user; the user row is erased.",
    "events.agendaitem_speakers": "Speaker links; the agenda item and person are covered.",
    "django_tasks_database.dbtaskresult": "Queue and backend names; tasks take primary keys.",
    "people.organisation": "Organisations are public bodies and companies, not persons.",
    "events.series": "The name of a series of events.",
    "events.site": "The name of a venue.",
    "networks.network_related_networks": "Links between networks.",
    "networks.pair_members": "Pair links; pairs and memberships are covered.",
    "billing.invoiceline": "Lines of an invoice: services and amounts, no person.",
    "solutions.policyarea": "The name of a policy area.",
    "solutions.targetgroup": "The name of a target group.",
    "privacy.scheduledrun": "The name of a scheduled job.",
    "axes.accessattemptexpiration": "When a sign-in attempt expires; erased with it.",
}

REGISTRY: dict[str, PersonalData] = {entry.label: entry for entry in REGISTRY_ENTRIES}


def installed_entries() -> list[PersonalData]:
    """The registry's entries whose models exist in this installation."""
    found = []
    for entry in REGISTRY_ENTRIES:
        app_label, model_name = entry.label.split(".")
        try:
            apps.get_model(app_label, model_name)
        except LookupError:
            continue
        found.append(entry)
    return found


# Export --------------------------------------------------------------------------


@dataclass
class ExportSection:
    label: str
    title: str
    columns: list[tuple[str, str]]  # (field name, verbose name)
    rows: list[dict] = field(default_factory=list)
    kept_reason: str = ""


def _plain(value):
    """A JSON-ready value: text for relations and i18n strings, ISO for times."""
    if isinstance(value, LazyI18nString):
        return value.data if isinstance(value.data, dict) else str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Promise):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool | list | dict):
        return value
    return str(value)


def _row(instance: models.Model, fields: Iterable[str]) -> dict:
    row = {"id": instance.pk}
    for name in fields:
        model_field = instance._meta.get_field(name)
        if model_field.choices:
            value = getattr(instance, f"get_{name}_display")()
        else:
            value = getattr(instance, name)
        row[name] = _plain(value)
    return row


def export_sections(email: str) -> list[ExportSection]:
    """Everything held about `email`, one section per model that has rows."""
    sections = []
    for entry in installed_entries():
        rows = list(entry.find(email).distinct().order_by("pk"))
        if not rows:
            continue
        meta = entry.model._meta
        fields = entry.export_fields()
        sections.append(
            ExportSection(
                label=entry.label,
                title=str(meta.verbose_name_plural),
                columns=[(name, str(meta.get_field(name).verbose_name)) for name in fields],
                rows=[_row(row, fields) for row in rows],
                kept_reason=str(entry.kept_reason or ""),
            )
        )
    return sections


# Erasure -------------------------------------------------------------------------


@dataclass
class ErasureOutcome:
    label: str
    title: str
    found: int
    kept: int
    kept_reason: str = ""


def erase_all(email: str, context: ErasureContext) -> list[ErasureOutcome]:
    """Erase what every entry holds about `email`. Finds all rows first, since erasing
    a person or registration changes what later lookups by e-mail would find."""
    found = [
        (entry, list(entry.find(email).distinct().values_list("pk", flat=True)))
        for entry in installed_entries()
    ]
    outcomes = []
    for entry, pks in found:
        if not pks:
            continue
        kept = entry.erase(entry.model.objects.filter(pk__in=pks), context)
        outcomes.append(
            ErasureOutcome(
                label=entry.label,
                title=str(entry.model._meta.verbose_name_plural),
                found=len(pks),
                kept=kept,
                kept_reason=str(entry.kept_reason or "") if kept else "",
            )
        )
    return outcomes


def registrations_anonymise(registrations: QuerySet, context: ErasureContext) -> int:
    """Anonymise these registrations and what hangs on them (mail errors, own questions),
    keeping every row that counts and statistics use. Returns how many were anonymised."""
    registrations = registrations.exclude(email__endswith="@" + ERASED_DOMAIN).filter(
        registration_erasable(context)
    )
    pks = list(registrations.values_list("pk", flat=True))
    if not pks:
        return 0
    delivery = _model("registrations.maildelivery").objects.filter(registration_id__in=pks)
    _erase_mail_delivery(delivery, context)
    if apps.is_installed("samspil.dialogue"):
        questions = _model("dialogue.speakerquestion").objects.filter(author_id__in=pks)
        _erase_speaker_question(questions, context)
    _erase_registration(_model("registrations.registration").objects.filter(pk__in=pks), context)
    return len(pks)
