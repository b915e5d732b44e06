import pytest


@pytest.fixture
def immediate_tasks(settings):
    """Tasks run at once (after commit), so their mails land in mail.outbox."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
