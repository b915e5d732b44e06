"""`samspil generate`: fill the database with many realistic rows, for benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from samspil.demo.large import generate


class Command(BaseCommand):
    help = "Add generated organisations, people, events and registrations (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=1000)
        parser.add_argument("--registrations", type=int, default=50000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        if options["events"] < 1 or options["registrations"] < 0:
            raise CommandError("--events must be at least 1 and --registrations at least 0.")
        start = time.perf_counter()
        counts = generate(
            events=options["events"],
            registrations=options["registrations"],
            seed=options["seed"],
            log=self.stdout.write,
        )
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"Generated {summary} in {time.perf_counter() - start:.1f} s.")
