"""The organiser's desk in a browser: sign in as staff, read the counts, filter the
participant list, promote from the waiting list, mail a site, and check people in
on a phone by typing their ticket code. axe runs on every desk page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, run_in_app, sign_in

pytestmark = pytest.mark.browser

SLUG = "browser-desk-workshop"
USERNAME = "browser-desk-staff"
PASSWORD = "desk-Pa55word-for-tests"
PHONE = {"width": 390, "height": 844}

# Aarhus (3 seats): 2 confirmed, 1 waiting. Odense (2 seats): 2 confirmed (full),
# 1 waiting, 1 cancelled. In all 4 of 5 seats taken: 80 %.
SETUP = f"""
from datetime import timedelta
from django.contrib.auth.models import Permission, User
from django.utils import timezone
from samspil.events.models import Event, Site
from samspil.people.models import Organisation
from samspil.registrations.models import Registration

now = timezone.now()
organiser = Organisation.objects.create(slug="{SLUG}-centre", name="Desk centre", kind="centre")
event = Event.objects.create(
    slug="{SLUG}", title={{"en": "Desk test workshop"}}, kind="workshop", mode="in_person",
    status="published", organiser=organiser, starts_at=now + timedelta(days=3),
    ends_at=now + timedelta(days=3, hours=3), languages=["en"],
)
aarhus, odense = (
    Site.objects.create(event=event, name={{"en": city}}, city=city, capacity=seats, order=n)
    for n, (city, seats) in enumerate([("Aarhus", 3), ("Odense", 2)])
)
rows = [
    ("Anna Berg", aarhus, "confirmed", "ANNA2345", "politician", "Aarhus Kommune"),
    ("Bent Holm", aarhus, "confirmed", "BENT2345", "employee", "Region Midtjylland"),
    ("Cecilie Dam", aarhus, "waiting", "CECE2345", "business", "Firma ApS"),
    ("Dorthe Kjær", odense, "confirmed", "DRTE2345", "employee", "Odense Kommune"),
    ("Erik Lund", odense, "confirmed", "ERKK2345", "manager", "Odense Kommune"),
    ("Frida Mørk", odense, "waiting", "FRDA2345", "researcher", "SDU"),
    ("Gustav Juhl", odense, "cancelled", "GSTV2345", "employee", "Odense Kommune"),
]
for n, (name, site, status, code, role, organisation) in enumerate(rows):
    Registration.objects.create(
        event=event, site=site, status=status, name=name, email=f"p{{n}}@example.org",
        role_category=role, organisation=organisation, language="en", ticket_code=code,
        waiting_since=now + timedelta(minutes=n) if status == "waiting" else None,
    )
user = User.objects.create_user("{USERNAME}", password="{PASSWORD}", is_staff=True)
user.user_permissions.add(
    Permission.objects.get(content_type__app_label="registrations", codename="view_registration")
)
"""


@pytest.fixture(scope="module")
def staff_session(server_env, base_url, browser, tmp_path_factory) -> str:
    """The desk's event and a staff member, then that member signed in: a storage state file."""
    run_in_app(server_env, SETUP)
    state = str(tmp_path_factory.mktemp("desk") / "staff.json")
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/en/desk/")
    expect(page).to_have_url(re.compile(r"/en/admin/login/\?next=/en/desk/$"))
    sign_in(page, username=USERNAME, password=PASSWORD, next_url="/en/desk/")
    context.storage_state(path=state)
    context.close()
    return state


@pytest.fixture
def desk_page(browser, base_url, staff_session):
    context = browser.new_context(base_url=base_url, storage_state=staff_session)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, base_url, staff_session):
    context = browser.new_context(
        base_url=base_url,
        storage_state=staff_session,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    yield page
    context.close()


def row_cells(page, caption: str, row_header: str) -> list[str]:
    table = page.get_by_role("table", name=caption)
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=row_header))
    return [text.strip() for text in row.get_by_role("cell").all_inner_texts()]


