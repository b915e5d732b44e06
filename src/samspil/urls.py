from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from samspil.api.api import api
from samspil.core import views as core_views

handler500 = "samspil.core.views.server_error"

urlpatterns = [
    path("health/", core_views.health, name="health"),
    path("api/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", RedirectView.as_view(pattern_name="events:list"), name="home"),
    path("", include("samspil.events.urls")),
    path("", include("samspil.registrations.urls")),
    path("", include("samspil.dialogue.urls")),
    path("", include("samspil.billing.urls")),  # before the desk: it has /desk/invoices/
    path("", include("samspil.people.urls")),
    path("", include("samspil.networks.urls")),  # before the desk: it has /desk/networks/
    path("", include("samspil.solutions.urls")),
    path("privacy/", include("samspil.privacy.urls")),
    path("desk/", include("samspil.registrations.desk_urls")),
    path("admin/", admin.site.urls),
)
