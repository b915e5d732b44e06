"""`samspil worker`: the background tasks worker of whatever tasks backend is configured."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Run the tasks worker: RQ (rqworker with its scheduler) when REDIS_URL is set, "
        "else the database worker (db_worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--burst", action="store_true", help="process what is queued now, then exit"
        )

    def handle(self, *args, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == "django_tasks_rq.RQBackend":
            self.stdout.write("Tasks worker: RQ on Redis")
            call_command(
                "rqworker",
                "default",
                job_class="django_tasks_rq.Job",
                with_scheduler=True,
                burst=options["burst"],
                verbosity=options["verbosity"],
            )
        elif backend == "django_tasks_db.DatabaseBackend":
            self.stdout.write("Tasks worker: database queue")
            call_command(
                "db_worker",
                reload=False,
                batch=options["burst"],
                queue_name="*",
                verbosity=options["verbosity"],
            )
        else:
            self.stderr.write(f"The tasks backend {backend} runs tasks without a worker.")
