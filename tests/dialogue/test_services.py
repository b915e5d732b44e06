import pytest
from django.core.exceptions import ValidationError

from samspil import grouping
from samspil.dialogue import services
from samspil.dialogue.models import GroupMember, QuestionStatus, RoundStatus, SpeakerQuestion
from samspil.registrations.models import RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory, SiteFactory

pytestmark = pytest.mark.django_db

ROLES = ["politician", "manager", "employee", "front_line"]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("moderator", is_staff=True)


def cafe_with_participants(count: int, **event_fields):
    """Participants from four organisations in four roles, registered in a block per role."""
    event = EventFactory(**event_fields)
    for n in range(count):
        RegistrationFactory(
            event=event,
            role_category=ROLES[n * len(ROLES) // count],
            organisation=f"Kommune {n % 4}",
            municipality=f"Region {n % 2}",
        )
    return event


def test_round_forms_balanced_diverse_groups(staff):
    event = cafe_with_participants(24)

    breakout_round = services.breakout_round_create(
        event=event, site=None, title="Dialogue", group_size=4, actor=staff, time_limit=0.5
    )

    groups = [
        sorted(member.registration.role_category for member in group.members.all())
        for group in breakout_round.groups.prefetch_related("members__registration")
    ]
    assert [len(group) for group in groups] == [4] * 6
    # Every group mixes all four roles: the best split possible here.
    assert all(group == sorted(ROLES) for group in groups)
    assert breakout_round.diversity > breakout_round.random_diversity
    assert breakout_round.status == RoundStatus.DRAFT


def stored_objective(breakout_round) -> float:
    """The engine's objective of the groups as stored, computed from scratch."""
    members = list(
        breakout_round.members.select_related("registration").order_by("registration_id")
    )
    index = {m.registration_id: i for i, m in enumerate(members)}
    groups = [
        [index[m.registration_id] for m in members if m.group_id == group_id]
        for group_id in {m.group_id for m in members}
    ]
    matrix = services.dissimilarity([m.registration for m in members])
    return grouping.grouping_objective(matrix, groups)


def test_round_diversity_is_the_engines_objective_of_the_stored_groups(staff):
    event = cafe_with_participants(10)

    breakout_round = services.breakout_round_create(
        event=event, site=None, title="", group_size=3, actor=staff, time_limit=0.2
    )

    assert breakout_round.diversity == pytest.approx(stored_objective(breakout_round))
    assert breakout_round.title == "Group dialogue"


def test_round_only_groups_confirmed_participants_of_the_site(staff):
    event = EventFactory()
    copenhagen, aalborg = SiteFactory(event=event), SiteFactory(event=event)
    here = [RegistrationFactory(event=event, site=copenhagen) for _ in range(4)]
    RegistrationFactory(event=event, site=aalborg)
    RegistrationFactory(
        event=event,
        site=copenhagen,
        status=RegistrationStatus.WAITING,
        waiting_since="2030-01-01T00:00Z",
    )

    breakout_round = services.breakout_round_create(
        event=event, site=copenhagen, title="", group_size=2, actor=staff, time_limit=0.1
    )

    assert sorted(m.registration_id for m in breakout_round.members.all()) == [r.pk for r in here]


@pytest.mark.parametrize(
    ("count", "group_size", "code"), [(0, 4, "too_few"), (1, 4, "too_few"), (5, 1, "group_size")]
)
def test_round_refuses_impossible_requests_and_creates_nothing(staff, count, group_size, code):
    event = cafe_with_participants(count) if count else EventFactory()

    with pytest.raises(ValidationError) as error:
        services.breakout_round_create(
            event=event, site=None, title="", group_size=group_size, actor=staff
        )

    assert error.value.code == code
    assert event.breakout_rounds.count() == 0


def test_move_by_hand_updates_the_diversity(staff):
    event = cafe_with_participants(8)
    breakout_round = services.breakout_round_create(
        event=event, site=None, title="", group_size=4, actor=staff, time_limit=0.2
    )
    first, second = breakout_round.groups.all()
    member = first.members.first()

    services.breakout_member_move(
        breakout_round=breakout_round, registration=member.registration, group=second, actor=staff
    )

    breakout_round.refresh_from_db()
    assert GroupMember.objects.get(pk=member.pk).group == second
    assert [group.members.count() for group in breakout_round.groups.all()] == [3, 5]
    assert breakout_round.diversity == pytest.approx(stored_objective(breakout_round))


def test_publish_round(staff):
    event = cafe_with_participants(4)
    breakout_round = services.breakout_round_create(
        event=event, site=None, title="", group_size=2, actor=staff, time_limit=0.1
    )

    services.breakout_round_publish(breakout_round=breakout_round, actor=staff)
    published_at = breakout_round.published_at
    services.breakout_round_publish(breakout_round=breakout_round, actor=staff)

    assert (breakout_round.status, breakout_round.published_at) == (
        RoundStatus.PUBLISHED,
        published_at,
    )


def test_question_and_votes():
    event = EventFactory()
    author, voter = RegistrationFactory(event=event), RegistrationFactory(event=event)

    question = services.speaker_question_create(registration=author, text="  How do   we start? ")
    services.vote_create(question=question, registration=voter)
    services.vote_create(question=question, registration=author)

    assert question.text == "How do we start?"
    assert question.votes.count() == 2
    with pytest.raises(ValidationError) as twice:
        services.vote_create(question=question, registration=voter)
    assert twice.value.code == "twice"
    assert question.votes.count() == 2


@pytest.mark.parametrize(
    ("text", "code"), [("", "empty"), ("   \n ", "empty"), ("x" * 501, "too_long")]
)
def test_bad_question_is_refused(text, code):
    registration = RegistrationFactory()

    with pytest.raises(ValidationError) as error:
        services.speaker_question_create(registration=registration, text=text)

    assert error.value.code == code
    assert SpeakerQuestion.objects.count() == 0


def test_only_confirmed_participants_of_the_event_ask_and_vote():
    event = EventFactory()
    question = services.speaker_question_create(
        registration=RegistrationFactory(event=event), text="Why?"
    )
    outsider = RegistrationFactory()
    waiting = RegistrationFactory(
        event=event, status=RegistrationStatus.WAITING, waiting_since="2030-01-01T00:00Z"
    )

    for registration in [outsider, waiting]:
        with pytest.raises(ValidationError):
            services.vote_create(question=question, registration=registration)
    with pytest.raises(ValidationError):
        services.speaker_question_create(registration=waiting, text="Me too?")


def test_question_on_behalf_of_a_group_needs_membership(staff):
    event = cafe_with_participants(4)
    breakout_round = services.breakout_round_create(
        event=event, site=None, title="", group_size=2, actor=staff, time_limit=0.1
    )
    first, second = breakout_round.groups.all()
    member = first.members.first().registration
    with pytest.raises(ValidationError):  # a draft round's groups are not known yet
        services.speaker_question_create(registration=member, text="Early", group=first)
    services.breakout_round_publish(breakout_round=breakout_round, actor=staff)

    question = services.speaker_question_create(registration=member, text="Ours", group=first)

    assert question.group == first
    with pytest.raises(ValidationError):
        services.speaker_question_create(registration=member, text="Theirs", group=second)


def test_hidden_question_takes_no_votes(staff):
    event = EventFactory()
    question = services.speaker_question_create(
        registration=RegistrationFactory(event=event), text="Hm"
    )
    services.speaker_question_set_status(
        question=question, status=QuestionStatus.HIDDEN, actor=staff
    )

    with pytest.raises(ValidationError):
        services.vote_create(question=question, registration=RegistrationFactory(event=event))


@pytest.mark.parametrize(("title", "description"), [("x" * 201, ""), ("Title", "x" * 5001)])
def test_output_too_long_is_refused(staff, title, description):
    event = EventFactory()

    with pytest.raises(ValidationError) as error:
        services.output_create(
            event=event,
            site=None,
            title=title,
            description=description,
            contributors="",
            actor=staff,
        )

    assert error.value.code == "too_long"
    assert event.outputs.count() == 0


def test_live_note_and_output_belong_to_the_events_sites(staff):
    event = EventFactory()
    site = SiteFactory(event=event)
    other = SiteFactory()

    note = services.live_note_create(
        event=event, site=site, text=" Business case vs policy case ", actor=staff
    )
    output = services.output_create(
        event=event,
        site=site,
        title="Policy case template",
        description="",
        contributors="",
        actor=staff,
    )

    assert (note.text, output.title) == ("Business case vs policy case", "Policy case template")
    for call in [
        lambda: services.live_note_create(event=event, site=other, text="x", actor=staff),
        lambda: services.live_note_create(event=event, site=site, text=" ", actor=staff),
        lambda: services.output_create(
            event=event, site=site, title=" ", description="", contributors="", actor=staff
        ),
    ]:
        with pytest.raises(ValidationError):
            call()


def test_later_round_keeps_people_from_meeting_again(staff):
    event = cafe_with_participants(9)
    first = services.breakout_round_create(
        event=event, site=None, title="", group_size=3, actor=staff, time_limit=0.2
    )

    second = services.breakout_round_create(
        event=event, site=None, title="", group_size=3, actor=staff, time_limit=1.0
    )

    def pairs(breakout_round):
        return {
            frozenset((a.registration_id, b.registration_id))
            for group in breakout_round.groups.prefetch_related("members")
            for a in group.members.all()
            for b in group.members.all()
            if a.registration_id < b.registration_id
        }

    assert len(pairs(first)) == len(pairs(second)) == 9
    assert pairs(first) & pairs(second) == set()
    assert second.repeated_pairs == 0
    assert second.diversity == pytest.approx(stored_objective(second))


def test_moving_someone_back_together_counts_the_repeat(staff):
    event = cafe_with_participants(4)
    first = services.breakout_round_create(
        event=event, site=None, title="", group_size=2, actor=staff, time_limit=0.1
    )
    second = services.breakout_round_create(
        event=event, site=None, title="", group_size=2, actor=staff, time_limit=0.5
    )
    a, b = (member.registration for member in first.groups.first().members.all())
    target = second.members.get(registration=b).group

    services.breakout_member_move(breakout_round=second, registration=a, group=target, actor=staff)

    second.refresh_from_db()
    assert (first.repeated_pairs, second.repeated_pairs) == (0, 1)
