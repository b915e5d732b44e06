import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_openapi_spec_lists_public_and_organiser_operations(client):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    operations = sorted(
        f"{method.upper()} {path}" for path, item in spec["paths"].items() for method in item
    )
    assert operations == [
        "GET /api/events",
        "GET /api/events/{slug}",
        "GET /api/networks",
        "GET /api/networks/{slug}",
        "GET /api/organisations/{slug}",
        "GET /api/organiser/events",
        "GET /api/organiser/events/{slug}/registrations",
        "GET /api/organiser/events/{slug}/registrations/{registration_id}",
        "GET /api/people/{slug}",
        "GET /api/solutions",
        "GET /api/solutions/{slug}",
        "POST /api/organiser/events/{slug}/check-in",
        "POST /api/organiser/events/{slug}/registrations",
        "POST /api/organiser/events/{slug}/registrations/{registration_id}/cancel",
    ]
    organiser = spec["paths"]["/api/organiser/events"]["get"]
    assert organiser["security"] == [{"TokenAuth": []}]
    assert sorted(organiser["responses"]) == ["200", "401", "403", "404", "422", "429"]
    assert "security" not in spec["paths"]["/api/events"]["get"]


def test_docs_are_served_offline_under_the_strict_csp(client):
    response = client.get("/api/docs")

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "script-src 'self'" in policy
    page = response.content.decode()
    # No inline script (the JSON settings block is data, not code), nothing from elsewhere.
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts == [
        ' type="application/json" id="swagger-settings"',
        ' src="/static/ninja/swagger-ui-bundle.js"',
        ' src="/static/samspil/js/api-docs.js"',
    ]
    assert "http" not in "".join(re.findall(r'(?:src|href)="([^"]*)"', page))
    assets = ["ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "samspil/js/api-docs.js"]
    for asset in assets:
        assert finders.find(asset) is not None
