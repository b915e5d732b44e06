import pytest

from tests.servers import free_port

pytestmark = pytest.mark.django_db


def test_health_checks_database_cache_and_queue(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    body = response.json()
    assert body["status"] == "ok"
    assert sorted(body["checks"]) == ["cache", "database", "queue"]
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["queue"]["detail"] == "DatabaseBackend"


def test_health_is_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nobody listens there
        }
    }

    response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["cache"]["error"].startswith("ConnectionError")


def test_health_lives_outside_the_language_prefixes(client):
    assert client.get("/en/health/").status_code == 404


def test_every_response_tells_the_server_time(client):
    response = client.get("/health/")

    name, duration = response["Server-Timing"].split(";dur=")
    assert name == "app"
    assert float(duration) >= 0