def test_desk_counts_filters_waiting_list_and_mail(desk_page):
    page = desk_page
    page.goto("/en/desk/")
    assert_accessible(page)

    page.get_by_role("link", name="Desk test workshop").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Desk: Desk test workshop")
    caption = re.compile("^Registrations by site")
    # Confirmed, offered, waiting, unconfirmed, cancelled, checked in, capacity, filled.
    assert row_cells(page, caption, "Aarhus, Aarhus") == ["2", "0", "1", "0", "0", "0", "3", "67%"]
    assert row_cells(page, caption, "Odense, Odense") == [
        *["2", "0", "1", "0", "1", "0", "2"],
        "100% full",
    ]
    assert row_cells(page, caption, "Whole event") == ["4", "0", "2", "0", "1", "0", "5", "80%"]
    assert_accessible(page)

    desk_nav = page.get_by_role("navigation", name="Event desk")
    desk_nav.get_by_role("link", name="Participants", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="7 participants")).to_be_visible()
    page.get_by_label("Status").select_option(label="Confirmed")
    page.get_by_label("Site").select_option(label="Odense")
    page.get_by_role("button", name="Show participants").click()
    expect(page.get_by_role("heading", level=2, name="2 participants")).to_be_visible()
    names = page.get_by_role("table").get_by_role("rowheader").all_inner_texts()
    assert names == ["Dorthe Kjær", "Erik Lund"]
    assert_accessible(page)

    page.get_by_label("Search").fill("firma")
    page.get_by_label("Status").select_option(label="Any")
    page.get_by_label("Site").select_option(label="Any")
    page.get_by_role("button", name="Show participants").click()
    assert page.get_by_role("table").get_by_role("rowheader").all_inner_texts() == ["Cecilie Dam"]

    page.get_by_role("link", name="Waiting list").first.click()
    table = page.get_by_role("table", name="Waiting list, first in line first")
    assert table.get_by_role("rowheader").all_inner_texts() == ["Cecilie Dam", "Frida Mørk"]
    assert_accessible(page)
    # Odense is full: promoting Frida is refused, with the reason.
    page.get_by_role("button", name="Promote Frida Mørk").click()
    expect(page.get_by_role("status")).to_have_text(
        "Frida Mørk was not promoted: There is no free seat. Raise the capacity first."
    )
    assert_accessible(page)
    # Aarhus has a free seat.
    page.get_by_role("button", name="Promote Cecilie Dam").click()
    expect(page.get_by_role("status")).to_have_text("Cecilie Dam: Confirmed.")
    assert table.get_by_role("rowheader").all_inner_texts() == ["Frida Mørk"]

    page.get_by_role("link", name="Cancel the registration of Frida Mørk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cancel a registration: Desk test workshop"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Keep it").click()

    desk_nav.get_by_role("link", name="Mail participants").click()
    page.get_by_label("Send to").select_option(label="Participants at Aarhus")
    page.get_by_label("Subject").fill("Parking")
    page.get_by_label("Message").fill("Use the back entrance.")
    page.get_by_role("button", name="Send the mail").click()
    expect(page.get_by_role("status")).to_have_text("Mail queued for 3 people.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Desk: Desk test workshop")


def test_check_in_by_typing_the_code_on_a_phone(phone_page):
    page = phone_page
    page.goto(f"/en/desk/{SLUG}/check-in/")
    code = page.get_by_label("Ticket code")
    expect(code).to_be_focused()
    # site.css sets the body's margin to 0; without it there are no large touch targets.
    body_margin = page.evaluate("getComputedStyle(document.body).margin")
    assert body_margin == "0px", "site.css was not applied: is /static/ serving it?"
    assert code.bounding_box()["height"] >= 44
    assert page.get_by_role("button", name="Check in").bounding_box()["height"] >= 44
    # Nothing sticks out sideways on a 390 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)

    code.fill("drte 2345")
    code.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Welcome, Dorthe Kjær!")
    expect(page.get_by_role("status")).to_contain_text("Site: Odense")
    expect(page.get_by_text("Checked in: 1 of")).to_be_visible()
    expect(code).to_be_focused()
    expect(code).to_have_value("")
    assert_accessible(page)

    code.fill("DRTE2345")
    code.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text(
        re.compile(r"Code DRTE2345: Dorthe Kjær has already checked in \(.+\)\.")
    )
    expect(code).to_be_focused()
    assert_accessible(page)

    code.fill("ZZZZ9999")
    page.get_by_role("button", name="Check in").tap()
    expect(page.get_by_role("alert")).to_contain_text(
        "Code ZZZZ9999: No ticket with this code for this event."
    )
