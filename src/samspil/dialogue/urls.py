from django.urls import path

from samspil.dialogue import views

app_name = "dialogue"

DESK = "desk/events/<slug:slug>/"

urlpatterns = [
    # Organisers and moderators.
    path(DESK + "rounds/", views.rounds, name="rounds"),
    path(DESK + "rounds/<int:pk>/", views.round_detail, name="round"),
    path(DESK + "rounds/<int:pk>/move/", views.round_move, name="round_move"),
    path(DESK + "rounds/<int:pk>/publish/", views.round_publish, name="round_publish"),
    path(DESK + "rounds/<int:pk>/zoom.csv", views.round_zoom_csv, name="round_zoom"),
    path(DESK + "questions/", views.moderator_questions, name="moderator_questions"),
    path(DESK + "questions/list/", views.moderator_questions_list, name="moderator_questions_list"),
    path(DESK + "questions/<int:pk>/status/", views.question_status, name="question_status"),
    path(DESK + "questions/projector/", views.questions_projector, name="questions_projector"),
    path(
        DESK + "questions/projector/list/",
        views.questions_projector_list,
        name="questions_projector_list",
    ),
    path(DESK + "board/", views.board, name="board"),
    path(DESK + "board/notes/", views.board_notes, name="board_notes"),
    path(DESK + "board/outputs/", views.output_create, name="output_create"),
    path(DESK + "board/projector/", views.board_projector, name="board_projector"),
    path(
        DESK + "board/projector/notes/", views.board_projector_notes, name="board_projector_notes"
    ),
    # Participants, through their personal link.
    path("r/<str:token>/questions/", views.participant_questions, name="questions"),
    path("r/<str:token>/questions/list/", views.participant_questions_list, name="questions_list"),
    path("r/<str:token>/questions/<int:pk>/vote/", views.vote, name="vote"),
]
