"""`samspil demo`: load the four scenarios and filler events into the database."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation

from samspil.demo.dialogue import load_dialogue_demo
from samspil.demo.generated import FILLER_ORGANISATIONS, create_generated_events, generated_slugs
from samspil.demo.networks import create_networks_demo, demo_networks_delete
from samspil.demo.scenarios import (
    CAFE_SLUG,
    MEETUP_SLUG,
    NETWORK_MEETING_SLUGS,
    NETWORK_SEMINAR_SLUG,
    ORGANISATIONS,
    PEOPLE,
    SCENARIO_SLUGS,
    SERIES_SLUGS,
    WORKSHOP_SLUG,
    create_scenarios,
)
from samspil.demo.solutions import load_solutions_demo, solutions_demo_delete
from samspil.events.models import Event, Series
from samspil.people.models import Organisation, Person
from samspil.registrations.models import Registration

ADMIN_USERNAME = "admin"


def demo_event_slugs() -> list[str]:
    return [*SCENARIO_SLUGS, *generated_slugs()]


def demo_delete() -> None:
    """Delete the demo's events (with their registrations), people, series and organisations.

    An organisation that still organises an event someone else created is kept.
    """
    # Networks protect their organiser and members; they go first.
    demo_networks_delete()
    # Solutions and their reuses protect their organisations too.
    solutions_demo_delete()
    slugs = demo_event_slugs()
    # Registrations protect their event from deletion; the demo's go with it.
    Registration.objects.filter(event__slug__in=slugs).delete()
    Event.objects.filter(slug__in=slugs).delete()
    Series.objects.filter(slug__in=SERIES_SLUGS).delete()
    Person.objects.filter(slug__in=[row["slug"] for row in PEOPLE]).delete()
    Organisation.objects.filter(
        slug__in=[row["slug"] for row in ORGANISATIONS + FILLER_ORGANISATIONS]
    ).exclude(Exists(Event.objects.filter(organiser=OuterRef("pk")))).delete()


def admin_ensure(password: str) -> bool:
    """Create the staff superuser "admin", or reset its password; True if created."""
    user, created = get_user_model().objects.get_or_create(
        username=ADMIN_USERNAME, defaults={"email": "admin@example.org"}
    )
    user.is_staff = True
    user.is_superuser = True
    user.is_active = True
    user.set_password(password)
    user.save()
    return created


class Command(BaseCommand):
    help = (
        "Load the demo data: the four scenarios of SCENARIOS.md and about forty filler events. "
        "Does nothing if the demo is already loaded, unless --reset is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo's records (and registrations for its events) and load it again.",
        )
        parser.add_argument(
            "--admin-password",
            metavar="PASSWORD",
            help=f'Also create the staff superuser "{ADMIN_USERNAME}" with this password '
            "(or set the password if the user exists).",
        )

    def handle(self, *args, reset: bool = False, admin_password: str | None = None, **options):
        with transaction.atomic():
            if admin_password:
                created = admin_ensure(admin_password)
                verb = "Created" if created else "Updated"
                self.stdout.write(f'{verb} the staff user "{ADMIN_USERNAME}".')
            loaded = Event.objects.filter(slug__in=SCENARIO_SLUGS).exists()
            if loaded and not reset:
                self.stdout.write(
                    "The demo data is already loaded; nothing changed. "
                    "Run `samspil demo --reset` to load it afresh."
                )
                return
            # Also clears what a partial or older load may have left behind.
            demo_delete()
            today = timezone.localdate()
            scenario_events = create_scenarios(today=today)
            generated_events = create_generated_events(today=today)
            load_dialogue_demo()
            create_networks_demo(today=today)
            load_solutions_demo()

        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the demo: {len(scenario_events)} scenario events and "
                f"{len(generated_events)} generated events; "
                f"{Organisation.objects.count()} organisations, {Person.objects.count()} people "
                "in the database."
            )
        )
        self.stdout.write("The four scenarios:")
        with translation.override("en"):
            for slug in [MEETUP_SLUG, CAFE_SLUG, WORKSHOP_SLUG, NETWORK_SEMINAR_SLUG]:
                self.stdout.write(f"  {Event(slug=slug).get_absolute_url()}")
            meetings = ", ".join(
                Event(slug=slug).get_absolute_url() for slug in NETWORK_MEETING_SLUGS
            )
            self.stdout.write(f"  (the network's meetings: {meetings})")
