from django.urls import path

from samspil.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.request_data, name="request"),
    path("sent/", views.sent, name="sent"),
    path("open/<str:token>/", views.open_link, name="open"),
    path("data/", views.data, name="data"),
    path("data.json", views.data_json, name="data_json"),
    path("erase/", views.erase, name="erase"),
]
