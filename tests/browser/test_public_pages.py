import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    CAFE,
    LANGUAGES,
    MEETUP,
    SCENARIO_EVENTS,
    WORKSHOP,
    assert_accessible,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_are_accessible_in_every_language(page, language):
    page.goto(f"/{language}/events/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)

    for slug in SCENARIO_EVENTS:
        page.goto(f"/{language}/events/{slug}/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)

    page.goto(f"/{language}/events/{MEETUP}/")
    page.get_by_role("link", name="Philip De Backer").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Philip De Backer")
    assert_accessible(page)

    page.goto(f"/{language}/events/{WORKSHOP}/")
    page.get_by_role("link", name="Gentofte Kommune").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gentofte Kommune")
    assert_accessible(page)


def test_language_switcher_keeps_the_page(page):
    page.goto(f"/en/events/{MEETUP}/")
    english_title = page.get_by_role("heading", level=1).inner_text()

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()

    expect(page).to_have_url(re.compile(f"/fr/events/{MEETUP}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_attribute("lang", "fr")
    assert page.get_by_role("heading", level=1).inner_text() != english_title


def test_missing_translation_is_shown_in_the_original_with_a_note(page):
    page.goto(f"/da/events/{MEETUP}/")

    expect(page.get_by_role("heading", level=1)).to_have_attribute("lang", "en")
    expect(page.get_by_role("note")).to_be_visible()
    assert_accessible(page)


def test_search_across_languages_and_filter(page):
    page.goto("/en/events/")
    page.get_by_label("When").select_option("past")
    page.get_by_label("Kind").select_option(label="Online café")
    page.get_by_role("button", name="Show events").click()

    expect(page.get_by_role("link", name=re.compile("Innovation"))).not_to_have_count(0)
    assert f"/en/events/{CAFE}/" in [
        link.get_attribute("href") for link in page.locator(".event-card h3 a").all()
    ]

    page.get_by_label("Search").fill("værksteder")
    page.get_by_label("Kind").select_option("")
    page.get_by_role("button", name="Show events").click()
    cards = page.locator(".event-card h3 a")
    assert f"/en/events/{WORKSHOP}/" in [link.get_attribute("href") for link in cards.all()]
    assert_accessible(page)


def test_bad_filter_shows_a_translated_error(page):
    response = page.goto("/fr/events/?kind=nonsense")

    assert response.status == 400
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


def test_unknown_page_is_a_translated_404(page):
    response = page.goto("/nl/events/no-such-event/")

    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert_accessible(page)
