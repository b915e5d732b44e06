from django.core.management.base import BaseCommand

from samspil.privacy import services


class Command(BaseCommand):
    help = (
        "Anonymise registrations of events that ended more than SAMSPIL_RETENTION_MONTHS ago, "
        "now; with --ensure, only make sure the daily run is scheduled (for worker startup)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--ensure",
            action="store_true",
            help="Do not run now: enqueue the daily run unless one is pending.",
        )

    def handle(self, *args, ensure: bool = False, **options):
        if not ensure:
            count = services.retention_run()
            self.stdout.write(f"Anonymised {count} registrations.")
        next_run = services.retention_schedule()
        if next_run is None:
            self.stdout.write("The tasks backend cannot schedule: run this command daily instead.")
        else:
            self.stdout.write(f"Next retention run: {next_run.isoformat()}")
