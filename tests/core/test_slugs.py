import pytest

from samspil.core.slugs import unique_slug
from samspil.people.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_unique_slug_writes_out_danish_letters_and_numbers_repeats():
    PersonFactory(slug="soeren-aabo")

    assert unique_slug(Person, "Søren Åbo", fallback="member") == "soeren-aabo-2"


def test_unique_slug_falls_back_when_nothing_is_left():
    assert unique_slug(Person, "!!!", fallback="member") == "member"
