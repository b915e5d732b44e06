"""Brute-force protection on the staff login (django-axes)."""

import pytest
from django.contrib.auth.hashers import make_password
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff():
    return StaffFactory(username="organiser", password=make_password(PASSWORD))


def _login(client, password: str, language: str = "en"):
    return client.post(
        f"/{language}/admin/login/",
        {"username": "organiser", "password": password, "next": f"/{language}/admin/"},
    )


def test_staff_login_works(client, staff):
    assert _login(client, PASSWORD).status_code == 302


def test_staff_login_locked_out_after_five_failures_with_a_translated_page(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "wrong").status_code == 200  # the form again, with its error

    response = _login(client, "wrong", language="da")

    assert response.status_code == 429
    assert response["Content-Language"] == "da"
    with translation.override("da"):
        heading = gettext("Too many failed sign-ins")
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_locked_out_login_refuses_even_the_right_password(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong")

    response = _login(client, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_other_address_is_not_locked_out(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong")

    response = client.post(
        "/en/admin/login/",
        {"username": "organiser", "password": PASSWORD, "next": "/en/admin/"},
        REMOTE_ADDR="192.0.2.7",
    )

    assert response.status_code == 302
