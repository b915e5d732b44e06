from django.urls import path

from samspil.registrations import views

app_name = "registrations"

urlpatterns = [
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("r/<str:token>/", views.personal, name="personal"),
    path("r/<str:token>/calendar.ics", views.personal_ics, name="ics"),
    path("r/<str:token>/cancel/", views.personal_action, {"action": "cancel"}, name="cancel"),
    path("r/<str:token>/accept/", views.personal_action, {"action": "accept"}, name="accept"),
    path("r/<str:token>/confirm/", views.personal_action, {"action": "confirm"}, name="confirm"),
]
