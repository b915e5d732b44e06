"""With REDIS_URL the cache is Redis: rate limits and the page cache count there, shared
by every process. Runs against a throwaway redis-server (Debian's)."""

import pytest
from django.core.cache import caches

from samspil.core import pagecache
from samspil.core.ratelimit import RateLimited, hit
from tests.servers import redis_server


@pytest.fixture
def redis_cache(tmp_path, settings):
    with redis_server(tmp_path) as url:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
            }
        }
        yield url


def test_rate_limits_count_in_redis(redis_cache):
    for _ in range(3):
        hit("test-scope", "198.51.100.7", "3/m", now=1_000_000.0)

    with pytest.raises(RateLimited) as limited:
        hit("test-scope", "198.51.100.7", "3/m", now=1_000_000.0)

    assert limited.value.retry_after == 21
    hit("test-scope", "198.51.100.8", "3/m", now=1_000_000.0)  # another address counts apart


def test_page_cache_versions_count_in_redis(redis_cache):
    before = pagecache._version(pagecache.CONTENT_VERSION_KEY)

    pagecache._bump(pagecache.CONTENT_VERSION_KEY)

    assert pagecache._version(pagecache.CONTENT_VERSION_KEY) == before + 1
    assert type(caches["default"]).__name__ == "RedisCache"


@pytest.mark.django_db
def test_health_checks_the_redis_cache(redis_cache, client):
    assert client.get("/health/").json()["checks"]["cache"]["ok"] is True
