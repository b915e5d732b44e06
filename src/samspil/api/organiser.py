"""Organiser endpoints: an event's registrations, for a token scoped to it or its organiser.

Every call writes an audit row (registrations are personal data), with the
token's creator as the actor and the token's prefix. An event outside the
token's reach answers 404, as if it did not exist.
"""

from dataclasses import replace
from functools import wraps

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status
from ninja.security import HttpBearer

from samspil.api import output, selectors, services
from samspil.api.errors import ApiError, form_invalid, service_refused
from samspil.api.models import ApiToken
from samspil.api.public import paginate, slug_path
from samspil.api.schemas import (
    MAX_ID,
    CheckInIn,
    Error,
    LanguageQuery,
    OrganiserEventPage,
    PageQuery,
    RegistrationIn,
    RegistrationOut,
    RegistrationPage,
    RegistrationQuery,
)
from samspil.core.services import audit_log_create
from samspil.events.models import Event
from samspil.registrations import selectors as registration_selectors
from samspil.registrations import services as registration_services
from samspil.registrations.desk_forms import ParticipantFilterForm
from samspil.registrations.forms import RegistrationForm

MAX_TOKEN_LENGTH = 200


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`: an unrevoked token whose creator is active staff."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        api_token = selectors.api_token_by_secret(secret=token)
        if api_token is None:
            return None
        if not selectors.api_token_creator_may_act(api_token):
            raise ApiError(
                403,
                "forbidden",
                _("The staff member who created this token no longer has access."),
            )
        services.api_token_mark_used(token=api_token)
        return api_token


router = Router(tags=["organiser"], auth=TokenAuth())


def private(run):
    """Answers hold personal data: no cache may keep them."""

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        response = run(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapper


router.add_decorator(private, mode="view")

ERRORS = {401: Error, 403: Error, 404: Error, 422: Error, 429: Error}
BODY_ERRORS = {400: Error, **ERRORS}


def registration_id_path():
    return Path(..., ge=1, le=MAX_ID)


def _scope(request) -> selectors.ApiScope:
    return selectors.api_scope(token=request.auth)


def _event(request, slug: str) -> tuple[selectors.ApiScope, Event]:
    scope = _scope(request)
    try:
        event = registration_selectors.desk_event(slug=slug, scope=scope)
    except Http404 as error:
        detail = _("This token reaches no event at this address.")
        raise ApiError(404, "not_found", detail) from error
    return scope, event


def _audit(request, action: str, target, **data) -> None:
    token: ApiToken = request.auth
    audit_log_create(
        actor=token.created_by,
        action=f"api.{action}",
        target=target,
        token=token.prefix,
        token_id=token.pk,
        **data,
    )


@router.get("/events", response={200: OrganiserEventPage, **ERRORS}, summary="Events in reach")
def events(request, query: Query[PageQuery]):
    """The events this token reaches, latest first."""
    scope = _scope(request)
    return paginate(selectors.api_events(scope=scope), query, output.organiser_event)


@router.get(
    "/events/{slug}/registrations",
    response={200: RegistrationPage, **ERRORS},
    summary="Registrations of an event",
)
def registrations(request, query: Query[RegistrationQuery], slug: str = slug_path()):
    """The event's registrations by name, filtered like the organiser's participant list."""
    scope, event = _event(request, slug)
    sites = list(event.sites.all())
    if query.site is not None and query.site not in {site.pk for site in sites}:
        raise ApiError(
            422,
            "invalid",
            _("Some of the values sent are not valid."),
            [
                {
                    "loc": ["query", "site"],
                    "msg": _("Choose one of this event's sites."),
                    "code": "invalid_choice",
                }
            ],
        )
    # The desk's form checks the other filters; the site is checked above, since the
    # form leaves its site field out for an event with one site.
    form = ParticipantFilterForm(
        {"q": query.q, "status": query.status or "", "role": query.role or ""},
        event=event,
        sites=[],
    )
    if not form.is_valid():
        raise form_invalid(form, "query")
    filters = replace(form.filters(), site_id=query.site)
    found = registration_selectors.desk_participants(event=event, scope=scope, filters=filters)
    page = paginate(found, query, lambda registration: output.registration(registration, event))
    _audit(
        request,
        "registrations.list",
        event,
        count=len(page["items"]),
        offset=query.offset,
    )
    return page


@router.post(
    "/events/{slug}/registrations",
    response={201: RegistrationOut, **BODY_ERRORS},
    summary="Register someone",
)
def registration_create(
    request, body: RegistrationIn, query: Query[LanguageQuery], slug: str = slug_path()
):
    """Register someone for the event under the rules of the public registration form:
    a seat if one is free, else the waiting list; the registrant gets the usual mails."""
    _scope, event = _event(request, slug)
    questions = list(event.questions.all())
    known = {str(question.pk) for question in questions}
    unknown = sorted(set(body.answers) - known)
    if unknown:
        raise ApiError(
            422,
            "invalid",
            _("Some of the values sent are not valid."),
            [
                {
                    "loc": ["body", "answers", key],
                    "msg": _("This event has no question with this id."),
                    "code": "unknown_question",
                }
                for key in unknown
            ],
        )
    data = {
        "name": body.name,
        "email": body.email,
        "organisation": body.organisation,
        "role_category": body.role_category,
        "municipality": body.municipality,
        "site": "" if body.site is None else str(body.site),
        **{f"q{key}": value for key, value in body.answers.items()},
    }
    form = RegistrationForm(data, event=event, questions=questions)
    if not form.is_valid():
        raise form_invalid(form, "body")
    try:
        registration = registration_services.registration_create(
            event=event,
            **form.registrant(),
            language=body.language,
        )
    except ValidationError as error:
        raise service_refused(error) from error
    _audit(request, "registration.create", registration)
    return Status(201, output.registration(registration, event))


@router.get(
    "/events/{slug}/registrations/{registration_id}",
    response={200: RegistrationOut, **ERRORS},
    summary="A registration",
)
def registration(
    request,
    query: Query[LanguageQuery],
    slug: str = slug_path(),
    registration_id: int = registration_id_path(),
):
    scope, event = _event(request, slug)
    found = _registration(event, scope, registration_id)
    _audit(request, "registration.view", found)
    return output.registration(found, event)


def _registration(event: Event, scope, registration_id: int):
    registrations = scope.registrations(event.registrations.select_related("site"))
    found = registrations.filter(pk=registration_id).first()
    if found is None:
        raise ApiError(404, "not_found", _("This event has no registration with this id."))
    return found


@router.post(
    "/events/{slug}/registrations/{registration_id}/cancel",
    response={200: RegistrationOut, **ERRORS},
    summary="Cancel a registration",
)
def registration_cancel(
    request,
    query: Query[LanguageQuery],
    slug: str = slug_path(),
    registration_id: int = registration_id_path(),
):
    """Cancel as the organiser (binding terms do not stop an organiser); the seat goes to
    the waiting list. Cancelling a cancelled registration changes nothing."""
    scope, event = _event(request, slug)
    found = _registration(event, scope, registration_id)
    try:
        registration_services.registration_cancel(registration=found, actor=request.auth.created_by)
    except ValidationError as error:
        raise service_refused(error) from error
    _audit(request, "registration.cancel", found)
    return output.registration(found, event)


@router.post(
    "/events/{slug}/check-in",
    response={200: RegistrationOut, **BODY_ERRORS},
    summary="Check in by ticket code",
)
def check_in(request, body: CheckInIn, query: Query[LanguageQuery], slug: str = slug_path()):
    """Mark the confirmed participant with this ticket code as arrived."""
    _scope, event = _event(request, slug)
    try:
        found = registration_services.registration_check_in(
            event=event, code=body.code, actor=request.auth.created_by
        )
    except ValidationError as error:
        raise service_refused(error) from error
    _audit(request, "registration.check_in", found)
    return output.registration(found, event)
