"""Personal data rights in a real browser: ask by e-mail, open the mailed link, see it all."""

import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser

EMAIL = "privacy-browser@example.org"

# A registration of our own beside the demo's, so the export has something in it.
SETUP = """
from samspil.events.models import Event
from samspil.registrations.models import Registration

event = Event.objects.filter(status="published").order_by("pk").first()
Registration.objects.get_or_create(
    event=event,
    email="privacy-browser@example.org",
    defaults={
        "name": "Petra Privat",
        "status": "confirmed",
        "role_category": "employee",
        "language": "en",
        "answers": {},
    },
)
"""


def test_request_the_export_by_mail_and_read_it(page, smtp_mailbox, server_env):
    command = [sys.executable, "-m", "samspil", "shell", "--no-imports", "-v0", "-c", SETUP]
    subprocess.run(command, env=server_env, check=True)

    page.goto("/en/privacy/")
    assert_accessible(page)
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_role("button", name="Send me the link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your mail")
    assert_accessible(page)
    mail = smtp_mailbox.wait_for_mail_to(EMAIL)
    [link] = set(re.findall(r"https?://\S+/en/privacy/open/[\w-]+/", mail.text))

    page.goto(urlsplit(link).path)
    assert_accessible(page)
    page.get_by_role("button", name="Show my data").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your personal data")
    expect(page.get_by_role("heading", name=re.compile(r"^Registrations \(1\)$"))).to_be_visible()
    expect(page.get_by_text("Petra Privat")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Erase my data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erase my data")
    assert_accessible(page)

    # The link was for one use: opened again elsewhere, it no longer works.
    page.context.clear_cookies()
    page.goto(urlsplit(link).path)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
