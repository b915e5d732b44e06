"""Reads of the live dialogue screens, each with a fixed number of queries."""

import hashlib
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from samspil.dialogue.models import (
    BreakoutGroup,
    BreakoutRound,
    GroupMember,
    LiveNote,
    Output,
    QuestionStatus,
    RoundStatus,
    SpeakerQuestion,
    Vote,
)
from samspil.events.models import Event
from samspil.people.models import RoleCategory
from samspil.registrations.models import Registration

BOARD_NOTES = 100


def fingerprint(*rows: object) -> str:
    """A short digest of what a live list shows, so a poll can answer "unchanged"."""
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


# Breakout rounds -------------------------------------------------------------


def event_rounds(*, event: Event) -> list[BreakoutRound]:
    """The event's rounds, newest first, with `group_count` and `member_count`. One query."""
    return list(
        event.breakout_rounds.select_related("site")
        .annotate(
            group_count=Count("groups", distinct=True),
            member_count=Count("members", distinct=True),
        )
        .order_by("-created_at", "-pk")
    )


def _members() -> QuerySet[GroupMember]:
    return GroupMember.objects.select_related("registration").order_by(
        "registration__name", "registration_id"
    )


def event_round(*, event: Event, pk: int) -> BreakoutRound:
    """One round of the event with its groups and their members; 404 otherwise. Three queries."""
    return get_object_or_404(
        BreakoutRound.objects.select_related("site").prefetch_related(
            Prefetch(
                "groups",
                queryset=BreakoutGroup.objects.order_by("number").prefetch_related(
                    Prefetch("members", queryset=_members())
                ),
            )
        ),
        event=event,
        pk=pk,
    )


@dataclass(frozen=True)
class GroupMix:
    """Who a group brings together: people per role, and how many organisations."""

    roles: list[tuple[str, int]]
    organisations: int
    size: int


def group_mix(group: BreakoutGroup) -> GroupMix:
    """The mix of a group whose members (with registrations) are prefetched."""
    registrations = [member.registration for member in group.members.all()]
    counts = Counter(registration.role_category for registration in registrations)
    roles = [(label, counts[value]) for value, label in RoleCategory.choices if counts[value]]
    organisations = {
        registration.organisation.strip().casefold()
        for registration in registrations
        if registration.organisation.strip()
    }
    return GroupMix(roles=roles, organisations=len(organisations), size=len(registrations))


def zoom_rows(*, breakout_round: BreakoutRound) -> list[tuple[int, str]]:
    """(group number, e-mail) of every member, by group and name. One query."""
    return list(
        breakout_round.members.order_by(
            "group__number", "registration__name", "registration_id"
        ).values_list("group__number", "registration__email")
    )


def participant_memberships(*, registration: Registration) -> list[GroupMember]:
    """The registrant's place in each published round of their event, oldest round first,
    with the fellow members of each group as `group.member_list`. Two queries."""
    return list(
        GroupMember.objects.filter(
            registration=registration,
            round__event_id=registration.event_id,
            round__status=RoundStatus.PUBLISHED,
        )
        .select_related("round", "group")
        .prefetch_related(Prefetch("group__members", queryset=_members(), to_attr="member_list"))
        .order_by("round__published_at", "round_id")
    )


def participant_group(*, registration: Registration) -> BreakoutGroup | None:
    """The registrant's group in the latest published round of their event, if any."""
    member = (
        GroupMember.objects.filter(
            registration=registration,
            round__event_id=registration.event_id,
            round__status=RoundStatus.PUBLISHED,
        )
        .select_related("group__round")
        .order_by("-round__published_at", "-round_id")
        .first()
    )
    return member.group if member else None


# Questions -------------------------------------------------------------------


def event_questions(
    *,
    event: Event,
    statuses: list[str] | None = None,
    voter: Registration | None = None,
) -> list[SpeakerQuestion]:
    """The event's questions, most votes first, then oldest first. One query.

    Each has `vote_count`, and `voted` (whether `voter` voted for it) when a voter is given.
    """
    questions = (
        event.speaker_questions.select_related("author", "group__round")
        .annotate(vote_count=Count("votes"))
        .order_by("-vote_count", "created_at", "pk")
    )
    if statuses is not None:
        questions = questions.filter(status__in=statuses)
    if voter is not None:
        questions = questions.annotate(
            voted=Exists(Vote.objects.filter(question=OuterRef("pk"), registration=voter))
        )
    return list(questions)


VISIBLE_TO_PARTICIPANTS = [
    QuestionStatus.OPEN,
    QuestionStatus.APPROVED,
    QuestionStatus.ANSWERED,
]


def questions_fingerprint(questions: list[SpeakerQuestion]) -> str:
    return fingerprint(
        *(
            (q.pk, q.status, q.vote_count, q.text, getattr(q, "voted", None), q.group_id)
            for q in questions
        )
    )


# Live board and outputs ----------------------------------------------------------


def event_notes(*, event: Event, limit: int = BOARD_NOTES) -> list[LiveNote]:
    """The event's latest live notes, newest first, with site and author. One query."""
    return list(
        LiveNote.objects.filter(event=event)
        .select_related("site", "author")
        .order_by("-created_at", "-pk")[:limit]
    )


def notes_fingerprint(notes: list[LiveNote]) -> str:
    return fingerprint(*((note.pk, note.text, note.site_id) for note in notes))


def event_outputs(*, event: Event) -> list[Output]:
    """The event's recorded outputs, newest first, with their site. One query."""
    return list(
        Output.objects.filter(event=event).select_related("site").order_by("-created_at", "-pk")
    )
