from django.urls import path

from samspil.networks import views

app_name = "networks"

DESK = "desk/networks/"

urlpatterns = [
    path("networks/", views.network_list, name="list"),
    path("networks/<slug:slug>/", views.network_detail, name="detail"),
    path("networks/<slug:slug>/apply/", views.apply, name="apply"),
    # Members, signed in.
    path("members/", views.members, name="members"),
    path(
        "members/memberships/<int:pk>/<str:action>/",
        views.membership_action,
        name="membership_action",
    ),
    path("members/pairs/<int:pk>/met/", views.pair_met, name="pair_met"),
    path("members/<slug:slug>/directory/", views.directory, name="directory"),
    path("members/<slug:slug>/meetings/", views.meetings, name="meetings"),
    path(
        "members/<slug:slug>/meetings/<int:pk>/register/",
        views.meeting_register,
        name="meeting_register",
    ),
    # Organisers.
    path(DESK, views.desk_networks, name="desk_index"),
    path(DESK + "<slug:slug>/", views.desk_network, name="desk_network"),
    path(DESK + "<slug:slug>/meetings/", views.desk_meetings, name="desk_meetings"),
    path(
        DESK + "<slug:slug>/applications/<int:pk>/",
        views.desk_application,
        name="desk_application",
    ),
]
