import pytest
from django.urls import reverse

from samspil.core.models import AuditLog
from samspil.dialogue import selectors, services
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
from samspil.registrations.models import RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory, SiteFactory, StaffFactory

pytestmark = pytest.mark.django_db

ROLES = ["politician", "manager", "employee", "front_line"]


@pytest.fixture
def staff():
    return StaffFactory(username="moderator")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def cafe(count: int, **event_fields):
    event = EventFactory(**event_fields)
    for n in range(count):
        RegistrationFactory(
            event=event,
            name=f"Participant {n:02}",
            role_category=ROLES[n % len(ROLES)],
            organisation=f"Kommune {n % 3}",
        )
    return event


def hand_made_round(event, groups: list[list], *, published: bool = True) -> BreakoutRound:
    """A round with the given members per group, as if formed and published."""
    breakout_round = BreakoutRound.objects.create(
        event=event,
        title="Dialogue",
        source="confirmed",
        group_size=len(groups[0]),
        status=RoundStatus.PUBLISHED if published else RoundStatus.DRAFT,
    )
    for number, registrations in enumerate(groups, start=1):
        group = BreakoutGroup.objects.create(round=breakout_round, number=number)
        for registration in registrations:
            GroupMember.objects.create(round=breakout_round, group=group, registration=registration)
    return breakout_round


# Access ------------------------------------------------------------------------------

DESK_PAGES = [
    ("dialogue:rounds", {}),
    ("dialogue:round", {"pk": "round"}),
    ("dialogue:round_zoom", {"pk": "round"}),
    ("dialogue:moderator_questions", {}),
    ("dialogue:moderator_questions_list", {}),
    ("dialogue:questions_projector", {}),
    ("dialogue:questions_projector_list", {}),
    ("dialogue:board", {}),
    ("dialogue:board_notes", {}),
    ("dialogue:board_projector", {}),
    ("dialogue:board_projector_notes", {}),
]
DESK_ACTIONS = [
    ("dialogue:round_move", {"pk": "round"}),
    ("dialogue:round_publish", {"pk": "round"}),
    ("dialogue:question_status", {"pk": "question"}),
    ("dialogue:output_create", {}),
]


@pytest.fixture
def desk_objects():
    event = cafe(4, slug="cafe")
    breakout_round = hand_made_round(event, [list(event.registrations.all())])
    question = SpeakerQuestion.objects.create(
        event=event, author=event.registrations.first(), text="Why?"
    )
    return {"round": breakout_round.pk, "question": question.pk}


def desk_url(name, kwargs, objects):
    return reverse(name, kwargs={"slug": "cafe", **{k: objects[v] for k, v in kwargs.items()}})


