"""The organiser's desk: staff pages for counts, participants, exports, mail and check-in.

Every view goes through `desk_view`, which sends anonymous visitors to the
admin login, refuses signed-in users without a desk role (403) and hands the
view their `DeskScope`: which events and sites' participants they may see.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from samspil.core.services import audit_log_create
from samspil.registrations import exports, selectors, services
from samspil.registrations.desk_forms import (
    CheckInForm,
    ParticipantFilterForm,
    ParticipantsMailForm,
)
from samspil.registrations.models import RegistrationStatus

PAGE_SIZE = 50


# Apps above registrations add their own parts of the desk (networks: a network's
# facilitator's desk; billing: invoices). Each callable gets the user and returns the
# link (label, url) to its part, or None when the user has no business there; a link
# also opens the desk to a user without an event grant. They register themselves in
# AppConfig.ready(); what the user then sees is up to those apps' own selectors.
desk_sections: list[Callable[[object], tuple[str, str] | None]] = []


def section_links(user) -> list[tuple[str, str]]:
    return [link for section in desk_sections if (link := section(user))]


def may_enter_desk(user, scope: selectors.DeskScope) -> bool:
    return user.is_staff or not scope.is_empty or bool(section_links(user))


def desk_view(view: Callable) -> Callable:
    """Staff, event organisers and site co-hosts (`selectors.desk_scope`); the view gets
    the user's scope as `scope`. Never cached."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        scope = selectors.desk_scope(user=request.user)
        if not may_enter_desk(request.user, scope):
            raise PermissionDenied(_("The organiser's desk is for staff and event organisers."))
        response = view(request, *args, scope=scope, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return never_cache(wrapper)


def _event_context(event, scope, section: str) -> dict:
    return {
        "event": event,
        "scope": scope,
        "section": section,
        "whole_event": scope.whole_event(event),
    }


@desk_view
def index(request, *, scope):
    upcoming, recent = selectors.desk_events(scope=scope)
    return render(
        request,
        "registrations/desk/index.html",
        {
            "upcoming": upcoming,
            "recent": recent,
            "scope": scope,
            "sections": section_links(request.user),
        },
    )


@desk_view
def event(request, slug: str, *, scope):
    event = selectors.desk_event(slug=slug, scope=scope)
    total, sites = selectors.desk_counts(event=event, scope=scope)
    return render(
        request,
        "registrations/desk/event.html",
        {**_event_context(event, scope, "overview"), "total": total, "site_counts": sites},
    )


def _filter_form(request, event) -> ParticipantFilterForm:
    return ParticipantFilterForm(request.GET or None, event=event, sites=list(event.sites.all()))


@desk_view
def participants(request, slug: str, *, scope):
    event = selectors.desk_event(slug=slug, scope=scope)
    form = _filter_form(request, event)
    context = {**_event_context(event, scope, "participants"), "form": form}
    if form.is_bound and not form.is_valid():
        return render(request, "registrations/desk/participants.html", context, status=400)
    registrations = selectors.desk_participants(event=event, scope=scope, filters=form.filters())
    paginator = Paginator(registrations, PAGE_SIZE)
    number = (form.cleaned_data["page"] if form.is_bound else None) or 1
    try:
        page = paginator.page(number)
    except EmptyPage:
        form.add_error(
            "page",
            ngettext(
                "There is no page %(number)d: the list has %(pages)d page.",
                "There is no page %(number)d: the list has %(pages)d pages.",
                paginator.num_pages,
            )
            % {"number": number, "pages": paginator.num_pages},
        )
        return render(request, "registrations/desk/participants.html", context, status=404)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registrations/desk/participants.html",
        {**context, "page": page, "query": query.urlencode()},
    )


