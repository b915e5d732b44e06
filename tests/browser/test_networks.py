"""Scenario 4 in a browser: apply to a network, be accepted, sign in by mailed link.

The demo's network for heads of innovation has its intake closed; its sister
network's intake is open. An applicant is refused by the first and applies to
the second; staff accept on the desk and form this quarter's pairs; the new
member signs in with the link from the real SMTP server and sees the member
directory, the meeting plan (with a meeting whose host is to be decided), their
invoice PDF and their pair. axe runs on every page.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, run_in_app, sign_in

pytestmark = pytest.mark.browser

USERNAME = "browser-networks-staff"
PASSWORD = "networks-Pa55word-for-tests"
EMAIL = "ane.applicant@example.dk"
CLOSED = "innovationschefer"
OPEN = "spredning-og-genbrug"

SETUP = f"""
from django.contrib.auth.models import User
User.objects.create_user("{USERNAME}", password="{PASSWORD}", is_staff=True)
"""


@pytest.fixture(scope="module")
def staff_page(server_env, base_url, browser):
    run_in_app(server_env, SETUP)
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    sign_in(page, username=USERNAME, password=PASSWORD, next_url="/en/desk/networks/")
    yield page
    context.close()


def apply(page) -> None:
    page.goto(f"/en/networks/{OPEN}/apply/")
    assert_accessible(page)
    for criterion in [
        "I work as a consultant, project manager or middle manager in the public sector.",
        "I will share the solutions my organisation has tested with the other members.",
        "I will meet at least one other member at least once outside the fixed meetings.",
    ]:
        page.get_by_label(criterion).check()
    page.get_by_label("Full name").fill("Ane Applicant")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Job title").fill("Innovation consultant")
    page.get_by_label(re.compile("^Organisation")).fill("Silkeborg Kommune")
    page.get_by_label("Region", exact=True).fill("Region Midtjylland")
    page.get_by_label("Your responsibility for innovation").fill("I spread what works.")
    page.get_by_label("Why do you want to join?").fill("To reuse good solutions.")
    page.get_by_label("Legal name of the organisation").fill("Silkeborg Kommune")
    page.get_by_label("Street address").fill("Søvej 1")
    page.get_by_label("Postcode").fill("8600")
    page.get_by_label("City").fill("Silkeborg")
    page.get_by_label("VAT or CVR number").fill("DK13585628")
    page.get_by_label("EAN/GLN number").fill("5798000000001")
    page.get_by_role("button", name="Send my application").click()


def test_apply_get_accepted_sign_in_and_use_the_members_area(page, staff_page, smtp_mailbox):
    # Closed intake: the reason, and no form.
    page.goto(f"/en/networks/{CLOSED}/")
    expect(
        page.get_by_text(re.compile(r"^Intake is closed: closed for \d{4}; next intake"))
    ).to_be_visible()
    assert_accessible(page)
    page.goto(f"/en/networks/{CLOSED}/apply/")
    expect(page.get_by_role("status")).to_contain_text("Intake is closed")
    expect(page.get_by_role("button", name="Send my application")).to_have_count(0)

    # Open intake: the application goes through.
    apply(page)
    expect(page.get_by_role("status")).to_contain_text("your application is received")
    assert_accessible(page)
    receipt = smtp_mailbox.wait_for_mail_to(EMAIL)
    assert "We have received your application" in receipt.subject

    # The organiser accepts and forms this quarter's pairs.
    staff_page.goto(f"/en/desk/networks/{OPEN}/")
    assert_accessible(staff_page)
    staff_page.get_by_role("link", name="Ane Applicant").click()
    assert_accessible(staff_page)
    staff_page.get_by_label("Accept").check()
    staff_page.get_by_role("button", name="Save the decision").click()
    expect(staff_page.get_by_role("status")).to_contain_text("The decision is saved")
    staff_page.get_by_role("button", name="Form pairs").click()
    expect(staff_page.get_by_role("status")).to_contain_text("The pairs are formed.")
    assert_accessible(staff_page)
    staff_page.get_by_role("link", name="Meetings and hosts").click()
    expect(staff_page.get_by_role("button", name="Accept the suggested hosts")).to_be_visible()
    assert_accessible(staff_page)
    welcome = smtp_mailbox.wait_for_mail_to(EMAIL, count=2)
    assert welcome.subject == "Welcome to Network for spreading and reusing solutions"

    # The member signs in with the mailed link.
    page.context.clear_cookies()
    page.goto("/en/members/")
    expect(page).to_have_url(re.compile(r"/en/signin/\?next=/en/members/$"))
    assert_accessible(page)
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_role("button", name="Mail me a sign-in link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your mail")
    assert_accessible(page)
    mail = smtp_mailbox.wait_for_mail_to(EMAIL, count=3)
    [link] = re.findall(r"https?://\S+/en/signin/link/\S+", mail.text)
    link = urlsplit(link)
    page.goto(f"{link.path}?{link.query}")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile("/en/members/$"))
    expect(
        page.get_by_role("heading", name="Network for spreading and reusing solutions")
    ).to_be_visible()
    assert_accessible(page)

    # Their pair for this quarter.
    expect(page.get_by_text(re.compile(r"^For \d{4} Q\d you meet:"))).to_be_visible()

    # Their invoice, as a PDF from billing.
    invoice = page.get_by_role("link", name=re.compile(r"^Invoice \S+ \(PDF\)$"))
    response = page.request.get(invoice.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"

    # The member directory: only members, what each chose to show.
    page.get_by_role("link", name="Member directory").click()
    expect(page.get_by_text("Ida Marie Hald")).to_be_visible()
    assert_accessible(page)

    # The meeting plan, with a meeting whose host is still to be decided.
    page.goto("/en/members/")
    page.get_by_role("link", name="Meeting plan").click()
    expect(page.get_by_role("cell", name="Host to be decided")).to_be_visible()
    expect(page.get_by_role("cell", name="Viborg Kommune (Region Midtjylland)")).to_be_visible()
    assert_accessible(page)

    # Members register for a coming meeting through the registration machinery.
    page.get_by_role("link", name="Register: Reusing solutions across municipalities").click()
    assert_accessible(page)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your registration")
    page.goto("/en/members/")

    # Cancelling explains the binding rule first.
    page.get_by_role("link", name="Cancel my membership").click()
    expect(page.get_by_text(re.compile("there is no refund"))).to_be_visible()
    assert_accessible(page)

    # The link worked once.
    page.context.clear_cookies()
    page.goto(f"{link.path}?{link.query}")
    expect(page.get_by_role("alert")).to_contain_text("has been used already")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["da", "fr", "nl"])
def test_network_pages_are_accessible_in_every_language(page, language):
    for path in [
        f"/{language}/networks/",
        f"/{language}/networks/{CLOSED}/",
        f"/{language}/networks/{OPEN}/apply/",
        f"/{language}/networks/public-innovation-network-belgium/",
        f"/{language}/signin/",
    ]:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)