@pytest.mark.parametrize(("name", "kwargs"), DESK_PAGES)
def test_desk_pages_are_for_staff_only(client, django_user_model, desk_objects, name, kwargs):
    url = desk_url(name, kwargs, desk_objects)

    anonymous = client.get(url)
    client.force_login(django_user_model.objects.create_user("participant"))
    not_staff = client.get(url)
    client.force_login(django_user_model.objects.create_user("cohost", is_staff=True))
    staff_without_sites = client.get(url)
    client.force_login(StaffFactory(username="host"))
    staff = client.get(url)

    assert anonymous.status_code == 302
    assert anonymous["Location"] == f"/en/admin/login/?next={url}"
    assert not_staff.status_code == 403
    assert staff_without_sites.status_code == 404
    assert staff.status_code == 200
    assert staff["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize(("name", "kwargs"), DESK_ACTIONS)
def test_desk_actions_are_for_staff_only(client, django_user_model, desk_objects, name, kwargs):
    url = desk_url(name, kwargs, desk_objects)

    anonymous = client.post(url, {"status": "hidden"})
    client.force_login(django_user_model.objects.create_user("participant"))
    not_staff = client.post(url, {"status": "hidden"})

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/en/admin/login/")
    assert not_staff.status_code == 403
    assert BreakoutRound.objects.get().status == RoundStatus.PUBLISHED
    assert SpeakerQuestion.objects.get().status == QuestionStatus.OPEN
    assert Output.objects.count() == 0


def test_desk_unknown_event_round_or_question_is_404(staff_client, desk_objects):
    assert staff_client.get("/en/desk/events/nope/rounds/").status_code == 404
    other_event_round = hand_made_round(cafe(2), [[]])
    for url in [
        f"/en/desk/events/cafe/rounds/{other_event_round.pk}/",
        "/en/desk/events/cafe/rounds/99999/zoom.csv",
    ]:
        assert staff_client.get(url).status_code == 404
    assert staff_client.post("/en/desk/events/cafe/rounds/99999/publish/").status_code == 404
    assert (
        staff_client.post("/en/desk/events/cafe/questions/99999/status/", {"status": "hidden"})
    ).status_code == 404


# Breakout rounds -----------------------------------------------------------------------


def test_forming_a_round_creates_groups_and_opens_them(staff_client):
    event = cafe(8, slug="cafe")

    response = staff_client.post(
        "/en/desk/events/cafe/rounds/",
        {"title": "Dialogue in small groups", "source": "confirmed", "group_size": "4"},
    )

    breakout_round = BreakoutRound.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/desk/events/cafe/rounds/{breakout_round.pk}/"
    assert (breakout_round.event, breakout_round.title, breakout_round.status) == (
        event,
        "Dialogue in small groups",
        RoundStatus.DRAFT,
    )
    assert [group.members.count() for group in breakout_round.groups.all()] == [4, 4]
    page = staff_client.get(response["Location"])
    assert page.status_code == 200
    assert (
        f"Diversity {breakout_round.diversity:.0f} "
        f"(a random split: {breakout_round.random_diversity:.0f})"
    ) in page.text
    assert "2 groups formed. Check them, then publish the round." in page.text


def test_forming_a_round_for_one_site(staff_client):
    event = EventFactory(slug="workshop")
    copenhagen, aalborg = SiteFactory(event=event), SiteFactory(event=event)
    here = [RegistrationFactory(event=event, site=copenhagen) for _ in range(4)]
    RegistrationFactory(event=event, site=aalborg)

    staff_client.post(
        "/en/desk/events/workshop/rounds/",
        {"title": "", "site": str(copenhagen.pk), "source": "confirmed", "group_size": "2"},
    )

    breakout_round = BreakoutRound.objects.get()
    assert breakout_round.site == copenhagen
    assert sorted(m.registration_id for m in breakout_round.members.all()) == [r.pk for r in here]


@pytest.mark.parametrize(
    ("participants", "data", "message"),
    [
        (0, {"group_size": "4"}, "There are not enough participants to form groups (0)."),
        (1, {"group_size": "4"}, "There are not enough participants to form groups (1)."),
        (
            0,
            {"group_size": "4", "source": "checked_in"},
            "There are not enough participants to form groups (0).",
        ),
        (6, {"group_size": "1"}, "Ensure this value is greater than or equal to 2."),
        (6, {"group_size": ""}, "This field is required."),
        (6, {"group_size": "4", "site": "999"}, "Select a valid choice."),
        (6, {"group_size": "4", "source": "everyone"}, "Select a valid choice."),
    ],
)
def test_forming_a_round_with_bad_input_explains_and_creates_nothing(
    staff_client, participants, data, message
):
    event = cafe(participants, slug="cafe")
    SiteFactory(event=event), SiteFactory(event=event)

    response = staff_client.post(
        "/en/desk/events/cafe/rounds/", {"title": "", "source": "confirmed", **data}
    )

    assert response.status_code == 400
    assert message in response.text
    assert BreakoutRound.objects.count() == 0


def test_round_page_shows_each_groups_mix(staff_client):
    event = cafe(0, slug="cafe")
    a = RegistrationFactory(event=event, name="Anja", role_category="politician", organisation="X")
    b = RegistrationFactory(event=event, name="Bo", role_category="employee", organisation="x ")
    c = RegistrationFactory(event=event, name="Cai", role_category="employee", organisation="Y")
    breakout_round = hand_made_round(event, [[a, b, c]], published=False)

    response = staff_client.get(f"/en/desk/events/cafe/rounds/{breakout_round.pk}/")

    mixes = [mix for _group, mix in response.context["groups"]]
    assert mixes == [
        selectors.GroupMix(roles=[("Politician", 1), ("Employee", 2)], organisations=2, size=3)
    ]
    assert "3 people · 2 organisations · Politician: 1, Employee: 2" in response.text


def test_moving_a_member_by_hand(staff_client, staff):
    event = cafe(4, slug="cafe")
    first, second = list(event.registrations.all()[:2]), list(event.registrations.all()[2:])
    breakout_round = hand_made_round(event, [first, second], published=False)
    group_two = breakout_round.groups.get(number=2)

    response = staff_client.post(
        f"/en/desk/events/cafe/rounds/{breakout_round.pk}/move/",
        {"registration": first[0].pk, "group": group_two.pk},
    )

    assert response.status_code == 302
    assert GroupMember.objects.get(registration=first[0]).group == group_two
    breakout_round.refresh_from_db()
    assert breakout_round.diversity == pytest.approx(
        services.grouping.grouping_objective(
            services.dissimilarity([first[1], first[0], *second]), [[0], [1, 2, 3]]
        )
    )
    assert AuditLog.objects.filter(action="breakout_round.move", actor=staff).count() == 1


def test_moving_to_an_unknown_group_or_person_is_404_and_changes_nothing(staff_client):
    event = cafe(4, slug="cafe")
    registrations = list(event.registrations.all())
    breakout_round = hand_made_round(event, [registrations[:2], registrations[2:]])
    other_round = hand_made_round(event, [[registrations[0]]])
    url = f"/en/desk/events/cafe/rounds/{breakout_round.pk}/move/"
    stranger = RegistrationFactory(event=event)

    for data in [
        {"registration": registrations[0].pk, "group": 99999},
        {"registration": registrations[0].pk, "group": other_round.groups.get().pk},
        {"registration": stranger.pk, "group": breakout_round.groups.get(number=2).pk},
        {"registration": "x", "group": ""},
    ]:
        assert staff_client.post(url, data).status_code == 404
    assert GroupMember.objects.get(round=breakout_round, registration=registrations[0]).group == (
        breakout_round.groups.get(number=1)
    )


def test_publishing_a_round(staff_client, staff):
    event = cafe(4, slug="cafe")
    breakout_round = hand_made_round(event, [list(event.registrations.all())], published=False)

    response = staff_client.post(f"/en/desk/events/cafe/rounds/{breakout_round.pk}/publish/")

    breakout_round.refresh_from_db()
    assert response.status_code == 302
    assert breakout_round.status == RoundStatus.PUBLISHED
    assert AuditLog.objects.filter(action="breakout_round.publish", actor=staff).count() == 1


def test_zoom_csv_lists_every_participant_with_their_room(staff_client, staff):
    event = EventFactory(slug="cafe")
    people = {
        name: RegistrationFactory(event=event, name=name, email=f"{name.lower()}@example.dk")
        for name in ["Anja", "Bo", "Cai", "Dina", "Esben"]
    }
    breakout_round = hand_made_round(
        event,
        [[people["Dina"], people["Anja"]], [people["Esben"], people["Cai"], people["Bo"]]],
    )

    response = staff_client.get(f"/en/desk/events/cafe/rounds/{breakout_round.pk}/zoom.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="cafe-round-{breakout_round.pk}-zoom.csv"'
    )
    assert response.content.decode() == (
        "Pre-assign Room Name,Email Address\r\n"
        "Group 1,anja@example.dk\r\n"
        "Group 1,dina@example.dk\r\n"
        "Group 2,bo@example.dk\r\n"
        "Group 2,cai@example.dk\r\n"
        "Group 2,esben@example.dk\r\n"
    )
    log = AuditLog.objects.get(action="breakout_round.export_zoom")
    assert (log.actor, log.target_id, log.data) == (staff, breakout_round.pk, {"rows": 5})


# The personal page ---------------------------------------------------------------------


def test_personal_page_shows_only_ones_own_group_of_published_rounds(client):
    event = EventFactory()
    anja, bo, cai, dina = (
        RegistrationFactory(event=event, name=name, organisation=f"{name} Kommune")
        for name in ["Anja", "Bo", "Cai", "Dina"]
    )
    hand_made_round(event, [[anja, bo], [cai, dina]])
    hand_made_round(event, [[anja, cai], [bo, dina]], published=False)

    response = client.get(f"/en/r/{anja.token}/")

    memberships = response.context["sections"][0][1]["memberships"]
    assert [[m.registration.name for m in ms.group.member_list] for ms in memberships] == [
        ["Anja", "Bo"]
    ]
    assert "Dialogue: you are in group 1" in response.text
    assert "Bo Kommune" in response.text
    assert "Cai" not in response.text
    assert f'href="/en/r/{anja.token}/questions/"' in response.text


def test_personal_page_has_no_dialogue_unless_confirmed(client):
    event = EventFactory()
    waiting = RegistrationFactory(
        event=event, status=RegistrationStatus.WAITING, waiting_since="2030-01-01T00:00Z"
    )
    hand_made_round(event, [[waiting, RegistrationFactory(event=event)]])

    response = client.get(f"/en/r/{waiting.token}/")

    assert response.context["sections"] == []
    assert "/questions/" not in response.text


@pytest.mark.parametrize("people", [2, 12])
def test_personal_page_queries_do_not_grow_with_the_group(
    client, django_assert_num_queries, people
):
    event = EventFactory()
    registrations = [RegistrationFactory(event=event) for _ in range(people)]
    hand_made_round(event, [registrations])
    hand_made_round(event, [registrations])

    with django_assert_num_queries(4):
        client.get(f"/en/r/{registrations[0].token}/")


# Questions: participants --------------------------------------------------------------


def test_asking_a_question(client):
    registration = RegistrationFactory()

    response = client.post(
        f"/en/r/{registration.token}/questions/", {"text": "  How do we start?  "}
    )

    question = SpeakerQuestion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/r/{registration.token}/questions/"
    assert (question.author, question.text, question.group) == (
        registration,
        "How do we start?",
        None,
    )
    assert "Thank you: your question is on the list." in client.get(response["Location"]).text


def test_asking_on_behalf_of_ones_group_in_a_published_round(client):
    event = EventFactory()
    anja, bo = RegistrationFactory(event=event), RegistrationFactory(event=event)
    breakout_round = hand_made_round(event, [[anja, bo]])

    page = client.get(f"/en/r/{anja.token}/questions/")
    client.post(f"/en/r/{anja.token}/questions/", {"text": "Ours", "for_group": "on"})

    assert "Ask on behalf of my group (group 1)" in page.text
    assert SpeakerQuestion.objects.get().group == breakout_round.groups.get()


def test_no_group_choice_without_a_published_round(client):
    event = EventFactory()
    anja, bo = RegistrationFactory(event=event), RegistrationFactory(event=event)
    hand_made_round(event, [[anja, bo]], published=False)

    page = client.get(f"/en/r/{anja.token}/questions/")
    client.post(f"/en/r/{anja.token}/questions/", {"text": "Mine", "for_group": "on"})

    assert "on behalf of my group" not in page.text
    assert SpeakerQuestion.objects.get().group is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Write a question first."),
        ("   \n ", "Write a question first."),
        ("x" * 501, "A question can be at most 500 characters long."),
        ("x" * 100_000, "A question can be at most 500 characters long."),
    ],
)
def test_bad_question_is_explained_and_changes_nothing(client, text, message):
    registration = RegistrationFactory()

    response = client.post(f"/en/r/{registration.token}/questions/", {"text": text})

    assert response.status_code == 400
    assert message in response.text
    assert SpeakerQuestion.objects.count() == 0


