"""Transport and browser security: a strict CSP on every page, production cookie and HSTS
settings (`check --deploy` itself is in tests/test_settings.py)."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/events/", "/en/privacy/", "/da/signin/"])
def test_pages_have_a_csp_without_unsafe_inline(client, path):
    response = client.get(path)

    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert (directives["script-src"], directives["style-src"], directives["frame-ancestors"]) == (
        "'self'",
        "'self'",
        "'none'",
    )
    assert response["X-Frame-Options"] == "DENY"


def test_production_settings_secure_the_cookies_and_send_hsts(tmp_path):
    names = [
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    ]
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps([getattr(settings, name) for name in {names!r}]))"
    )
    env = {
        **os.environ,
        "SAMSPIL_HTTPS": "true",
        "SECRET_KEY": "x7#tq" * 12,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "samspil.settings",
    }

    result = subprocess.run(
        [sys.executable, "-m", "samspil", "shell", "--no-imports", "-v0", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(result.stdout) == [True, True, True, True, 31536000, True]
