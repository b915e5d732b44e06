"""Invoices at the desk in a browser: invoice a paid registration (a bad EAN number is
refused with a message first), mark the invoice paid, see it in the overview, fetch its
PDF and UBL, and issue a credit note for another. axe runs on every page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, run_in_app, sign_in

pytestmark = pytest.mark.browser

SLUG = "browser-billing-course"
USERNAME = "browser-billing-staff"
PASSWORD = "billing-Pa55word-for-tests"

SETUP = f"""
from datetime import timedelta
from decimal import Decimal
from django.contrib.auth.models import User
from django.utils import timezone
from samspil.events.models import Event
from samspil.people.models import Organisation
from samspil.registrations.models import Registration

now = timezone.now()
organiser = Organisation.objects.create(slug="{SLUG}-centre", name="Billing centre", kind="centre")
event = Event.objects.create(
    slug="{SLUG}", title={{"en": "Paid course on service design", "da": "Betalt kursus"}},
    kind="workshop", mode="in_person", status="published", organiser=organiser,
    starts_at=now + timedelta(days=10), ends_at=now + timedelta(days=10, hours=6),
    languages=["en"], price=Decimal("1200.00"), vat_rate=Decimal(25), currency="DKK",
)
buyers = [("Hanne Bille", "Horsens Kommune"), ("Ib Krog", "Ikast Kommune")]
for n, (name, organisation) in enumerate(buyers):
    Registration.objects.create(
        event=event, status="confirmed", name=name, email=f"billing{{n}}@example.org",
        role_category="employee", organisation=organisation, language="en",
        price=event.price, vat_amount=event.vat_amount, currency="DKK", confirmed_at=now,
    )
User.objects.create_user("{USERNAME}", password="{PASSWORD}", is_staff=True)
"""


@pytest.fixture(scope="module")
def staff_session(server_env, base_url, browser, tmp_path_factory) -> str:
    run_in_app(server_env, SETUP)
    state = str(tmp_path_factory.mktemp("billing") / "staff.json")
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/en/desk/invoices/")
    expect(page).to_have_url(re.compile(r"/en/admin/login/\?next=/en/desk/invoices/$"))
    sign_in(page, username=USERNAME, password=PASSWORD, next_url="/en/desk/invoices/")
    context.storage_state(path=state)
    context.close()
    return state


@pytest.fixture
def desk_page(browser, base_url, staff_session):
    context = browser.new_context(base_url=base_url, storage_state=staff_session)
    page = context.new_page()
    yield page
    context.close()


def invoice_registration(page, name: str, organisation: str, gln: str) -> str:
    page.goto("/en/desk/invoices/registrations/")
    page.get_by_role("link", name=f"Invoice the registration of {name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Invoice the registration of {name}")
    expect(page.get_by_label("Organisation")).to_have_value(organisation)
    page.get_by_label("VAT/CVR number").fill("13585628")
    page.get_by_label("EAN/GLN number").fill(gln)
    page.get_by_label("Buyer reference").fill("Kursus 2026")
    page.get_by_role("button", name="Issue the invoice").click()
    return page.url


def test_invoice_a_paid_registration_mark_paid_and_credit(desk_page):
    page = desk_page
    page.goto("/en/desk/invoices/registrations/")
    table = page.get_by_role("table", name=re.compile("^Confirmed paid registrations"))
    expect(table.get_by_role("rowheader", name="Hanne Bille")).to_be_visible()
    assert_accessible(page)

    # A mistyped EAN number is refused with a message, and nothing is issued.
    invoice_registration(page, "Hanne Bille", "Horsens Kommune", "5798000000002")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("EAN/GLN number: This EAN/GLN number's last digit")
    assert_accessible(page)

    page.get_by_label("EAN/GLN number").fill("5798000000001")
    page.get_by_role("button", name="Issue the invoice").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"^Invoice \d{4}-\d{4}$"))
    number = heading.inner_text().removeprefix("Invoice ")
    expect(page.get_by_role("status")).to_contain_text(f"Invoice {number} is issued.")
    expect(page.get_by_text("5798000000001")).to_be_visible()
    assert_accessible(page)

    pdf = page.request.get(page.get_by_role("link", name="PDF").get_attribute("href"))
    assert (pdf.status, pdf.headers["content-type"]) == (200, "application/pdf")
    assert pdf.body().startswith(b"%PDF-")
    xml = page.request.get(
        page.get_by_role("link", name="UBL e-invoice (XML)").get_attribute("href")
    )
    assert xml.status == 200
    assert b'schemeID="0088">5798000000001<' in xml.body()

    page.get_by_role("button", name=f"Mark invoice {number} as paid").click()
    expect(page.get_by_role("status")).to_contain_text(f"Invoice {number} is marked paid.")
    assert_accessible(page)

    page.goto("/en/desk/invoices/")
    page.get_by_label("Status").select_option(label="Paid")
    page.get_by_role("button", name="Show invoices").click()
    table = page.get_by_role("table", name=re.compile("^Invoices and credit notes"))
    expect(table.get_by_role("rowheader", name=number)).to_be_visible()
    assert_accessible(page)

    # The second registration: invoice it, then credit it in full.
    invoice_registration(page, "Ib Krog", "Ikast Kommune", "")
    second = page.get_by_role("heading", level=1).inner_text().removeprefix("Invoice ")
    page.get_by_role("link", name="Issue a credit note").click()
    assert_accessible(page)
    page.get_by_role("button", name="Issue the credit note").click()
    expect(page.get_by_role("alert")).to_contain_text("Reason: This field is required.")
    assert_accessible(page)
    page.get_by_label("Reason").fill("Registration cancelled")
    page.get_by_role("button", name="Issue the credit note").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"^Credit note \d{4}-\d{4}$")
    )
    expect(page.get_by_role("link", name=second)).to_be_visible()
    assert_accessible(page)
