"""A registrant's way through Samspil in a real browser, with mail through a real SMTP server.

The app server sends its mail to the session's aiosmtpd server (`smtp_mailbox`)
during the request, so a test reads the mail right after the click that caused it.
"""

import re
import secrets
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser

CAFE = "browser-cafe"
FULL = "browser-full"
CAFE_LINK = "https://meet.example.org/j/1111?pwd=cafe-secret"
FULL_LINK = "https://meet.example.org/j/2222?pwd=full-secret"

# Our own events, next to the demo's: an online café with seats, and one with a single seat.
SETUP = """
from datetime import timedelta
from django.utils import timezone
from samspil.events.models import Event
from samspil.people.models import Organisation

organiser, _ = Organisation.objects.get_or_create(
    slug="browser-centre", defaults={"name": "Browser Centre", "kind": "centre"}
)
starts = (timezone.now() + timedelta(days=14)).replace(minute=0, second=0, microsecond=0)
for slug, capacity, link, title in %r:
    Event.objects.update_or_create(
        slug=slug,
        defaults={
            "title": title,
            "kind": "cafe",
            "mode": "online",
            "status": "published",
            "organiser": organiser,
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=1),
            "time_zone": "Europe/Copenhagen",
            "original_language": "en",
            "languages": ["en", "da", "fr"],
            "capacity": capacity,
            "online_url": link,
        },
    )
""" % [
    (
        CAFE,
        50,
        CAFE_LINK,
        {"en": "Browser café", "da": "Browser-café", "fr": "Café du navigateur"},
    ),
    (FULL, 1, FULL_LINK, {"en": "One seat only", "da": "Kun én plads", "fr": "Une seule place"}),
]


def samspil_shell(server_env, code: str) -> str:
    command = [sys.executable, "-m", "samspil", "shell", "--no-imports", "-v0", "-c", code]
    return subprocess.run(
        command, env=server_env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="session", autouse=True)
def browser_events(server_env):
    samspil_shell(server_env, SETUP)


def t(language: str, text: str) -> str:
    """An interface string as the app shows it in `language`."""
    with translation.override(language):
        return gettext(text)


def personal_path(mail) -> str:
    """The personal link in a mail, as a path on the server under test."""
    [link] = set(re.findall(r"https?://\S+/[a-z]{2}/r/[\w-]+/", mail.text))
    return urlsplit(link).path


def fill_form(page, language: str, *, name: str, email: str) -> None:
    # Not exact: a required field's label ends with an aria-hidden "*".
    page.get_by_label(t(language, "Full name")).fill(name)
    page.get_by_label(t(language, "E-mail")).fill(email)
    page.get_by_label(t(language, "Organisation")).fill("Region Midtjylland")
    page.get_by_label(t(language, "Your role")).select_option("politician")
    page.get_by_label(t(language, "Municipality or region")).fill("Aarhus")


def register(page, language: str, slug: str, *, name: str, email: str) -> None:
    page.goto(f"/{language}/events/{slug}/register/")
    fill_form(page, language, name=name, email=email)
    page.get_by_role("button", name=t(language, "Register"), exact=True).click()


def expect_status(page, language: str, status: str) -> None:
    expect(page.get_by_role("definition").filter(has_text=t(language, status))).to_be_visible()


