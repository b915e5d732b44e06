"""Middleware of the production profile."""

import time

from django.db import InterfaceError, OperationalError

from samspil.core.views import database_unavailable


class ServerTimingMiddleware:
    """`Server-Timing: app;dur=<ms>`: the time Django spent on the request, for benchmarks
    and the browser's developer tools. First in MIDDLEWARE so it measures all the others."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={1000 * (time.perf_counter() - start):.1f}"
        return response


class DatabaseUnavailableMiddleware:
    """A view that loses the database answers a translated "try again" page (503).

    When PostgreSQL restarts or fails over, a request gets OperationalError or
    InterfaceError; nothing of it was committed, so the visitor can safely send
    the form again. The connection is dropped and, with CONN_HEALTH_CHECKS, the
    next request opens a fresh one: the app recovers without a restart. Errors
    raised outside views (e.g. by the session middleware) reach `handler500`,
    which answers the same page (`samspil.core.views.server_error`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return database_unavailable(request, exception)
        return None
