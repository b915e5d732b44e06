"""The API's interactive docs work offline under the strict CSP, and are accessible."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_api_docs_render_under_the_strict_csp(page):
    problems = []
    page.on("console", lambda message: problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(request.url))

    page.goto("/api/docs")

    expect(page.get_by_role("heading", name="Samspil API")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="GET /api/events Public events").click()
    expect(page.get_by_role("heading", name="Parameters")).to_be_visible()
    assert_accessible(page)
    # A blocked script, style or request would show as a console error or failed request.
    assert problems == []
