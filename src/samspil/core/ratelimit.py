"""Rate limits on the cache: fixed windows counted with `cache.add` + `cache.incr`.

One counter per (scope, key, window). Crossing the limit answers 429 with a
translated page (`templates/429.html`) and a Retry-After header; the API turns
`RateLimited` into its JSON error body. The cache must be shared by every
process for the limits to be exact (Redis in production, see settings); with
the per-process memory cache each process counts on its own.

Rates are "count/period" with period s, m, h or d (e.g. "5/h") and can be
changed per scope in `settings.SAMSPIL_RATE_LIMITS`; `SAMSPIL_RATE_LIMITS_ENABLED`
switches them all off (benchmarks that post thousands of registrations).
"""

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, rate: str) -> "Rate":
        count, _slash, period = rate.partition("/")
        number = period[:-1] or "1"
        return cls(int(count), int(number) * PERIODS[period[-1]])


class RateLimited(Exception):  # noqa: N818 (it is what the caller catches, not an error)
    """Too many requests; `retry_after` seconds until the window ends."""

    def __init__(self, scope: str, retry_after: int):
        super().__init__(scope)
        self.scope = scope
        self.retry_after = retry_after


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind SAMSPIL_TRUSTED_PROXIES proxies, the entry the first
    of them appended to X-Forwarded-For; entries before it are the client's own claims."""
    proxies = settings.SAMSPIL_TRUSTED_PROXIES
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key_value(request: HttpRequest, key: str, kwargs: dict) -> str:
    if key == "ip":
        return client_ip(request)
    if key == "user":
        user = getattr(request, "user", None)
        return f"user:{user.pk}" if user and user.is_authenticated else client_ip(request)
    if key.startswith("post:"):
        return request.POST.get(key[5:], "").strip().lower()
    if key.startswith("kwarg:"):
        return str(kwargs.get(key[6:], ""))
    raise ValueError(f"Unknown rate limit key {key!r}")


def rate_for(scope: str, default: str) -> Rate:
    return Rate.parse(getattr(settings, "SAMSPIL_RATE_LIMITS", {}).get(scope, default))


def hit(scope: str, value: str, rate: str, now: float | None = None) -> None:
    """Count one request of `value` (an address, a user, an e-mail) in `scope`;
    raise RateLimited once the rate is crossed. Empty values are not counted."""
    if not getattr(settings, "SAMSPIL_RATE_LIMITS_ENABLED", True) or not value:
        return
    limit = rate_for(scope, rate)
    now = time.time() if now is None else now
    window = int(now // limit.seconds)
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    cache_key = f"rl:{scope}:{digest}:{window}"
    # add() only creates; incr() is atomic on Redis and memcached (and locked in LocMem).
    cache.add(cache_key, 0, timeout=limit.seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=limit.seconds + 1)
        count = 1
    if count > limit.count:
        raise RateLimited(scope, retry_after=int(limit.seconds - now % limit.seconds) + 1)


def too_many_requests(request: HttpRequest, error: RateLimited) -> HttpResponse:
    minutes = -(-error.retry_after // 60)
    response = render(request, "429.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(error.retry_after)
    return response


def ratelimit(
    scope: str, *, rate: str, key: str = "ip", methods: Iterable[str] = ("POST",)
) -> Callable:
    """Limit a view: at most `rate` requests per `key` for the given methods; beyond
    it, the translated 429 page. Keys: "ip", "user", "post:<form field>" or
    "kwarg:<URL argument>" (e.g. a personal token, when many share one address)."""
    methods = frozenset(methods)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method in methods:
                try:
                    hit(scope, _key_value(request, key, kwargs), rate)
                except RateLimited as error:
                    return too_many_requests(request, error)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def axes_client_ip(request: HttpRequest, *args) -> str:
    """django-axes counts failed logins per the same address the rate limits use."""
    return client_ip(request)


def axes_lockout(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked-out login: our translated page, 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "axes_lockout.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes},
        status=429,
    )
