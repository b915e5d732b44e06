"""Public pages are cached per language and address, and invalidated when what they show changes."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from samspil.core.pagecache import cache_public_page
from samspil.registrations import services
from tests.factories import (
    AgendaItemFactory,
    EventFactory,
    EventRoleFactory,
    PersonFactory,
    RegistrationFactory,
    SiteFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(slug="cached", title={"en": "Before", "da": "Før"}, capacity=10)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block whose on-commit callbacks run at its end: the cache is invalidated after
    commit, and each test runs in a transaction that never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def cache_state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def test_event_page_is_served_from_the_cache_without_queries(
    client, event, django_assert_num_queries
):
    first = client.get("/en/events/cached/")
    with django_assert_num_queries(0):
        second = client.get("/en/events/cached/")

    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.content == first.content


def test_cache_keeps_each_language_apart(client, event):
    english = client.get("/en/events/cached/")
    danish = client.get("/da/events/cached/")

    assert (cache_state(english), cache_state(danish)) == ("miss", "miss")
    assert '<h1 lang="en">Before</h1>' in english.text
    assert '<h1 lang="da">Før</h1>' in danish.text
    assert cache_state(client.get("/da/events/cached/")) == "hit"


def test_list_cache_keeps_each_filter_apart(client, event):
    client.get("/en/events/")

    filtered = client.get("/en/events/", {"q": "nothing-matches"})

    assert cache_state(filtered) == "miss"
    assert "/en/events/cached/" not in filtered.text


def test_saving_the_event_refreshes_its_page_and_the_list(client, event, committed):
    client.get("/en/events/cached/")
    client.get("/en/events/")

    with committed():
        event.title = {"en": "After"}
        event.save()

    page = client.get("/en/events/cached/")
    listing = client.get("/en/events/")
    assert (cache_state(page), cache_state(listing)) == ("miss", "miss")
    assert "After" in page.text
    assert "After" in listing.text


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda event: SiteFactory(event=event, venue="Nyt sted"), id="site"),
        pytest.param(
            lambda event: AgendaItemFactory(event=event, title={"en": "Nyt punkt"}), id="agenda"
        ),
        pytest.param(
            lambda event: EventRoleFactory(event=event, person__name="Nyt navn"), id="role"
        ),
    ],
)
def test_related_changes_refresh_the_event_page(client, event, committed, change):
    client.get("/en/events/cached/")

    with committed():
        change(event)

    page = client.get("/en/events/cached/")
    assert cache_state(page) == "miss"
    assert any(text in page.text for text in ("Nyt sted", "Nyt punkt", "Nyt navn"))


def test_renaming_a_speaker_refreshes_the_event_page(client, event, committed):
    person = PersonFactory(name="Old Name")
    EventRoleFactory(event=event, person=person)
    client.get("/en/events/cached/")

    with committed():
        person.name = "New Name"
        person.save()

    assert "New Name" in client.get("/en/events/cached/").text


def test_a_registration_refreshes_only_its_own_event_page(client, event, committed):
    other = EventFactory(slug="other")
    client.get("/en/events/cached/")
    client.get("/en/events/other/")

    with committed():
        services.registration_create(
        event=event, site=None, name="Anna", email="anna@example.org", organisation="",
        role_category="employee", municipality="", answers={}, language="en",
    )  # fmt: skip

    assert cache_state(client.get("/en/events/cached/")) == "miss"
    assert cache_state(client.get("/en/events/other/")) == "hit"
    assert other.registrations.count() == 0


def test_a_registration_row_changing_status_refreshes_its_event_page(client, event, committed):
    registration = RegistrationFactory(event=event)
    client.get("/en/events/cached/")

    with committed():
        registration.status = "cancelled"
        registration.save()

    assert cache_state(client.get("/en/events/cached/")) == "miss"


def test_signed_in_staff_never_get_or_fill_the_cache(client, event):
    client.get("/en/events/cached/")
    client.force_login(StaffFactory())

    staff_view = client.get("/en/events/cached/")
    client.logout()
    anonymous = client.get("/en/events/cached/")

    assert cache_state(staff_view) is None
    assert cache_state(anonymous) == "hit"


def test_a_page_with_messages_to_show_is_rendered_afresh(client, event, committed):
    registration = RegistrationFactory(event=event)
    client.get("/en/events/cached/")
    with committed():
        client.post(f"/en/r/{registration.token}/cancel/")  # "Your registration is cancelled."

    page = client.get("/en/events/cached/")

    assert cache_state(page) is None
    assert "Your registration is cancelled." in page.text
    assert cache_state(client.get("/en/events/cached/")) == "miss"  # shown once, then cached


def test_a_page_that_uses_a_csrf_token_is_never_stored(rf: RequestFactory):
    @cache_public_page()
    def view(request):
        return HttpResponse(get_token(request))

    first, second = view(rf.get("/en/form/")), view(rf.get("/en/form/"))

    assert (cache_state(first), cache_state(second)) == (None, None)
    assert first.content != second.content


def test_page_cache_off_renders_every_time(client, event, settings):
    settings.SAMSPIL_PAGE_CACHE_SECONDS = 0

    responses = [client.get("/en/events/cached/") for _ in range(2)]

    assert [cache_state(response) for response in responses] == [None, None]
