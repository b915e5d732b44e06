"""Participants for the live dialogue flows of the café (scenario 2) and the workshop (scenario 3).

Both events lie in the past (31 March 2023 and 3 October 2018), so the registration
service would refuse these people (registration is closed). The demo therefore
creates the Registration rows directly, as confirmed registrations. Running it
again changes nothing: each row is found again by its event and e-mail address.
"""

from datetime import timedelta

from django.db import transaction

from samspil.events.models import Event
from samspil.people.models import RoleCategory
from samspil.registrations.models import Registration, RegistrationStatus

CAFE = "innovationscafe-politisk-ledelse"
WORKSHOP = "aabne-vaerksteder-2018"

R = RoleCategory

# (name, role, organisation, municipality): a café audience of staff, managers
# and politicians from municipalities and regions, with a few from outside.
CAFE_PEOPLE = [
    ("Mette Kjær", R.POLITICIAN, "Vejle Kommune", "Vejle"),
    ("Søren Holm", R.POLITICIAN, "Region Syddanmark", "Region Syddanmark"),
    ("Karen Damgaard", R.POLITICIAN, "Aarhus Kommune", "Aarhus"),
    ("Jens Bach", R.POLITICIAN, "Furesø Kommune", "Furesø"),
    ("Hanne Winther", R.MANAGER, "Vejle Kommune", "Vejle"),
    ("Peter Lund", R.MANAGER, "Aarhus Kommune", "Aarhus"),
    ("Lise Mortensen", R.MANAGER, "Region Midtjylland", "Region Midtjylland"),
    ("Thomas Berg", R.MANAGER, "Odense Kommune", "Odense"),
    ("Anne Sørensen", R.MANAGER, "Gentofte Kommune", "Gentofte"),
    ("Mads Nielsen", R.EMPLOYEE, "Odense Kommune", "Odense"),
    ("Camilla Friis", R.EMPLOYEE, "Region Syddanmark", "Region Syddanmark"),
    ("Rasmus Dahl", R.EMPLOYEE, "Digitaliseringsstyrelsen", "København"),
    ("Julie Kristensen", R.EMPLOYEE, "Gentofte Kommune", "Gentofte"),
    ("Anders Møller", R.EMPLOYEE, "Aalborg Kommune", "Aalborg"),
    ("Sofie Lauridsen", R.EMPLOYEE, "Furesø Kommune", "Furesø"),
    ("Nanna Holst", R.FRONT_LINE, "Aarhus Kommune", "Aarhus"),
    ("Kim Thomsen", R.FRONT_LINE, "Vejle Kommune", "Vejle"),
    ("Birgitte Juhl", R.FRONT_LINE, "Aalborg Kommune", "Aalborg"),
    ("Ole Rasmussen", R.FRONT_LINE, "Region Midtjylland", "Region Midtjylland"),
    ("Marie Skov", R.BUSINESS, "Welfare Tech Solutions ApS", "Odense"),
    ("Henrik Vestergaard", R.BUSINESS, "Nordic Care Robotics A/S", "Aarhus"),
    ("Ida Jepsen", R.ASSOCIATION, "Ældre Sagen", "København"),
    ("Line Bisgaard", R.ASSOCIATION, "Danske Handicaporganisationer", "Høje-Taastrup"),
    ("Kristian Eskildsen", R.RESEARCHER, "Aalborg Universitet", "Aalborg"),
]

# Per site, in the sites' order (Copenhagen, then Aalborg): the mix the workshop is about.
WORKSHOP_PEOPLE = [
    [
        ("Pia Rosendahl", R.POLITICIAN, "Gentofte Kommune", "Gentofte"),
        ("Niels Kofoed", R.POLITICIAN, "Furesø Kommune", "Furesø"),
        ("Trine Hald", R.MANAGER, "Københavns Kommune", "København"),
        ("Martin Schou", R.MANAGER, "Gentofte Kommune", "Gentofte"),
        ("Signe Bjerre", R.EMPLOYEE, "Furesø Kommune", "Furesø"),
        ("Jakob Lindholm", R.EMPLOYEE, "Københavns Kommune", "København"),
        ("Eva Mikkelsen", R.FRONT_LINE, "Gentofte Kommune", "Gentofte"),
        ("Bo Clausen", R.FRONT_LINE, "Københavns Kommune", "København"),
        ("Louise Brandt", R.BUSINESS, "Urban Lab ApS", "København"),
        ("Rikke Fogh", R.ASSOCIATION, "Frivilligcenter Furesø", "Furesø"),
    ],
    [
        ("Lars Overgaard", R.POLITICIAN, "Aalborg Kommune", "Aalborg"),
        ("Gitte Brix", R.POLITICIAN, "Region Nordjylland", "Region Nordjylland"),
        ("Torben Kjeldsen", R.MANAGER, "Aalborg Kommune", "Aalborg"),
        ("Maja Egholm", R.MANAGER, "Hjørring Kommune", "Hjørring"),
        ("Christian Bak", R.EMPLOYEE, "Videncenter for Velfærdsteknologi", "Aalborg"),
        ("Helle Andersen", R.EMPLOYEE, "Aalborg Kommune", "Aalborg"),
        ("Dorthe Laursen", R.FRONT_LINE, "Aalborg Kommune", "Aalborg"),
        ("Jesper Krogh", R.FRONT_LINE, "Frederikshavn Kommune", "Frederikshavn"),
        ("Stine Lykke", R.BUSINESS, "CareTech Nord ApS", "Aalborg"),
        ("Morten Riis", R.RESEARCHER, "Aalborg Universitet", "Aalborg"),
    ],
]


def _email(prefix: str, name: str) -> str:
    local = (
        name.lower()
        .replace(" ", ".")
        .replace("æ", "ae")
        .replace("ø", "oe")
        .replace("å", "aa")
        .replace("é", "e")
    )
    return f"{local}@{prefix}.demo.samspil.example"


def _add(event: Event, site, people, prefix: str) -> int:
    created = 0
    for name, role, organisation, municipality in people:
        _registration, new = Registration.objects.get_or_create(
            event=event,
            email=_email(prefix, name),
            defaults={
                "site": site,
                "status": RegistrationStatus.CONFIRMED,
                "name": name,
                "organisation": organisation,
                "role_category": role,
                "municipality": municipality,
                "language": "da",
                "price": 0,
                "vat_amount": 0,
                "currency": "DKK",
                # They signed up in the weeks before the event.
                "confirmed_at": event.starts_at - timedelta(days=14),
            },
        )
        created += new
    return created


@transaction.atomic
def load_dialogue_demo() -> int:
    """Add the dialogue participants to the café and the workshop, if those exist.

    Returns how many registrations were created (0 on a second run).
    """
    created = 0
    cafe = Event.objects.filter(slug=CAFE).first()
    if cafe is not None:
        created += _add(cafe, cafe.sites.order_by("order", "pk").first(), CAFE_PEOPLE, "cafe")
    workshop = Event.objects.filter(slug=WORKSHOP).first()
    if workshop is not None:
        sites = list(workshop.sites.order_by("order", "pk"))
        for site, people in zip(sites, WORKSHOP_PEOPLE, strict=False):
            created += _add(workshop, site, people, "workshop")
    return created
