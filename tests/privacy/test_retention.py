from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samspil.dialogue.models import SpeakerQuestion
from samspil.privacy import services, tasks
from samspil.privacy.models import ScheduledRun
from samspil.registrations.models import Registration
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)


def _event_ended(days_ago: int):
    ends = NOW - timedelta(days=days_ago)
    return EventFactory(starts_at=ends - timedelta(hours=2), ends_at=ends)


@pytest.mark.parametrize(
    ("months", "cutoff"),
    [
        (12, datetime(2025, 3, 31, 12, 0, tzinfo=UTC)),
        (1, datetime(2026, 2, 28, 12, 0, tzinfo=UTC)),
        (13, datetime(2025, 2, 28, 12, 0, tzinfo=UTC)),
    ],
)
def test_retention_cutoff_counts_calendar_months(months, cutoff):
    assert services.retention_cutoff(NOW, months) == cutoff


def test_retention_anonymises_only_events_past_the_period(settings):
    settings.SAMSPIL_RETENTION_MONTHS = 12
    old = _event_ended(days_ago=366)
    recent = _event_ended(days_ago=300)
    old_registration = RegistrationFactory(
        event=old, name="Old Timer", email="old@example.org", answers={"1": "vegan"}
    )
    RegistrationFactory(event=old, status="cancelled", email="gone@example.org")
    recent_registration = RegistrationFactory(event=recent, name="Recent", email="new@example.org")
    SpeakerQuestion.objects.create(event=old, author=old_registration, text="Mine?")
    counts_before = list(
        Registration.objects.values("event_id", "status", "role_category").annotate(n=Count("pk"))
    )

    assert services.retention_run(now=NOW) == 2

    old_registration.refresh_from_db()
    recent_registration.refresh_from_db()
    assert (old_registration.name, old_registration.email, old_registration.answers) == (
        "(erased)",
        f"{old_registration.pk}@erased.invalid",
        {},
    )
    assert (recent_registration.name, recent_registration.email) == ("Recent", "new@example.org")
    assert SpeakerQuestion.objects.get().text == "(question removed)"
    counts_after = list(
        Registration.objects.values("event_id", "status", "role_category").annotate(n=Count("pk"))
    )
    assert counts_after == counts_before


def test_retention_runs_again_without_touching_what_it_did():
    RegistrationFactory(event=_event_ended(days_ago=400))
    assert services.retention_run(now=NOW) == 1

    assert services.retention_run(now=NOW) == 0


def test_retention_follows_the_setting(settings):
    settings.SAMSPIL_RETENTION_MONTHS = 6
    RegistrationFactory(event=_event_ended(days_ago=200))

    assert services.retention_run(now=NOW) == 1


def test_retention_task_runs_and_schedules_the_next_day(
    django_capture_on_commit_callbacks,
):
    registration = RegistrationFactory(event=_event_ended(days_ago=400))
    task_path = tasks.retention_task.module_path
    with django_capture_on_commit_callbacks(execute=True):
        first = services.retention_schedule()

    # What the worker does with the pending run (its own process closes our connection).
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.retention_task.call() == 1

    registration.refresh_from_db()
    assert registration.email == f"{registration.pk}@erased.invalid"
    run = ScheduledRun.objects.get(name="retention")
    assert run.last_result == {"anonymised": 1}
    assert run.next_run_at == run.last_run_at + timedelta(days=1)
    assert run.last_run_at >= first
    run_afters = sorted(
        row.run_after for row in DBTaskResult.objects.filter(task_path=task_path, status="READY")
    )
    assert run_afters == [first, run.next_run_at]


def test_retention_command_ensure_schedules_once(django_capture_on_commit_callbacks):
    task_path = tasks.retention_task.module_path
    with django_capture_on_commit_callbacks(execute=True):
        call_command("retention", "--ensure", stdout=StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("retention", "--ensure", stdout=StringIO())

    assert DBTaskResult.objects.filter(task_path=task_path).count() == 1
    assert ScheduledRun.objects.get(name="retention").last_run_at is None


def test_retention_command_runs_now(django_capture_on_commit_callbacks):
    RegistrationFactory(
        event=EventFactory(
            starts_at=timezone.now() - timedelta(days=800),
            ends_at=timezone.now() - timedelta(days=799),
        )
    )
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("retention", stdout=out)

    assert out.getvalue().splitlines()[0] == "Anonymised 1 registrations."
    assert Registration.objects.get().email.endswith("@erased.invalid")


def test_retention_second_chain_stops():
    now = timezone.now()
    ScheduledRun.objects.create(name="retention", next_run_at=now + timedelta(hours=20))

    services.retention_run_and_reschedule(now=now)

    assert ScheduledRun.objects.get().next_run_at == now + timedelta(hours=20)
    assert not DBTaskResult.objects.filter(task_path=tasks.retention_task.module_path).exists()
