"""Public reads: what the public pages show, as JSON. No token needed."""

from collections.abc import Callable

from django.db.models import QuerySet
from ninja import Path, Query, Router

from samspil.api import output
from samspil.api.errors import form_invalid
from samspil.api.schemas import (
    SLUG_PATTERN,
    Error,
    EventOut,
    EventPage,
    EventQuery,
    LanguageQuery,
    NetworkOut,
    NetworkPage,
    OrganisationOut,
    PageQuery,
    PersonOut,
    SolutionOut,
    SolutionPage,
    SolutionQuery,
)
from samspil.events import selectors
from samspil.events.forms import EventFilterForm
from samspil.networks import selectors as network_selectors
from samspil.solutions import selectors as solution_selectors
from samspil.solutions.forms import SolutionFilterForm

router = Router(tags=["public"])

ERRORS = {422: Error, 429: Error}
DETAIL_ERRORS = {404: Error, **ERRORS}


def slug_path():
    return Path(..., pattern=SLUG_PATTERN, max_length=200)


def paginate(items: QuerySet, page: PageQuery, render: Callable) -> dict:
    """One page of `items`: a count query and one for the page (plus its prefetches)."""
    count = items.count()
    rows = items[page.offset : page.offset + page.limit] if page.offset < count else []
    return {
        "count": count,
        "limit": page.limit,
        "offset": page.offset,
        "items": [render(row) for row in rows],
    }


@router.get("/events", response={200: EventPage, **ERRORS}, summary="Public events")
def events(request, query: Query[EventQuery]):
    """Upcoming events soonest first (or past ones latest first, `when=past`), filtered
    like the public event list."""
    form = EventFilterForm(
        {
            "q": query.q,
            "kind": query.kind or "",
            "mode": query.mode or "",
            "city": query.city,
            "language": query.language or "",
            "free": query.free,
            "when": "past" if query.when == "past" else "",
        },
        cities=selectors.event_cities(),
    )
    if not form.is_valid():
        raise form_invalid(form, "query")
    return paginate(selectors.event_list(filters=form.filters()), query, output.event_summary)


@router.get("/events/{slug}", response={200: EventOut, **DETAIL_ERRORS}, summary="An event")
def event(request, query: Query[LanguageQuery], slug: str = slug_path()):
    """An event with its sites, agenda and the people in roles, as its public page shows them."""
    return output.event_detail(selectors.event_detail(slug=slug))


@router.get("/people/{slug}", response={200: PersonOut, **DETAIL_ERRORS}, summary="A person")
def person(request, query: Query[LanguageQuery], slug: str = slug_path()):
    """A speaker, host or contact person with their roles at public events."""
    return output.person_detail(selectors.person_detail(slug=slug))


@router.get(
    "/organisations/{slug}",
    response={200: OrganisationOut, **DETAIL_ERRORS},
    summary="An organisation",
)
def organisation(request, query: Query[LanguageQuery], slug: str = slug_path()):
    """An organisation with the public events it organises, the sites it co-hosts and
    its people who have a role at a public event."""
    return output.organisation_detail(selectors.organisation_detail(slug=slug))


@router.get("/networks", response={200: NetworkPage, **ERRORS}, summary="Networks")
def networks(request, query: Query[PageQuery]):
    """The public networks, with the intake open now (if any)."""
    return paginate(network_selectors.public_networks(), query, output.network_summary)


@router.get("/networks/{slug}", response={200: NetworkOut, **DETAIL_ERRORS}, summary="A network")
def network(request, query: Query[LanguageQuery], slug: str = slug_path()):
    """A network with its criteria, fee, term, intake and related networks."""
    return output.network_detail(network_selectors.network_detail(slug=slug))


SOLUTION_COLUMNS = [
    "slug",
    "title",
    "original_language",
    "status",
    "status_since",
    "start_year",
    "reuse_count",
    "owner__slug",
    "owner__name",
]


@router.get("/solutions", response={200: SolutionPage, **ERRORS}, summary="Solutions")
def solutions(request, query: Query[SolutionQuery]):
    """Published solutions of the library, filtered like its public list."""
    form = SolutionFilterForm(
        {
            name: value
            for name, value in query.model_dump(exclude={"lang", "limit", "offset"}).items()
            if value not in (None, "", False)
        },
        choices=solution_selectors.filter_choices(),
    )
    if not form.is_valid():
        raise form_invalid(form, "query")
    # The columns the API's summary shows (the list page's card needs fewer).
    found = solution_selectors.solution_list(filters=form.filters()).only(*SOLUTION_COLUMNS)
    return paginate(found, query, output.solution_summary)


@router.get("/solutions/{slug}", response={200: SolutionOut, **DETAIL_ERRORS}, summary="A solution")
def solution(request, query: Query[LanguageQuery], slug: str = slug_path()):
    """A published solution with its history, origin, links and reuse trail."""
    return output.solution_detail(solution_selectors.solution_detail(slug=slug))