def test_only_confirmed_participants_ask(client):
    waiting = RegistrationFactory(
        status=RegistrationStatus.WAITING, waiting_since="2030-01-01T00:00Z"
    )

    page = client.get(f"/en/r/{waiting.token}/questions/")
    response = client.post(f"/en/r/{waiting.token}/questions/", {"text": "Me too?"})

    assert "Only confirmed participants of this event can ask and vote." in page.text
    assert response.status_code == 400
    assert SpeakerQuestion.objects.count() == 0


def test_voting_once_and_twice(client):
    event = EventFactory()
    author, voter = RegistrationFactory(event=event), RegistrationFactory(event=event)
    question = services.speaker_question_create(registration=author, text="Why?")
    url = f"/en/r/{voter.token}/questions/{question.pk}/vote/"

    first = client.post(url, follow=True)
    second = client.post(url, follow=True)

    assert Vote.objects.filter(question=question).count() == 1
    assert "Thank you: your vote is counted." in first.text
    assert "You have already voted for this question." in second.text
    assert "You voted for this question." in second.text


def test_forged_links_and_other_events_questions_are_404(client):
    registration = RegistrationFactory()
    elsewhere = services.speaker_question_create(registration=RegistrationFactory(), text="?")

    for url in [
        "/en/r/forged-token/questions/",
        "/en/r/forged-token/questions/list/",
        f"/en/r/{registration.token}/questions/99999/vote/",
        f"/en/r/{registration.token}/questions/{elsewhere.pk}/vote/",
    ]:
        method = client.post if url.endswith("/vote/") else client.get
        assert method(url).status_code == 404
    assert client.post(f"/en/r/forged-token/questions/{elsewhere.pk}/vote/").status_code == 404
    assert Vote.objects.count() == 0


