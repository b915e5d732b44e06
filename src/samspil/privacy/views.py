"""Personal data rights: ask by e-mail, open the link, see, download or erase.

The link in the mail is used once: confirming it (a POST, so that mail scanners
following links change nothing) binds the request to this browser's session
until the request expires. Every answer before that is the same whether or
not anything is held about the address.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from samspil.core.ratelimit import ratelimit
from samspil.privacy import registry, services
from samspil.privacy.forms import DataRequestForm, EraseForm

SESSION_KEY = "privacy_request"


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _display(value) -> str:
    """An exported value as a person reads it."""
    if value is None or value in ("", [], {}):
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_display(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(_display(item) for item in value)
    return str(value)


def _active(request):
    return services.data_request_active(pk=request.session.get(SESSION_KEY))


def _no_access(request) -> HttpResponse:
    return _private(render(request, "privacy/link_invalid.html", status=403))


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit("privacy_request", rate="5/h", methods=["POST"])
@ratelimit("privacy_request_email", rate="3/h", methods=["POST"], key="post:email")
def request_data(request):
    form = DataRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            services.data_request_create(
                email=form.cleaned_data["email"], language=translation.get_language()
            )
            return redirect("privacy:sent")
        return _private(render(request, "privacy/request.html", {"form": form}, status=400))
    return _private(render(request, "privacy/request.html", {"form": form}))


def sent(request):
    return _private(render(request, "privacy/sent.html"))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def open_link(request, token: str):
    data_request = services.data_request_by_token(token=token)
    if data_request is None:
        return _private(render(request, "privacy/link_invalid.html", status=404))
    if request.method == "POST":
        if not services.data_request_open(data_request=data_request):
            return _private(render(request, "privacy/link_invalid.html", status=404))
        request.session.cycle_key()
        request.session[SESSION_KEY] = data_request.pk
        return redirect("privacy:data")
    return _private(render(request, "privacy/open.html", {"data_request": data_request}))


@never_cache
def data(request):
    data_request = _active(request)
    if data_request is None:
        return _no_access(request)
    export = services.data_export(data_request=data_request)
    sections = [
        {
            **section,
            "rows": [
                [(label, _display(row[name])) for name, label in section["columns"]]
                for row in section["rows"]
            ],
        }
        for section in export["sections"]
    ]
    return _private(
        render(request, "privacy/data.html", {"data_request": data_request, "sections": sections})
    )


@never_cache
def data_json(request):
    data_request = _active(request)
    if data_request is None:
        return _no_access(request)
    export = services.data_export(data_request=data_request)
    response = HttpResponse(
        json.dumps(export, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="samspil-personal-data.json"'
    return _private(response)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def erase(request):
    data_request = _active(request)
    if data_request is None:
        return _no_access(request)
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            outcomes = services.data_request_erase(data_request=data_request)
            request.session.pop(SESSION_KEY, None)
            return _private(
                render(
                    request,
                    "privacy/erased.html",
                    {
                        "outcomes": outcomes,
                        "kept": [outcome for outcome in outcomes if outcome.kept],
                        "erased_domain": registry.ERASED_DOMAIN,
                    },
                )
            )
        status = 400
    else:
        status = 200
    return _private(
        render(
            request,
            "privacy/erase.html",
            {"data_request": data_request, "form": form},
            status=status,
        )
    )
