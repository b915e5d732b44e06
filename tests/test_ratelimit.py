"""Rate limits: crossing one answers 429 with a translated page, and changes nothing."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from samspil.core.ratelimit import Rate, RateLimited, client_ip, hit
from samspil.dialogue.models import SpeakerQuestion
from samspil.privacy.models import DataRequest
from samspil.registrations.models import Registration
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _limited(settings, scope: str, rate: str) -> None:
    settings.SAMSPIL_RATE_LIMITS = {scope: rate}


def _assert_translated_429(response, language: str) -> None:
    assert response.status_code == 429
    assert response["Content-Language"] == language
    with translation.override(language):
        heading = gettext("Too many requests")
    assert f"<h1>{heading}</h1>" in response.content.decode()
    assert int(response["Retry-After"]) > 0


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [
        ("5/h", Rate(5, 3600)),
        ("20/10m", Rate(20, 600)),
        ("1/s", Rate(1, 1)),
        ("3/d", Rate(3, 86400)),
    ],
)
def test_rate_parse(rate, parsed):
    assert Rate.parse(rate) == parsed


def test_hit_counts_per_window():
    hit("test", "a", "2/m", now=60.0)
    hit("test", "a", "2/m", now=61.0)
    with pytest.raises(RateLimited) as error:
        hit("test", "a", "2/m", now=62.0)
    assert error.value.retry_after == 59
    hit("test", "b", "2/m", now=62.0)  # another key counts on its own
    hit("test", "a", "2/m", now=120.0)  # the next window starts afresh


def test_hit_switched_off(settings):
    settings.SAMSPIL_RATE_LIMITS_ENABLED = False
    for _ in range(5):
        hit("test", "a", "1/m")


def test_registration_limit_gives_429_in_danish(client, settings):
    _limited(settings, "register", "2/h")
    EventFactory(slug="cafe")
    for number in range(2):
        client.post(
            "/da/events/cafe/register/",
            {"name": "Anja", "email": f"a{number}@example.dk", "role_category": "politician"},
        )

    response = client.post(
        "/da/events/cafe/register/",
        {"name": "Anja", "email": "a3@example.dk", "role_category": "politician"},
    )

    _assert_translated_429(response, "da")
    assert Registration.objects.count() == 2
    assert client.get("/da/events/cafe/register/").status_code == 200  # reading stays open


def test_signin_link_limit_per_address_gives_429_in_french(client, settings):
    _limited(settings, "signin_email", "2/h")
    for _ in range(2):
        assert client.post("/fr/signin/", {"email": "x@example.org"}).status_code == 302

    response = client.post("/fr/signin/", {"email": "X@example.org"})

    _assert_translated_429(response, "fr")


def test_question_limit_per_participant_gives_429_in_dutch(client, settings):
    _limited(settings, "question", "2/h")
    registration = RegistrationFactory()
    path = f"/nl/r/{registration.token}/questions/"
    for number in range(2):
        client.post(path, {"text": f"Question {number}?"})

    response = client.post(path, {"text": "One too many?"})

    _assert_translated_429(response, "nl")
    assert SpeakerQuestion.objects.count() == 2


def test_privacy_request_limit_gives_429(client, settings):
    _limited(settings, "privacy_request", "2/h")
    for number in range(2):
        client.post("/en/privacy/", {"email": f"p{number}@example.org"})

    response = client.post("/en/privacy/", {"email": "p3@example.org"})

    _assert_translated_429(response, "en")
    assert DataRequest.objects.count() == 2


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "10.0.0.1"),  # no proxy: the header is the client's claim
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # a forged first entry is ignored
        (2, "198.51.100.1, 203.0.113.7", "198.51.100.1"),
        (2, "203.0.113.7", "10.0.0.1"),  # fewer entries than proxies: trust nothing
    ],
)
def test_client_ip_behind_trusted_proxies(rf, settings, proxies, forwarded, expected):
    settings.SAMSPIL_TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected
