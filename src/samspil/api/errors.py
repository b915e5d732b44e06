"""One error body for every failure: {"detail": ..., "code": ..., "errors": [...]}.

`detail` and each error's `msg` are in the requested language; `code` is stable
and untranslated, for programs.
"""

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError


class ApiError(Exception):
    """An error answer with our body; raise it from endpoints."""

    def __init__(
        self, status: int, code: str, detail: str, errors: list[dict] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors or []


def form_invalid(form: forms.Form, location: str) -> ApiError:
    """422 for a Django form that rejected what the request sent in `location`."""
    errors = []
    for field, field_errors in form.errors.get_json_data().items():
        loc = [location] if field == "__all__" else [location, field]
        errors.extend(
            {"loc": loc, "msg": error["message"], "code": error["code"] or "invalid"}
            for error in field_errors
        )
    return ApiError(422, "invalid", _("Some of the values sent are not valid."), errors)


def service_refused(error: DjangoValidationError) -> ApiError:
    """422 for a service that refused the change (it changed nothing)."""
    code = getattr(error, "code", None) or "refused"
    return ApiError(422, code, " ".join(error.messages))


def _pydantic_message(error: dict) -> str:  # noqa: PLR0911 (one answer per kind of error)
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "string_too_long":
        return _("Use at most %(count)s characters.") % {"count": context.get("max_length")}
    if kind == "string_too_short":
        return _("Use at least %(count)s characters.") % {"count": context.get("min_length")}
    if kind in {"less_than_equal", "less_than"}:
        return _("Use a number no greater than %(limit)s.") % {
            "limit": context.get("le", context.get("lt"))
        }
    if kind in {"greater_than_equal", "greater_than"}:
        return _("Use a number no less than %(limit)s.") % {
            "limit": context.get("ge", context.get("gt"))
        }
    if kind.startswith("int_"):
        return _("Enter a whole number.")
    if kind.startswith("bool_"):
        return _("Enter true or false.")
    if kind in {"literal_error", "enum"}:
        return _("Choose one of: %(choices)s.") % {"choices": context.get("expected", "")}
    if kind == "string_pattern_mismatch":
        return _("Use only letters, digits, hyphens and underscores.")
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("Send an object here.")
    if kind == "string_type":
        return _("Send a text here.")
    return _("This value is not valid.")


def error_response(api: NinjaAPI, request: HttpRequest, error: ApiError) -> HttpResponse:
    body = {"detail": error.detail, "code": error.code, "errors": error.errors}
    response = api.create_response(request, body, status=error.status)
    if error.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="samspil"'
    return response


def install_error_handlers(api: NinjaAPI) -> None:
    """Give every error of `api` our body, in the requested language."""

    def on_api_error(request, exc: ApiError):
        return error_response(api, request, exc)

    def on_validation_error(request, exc: NinjaValidationError):
        errors = [
            {
                "loc": [str(part) for part in error.get("loc", ())],
                "msg": _pydantic_message(error),
                "code": error.get("type", "invalid"),
            }
            for error in exc.errors
        ]
        detail = _("Some of the values sent are not valid.")
        return error_response(api, request, ApiError(422, "invalid", detail, errors))

    def on_http_error(request, exc: HttpError):
        if isinstance(exc, AuthenticationError):
            error = ApiError(
                401,
                "not_authenticated",
                _("Send a valid API token in the header “Authorization: Bearer <token>”."),
            )
        elif isinstance(exc, Throttled):
            error = ApiError(
                429, "rate_limited", _("Too many requests. Wait a moment and try again.")
            )
        elif exc.status_code == 400:
            error = ApiError(400, "bad_request", _("The request body is not valid JSON."))
        elif exc.status_code == 403:
            error = ApiError(403, "forbidden", _("This token may not do this."))
        elif exc.status_code == 404:
            error = ApiError(404, "not_found", _("Nothing was found at this address."))
        else:
            error = ApiError(exc.status_code, "error", _("The request failed."))
        return error_response(api, request, error)

    def on_not_found(request, exc: Http404):
        detail = _("Nothing was found at this address.")
        return error_response(api, request, ApiError(404, "not_found", detail))

    api.add_exception_handler(ApiError, on_api_error)
    api.add_exception_handler(NinjaValidationError, on_validation_error)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Http404, on_not_found)
