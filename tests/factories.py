from datetime import timedelta
from decimal import Decimal

import factory
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.utils import timezone

from samspil.billing.models import Invoice
from samspil.billing.services import Buyer, Line, invoice_create
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


# billing -------------------------------------------------------------------------------


class BuyerFactory(factory.Factory):
    """A Danish municipality that takes e-invoices by EAN (a real check digit, made up)."""

    class Meta:
        model = Buyer

    name = factory.Sequence(lambda n: f"Buyer Kommune {n}")
    address = "Rådhuspladsen 1"
    postcode = "5000"
    city = "Odense"
    country = "DK"
    vat_number = "DK13585628"
    gln = "5798000000001"
    buyer_reference = "Innovation 4711"
    contact_name = "Anna Andersen"
    contact_email = "anna@example.org"
    language = "en"


class LineFactory(factory.Factory):
    class Meta:
        model = Line

    description = factory.Sequence(lambda n: {"en": f"Membership {n}", "da": f"Medlemskab {n}"})
    quantity = factory.LazyFunction(lambda: Decimal(1))
    unit_price = factory.LazyFunction(lambda: Decimal("12000.00"))
    vat_rate = factory.LazyFunction(lambda: Decimal(25))


class InvoiceFactory(factory.Factory):
    """An invoice issued through the service, so it has a number and totals like a real one."""

    class Meta:
        model = Invoice

    buyer = factory.SubFactory(BuyerFactory)
    lines = factory.LazyFunction(lambda: [LineFactory()])
    currency = "DKK"
    actor = None

    @classmethod
    def _create(cls, model_class, **kwargs):
        return invoice_create(**kwargs)

    _build = _create


class SolutionFactory(factory.django.DjangoModelFactory):
    """A published solution with one status change, made directly (services have their tests)."""

    class Meta:
        model = "solutions.Solution"
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"solution-{n}")
    title = factory.Sequence(lambda n: {"en": f"Solution {n}", "da": f"Løsning {n}"})
    original_language = "en"
    published = True
    status = "idea"
    status_since = factory.LazyFunction(timezone.localdate)
    owner = factory.SubFactory(OrganisationFactory)

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            self.status_changes.create(status=self.status, date=self.status_since)


# networks ------------------------------------------------------------------------------


class NetworkFactory(factory.django.DjangoModelFactory):
    """A binding 12-month network with a fee of 8,000 DKK + 25 % VAT."""

    class Meta:
        model = "networks.Network"

    name = factory.Sequence(lambda n: {"en": f"Network {n}", "da": f"Netværk {n}"})
    slug = factory.Sequence(lambda n: f"network-{n}")
    original_language = "en"
    organiser = factory.SubFactory(OrganisationFactory)
    fee = factory.LazyFunction(lambda: Decimal("8000.00"))
    vat_rate = factory.LazyFunction(lambda: Decimal(25))
    currency = "DKK"
    term_months = 12
    is_binding = True


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "networks.Criterion"

    network = factory.SubFactory(NetworkFactory)
    text = factory.Sequence(lambda n: {"en": f"Criterion {n}", "da": f"Kriterium {n}"})
    order = factory.Sequence(lambda n: n)


class IntakeWindowFactory(factory.django.DjangoModelFactory):
    """An intake window open from yesterday for a month."""

    class Meta:
        model = "networks.IntakeWindow"

    network = factory.SubFactory(NetworkFactory)
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda window: window.opens_at + timedelta(days=30))


class MembershipFactory(factory.django.DjangoModelFactory):
    """A current membership (started a month ago), made directly, without an invoice."""

    class Meta:
        model = "networks.Membership"

    network = factory.SubFactory(NetworkFactory)
    person = factory.SubFactory(PersonFactory)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda m: m.starts_on + timedelta(days=364))
    is_binding = True
    fee = factory.LazyFunction(lambda: Decimal("8000.00"))
    vat_rate = factory.LazyFunction(lambda: Decimal(25))
    currency = "DKK"
