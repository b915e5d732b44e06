"""Views that belong to no app: the health check and the error pages of the production profile."""

import logging
import sys
import time

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error
from django_tasks import task_backends

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10


def database_unavailable(request, exception: Exception) -> HttpResponse:
    """The translated "try again" page for a request that lost the database (503).

    Rendered without context processors or sessions, so that it needs no database.
    """
    logger.warning("Database unavailable for %s %s: %s", request.method, request.path, exception)
    # Django closes the broken connection when the request finishes (close_old_connections);
    # the next request connects afresh.
    body = render_to_string("core/unavailable.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request) -> HttpResponse:
    """handler500: a lost database anywhere in the request gets the 503 page, else the 500."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_unavailable(request, error)
    return django_server_error(request)


def _check(check) -> dict:
    start = time.perf_counter()
    try:
        detail = check()
    except Exception as error:  # any failure fails the check, and says why
        return {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    result = {"ok": True, "ms": round(1000 * (time.perf_counter() - start), 1)}
    if detail:
        result["detail"] = detail
    return result


def _database(alias: str):
    def check():
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()

    return check


def _cache():
    key = "samspil:health"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was stored")


def _queue() -> str:
    backend = task_backends["default"]
    name = type(backend).__name__
    if name == "RQBackend":
        import django_rq  # noqa: PLC0415 (installed only with REDIS_URL)

        django_rq.get_connection().ping()
    elif name == "DatabaseBackend":
        from django_tasks_db.models import DBTaskResult  # noqa: PLC0415

        DBTaskResult.objects.exists()
    return name


@never_cache
def health(request) -> JsonResponse:
    """Database (primary and any replica), cache and task queue: 200 when all answer, else 503."""
    checks = {"database": _check(_database("default"))}
    if "replica" in settings.DATABASES:
        checks["database_replica"] = _check(_database("replica"))
    checks["cache"] = _check(_cache)
    checks["queue"] = _check(_queue)
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
