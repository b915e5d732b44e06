"""A real SMTP server for tests: aiosmtpd on a free loopback port, keeping what it receives."""

import email
import email.policy
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from tests.servers import free_port


@dataclass
class Received:
    """One mail as the server got it: the envelope, and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        # Django folds a long encoded subject onto its own line ("Subject:\n =?utf-8?q?..."),
        # and the parser keeps the folding space; mail clients drop it.
        return str(self.message["Subject"]).strip()

    @property
    def text(self) -> str:
        return self.message.get_body(preferencelist=("plain",)).get_content()

    @property
    def html(self) -> str:
        return self.message.get_body(preferencelist=("html",)).get_content()

    def attachments(self) -> dict[str, bytes]:
        return {
            part.get_filename(): part.get_payload(decode=True)
            for part in self.message.iter_attachments()
        }


@dataclass
class Mailbox:
    """The aiosmtpd handler: collects every mail; tests read and wait on it."""

    host: str = "127.0.0.1"
    port: int = 0
    received: list[Received] = field(default_factory=list)
    _arrived: threading.Condition = field(default_factory=threading.Condition)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._arrived:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    @property
    def url(self) -> str:
        """The server as django-environ's EMAIL_URL."""
        return f"smtp://{self.host}:{self.port}"

    def wait_for(self, count: int, timeout: float = 10) -> list[Received]:
        """Wait until at least `count` mails have arrived in all; return them all."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"{len(self.received)} mails arrived within {timeout} s, not {count}"
                    )
                self._arrived.wait(left)
            return list(self.received)

    def to(self, address: str) -> list[Received]:
        return [mail for mail in self.received if address in mail.rcpt_tos]

    def wait_for_mail_to(self, address: str, count: int = 1, timeout: float = 10) -> Received:
        """Wait for the `count`-th mail to `address` and return it."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.to(address)) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no mail number {count} to {address} within {timeout} s")
                self._arrived.wait(left)
            return self.to(address)[count - 1]


@contextmanager
def smtp_server(port: int | None = None) -> Iterator[Mailbox]:
    """Run aiosmtpd on 127.0.0.1 (on `port`, or a free one) for the duration of the block."""
    mailbox = Mailbox(port=port or free_port())
    controller = Controller(mailbox, hostname=mailbox.host, port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()


def use_smtp(settings, port: int) -> None:
    """Point Django's mail at a real SMTP server on 127.0.0.1:`port` (pytest-django settings)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
