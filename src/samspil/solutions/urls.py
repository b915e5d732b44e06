from django.urls import path

from samspil.solutions import views

app_name = "solutions"

urlpatterns = [
    path("solutions/", views.solution_list, name="list"),
    path("solutions/export.<str:fmt>", views.solution_export, name="export"),
    path("solutions/statistics/", views.statistics, name="statistics"),
    path("solutions/statistics/<str:chart>.csv", views.statistics_csv, name="statistics_csv"),
    path("solutions/import/", views.import_upload, name="import"),
    path("solutions/import/<int:pk>/", views.import_preview, name="import_preview"),
    path("solutions/import/<int:pk>/accept/", views.import_accept, name="import_accept"),
    path("solutions/from-output/<int:pk>/", views.solution_from_output, name="from_output"),
    path("solutions/<slug:slug>/", views.solution_detail, name="detail"),
    path("solutions/<slug:slug>/interest/", views.solution_interest, name="interest"),
    path("solutions/<slug:slug>/reuses/", views.reuse_create, name="reuse_create"),
    path("solutions/<slug:slug>/attachments/<int:pk>/", views.attachment, name="attachment"),
]
