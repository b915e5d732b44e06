"""A request that loses the database gets a "try again" page (503), whatever raised.

The real outage (PostgreSQL stopped in a registration burst) is in test_scale.py.
"""

import pytest
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils import translation

from samspil.core.middleware import DatabaseUnavailableMiddleware
from samspil.core.views import server_error


def middleware():
    return DatabaseUnavailableMiddleware(lambda request: HttpResponse("ok"))


@pytest.mark.parametrize("error", [OperationalError("server closed"), InterfaceError("closed")])
def test_lost_database_in_a_view_is_a_try_again_page(rf, error):
    response = middleware().process_exception(rf.post("/en/events/x/register/"), error)

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert '<html lang="en">' in text
    assert "<h1>Please try again in a moment</h1>" in text
    assert "Please wait 10 seconds and try again." in text


def test_other_errors_are_left_to_django(rf):
    assert middleware().process_exception(rf.get("/"), ValueError("bug")) is None


def test_page_is_in_the_visitors_language(rf):
    with translation.override("da"):
        response = middleware().process_exception(rf.get("/da/"), OperationalError("gone"))

    assert '<html lang="da">' in response.content.decode()


def test_handler500_answers_503_for_a_lost_database_outside_views(rf):
    try:
        raise OperationalError("terminating connection due to administrator command")
    except OperationalError:
        response = server_error(rf.get("/en/events/"))

    assert response.status_code == 503


def test_handler500_answers_500_for_anything_else(rf):
    try:
        raise KeyError("bug")
    except KeyError:
        response = server_error(rf.get("/en/events/"))

    assert response.status_code == 500