def test_participants_see_questions_by_votes_without_hidden_ones(client, staff):
    event = EventFactory()
    people = [RegistrationFactory(event=event) for _ in range(3)]
    few = services.speaker_question_create(registration=people[0], text="Few votes")
    many = services.speaker_question_create(registration=people[0], text="Many votes")
    hidden = services.speaker_question_create(registration=people[0], text="Rude")
    for person in people[1:]:
        services.vote_create(question=many, registration=person)
    services.speaker_question_set_status(question=hidden, status="hidden", actor=staff)

    response = client.get(f"/en/r/{people[0].token}/questions/")

    assert [q.text for q in response.context["questions"]] == [many.text, few.text]
    assert "Rude" not in response.text
    assert "2 votes" in response.text


def test_question_poll_answers_204_until_something_changes(client):
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    services.speaker_question_create(registration=registration, text="First")
    url = f"/en/r/{registration.token}/questions/list/"

    page = client.get(f"/en/r/{registration.token}/questions/")
    fragment = client.get(url, headers={"HX-Request": "true"})
    version = page.context["version"]
    same = client.get(url, {"v": version}, headers={"HX-Request": "true"})
    services.speaker_question_create(registration=registration, text="Second")
    changed = client.get(url, {"v": version}, headers={"HX-Request": "true"})

    assert fragment.status_code == 200
    assert fragment.text.startswith('<div id="question-list"')
    assert f'hx-get="{url}?v={version}"' in fragment.text
    assert 'hx-trigger="every 3s"' in fragment.text
    assert "<html" not in fragment.text
    assert same.status_code == 204
    assert same.content == b""
    assert changed.status_code == 200
    assert "Second" in changed.text
    assert changed.context["version"] != version


