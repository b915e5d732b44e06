"""The organiser's desk, under /<language>/desk/ (see samspil.registrations.desk)."""

from django.urls import path

from samspil.registrations import desk

app_name = "desk"

urlpatterns = [
    path("", desk.index, name="index"),
    path("<slug:slug>/", desk.event, name="event"),
    path("<slug:slug>/participants/", desk.participants, name="participants"),
    path("<slug:slug>/participants.csv", desk.export_csv, name="export_csv"),
    path("<slug:slug>/participants.xlsx", desk.export_xlsx, name="export_xlsx"),
    path("<slug:slug>/waiting-list/", desk.waiting_list, name="waiting"),
    path("<slug:slug>/registrations/<int:pk>/promote/", desk.promote, name="promote"),
    path("<slug:slug>/registrations/<int:pk>/cancel/", desk.cancel, name="cancel"),
    path("<slug:slug>/mail/", desk.mail, name="mail"),
    path("<slug:slug>/check-in/", desk.check_in, name="check_in"),
]
