from datetime import timedelta

import factory
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.utils import timezone

from samspil.events.models import (
    AgendaItem,
    Event,
    EventKind,
    EventMode,
    EventRole,
    EventRoleKind,
    EventStatus,
    Site,
)
from samspil.people.models import Organisation, OrganisationKind, Person, RoleCategory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganisationKind.MUNICIPALITY
    city = "Odense"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    role_category = RoleCategory.EMPLOYEE


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title = factory.Sequence(lambda n: {"en": f"Event {n}", "da": f"Arrangement {n}"})
    kind = EventKind.MEETUP
    mode = EventMode.IN_PERSON
    status = EventStatus.PUBLISHED
    organiser = factory.SubFactory(OrganisationFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=2))
    time_zone = "Europe/Copenhagen"
    original_language = "en"
    languages = factory.LazyFunction(lambda: ["en"])


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    event = factory.SubFactory(EventFactory)
    name = factory.LazyFunction(lambda: {"en": "Main site"})
    venue = "Town hall"
    address = "Main street 1"
    city = "Odense"


class EventRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventRole

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    kind = EventRoleKind.SPEAKER


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyAttribute(lambda item: item.event.starts_at)
    title = factory.LazyFunction(lambda: {"en": "Talk"})
    kind = "talk"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration, made directly (services are tested through their API)."""

    class Meta:
        model = "registrations.Registration"

    event = factory.SubFactory(EventFactory)
    status = "confirmed"
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    role_category = RoleCategory.EMPLOYEE
    language = "en"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    # Tests sign in with force_login; hashing a password would only cost time.
    password = factory.LazyFunction(lambda: make_password(None))  # unusable, and no hashing


class StaffFactory(UserFactory):
    """An organiser: staff who may see every site's registrations at the desk."""

    class Meta:
        skip_postgeneration_save = True

    is_staff = True

    @factory.post_generation
    def desk_permission(self, create, extracted, **kwargs):
        if create:
            self.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label="registrations", codename="view_registration"
                )
            )


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "registrations.Question"

    event = factory.SubFactory(EventFactory)
    label = factory.Sequence(lambda n: {"en": f"Question {n}"})
    kind = "text"
    order = factory.Sequence(lambda n: n)
