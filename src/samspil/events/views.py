from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from samspil.core.i18n import localize
from samspil.events import selectors
from samspil.events.calendar import events_calendar
from samspil.events.forms import EventFilterForm

PAGE_SIZE = 20


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


def event_detail(request, slug: str):
    detail = selectors.event_detail(slug=slug)
    return render(request, "events/event_detail.html", {"detail": detail, "event": detail.event})


def event_ics(request, slug: str):
    event = selectors.event_detail(slug=slug).event
    body = events_calendar(
        [event],
        name=localize(event.title, event.original_language),
        language=translation.get_language(),
    )
    return calendar_response(body, f"{event.slug}.ics")


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


def person_detail(request, slug: str):
    person = selectors.person_detail(slug=slug)
    return render(request, "events/person_detail.html", {"person": person})


def organisation_detail(request, slug: str):
    organisation = selectors.organisation_detail(slug=slug)
    return render(request, "events/organisation_detail.html", {"organisation": organisation})
