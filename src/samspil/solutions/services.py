"""Everything that changes the solution library. Views, admin, import and demo call these."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Value
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samspil.core.pagecache import content_changed
from samspil.core.services import audit_log_create
from samspil.core.slugs import unique_slug
from samspil.dialogue.models import Output
from samspil.people.models import Organisation, Person
from samspil.solutions.models import (
    SEARCH_CONFIGS,
    PolicyArea,
    Reuse,
    ReuseInterest,
    Solution,
    SolutionInitiator,
    SolutionLink,
    SolutionStatus,
    StatusChange,
    TargetGroup,
)
from samspil.solutions.tasks import send_reuse_interest_mail


def _language_text(value, code: str) -> str:
    data = getattr(value, "data", value)
    if isinstance(data, dict):
        return data.get(code) or ""
    return ""


def solution_search_refresh(*, solution_ids: Iterable[int]) -> None:
    """Rebuild the per-language tsvectors of these solutions (PostgreSQL only).

    Side effects: one UPDATE per solution on PostgreSQL; nothing on other databases,
    which search `search_text` (kept by Solution.save()).
    """
    if connection.vendor != "postgresql":
        return
    for solution in Solution.objects.filter(pk__in=list(solution_ids)).select_related("owner"):
        vectors = {}
        for code, config in SEARCH_CONFIGS.items():
            title = _language_text(solution.title, code)
            body = "\n".join(_language_text(value, code) for value in solution.texts()[1:])
            vectors[f"search_{code}"] = (
                SearchVector(Value(title), config=config, weight="A")
                + SearchVector(Value(body), config=config, weight="B")
                + SearchVector(Value(solution.owner.name), config=config, weight="C")
            )
        Solution.objects.filter(pk=solution.pk).update(**vectors)


def _first_text(value: dict) -> str:
    return next((text for text in value.values() if text), "")


@transaction.atomic
def solution_create(
    *,
    title: dict,
    owner: Organisation,
    original_language: str,
    actor=None,
    problem: dict | None = None,
    what_was_done: dict | None = None,
    outcome: dict | None = None,
    evidence: dict | None = None,
    status: str = SolutionStatus.IDEA,
    status_date: datetime.date | None = None,
    history: list[tuple[str, datetime.date]] | None = None,
    contact: Person | None = None,
    contact_language: str | None = None,
    policy_areas: Iterable[PolicyArea] = (),
    target_groups: Iterable[TargetGroup] = (),
    initiators: Iterable[str] = (),
    partners: Iterable[Organisation] = (),
    start_year: int | None = None,
    links: Iterable[tuple[str, str]] = (),
    source_events: Iterable = (),
    source_outputs: Iterable[Output] = (),
    published: bool = False,
    slug: str = "",
) -> Solution:
    """Create a solution with its status history, relations and search vectors.

    `history` is a list of (status, date); without it the solution starts at `status`
    on `status_date` (default today). Side effects: Solution, StatusChange,
    SolutionInitiator, SolutionLink rows; M2M rows; the search vectors; cached public
    pages go stale after commit; an audit row when a contact person is named (personal data).
    """
    if not _first_text(title).strip():
        raise ValidationError(_("A solution needs a title."), code="title")
    history = sorted(history or [(status, status_date or timezone.localdate())], key=lambda h: h[1])
    dates = [date for _status, date in history]
    if len(set(dates)) != len(dates):
        raise ValidationError(_("A solution can change status only once a day."), code="history")
    current, since = history[-1]
    solution = Solution(
        slug=slug or unique_slug(Solution, _first_text(title), fallback="solution"),
        title=title,
        problem=problem or {},
        what_was_done=what_was_done or {},
        outcome=outcome or {},
        evidence=evidence or {},
        original_language=original_language,
        published=published,
        status=current,
        status_since=since,
        owner=owner,
        contact=contact,
        contact_language=contact_language or original_language,
        start_year=start_year,
    )
    solution.full_clean(exclude=["slug"] if not slug else None)
    solution.save()
    StatusChange.objects.bulk_create(
        StatusChange(solution=solution, status=value, date=date) for value, date in history
    )
    SolutionInitiator.objects.bulk_create(
        SolutionInitiator(solution=solution, kind=kind) for kind in sorted(set(initiators))
    )
    SolutionLink.objects.bulk_create(
        SolutionLink(solution=solution, url=url, title=text) for url, text in links
    )
    solution.policy_areas.set(policy_areas)
    solution.target_groups.set(target_groups)
    solution.partners.set(partners)
    solution.source_events.set(source_events)
    solution.source_outputs.set(source_outputs)
    solution_search_refresh(solution_ids=[solution.pk])
    content_changed()
    if contact is not None:
        audit_log_create(actor=actor, action="solution.create", target=solution, contact=contact.pk)
    return solution


@transaction.atomic
def solution_create_from_output(*, output: Output, actor) -> tuple[Solution, bool]:
    """Turn a workshop output into a draft solution that keeps the link; once per output.

    Returns (solution, created). Side effects: a draft Solution with the output's text
    in the event's original language, owned by the event's organiser, linked to the
    event and the output; an "idea" status on the event's date.
    """
    existing = Solution.objects.filter(source_outputs=output).order_by("pk").first()
    if existing is not None:
        return existing, False
    event = output.event
    language = event.original_language
    solution = solution_create(
        title={language: output.title},
        problem={},
        what_was_done={language: output.description},
        owner=event.organiser,
        original_language=language,
        status=SolutionStatus.IDEA,
        status_date=timezone.localtime(event.starts_at, event.zone).date(),
        source_events=[event],
        source_outputs=[output],
        start_year=event.starts_at.year,
        published=False,
        actor=actor,
    )
    return solution, True


@transaction.atomic
def solution_status_change(
    *, solution: Solution, status: str, date: datetime.date, actor=None
) -> StatusChange:
    """Record that the solution reached `status` on `date`; the latest change is current.

    Side effects: a StatusChange row; Solution.status and status_since follow the
    latest change; cached public pages go stale after commit.
    """
    if status not in SolutionStatus.values:
        raise ValidationError(_("Unknown status."), code="status")
    if StatusChange.objects.filter(solution=solution, date=date).exists():
        raise ValidationError(
            _("This solution already changed status on that day."), code="same_day"
        )
    change = StatusChange.objects.create(solution=solution, status=status, date=date)
    latest = StatusChange.objects.filter(solution=solution).order_by("-date").first()
    solution.status = latest.status
    solution.status_since = latest.date
    solution.save(update_fields=["status", "status_since", "updated_at"])
    content_changed()
    return change


def _reuse_count_refresh(solution: Solution) -> None:
    Solution.objects.filter(pk=solution.pk).update(
        reuse_count=Reuse.objects.filter(solution=solution).aggregate(n=Count("pk"))["n"]
    )


@transaction.atomic
def reuse_create(
    *,
    solution: Solution,
    organisation: Organisation,
    started_on: datetime.date,
    changes: str = "",
    language: str = "",
    contact_name: str = "",
    contact_email: str = "",
    actor=None,
) -> Reuse:
    """Record that `organisation` reuses `solution`.

    Side effects: a Reuse row; the solution's reuse_count; cached public pages go stale
    after commit; an audit row (the contact is personal data).
    """
    if organisation.pk == solution.owner_id:
        raise ValidationError(
            _("The owning organisation cannot reuse its own solution."), code="owner"
        )
    # Lock the solution so that two records at once count right.
    Solution.objects.select_for_update().filter(pk=solution.pk).first()
    if Reuse.objects.filter(solution=solution, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s already reuses this solution.")
            % {"organisation": organisation.name},
            code="twice",
        )
    reuse = Reuse(
        solution=solution,
        organisation=organisation,
        started_on=started_on,
        changes=changes,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        contact_name=contact_name,
        contact_email=contact_email,
    )
    reuse.full_clean()
    reuse.save()
    _reuse_count_refresh(solution)
    solution.refresh_from_db(fields=["reuse_count"])
    content_changed()
    audit_log_create(
        actor=actor, action="solution.reuse.create", target=reuse, solution=solution.pk
    )
    return reuse


@transaction.atomic
def reuse_interest_create(
    *,
    solution: Solution,
    name: str,
    email: str,
    organisation: str,
    message: str,
    language: str,
) -> ReuseInterest:
    """Record that someone wants to reuse `solution` and mail the owner's contact.

    Side effects: a ReuseInterest row; an audit row; after commit, a task that mails
    the solution's contact person in the contact's language (none without a contact).
    """
    interest = ReuseInterest(
        solution=solution,
        name=name,
        email=email,
        organisation=organisation,
        message=message,
        language=language,
    )
    interest.full_clean()
    interest.save()
    audit_log_create(
        actor=None, action="solution.interest.create", target=interest, solution=solution.pk
    )
    transaction.on_commit(lambda: send_reuse_interest_mail.enqueue(interest.pk))
    return interest


@transaction.atomic
def solution_sync(*, solution: Solution, actor=None) -> Solution:
    """After an edit outside the services (the admin's forms and inlines): make the
    current status follow the history, recount reuses and rebuild the search vectors.

    Side effects: a first StatusChange when the history is empty; Solution.status,
    status_since and reuse_count; the search vectors; cached public pages go stale after
    commit; an audit row.
    """
    latest = StatusChange.objects.filter(solution=solution).order_by("-date").first()
    if latest is None:
        latest = StatusChange.objects.create(
            solution=solution, status=solution.status, date=solution.status_since
        )
    solution.status = latest.status
    solution.status_since = latest.date
    solution.save(update_fields=["status", "status_since"])
    _reuse_count_refresh(solution)
    solution_search_refresh(solution_ids=[solution.pk])
    content_changed()
    audit_log_create(actor=actor, action="solution.change", target=solution)
    return solution