@pytest.mark.parametrize("count", [1, 15])
def test_participant_questions_queries_are_constant(client, django_assert_num_queries, count):
    event = EventFactory()
    people = [RegistrationFactory(event=event) for _ in range(3)]
    hand_made_round(event, [people])
    for n in range(count):
        question = services.speaker_question_create(registration=people[n % 3], text=f"Q{n}")
        services.vote_create(question=question, registration=people[1])

    with django_assert_num_queries(4):
        client.get(f"/en/r/{people[0].token}/questions/")
    with django_assert_num_queries(3):
        client.get(f"/en/r/{people[0].token}/questions/list/")


# Questions: the moderator -----------------------------------------------------------


def test_moderator_sees_all_questions_by_votes_then_time(staff_client, staff):
    event = EventFactory(slug="cafe")
    people = [RegistrationFactory(event=event) for _ in range(3)]
    older = services.speaker_question_create(registration=people[0], text="Older")
    newer = services.speaker_question_create(registration=people[0], text="Newer")
    voted = services.speaker_question_create(registration=people[0], text="Voted")
    hidden = services.speaker_question_create(registration=people[0], text="Hidden")
    services.vote_create(question=voted, registration=people[1])
    services.speaker_question_set_status(question=hidden, status="hidden", actor=staff)

    response = staff_client.get("/en/desk/events/cafe/questions/")

    assert [q.text for q in response.context["questions"]] == [
        voted.text,
        older.text,
        newer.text,
        hidden.text,
    ]
    assert 'aria-live="polite"' in response.text


