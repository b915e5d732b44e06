"""Samspil's URLs plus `/bench/trivial/`: a view that does nothing but answer "ok".

It runs through the same middleware as every page (sessions, locale, CSRF, CSP)
and touches no database, so its rate is the ceiling of the stack it runs on.
"""

from django.http import HttpResponse
from django.urls import path

from samspil.urls import urlpatterns as samspil_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *samspil_urlpatterns]