@pytest.mark.parametrize("language", ["da", "fr"])
def test_register_receive_the_mail_open_the_personal_link_and_cancel(page, smtp_mailbox, language):
    email = f"anja-{language}@example.dk"
    page.goto(f"/{language}/events/{CAFE}/register/")
    assert_accessible(page)

    fill_form(page, language, name="Anja Lund", email=email)
    page.get_by_role("button", name=t(language, "Register"), exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Your registration"))
    mail = smtp_mailbox.wait_for_mail_to(email)
    assert mail.message["Content-Language"] == language
    assert CAFE_LINK in mail.text
    [code] = re.findall(re.escape(t(language, "Ticket code:")) + r"\s*(\w+)", mail.text)

    page.context.clear_cookies()
    page.goto(personal_path(mail))
    expect_status(page, language, "Confirmed")
    expect(page.get_by_text(code, exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=t(language, "Your ticket"))).to_be_visible()
    expect(page.get_by_role("link", name=t(language, "Open the online meeting"))).to_have_attribute(
        "href", CAFE_LINK
    )
    assert_accessible(page)
    ics = page.request.get(personal_path(mail) + "calendar.ics")
    assert ics.status == 200
    assert CAFE_LINK in ics.text().replace("\r\n ", "")

    page.get_by_role("button", name=t(language, "Cancel my registration")).click()

    expect(page.get_by_role("status")).to_have_text(t(language, "Your registration is cancelled."))
    expect_status(page, language, "Cancelled")
    assert CAFE_LINK not in page.content()
    cancelled = smtp_mailbox.wait_for_mail_to(email, count=2)
    assert CAFE_LINK not in cancelled.text


def test_waiting_list_promotion_when_a_seat_frees(page, smtp_mailbox):
    register(page, "en", FULL, name="First Person", email="first@example.org")
    expect_status(page, "en", "Confirmed")
    first_page = urlsplit(page.url).path

    register(page, "da", FULL, name="Second Person", email="second@example.org")
    expect_status(page, "da", "On the waiting list")
    assert FULL_LINK not in page.content()
    waiting = smtp_mailbox.wait_for_mail_to("second@example.org")
    assert FULL_LINK not in waiting.text

    page.goto(first_page)
    page.get_by_role("button", name="Cancel my registration").click()
    expect_status(page, "en", "Cancelled")

    promoted = smtp_mailbox.wait_for_mail_to("second@example.org", count=2)
    assert FULL_LINK in promoted.text
    assert list(promoted.attachments()) == [f"{FULL}.ics"]
    page.goto(personal_path(promoted))
    expect_status(page, "da", "Confirmed")
    expect(page.get_by_role("link", name=t("da", "Open the online meeting"))).to_have_attribute(
        "href", FULL_LINK
    )


def test_online_link_is_on_no_public_page_or_feed(page):
    for language in ["en", "da"]:
        for path in [
            f"/{language}/events/",
            f"/{language}/events/{CAFE}/",
            f"/{language}/events/{CAFE}/register/",
        ]:
            page.goto(path)
            content = page.content()
            assert "pwd=" not in content, path
        for path in [f"/{language}/events/{CAFE}/calendar.ics", f"/{language}/events/feed.ics"]:
            response = page.request.get(path)
            body = response.text().replace("\r\n ", "")
            assert (response.status, "pwd=" in body) == (200, False), path
            assert "Browser" in body or "navigateur" in body, path


def test_bad_input_is_refused_with_a_clear_message(page, smtp_mailbox, server_env):
    page.goto(f"/en/events/{CAFE}/register/")
    page.get_by_role("button", name="Register", exact=True).click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Full name: This field is required.")
    expect(summary).to_contain_text("E-mail: This field is required.")
    assert_accessible(page)

    fill_form(page, "en", name="Frank Andersen", email="not-an-address")
    page.get_by_role("button", name="Register", exact=True).click()
    expect(summary).to_have_text(re.compile("E-mail: Enter a valid email address."))

    register(page, "en", CAFE, name="Frank Andersen", email="frank@example.dk")
    expect_status(page, "en", "Confirmed")
    register(page, "en", CAFE, name="Frank Andersen", email="Frank@Example.dk")
    expect(page.get_by_role("alert")).to_contain_text(
        "This e-mail address is already registered for this event."
    )

    count = samspil_shell(
        server_env,
        "from samspil.registrations.models import Registration; "
        f"print(Registration.objects.filter(event__slug={CAFE!r}, "
        "email__in=['', 'not-an-address', 'frank@example.dk']).count())",
    )
    assert count.strip() == "1"
    assert len(smtp_mailbox.to("frank@example.dk")) == 1


def test_forged_personal_link_is_not_found(page):
    forged = secrets.token_urlsafe(32)

    response = page.goto(f"/en/r/{forged}/")

    assert response.status == 404
    assert page.request.get(f"/en/r/{forged}/calendar.ics").status == 404
    assert page.request.post(f"/en/r/{forged}/cancel/").status in {403, 404}
