from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = i18n_patterns(
    path("", RedirectView.as_view(pattern_name="events:list"), name="home"),
    path("", include("samspil.events.urls")),
    path("", include("samspil.registrations.urls")),
    path("", include("samspil.dialogue.urls")),
    path("desk/", include("samspil.registrations.desk_urls")),
    path("admin/", admin.site.urls),
)
