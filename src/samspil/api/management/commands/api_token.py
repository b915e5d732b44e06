"""`samspil api_token`: create, list and revoke API tokens from the shell.

    samspil api_token create --name "Intranet" --event SLUG --user USERNAME
    samspil api_token create --name "Newsletter" --organisation SLUG --user USERNAME
    samspil api_token list
    samspil api_token revoke PREFIX

`create` prints the token once; only its hash is stored.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from samspil.api import services
from samspil.api.models import ApiToken
from samspil.events.models import Event
from samspil.people.models import Organisation


class Command(BaseCommand):
    help = "Create, list or revoke API tokens for the organiser endpoints."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create a token and print it once.")
        create.add_argument("--name", required=True)
        create.add_argument("--user", required=True, help="The staff member it acts for.")
        scope = create.add_mutually_exclusive_group(required=True)
        scope.add_argument("--event", help="Slug of the one event the token reaches.")
        scope.add_argument("--organisation", help="Slug of the organisation whose events.")
        actions.add_parser("list", help="List tokens (never the tokens themselves).")
        revoke = actions.add_parser("revoke", help="Revoke a token by its prefix.")
        revoke.add_argument("prefix")

    def handle(self, *args, action: str, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_create(self, *, name, user, event, organisation, **options):
        staff = get_user_model().objects.filter(username=user, is_staff=True, is_active=True)
        creator = staff.first()
        if creator is None:
            raise CommandError(f"No active staff user named {user!r}.")
        try:
            token, secret = services.api_token_create(
                name=name,
                created_by=creator,
                event=Event.objects.get(slug=event) if event else None,
                organisation=Organisation.objects.get(slug=organisation) if organisation else None,
            )
        except (Event.DoesNotExist, Organisation.DoesNotExist) as error:
            raise CommandError(
                f"No event or organisation with the slug {event or organisation!r}."
            ) from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stderr.write(f"Created token {token.prefix}… ({token.name}). It is shown only once:")
        self.stdout.write(secret)

    def handle_list(self, **options):
        tokens = ApiToken.objects.select_related("organisation", "event", "created_by")
        for token in tokens:
            scope = (
                f"event {token.event.slug}"
                if token.event
                else f"organisation {token.organisation.slug}"
            )
            state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
            self.stdout.write(f"{token.prefix}…\t{token.name}\t{scope}\t{state}")

    def handle_revoke(self, *, prefix, **options):
        tokens = list(ApiToken.objects.filter(prefix=prefix.rstrip("…")))
        if len(tokens) != 1:
            raise CommandError(f"{len(tokens)} tokens begin with {prefix!r}; give exactly one.")
        services.api_token_revoke(token=tokens[0], actor=None)
        self.stdout.write(f"Revoked {tokens[0]}.")
