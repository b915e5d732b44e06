"""Browser tests: Debian's chromium, driven by Playwright, against the real app.

One gunicorn server per test session serves a fresh SQLite database loaded with
the demo data, exactly as `make demo` sets it up. Tests reach it over HTTP only.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from tests.servers import free_port, wait_until_up
from tests.smtp import smtp_server

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The demo's four scenario events (samspil.demo.scenarios).
MEETUP = "public-innovation-week-meetup"
CAFE = "innovationscafe-politisk-ledelse"
WORKSHOP = "aabne-vaerksteder-2018"
SEMINAR = "innovationschefer-2025-seminar"
SCENARIO_EVENTS = [MEETUP, CAFE, WORKSHOP, SEMINAR]
LANGUAGES = ["en", "da", "fr", "nl"]


@pytest.fixture(scope="session")
def server_env(tmp_path_factory, smtp_mailbox) -> dict[str, str]:
    data = tmp_path_factory.mktemp("samspil")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{data / 'browser.sqlite3'}",
        "SAMSPIL_DATA_DIR": str(data),
        "DJANGO_SETTINGS_MODULE": "samspil.settings",
        # Mail goes to the tests' SMTP server, sent during the request that causes it.
        "EMAIL_URL": smtp_mailbox.url,
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        # The suite registers and asks for links many times from one address; the limits
        # themselves are proven in tests/test_ratelimit.py.
        "SAMSPIL_RATE_LIMITS_ENABLED": "false",
    }
    samspil = [sys.executable, "-m", "samspil"]
    subprocess.run([*samspil, "migrate", "--no-input", "-v0"], env=env, check=True)
    subprocess.run([*samspil, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    return env


@pytest.fixture(scope="session")
def base_url(server_env) -> str:
    port = free_port()
    bin_dir = Path(sys.executable).parent
    process = subprocess.Popen(
        [
            str(bin_dir / "gunicorn"),
            "samspil.wsgi",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--threads=4",
            "--log-level=warning",
        ],
        env=server_env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/en/events/", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail(
            "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    yield page
    context.close()


AXE = Axe()


def assert_accessible(page) -> None:
    """axe-core finds no violation at all on the page as it is now."""
    results = AXE.run(page)
    violations = results.response["violations"]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in violations
    )
    assert violations == [], f"axe violations on {page.url}:\n{report}"


@pytest.fixture(scope="session")
def smtp_mailbox():
    """A real SMTP server (aiosmtpd on loopback) that the app server sends its mail to."""
    with smtp_server() as mailbox:
        yield mailbox


def run_in_app(server_env: dict[str, str], code: str) -> None:
    """Run Python in the app server's database, e.g. to add a staff member for a test."""
    command = [sys.executable, "-m", "samspil", "shell", "-c", code]
    subprocess.run(command, env=server_env, check=True)


def sign_in(page, *, username: str, password: str, next_url: str) -> None:
    """Sign in on the staff login page and land on `next_url`."""
    page.goto(f"/en/admin/login/?next={next_url}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))
