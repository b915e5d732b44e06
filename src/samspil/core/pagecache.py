"""Whole-page cache for public read pages, per language, invalidated on change.

A cached page's key holds a content version: one for everything public
(`content_changed`, bumped by saves of events, sites, agenda items, roles,
people and organisations) and one per event (`event_changed`, bumped by
registration changes, which alter the seats left). Bumps happen after commit,
so a reader never caches the old rows under the new version. Pages expire after
`SAMSPIL_PAGE_CACHE_SECONDS` anyway, which bounds what depends on the clock
alone (an event moving from upcoming to past, a registration deadline passing).

Only anonymous GET/HEAD requests read or fill the cache. A page is not stored
when the response sets a cookie or uses a CSRF token, when there are messages
to show, or for signed-in users (staff see their own view of a page).
With the default per-process LocMem cache each gunicorn worker invalidates only
its own copies (others catch up within the timeout); with `REDIS_URL` all share one.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation

CONTENT_VERSION_KEY = "samspil:pages:content"
EVENT_VERSION_KEY = "samspil:pages:event:{}"


def _version(key: str) -> int:
    version = cache.get(key)
    if version is None:
        # A fresh start, never reused: pages cached under an evicted version stay unreachable.
        cache.add(key, time.time_ns(), None)
        version = cache.get(key, 0)
    return version


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, time.time_ns(), None)


def content_changed() -> None:
    """Public content changed: every cached public page is stale once this commits."""
    transaction.on_commit(lambda: _bump(CONTENT_VERSION_KEY))


def event_changed(slug: str) -> None:
    """One event's figures (its seats) changed: its cached page is stale once this commits."""
    transaction.on_commit(lambda: _bump(EVENT_VERSION_KEY.format(slug)))


def content_cached(name: str, compute: Callable[[], object], timeout: int = 300):
    """A figure derived from public content (e.g. the cities of events), cached until
    the content changes (`content_changed`) or `timeout` seconds pass."""
    key = f"samspil:derived:{name}:{_version(CONTENT_VERSION_KEY)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _page_key(request, event_slug: str | None) -> str:
    versions = [str(_version(CONTENT_VERSION_KEY))]
    if event_slug:
        versions.append(str(_version(EVENT_VERSION_KEY.format(event_slug))))
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    language = translation.get_language()
    return f"samspil:page:{language}:{request.method}:{address}:{'.'.join(versions)}"


def _may_use_cache(request) -> bool:
    if request.method not in {"GET", "HEAD"} or request.headers.get("HX-Request"):
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    return not len(get_messages(request))


def _may_store(request, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and not response.has_header("Set-Cookie")
    )


def cache_public_page(event_slug_kwarg: str | None = None) -> Callable:
    """Cache a public view's page; `event_slug_kwarg` names the URL argument of the event
    whose seat figures the page shows."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            seconds = settings.SAMSPIL_PAGE_CACHE_SECONDS
            if seconds <= 0 or not _may_use_cache(request):
                return view(request, *args, **kwargs)
            key = _page_key(request, kwargs.get(event_slug_kwarg) if event_slug_kwarg else None)
            stored = cache.get(key)
            if stored is not None:
                content, content_type = stored
                response = HttpResponse(content, content_type=content_type)
                response["X-Page-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if _may_store(request, response):
                cache.set(key, (response.content, response["Content-Type"]), seconds)
                response["X-Page-Cache"] = "miss"
            return response

        return wrapped

    return decorator
