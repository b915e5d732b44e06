"""The solution library in a browser: search, filter, open a solution, ask to reuse it,
record a reuse as staff, and read the statistics, whose charts must be drawn. axe
runs on every page, in every language."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import LANGUAGES, assert_accessible, run_in_app, sign_in

pytestmark = pytest.mark.browser

# Demo solutions (samspil.demo.solutions).
VIDEO_VISITS = "demo-skaermbesoeg-i-hjemmeplejen"
BAROMETER = "demo-innovationsbarometer-lokalt"
USERNAME = "browser-solutions-staff"
PASSWORD = "solutions-Pa55word-for-tests"
# The status chart's "Implemented" colour (.chart-series-2 in site.css), as RGB.
BAR_BLUE = (0x0B, 0x5C, 0xAD)


@pytest.mark.parametrize("language", LANGUAGES)
def test_solution_pages_are_accessible_in_every_language(page, language):
    for path in [
        f"/{language}/solutions/",
        f"/{language}/solutions/?q=borgere&sort=reused",
        f"/{language}/solutions/{VIDEO_VISITS}/",
        f"/{language}/solutions/statistics/",
    ]:
        response = page.goto(path)
        assert response.status == 200
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)


def test_search_filter_and_open_a_solution(page):
    page.goto("/en/solutions/")
    page.get_by_label("Search").fill("hjemmeplejen")
    page.get_by_role("button", name="Show solutions").click()
    results = page.locator(".solution-card h3 a")
    expect(results.first).to_be_visible()
    titles = results.all_inner_texts()
    assert "Video visits in home care" in titles
    assert_accessible(page)

    page.get_by_label("Status").select_option(label="Spread")
    page.get_by_label("Policy area").select_option(label="Health and elderly care")
    page.get_by_label("Sort by").select_option(label="Most reused")
    page.get_by_role("button", name="Show solutions").click()
    assert results.all_inner_texts()[0] == "Video visits in home care"
    assert_accessible(page)

    page.get_by_role("link", name="Video visits in home care").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Video visits in home care")
    trail = page.locator(".reuse-trail li")
    expect(trail).to_have_count(3)
    assert_accessible(page)


def test_asking_to_reuse_mails_the_contact(page, smtp_mailbox):
    page.goto(f"/en/solutions/{BAROMETER}/")
    page.get_by_label("Your name").fill("Pia Rosendahl")
    page.get_by_label("Your e-mail").fill("pia@example.dk")
    page.get_by_label("Your organisation").fill("Hjørring Kommune")
    page.get_by_label("Message").fill("Kan vi låne jeres spørgeskema?")
    page.get_by_role("button", name="Send to the contact person").click()

    expect(page.get_by_role("status")).to_contain_text("contact person will get back to you")
    assert_accessible(page)
    mail = smtp_mailbox.wait_for_mail_to("mikkel.thorsen@example.dk")
    assert mail.message["Content-Language"] == "da"
    assert "Pia Rosendahl" in mail.text
    assert "Kan vi låne jeres spørgeskema?" in mail.text


@pytest.fixture(scope="module")
def staff_page(server_env, base_url, browser):
    run_in_app(
        server_env,
        "from django.contrib.auth.models import User; "
        f"User.objects.create_user('{USERNAME}', password='{PASSWORD}', is_staff=True)",
    )
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    sign_in(page, username=USERNAME, password=PASSWORD, next_url=f"/en/solutions/{BAROMETER}/")
    yield page
    context.close()


def test_staff_record_a_reuse(staff_page):
    page = staff_page
    page.goto(f"/en/solutions/{BAROMETER}/")
    before = page.locator(".reuse-trail li").count()
    page.get_by_label("Organisation that reuses it").select_option(label="Esbjerg Kommune")
    page.get_by_label("Since").fill("2024-03-01")
    page.get_by_label("What they changed").fill("Asked every school leader too.")
    page.get_by_role("button", name="Record the reuse").click()

    expect(page.get_by_role("status")).to_contain_text("The reuse is recorded.")
    trail = page.locator(".reuse-trail li")
    expect(trail).to_have_count(before + 1)
    expect(trail.last).to_contain_text("Esbjerg Kommune")
    expect(trail.last).to_contain_text("Asked every school leader too.")
    assert_accessible(page)

    page.get_by_label("Organisation that reuses it").select_option(label="Esbjerg Kommune")
    page.get_by_label("Since").fill("2024-04-01")
    page.get_by_role("button", name="Record the reuse").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Esbjerg Kommune already reuses this solution."
    )
    assert_accessible(page)


def test_import_preview_names_bad_rows_and_offers_no_import(staff_page, tmp_path):
    page = staff_page
    case_list = tmp_path / "cases.csv"
    case_list.write_text(
        "title,language,owner\nRepair café,en,Esbjerg Kommune\nNo owner,xx,Nowhere\n",
        encoding="utf-8",
    )
    page.goto("/en/solutions/import/")
    assert_accessible(page)
    page.get_by_label("CSV file").set_input_files(case_list)
    page.get_by_role("button", name="Show the preview").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Row 3, column language:")
    expect(summary).to_contain_text("Row 3, column owner: No organisation is called Nowhere.")
    expect(page.get_by_role("button", name="Import these solutions")).to_have_count(0)
    assert_accessible(page)


def test_statistics_charts_are_drawn(page, tmp_path):
    page.goto("/en/solutions/statistics/")
    assert_accessible(page)
    figure = page.get_by_role("img", name="Solutions at each status at the end of each year")
    expect(figure).to_be_visible()
    table = page.get_by_role("table", name=re.compile("^Solutions at each status"))
    expect(table.get_by_role("row")).not_to_have_count(0)

    shot = Image.open(io.BytesIO(figure.screenshot())).convert("RGB")
    colours = {colour for _count, colour in shot.getcolors(maxcolors=1_000_000)}
    assert BAR_BLUE in colours
    blue = sum(count for count, colour in shot.getcolors(maxcolors=1_000_000) if colour == BAR_BLUE)
    assert blue > 500  # a bar, not a stray pixel

    for name in ["Solutions per policy area", "Solutions per region of the owning organisation"]:
        chart = page.get_by_role("img", name=name)
        drawn = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
        assert len(drawn.getcolors(maxcolors=1_000_000)) > 2, name
    page.screenshot(path=str(tmp_path / "statistics.png"), full_page=True)  # kept for a look

    download = page.get_by_role("link", name="Download as CSV").first
    assert download.get_attribute("href") == "/en/solutions/statistics/initiators.csv"