def _export(request, slug: str, scope, kind: str) -> HttpResponse:
    event = selectors.desk_event(slug=slug, scope=scope)
    form = _filter_form(request, event)
    if form.is_bound and not form.is_valid():
        context = {**_event_context(event, scope, "participants"), "form": form}
        return render(request, "registrations/desk/participants.html", context, status=400)
    filters = form.filters()
    questions = list(event.questions.all())
    registrations = list(selectors.desk_participants(event=event, scope=scope, filters=filters))
    header = exports.participant_header(event, questions)
    rows = exports.participant_rows(event, questions, registrations)
    if kind == "csv":
        body = exports.participants_csv(header, rows)
        content_type = "text/csv; charset=utf-8"
    else:
        body = exports.participants_xlsx(header, rows, title=_("Participants"))
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    audit_log_create(
        actor=request.user,
        action="registrations.export",
        target=event,
        format=kind,
        filters={
            "status": filters.status,
            "site": filters.site_id,
            "role": filters.role_category,
            "q": filters.query,
        },
        rows=len(registrations),
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-participants.{kind}"'
    return response


@desk_view
def export_csv(request, slug: str, *, scope):
    return _export(request, slug, scope, "csv")


@desk_view
def export_xlsx(request, slug: str, *, scope):
    return _export(request, slug, scope, "xlsx")


@desk_view
def waiting_list(request, slug: str, *, scope):
    event = selectors.desk_event(slug=slug, scope=scope)
    waiting = selectors.desk_waiting_list(event=event, scope=scope)
    return render(
        request,
        "registrations/desk/waiting.html",
        {**_event_context(event, scope, "waiting"), "waiting": waiting},
    )


def _next(request, value: str) -> str:
    """`value` if it is an address on this site (where to go back to), else ""."""
    safe = url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return value if safe else ""


def _back(request, event) -> HttpResponse:
    """Back to the page the action came from, else the waiting list."""
    target = _next(request, request.POST.get("next", ""))
    return redirect(target or reverse("desk:waiting", kwargs={"slug": event.slug}))


@require_POST
@desk_view
def promote(request, slug: str, pk: int, *, scope):
    event = selectors.desk_event(slug=slug, scope=scope)
    registration = selectors.desk_registration(event=event, scope=scope, pk=pk)
    try:
        registration = services.registration_promote(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("%(name)s was not promoted: %(reason)s")
            % {"name": registration.name, "reason": " ".join(error.messages)},
        )
    else:
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {"name": registration.name, "status": registration.get_status_display()},
        )
    return _back(request, event)


@require_http_methods(["GET", "HEAD", "POST"])
@desk_view
def cancel(request, slug: str, pk: int, *, scope):
    """A confirmation page, then the organiser's cancellation (which binding terms do not stop)."""
    event = selectors.desk_event(slug=slug, scope=scope)
    registration = selectors.desk_registration(event=event, scope=scope, pk=pk)
    if request.method == "POST":
        if registration.status == RegistrationStatus.CANCELLED:
            messages.error(
                request,
                _("The registration of %(name)s was already cancelled.")
                % {"name": registration.name},
            )
        else:
            services.registration_cancel(registration=registration, actor=request.user)
            messages.success(
                request,
                _("The registration of %(name)s is cancelled.") % {"name": registration.name},
            )
        return _back(request, event)
    return render(
        request,
        "registrations/desk/cancel.html",
        {
            **_event_context(event, scope, "participants"),
            "registration": registration,
            "next": _next(request, request.GET.get("next", "")),
        },
    )


@desk_view
def mail(request, slug: str, *, scope):
    event = selectors.desk_event(slug=slug, scope=scope)
    form = ParticipantsMailForm(
        request.POST or None,
        event=event,
        sites=list(event.sites.all()),
        all_sites=scope.whole_event(event),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            count = services.participants_mail(
                event=event,
                site=form.chosen_site(),
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                actor=request.user,
                include_waiting=form.cleaned_data["include_waiting"],
            )
            messages.success(
                request,
                ngettext(
                    "Mail queued for %(count)d person.", "Mail queued for %(count)d people.", count
                )
                % {"count": count},
            )
            return redirect("desk:event", slug=event.slug)
        status = 400
    return render(
        request,
        "registrations/desk/mail.html",
        {**_event_context(event, scope, "mail"), "form": form},
        status=status,
    )


@desk_view
def check_in(request, slug: str, *, scope):
    """Type or scan a ticket code; the page comes back ready for the next one.

    The form is posted and the page rendered again (no redirect), so the
    result is on the page that has the focus back in the empty code field.
    """
    event = selectors.desk_event(slug=slug, scope=scope)
    checked_in, error, status = None, "", 200
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if form.is_valid():
            code = form.cleaned_data["code"]
            try:
                checked_in = services.registration_check_in(
                    event=event,
                    code=code,
                    actor=request.user,
                    site_ids=None if scope.whole_event(event) else scope.site_ids,
                )
            except ValidationError as failure:
                error = _("Code %(code)s: %(reason)s") % {
                    "code": code,
                    "reason": " ".join(failure.messages),
                }
        else:
            error = " ".join(form.errors["code"])
        status = 400 if error else 200
    # A fresh, empty form either way: a scanner types the next code into an empty field.
    return render(
        request,
        "registrations/desk/check_in.html",
        {
            **_event_context(event, scope, "check_in"),
            "form": CheckInForm(),
            "checked_in": checked_in,
            "error": error,
            "arrivals": selectors.desk_check_in_count(event=event, scope=scope),
        },
        status=status,
    )
