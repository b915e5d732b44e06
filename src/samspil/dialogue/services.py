"""Live dialogue use cases: breakout rounds, questions and votes, live notes, outputs."""

from collections.abc import Sequence
from itertools import combinations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samspil import grouping
from samspil.core.services import audit_log_create
from samspil.dialogue.models import (
    NOTE_MAX_LENGTH,
    OUTPUT_DESCRIPTION_MAX_LENGTH,
    OUTPUT_TITLE_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    BreakoutGroup,
    BreakoutRound,
    GroupMember,
    LiveNote,
    Output,
    ParticipantSource,
    QuestionStatus,
    RoundStatus,
    SpeakerQuestion,
    Vote,
)
from samspil.events.models import Event, Site
from samspil.registrations.models import Registration, RegistrationStatus

# How much each kind of difference counts when mixing a group: mixing roles
# (politicians with front-line staff) matters most, then organisations, then places.
DIVERSITY_WEIGHTS = {"role": 3.0, "organisation": 2.0, "region": 1.0}
GROUPING_SECONDS = 1.0


def round_participants(*, event: Event, site: Site | None, source: str) -> list[Registration]:
    """Who is grouped: confirmed (or checked-in) registrations of the event or site."""
    registrations = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    if site is not None:
        registrations = registrations.filter(site=site)
    if source == ParticipantSource.CHECKED_IN:
        registrations = registrations.filter(checked_in_at__isnull=False)
    return list(registrations.order_by("pk"))


def dissimilarity(registrations: Sequence[Registration]):
    """The engine's matrix: how different each pair of participants is."""
    people = [
        {
            "role": registration.role_category,
            "organisation": registration.organisation.strip().casefold() or None,
            "region": registration.municipality.strip().casefold() or None,
        }
        for registration in registrations
    ]
    return grouping.dissimilarity_from_attributes(people, DIVERSITY_WEIGHTS)


def _pairs_met(
    event: Event, participants: Sequence[Registration], *, besides: BreakoutRound | None = None
) -> set[tuple[int, int]]:
    """Pairs of participants (by index) who shared a group in another round of the event."""
    index = {registration.pk: i for i, registration in enumerate(participants)}
    groups: dict[int, list[int]] = {}
    memberships = (
        GroupMember.objects.filter(round__event=event, registration_id__in=index)
        .exclude(round=besides)
        .values_list("group_id", "registration_id")
    )
    for group_id, registration_id in memberships:
        groups.setdefault(group_id, []).append(index[registration_id])
    return {pair for people in groups.values() for pair in combinations(sorted(people), 2)}


def breakout_round_create(
    *,
    event: Event,
    site: Site | None,
    title: str,
    group_size: int,
    source: str = ParticipantSource.CONFIRMED,
    seed: int = 0,
    time_limit: float = GROUPING_SECONDS,
    actor,
) -> BreakoutRound:
    """Form diverse groups from the participants and keep them as a draft round.

    When the event has earlier rounds, nobody meets someone they were grouped
    with before where that is possible (and as few pairs as possible otherwise).

    Side effects: the round, its groups and members, an audit row. Raises
    ValidationError, creating nothing, when there is nobody or too few to group.
    """
    if site is not None and site.event_id != event.pk:
        raise ValidationError(_("Choose one of this event's sites."), code="site")
    if group_size < 2:
        raise ValidationError(_("A group needs at least two people."), code="group_size")
    participants = round_participants(event=event, site=site, source=source)
    if len(participants) < 2:
        raise ValidationError(
            _("There are not enough participants to form groups (%(count)s).")
            % {"count": len(participants)},
            code="too_few",
        )
    matrix = dissimilarity(participants)
    earlier = _pairs_met(event, participants)
    try:
        if earlier:
            # Later rounds first keep people who met from meeting again, then mix.
            planned = grouping.rounds_without_repeats(
                len(participants),
                rounds=1,
                group_size=group_size,
                earlier=earlier,
                dissimilarity=matrix,
                time_limit=time_limit,
                seed=seed,
            )
            groups, repeated_pairs = planned.rounds[0], planned.repeats
        else:
            groups = grouping.diverse_groups(
                matrix, group_size=group_size, time_limit=time_limit, seed=seed
            ).groups
            repeated_pairs = 0
        random_diversity = grouping.random_split_objective(matrix, group_size=group_size, seed=seed)
    except grouping.GroupingError as error:
        raise ValidationError(
            _("These groups cannot be formed: %(reason)s") % {"reason": error}, code="grouping"
        ) from error

    with transaction.atomic():
        breakout_round = BreakoutRound.objects.create(
            event=event,
            site=site,
            title=title.strip() or _("Group dialogue"),
            source=source,
            group_size=group_size,
            diversity=grouping.grouping_objective(matrix, groups),
            random_diversity=random_diversity,
            repeated_pairs=repeated_pairs,
        )
        for number, indices in enumerate(groups, start=1):
            group = BreakoutGroup.objects.create(round=breakout_round, number=number)
            GroupMember.objects.bulk_create(
                GroupMember(round=breakout_round, group=group, registration=participants[i])
                for i in indices
            )
        audit_log_create(
            actor=actor,
            action="breakout_round.create",
            target=breakout_round,
            people=len(participants),
        )
    return breakout_round


