from django.urls import path

from samspil.people import views

app_name = "people"

urlpatterns = [
    path("signin/", views.signin, name="signin"),
    path("signin/sent/", views.signin_sent, name="signin_sent"),
    path("signin/link/<str:token>/", views.signin_link, name="signin_link"),
    path("signout/", views.signout, name="signout"),
]
