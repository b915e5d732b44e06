"""`samspil serve`: the web processes under gunicorn, as production runs them."""

import os
import shutil
import sys

from django.core.management.base import BaseCommand, CommandError


def default_workers() -> int:
    """gunicorn's rule of thumb for sync workers: 2 x cores + 1."""
    return 2 * (os.cpu_count() or 1) + 1


class Command(BaseCommand):
    help = (
        "Serve Samspil with gunicorn. Workers: WEB_CONCURRENCY or 2 x cores + 1; "
        "address: SAMSPIL_BIND (default 127.0.0.1:8000). Further gunicorn options after --."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("SAMSPIL_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", "0")) or default_workers(),
        )
        parser.add_argument(
            "--timeout", type=int, default=int(os.environ.get("SAMSPIL_WORKER_TIMEOUT", "30"))
        )
        parser.add_argument("gunicorn_args", nargs="*", help="passed on to gunicorn")

    def handle(self, *args, **options):
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which(
            "gunicorn"
        )
        if gunicorn is None:
            raise CommandError("gunicorn is not installed.")
        command = [
            gunicorn,
            "samspil.wsgi",
            f"--bind={options['bind']}",
            f"--workers={options['workers']}",
            "--worker-class=sync",
            f"--timeout={options['timeout']}",
            "--access-logfile=-",
            # Behind nginx: trust its X-Forwarded-* headers (nginx runs on the same host).
            "--forwarded-allow-ips=127.0.0.1,::1",
            *options["gunicorn_args"],
        ]
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samspil.settings")
        sys.stdout.flush()
        # Replace this process, so that signals from systemd reach gunicorn's arbiter.
        os.execv(gunicorn, command)  # noqa: S606