def _update_scores(breakout_round: BreakoutRound) -> None:
    """Recompute diversity and repeated pairs after a change by hand."""
    members = list(
        breakout_round.members.select_related("registration").order_by("registration_id")
    )
    participants = [member.registration for member in members]
    groups: dict[int, list[int]] = {}
    for i, member in enumerate(members):
        groups.setdefault(member.group_id, []).append(i)
    earlier = _pairs_met(breakout_round.event, participants, besides=breakout_round)
    breakout_round.diversity = grouping.grouping_objective(
        dissimilarity(participants), list(groups.values())
    )
    breakout_round.repeated_pairs = sum(
        pair in earlier for people in groups.values() for pair in combinations(people, 2)
    )
    breakout_round.save(update_fields=["diversity", "repeated_pairs"])


def breakout_member_move(
    *, breakout_round: BreakoutRound, registration: Registration, group: BreakoutGroup, actor
) -> GroupMember:
    """Move one participant to another group of the same round, by hand."""
    if group.round_id != breakout_round.pk:
        raise ValidationError(_("Choose a group of this round."), code="group")
    with transaction.atomic():
        member = (
            GroupMember.objects.select_for_update()
            .filter(round=breakout_round, registration=registration)
            .first()
        )
        if member is None:
            raise ValidationError(_("This person is not in the round."), code="member")
        member.group = group
        member.save(update_fields=["group"])
        _update_scores(breakout_round)
        audit_log_create(
            actor=actor,
            action="breakout_round.move",
            target=breakout_round,
            registration=registration.pk,
        )
    return member


def breakout_round_publish(*, breakout_round: BreakoutRound, actor) -> BreakoutRound:
    """Participants see their group from now on."""
    if breakout_round.status == RoundStatus.PUBLISHED:
        return breakout_round
    breakout_round.status = RoundStatus.PUBLISHED
    breakout_round.published_at = timezone.now()
    breakout_round.save(update_fields=["status", "published_at"])
    audit_log_create(actor=actor, action="breakout_round.publish", target=breakout_round)
    return breakout_round


def _check_participant(registration: Registration, event: Event) -> None:
    if registration.event_id != event.pk or registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError(
            _("Only confirmed participants of this event can take part."), code="not_participant"
        )


def _clean_text(text: str, *, max_length: int, empty: str, too_long: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ValidationError(empty, code="empty")
    if len(text) > max_length:
        raise ValidationError(too_long % {"max": max_length}, code="too_long")
    return text


def speaker_question_create(
    *, registration: Registration, text: str, group: BreakoutGroup | None = None
) -> SpeakerQuestion:
    """A participant (for themselves or their group) asks the speakers a question."""
    event = registration.event
    _check_participant(registration, event)
    text = _clean_text(
        text,
        max_length=QUESTION_MAX_LENGTH,
        empty=_("Write a question first."),
        too_long=_("A question can be at most %(max)s characters long."),
    )
    if group is not None and not (
        group.round.status == RoundStatus.PUBLISHED
        and group.members.filter(registration=registration).exists()
    ):
        raise ValidationError(_("You can only ask on behalf of your own group."), code="group")
    return SpeakerQuestion.objects.create(event=event, author=registration, group=group, text=text)


def vote_create(*, question: SpeakerQuestion, registration: Registration) -> Vote:
    """One vote per participant per question."""
    _check_participant(registration, question.event)
    if question.status == QuestionStatus.HIDDEN:
        raise ValidationError(_("This question is no longer open for votes."), code="hidden")
    try:
        with transaction.atomic():
            return Vote.objects.create(question=question, registration=registration)
    except IntegrityError as error:
        raise ValidationError(
            _("You have already voted for this question."), code="twice"
        ) from error


def speaker_question_set_status(
    *, question: SpeakerQuestion, status: str, actor
) -> SpeakerQuestion:
    """The moderator approves, answers or hides a question."""
    if status not in QuestionStatus.values:
        raise ValidationError(_("Unknown status."), code="status")
    question.status = status
    question.save(update_fields=["status"])
    audit_log_create(actor=actor, action="speaker_question.status", target=question, status=status)
    return question


def live_note_create(*, event: Event, site: Site, text: str, actor) -> LiveNote:
    """A site's host shares what the site is working on with the other sites."""
    if site.event_id != event.pk:
        raise ValidationError(_("Choose one of this event's sites."), code="site")
    text = _clean_text(
        text,
        max_length=NOTE_MAX_LENGTH,
        empty=_("Write a note first."),
        too_long=_("A note can be at most %(max)s characters long."),
    )
    return LiveNote.objects.create(event=event, site=site, author=actor, text=text)


def output_create(
    *, event: Event, site: Site | None, title: str, description: str, contributors: str, actor
) -> Output:
    """Record a workshop result, to be taken forward (e.g. into the solution library)."""
    if site is not None and site.event_id != event.pk:
        raise ValidationError(_("Choose one of this event's sites."), code="site")
    title = " ".join(title.split())
    if not title:
        raise ValidationError(_("Give the result a title."), code="title")
    if len(title) > OUTPUT_TITLE_MAX_LENGTH:
        raise ValidationError(
            _("A title can be at most %(max)s characters long.") % {"max": OUTPUT_TITLE_MAX_LENGTH},
            code="too_long",
        )
    if len(description) > OUTPUT_DESCRIPTION_MAX_LENGTH:
        raise ValidationError(
            _("A description can be at most %(max)s characters long.")
            % {"max": OUTPUT_DESCRIPTION_MAX_LENGTH},
            code="too_long",
        )
    output = Output.objects.create(
        event=event,
        site=site,
        title=title,
        description=description.strip(),
        contributors=contributors.strip(),
        created_by=actor,
    )
    audit_log_create(actor=actor, action="output.create", target=output)
    return output
