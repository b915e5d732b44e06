"""The REST API at /api/: public reads and token-authenticated organiser endpoints.

The OpenAPI 3 spec is at /api/openapi.json and interactive docs at /api/docs.
Every answer is in the language asked for with `?lang=`, else the one of the
Accept-Language header, and says so in Content-Language.
"""

from functools import wraps

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Router
from ninja.openapi.docs import Swagger

from samspil.api.errors import ApiError, error_response, install_error_handlers
from samspil.api.organiser import router as organiser_router
from samspil.api.public import router as public_router
from samspil.core.i18n import LANGUAGE_CODES
from samspil.core.ratelimit import RateLimited, client_ip, hit

# Requests per client address; settings.SAMSPIL_RATE_LIMITS["api"] changes it.
API_RATE = "300/m"

DESCRIPTION = """
Events, people and organisations of Samspil, in the language you ask for
(`?lang=da`, else the `Accept-Language` header). Texts come as
`{"text": ..., "language": ...}`: when a text is missing in your language you
get its original language, and `language` says which.

Organiser endpoints (under `/organiser/`) need a token that staff create in the
admin or with `samspil api_token`: send `Authorization: Bearer <token>`. A token
reaches one event, or the events of one organisation.

Every error has the body `{"detail": ..., "code": ..., "errors": [...]}`.
"""


def requested_language(request: HttpRequest) -> str:
    """`?lang=` when it names a language we have; else the Accept-Language header's choice."""
    language = request.GET.get("lang", "")
    if language in LANGUAGE_CODES:
        return language
    return translation.get_language() or settings.LANGUAGE_CODE


def in_requested_language(run):
    """Run the whole operation (validation and errors too) in the requested language."""

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        language = requested_language(request)
        with translation.override(language):
            response = run(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    return wrapper


class OfflineSwagger(Swagger):
    """Swagger UI from django-ninja's own static files (no CDN), CSP-clean: no inline code."""

    template = "api/docs.html"


api = NinjaAPI(
    title="Samspil API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=OfflineSwagger(
        settings={"validatorUrl": None, "deepLinking": False, "defaultModelsExpandDepth": -1}
    ),
)
install_error_handlers(api)


def rate_limited(run):
    """At most API_RATE requests per client address; beyond it 429 with our error body."""

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        try:
            hit("api", client_ip(request), API_RATE)
        except RateLimited as error:
            detail = str(_("Too many requests. Wait a moment and try again."))
            response = error_response(api, request, ApiError(429, "rate_limited", detail))
            response["Retry-After"] = str(error.retry_after)
            return response
        return run(request, *args, **kwargs)

    return wrapper


# Decorators added later wrap the earlier ones: the language is set before the limit answers.
api.add_decorator(rate_limited, mode="view")
api.add_decorator(in_requested_language, mode="view")
api.add_router("/", public_router)
api.add_router("/organiser/", organiser_router)

# Anything else under /api/ answers with the API's error body, not the site's HTML 404.
fallback = Router()


@fallback.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", include_in_schema=False
)
def not_found(request, rest: str):
    raise ApiError(404, "not_found", str(_("Nothing was found at this address.")))


api.add_router("/", fallback)
