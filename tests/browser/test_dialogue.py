"""Live dialogue in a real browser: the café of scenario 2 and the workshop of scenario 3.

Updates must reach a second browser context without a reload: each check of
that kind waits on the other context's page, which only htmx polling can change.
"""

import json
import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CAFE, WORKSHOP, assert_accessible, sign_in

pytestmark = pytest.mark.browser

HOST = "dialogue-host"
HOST_PASSWORD = "a-long-test-password-for-the-host"
LIVE = 10_000  # ms: polling runs every 3 s

SETUP = f"""
import json
from django.contrib.auth import get_user_model
from samspil.demo.dialogue import load_dialogue_demo
from samspil.registrations.models import Registration

load_dialogue_demo()
if not get_user_model().objects.filter(username="{HOST}").exists():
    get_user_model().objects.create_superuser("{HOST}", password="{HOST_PASSWORD}")
tokens = Registration.objects.filter(event__slug="{CAFE}", status="confirmed")
print(json.dumps(dict(tokens.values_list("name", "token"))))
"""


@pytest.fixture(scope="session")
def cafe_tokens(server_env) -> dict[str, str]:
    """The dialogue demo's participants and a staff host; the café's personal links by name."""
    result = subprocess.run(
        [sys.executable, "-m", "samspil", "shell", "-c", SETUP],
        env=server_env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def new_page(browser, base_url):
    """Pages in browser contexts of their own, as on different people's machines."""
    contexts = []

    def make():
        context = browser.new_context(base_url=base_url)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def sign_in_as_host(page, next_url: str) -> None:
    sign_in(page, username=HOST, password=HOST_PASSWORD, next_url=next_url)


def test_cafe_groups_questions_and_votes(new_page, cafe_tokens):
    # The moderator forms diverse groups and publishes them.
    moderator = new_page()
    sign_in_as_host(moderator, f"/en/desk/events/{CAFE}/rounds/")
    assert_accessible(moderator)
    moderator.get_by_label("Title").fill("Dialogue in small groups")
    moderator.get_by_label("Group size").fill("4")
    moderator.get_by_role("button", name="Form groups").click()
    expect(moderator.get_by_role("heading", level=1)).to_contain_text("Dialogue in small groups")
    expect(
        moderator.get_by_text(re.compile(r"^Diversity \d+ \(a random split: \d+\)$"))
    ).to_be_visible()
    assert_accessible(moderator)
    moderator.get_by_role("button", name="Publish to the participants").click()
    expect(moderator.get_by_text("Published: each participant sees their group")).to_be_visible()
    group_one = moderator.get_by_role("table", name="Members of group 1").get_by_role("rowheader")
    group_two = moderator.get_by_role("table", name="Members of group 2").get_by_role("rowheader")
    expect(group_one).to_have_count(4)
    members = group_one.all_inner_texts()
    author, voter, other = members[0], members[1], group_two.first.inner_text()

    # A participant sees their group, and only theirs, on their personal page.
    participant = new_page()
    participant.goto(f"/en/r/{cafe_tokens[author]}/")
    group = participant.get_by_role("table", name="The members of your group 1")
    expect(group.get_by_role("rowheader")).to_have_text(
        [f"{name} (you)" if name == author else name for name in members]
    )
    expect(participant.get_by_text(other, exact=True)).to_have_count(0)
    assert_accessible(participant)

    # Someone from another group asks first; then the group asks its question.
    elsewhere = new_page()
    elsewhere.goto(f"/en/r/{cafe_tokens[other]}/questions/")
    elsewhere.get_by_label("Your question").fill("How do we measure innovation?")
    elsewhere.get_by_role("button", name="Send the question").click()
    expect(elsewhere.get_by_text("Thank you: your question is on the list.")).to_be_visible()

    participant.get_by_role("link", name="Questions for the speakers").click()
    assert_accessible(participant)
    question = "How can politicians make room for experiments?"
    participant.get_by_label("Your question").fill(question)
    participant.get_by_label("Ask on behalf of my group (group 1)").check()
    participant.get_by_role("button", name="Send the question").click()
    ours = participant.get_by_role("listitem").filter(has_text=question)
    expect(ours).to_contain_text("0 votes · from group 1")

    # The moderator's screen is open while another participant votes.
    moderator.goto(f"/en/desk/events/{CAFE}/questions/")
    rows = moderator.get_by_role("table", name="Questions, most votes first").get_by_role("row")
    expect(rows.nth(1).get_by_role("rowheader")).to_have_text("How do we measure innovation?")
    assert_accessible(moderator)

    fellow = new_page()
    fellow.goto(f"/en/r/{cafe_tokens[voter]}/questions/")
    fellow.get_by_role("listitem").filter(has_text=question).get_by_role(
        "button", name="Vote"
    ).click()
    expect(fellow.get_by_text("Thank you: your vote is counted.")).to_be_visible()
    expect(fellow.get_by_role("listitem").filter(has_text=question)).to_contain_text(
        "You voted for this question."
    )
    assert_accessible(fellow)

    # Without a reload, the moderator sees the voted question rise to the top.
    expect(rows.nth(1).get_by_role("rowheader")).to_have_text(question, timeout=LIVE)
    expect(rows.nth(1).get_by_role("cell").first).to_have_text("1")
    expect(ours).to_contain_text("1 vote · from group 1", timeout=LIVE)

    # The moderator puts it to the speakers and marks it answered.
    rows.nth(1).get_by_role("button", name="Approve").click()
    moderator.goto(f"/en/desk/events/{CAFE}/questions/projector/")
    expect(moderator.get_by_role("listitem")).to_have_text([re.compile(re.escape(question))])
    assert_accessible(moderator)
    moderator.goto(f"/en/desk/events/{CAFE}/questions/")
    rows.nth(1).get_by_role("button", name="Mark answered").click()
    expect(rows.nth(1)).to_contain_text("Answered")

    # The participant's page, still not reloaded, shows it answered.
    expect(ours).to_contain_text("Answered", timeout=LIVE)
    expect(elsewhere.get_by_role("listitem").filter(has_text=question)).to_contain_text(
        "Answered", timeout=LIVE
    )


def test_workshop_sites_share_notes_live_and_record_an_output(new_page, cafe_tokens):
    board = f"/en/desk/events/{WORKSHOP}/board/"
    copenhagen, aalborg = new_page(), new_page()
    sign_in_as_host(copenhagen, board)
    sign_in_as_host(aalborg, board)
    assert_accessible(copenhagen)

    copenhagen.get_by_label("Your site").select_option(label="Copenhagen")
    copenhagen.get_by_role("textbox", name="Note", exact=True).fill(
        "Three politicians want to lead a test of their own."
    )
    copenhagen.get_by_role("button", name="Post the note").click()
    expect(copenhagen.get_by_text("Your note is on the board.")).to_be_visible()

    notes = aalborg.get_by_role("region", name="Notes from the sites").get_by_role("listitem")
    expect(notes.first).to_contain_text(
        "Three politicians want to lead a test of their own.", timeout=LIVE
    )
    expect(notes.first).to_contain_text("Copenhagen")

    aalborg.get_by_label("Your site").select_option(label="Aalborg")
    aalborg.get_by_role("textbox", name="Note", exact=True).fill(
        "Our policy case puts citizens' time next to the kroner."
    )
    aalborg.get_by_role("button", name="Post the note").click()

    notes = copenhagen.get_by_role("region", name="Notes from the sites").get_by_role("listitem")
    expect(notes).to_have_count(2, timeout=LIVE)
    expect(notes.first).to_contain_text("Our policy case puts citizens' time")
    expect(notes.first).to_contain_text("Aalborg")
    assert_accessible(copenhagen)

    aalborg.get_by_role("textbox", name="Title", exact=True).fill("Policy case template")
    aalborg.get_by_label("Description").fill(
        "One page that sets the policy case beside the business case."
    )
    aalborg.get_by_label("Where it was made").select_option(label="Aalborg")
    aalborg.get_by_label("Contributors").fill("Aalborg Kommune, the welfare-technology centre")
    aalborg.get_by_role("button", name="Record the output").click()
    expect(aalborg.get_by_text("The output is recorded.")).to_be_visible()
    outputs = aalborg.get_by_role("region", name="Outputs")
    expect(outputs.get_by_role("heading", name="Policy case template")).to_be_visible()
    expect(outputs).to_contain_text("Aalborg · by Aalborg Kommune, the welfare-technology centre")
    assert_accessible(aalborg)

    aalborg.goto(f"/en/desk/events/{WORKSHOP}/board/projector/")
    expect(aalborg.get_by_role("region", name="Copenhagen")).to_contain_text(
        "Three politicians want to lead a test of their own."
    )
    expect(aalborg.get_by_role("region", name="Aalborg")).to_contain_text("Our policy case")
    expect(aalborg.get_by_role("button")).to_have_count(0)
    assert_accessible(aalborg)