@pytest.mark.parametrize("status", ["approved", "answered", "hidden", "open"])
def test_moderator_sets_a_questions_status(staff_client, staff, status):
    event = EventFactory(slug="cafe")
    question = services.speaker_question_create(
        registration=RegistrationFactory(event=event), text="?"
    )

    response = staff_client.post(
        f"/en/desk/events/cafe/questions/{question.pk}/status/", {"status": status}
    )

    question.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/en/desk/events/cafe/questions/"
    assert question.status == status
    assert AuditLog.objects.filter(action="speaker_question.status", actor=staff).count() == 1


def test_moderator_unknown_status_changes_nothing(staff_client):
    event = EventFactory(slug="cafe")
    question = services.speaker_question_create(
        registration=RegistrationFactory(event=event), text="?"
    )

    response = staff_client.post(
        f"/en/desk/events/cafe/questions/{question.pk}/status/", {"status": "famous"}, follow=True
    )

    question.refresh_from_db()
    assert question.status == QuestionStatus.OPEN
    assert "Unknown status." in response.text


def test_question_of_another_event_is_404_for_the_moderator(staff_client):
    EventFactory(slug="cafe")
    elsewhere = services.speaker_question_create(registration=RegistrationFactory(), text="?")

    response = staff_client.post(
        f"/en/desk/events/cafe/questions/{elsewhere.pk}/status/", {"status": "hidden"}
    )

    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == QuestionStatus.OPEN


def test_projector_shows_approved_questions_only(staff_client, staff):
    event = EventFactory(slug="cafe")
    author = RegistrationFactory(event=event)
    approved = services.speaker_question_create(registration=author, text="Put to the speakers")
    services.speaker_question_create(registration=author, text="Not yet")
    services.speaker_question_set_status(question=approved, status="approved", actor=staff)

    response = staff_client.get("/en/desk/events/cafe/questions/projector/")

    assert [q.text for q in response.context["questions"]] == ["Put to the speakers"]
    assert "Not yet" not in response.text
    assert "<form" not in response.text


@pytest.mark.parametrize("count", [1, 15])
def test_moderator_question_screens_queries_are_constant(
    staff_client, django_assert_num_queries, count
):
    event = EventFactory(slug="cafe")
    people = [RegistrationFactory(event=event) for _ in range(3)]
    breakout_round = hand_made_round(event, [people])
    for n in range(count):
        question = services.speaker_question_create(
            registration=people[0], text=f"Q{n}", group=breakout_round.groups.get()
        )
        services.vote_create(question=question, registration=people[1])
        question.status = "approved"
        question.save()

    for url, queries in [
        ("/en/desk/events/cafe/questions/", 7),
        ("/en/desk/events/cafe/questions/list/", 7),
        ("/en/desk/events/cafe/questions/projector/", 7),
        ("/en/desk/events/cafe/questions/projector/list/", 7),
    ]:
        with django_assert_num_queries(queries):
            assert staff_client.get(url).status_code == 200


# Rounds: query counts ---------------------------------------------------------------
# A desk request costs four queries before the page's own: session, user, and the
# user's and their groups' permissions (for the desk scope).


@pytest.mark.parametrize("count", [1, 6])
def test_round_screens_queries_are_constant(staff_client, django_assert_num_queries, count):
    event = cafe(4 * count, slug="cafe")
    registrations = list(event.registrations.all())
    rounds = [
        hand_made_round(event, [registrations[i::count] for i in range(count)])
        for _ in range(count)
    ]

    with django_assert_num_queries(7):
        staff_client.get("/en/desk/events/cafe/rounds/")
    with django_assert_num_queries(9):
        staff_client.get(f"/en/desk/events/cafe/rounds/{rounds[0].pk}/")


# The live board and outputs -----------------------------------------------------------


@pytest.fixture
def workshop():
    event = EventFactory(slug="workshop")
    SiteFactory(event=event, name={"en": "Copenhagen"}, order=1)
    SiteFactory(event=event, name={"en": "Aalborg"}, order=2)
    return event


