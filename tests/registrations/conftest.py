import pytest

from tests.smtp import smtp_server, use_smtp


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd on loopback) that Django's mail goes to."""
    with smtp_server() as mailbox:
        use_smtp(settings, mailbox.port)
        yield mailbox
