from collections.abc import Callable

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from samspil.core.db import replica_reads
from samspil.core.i18n import localize
from samspil.core.pagecache import cache_public_page
from samspil.events import selectors
from samspil.events.calendar import events_calendar
from samspil.events.forms import EventFilterForm
from samspil.events.models import Event

PAGE_SIZE = 20


@replica_reads
@cache_public_page()
def event_list(request):
    form = EventFilterForm(request.GET or None, cities=selectors.event_cities())
    if form.is_bound and not form.is_valid():
        return render(request, "events/event_list.html", {"form": form}, status=400)
    filters = form.filters() if form.is_bound else selectors.EventFilters()
    page_number = (form.cleaned_data["page"] if form.is_bound else None) or 1
    paginator = Paginator(selectors.event_list(filters=filters), PAGE_SIZE)
    try:
        page = paginator.page(page_number)
    except EmptyPage as error:
        raise Http404(_("There is no such page of events.")) from error
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/event_list.html",
        {"form": form, "page": page, "filters": filters, "query": query.urlencode()},
    )


# Apps above events (networks) add sections to the event page without this app
# importing them: each callable gets the event and returns (template name, context)
# or None. They register themselves in AppConfig.ready().
event_page_sections: list[Callable[[Event], tuple[str, dict] | None]] = []


@replica_reads
@cache_public_page(event_slug_kwarg="slug")
def event_detail(request, slug: str):
    detail = selectors.event_detail(slug=slug)
    sections = (section(detail.event) for section in event_page_sections)
    return render(
        request,
        "events/event_detail.html",
        {
            "detail": detail,
            "event": detail.event,
            "sections": [section for section in sections if section],
        },
    )


@replica_reads
def event_ics(request, slug: str):
    event = selectors.event_detail(slug=slug).event
    body = events_calendar(
        [event],
        name=localize(event.title, event.original_language),
        language=translation.get_language(),
    )
    return calendar_response(body, f"{event.slug}.ics")


@replica_reads
def event_feed(request):
    body = events_calendar(
        selectors.calendar_feed_events(),
        name=_("Samspil events"),
        language=translation.get_language(),
    )
    return calendar_response(body, "samspil-events.ics")


def calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@replica_reads
@cache_public_page()
def person_detail(request, slug: str):
    person = selectors.person_detail(slug=slug)
    return render(request, "events/person_detail.html", {"person": person})


@replica_reads
@cache_public_page()
def organisation_detail(request, slug: str):
    organisation = selectors.organisation_detail(slug=slug)
    return render(request, "events/organisation_detail.html", {"organisation": organisation})