def test_posting_a_note_to_the_board(staff_client, staff, workshop):
    aalborg = workshop.sites.get(order=2)

    response = staff_client.post(
        "/en/desk/events/workshop/board/",
        {"note-site": aalborg.pk, "note-text": "Business case vs policy case"},
    )
    board = staff_client.get("/en/desk/events/workshop/board/")

    note = LiveNote.objects.get()
    assert response.status_code == 302
    assert (note.site, note.text, note.author) == (aalborg, "Business case vs policy case", staff)
    assert [n.text for n in board.context["notes"]] == ["Business case vs policy case"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"note-text": ""}, "Write a note first."),
        ({"note-text": "x" * 1001}, "A note can be at most 1000 characters long."),
        ({"note-text": "Hi", "note-site": "other"}, "Select a valid choice."),
    ],
)
def test_bad_note_is_explained_and_changes_nothing(staff_client, workshop, data, message):
    other_site = SiteFactory()
    data = {"note-site": workshop.sites.first().pk, **data}
    if data["note-site"] == "other":
        data["note-site"] = other_site.pk

    response = staff_client.post("/en/desk/events/workshop/board/", data)

    assert response.status_code == 400
    assert message in response.text
    assert LiveNote.objects.count() == 0


def test_board_poll_shows_new_notes(staff_client, staff, workshop):
    copenhagen = workshop.sites.get(order=1)
    page = staff_client.get("/en/desk/events/workshop/board/")
    version = page.context["version"]
    url = "/en/desk/events/workshop/board/notes/"

    same = staff_client.get(url, {"v": version})
    services.live_note_create(event=workshop, site=copenhagen, text="Hello Aalborg", actor=staff)
    changed = staff_client.get(url, {"v": version})
    projector = staff_client.get("/en/desk/events/workshop/board/projector/notes/")

    assert same.status_code == 204
    assert changed.status_code == 200
    assert changed.text.startswith('<div id="board-notes"')
    assert "Hello Aalborg" in changed.text
    assert [(site.pk, [n.text for n in notes]) for site, notes in projector.context["columns"]] == [
        (copenhagen.pk, ["Hello Aalborg"]),
        (workshop.sites.get(order=2).pk, []),
    ]


def test_recording_an_output(staff_client, staff, workshop):
    copenhagen = workshop.sites.get(order=1)

    response = staff_client.post(
        "/en/desk/events/workshop/board/outputs/",
        {
            "output-title": "Policy case template",
            "output-description": "A one-page policy case next to the business case.",
            "output-site": copenhagen.pk,
            "output-contributors": "Gentofte, Furesø",
        },
    )
    board = staff_client.get("/en/desk/events/workshop/board/")

    output = Output.objects.get()
    assert response.status_code == 302
    assert (output.title, output.site, output.contributors, output.created_by) == (
        "Policy case template",
        copenhagen,
        "Gentofte, Furesø",
        staff,
    )
    assert [o.title for o in board.context["outputs"]] == ["Policy case template"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"output-title": " "}, "Give the result a title."),
        ({"output-title": "x" * 201}, "Ensure this value has at most 200 characters"),
        ({"output-title": "Ok", "output-description": "x" * 5001}, "at most 5000 characters"),
    ],
)
def test_bad_output_is_explained_and_changes_nothing(staff_client, workshop, data, message):
    response = staff_client.post("/en/desk/events/workshop/board/outputs/", data)

    assert response.status_code == 400
    assert message in response.text
    assert Output.objects.count() == 0


@pytest.mark.parametrize("count", [1, 12])
def test_board_queries_are_constant(
    staff_client, staff, django_assert_num_queries, workshop, count
):
    sites = list(workshop.sites.all())
    for n in range(count):
        services.live_note_create(event=workshop, site=sites[n % 2], text=f"N{n}", actor=staff)
        services.output_create(
            event=workshop,
            site=sites[n % 2],
            title=f"O{n}",
            description="",
            contributors="",
            actor=staff,
        )

    for url, queries in [
        ("/en/desk/events/workshop/board/", 8),
        ("/en/desk/events/workshop/board/notes/", 7),
        ("/en/desk/events/workshop/board/projector/", 7),
        ("/en/desk/events/workshop/board/projector/notes/", 7),
    ]:
        with django_assert_num_queries(queries):
            assert staff_client.get(url).status_code == 200
