from collections.abc import Callable
from typing import Protocol

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspil.core.i18n import localize
from samspil.core.ratelimit import ratelimit
from samspil.events.calendar import calendar_bytes, event_vevent
from samspil.events.views import calendar_response
from samspil.registrations import selectors, services
from samspil.registrations.forms import RegistrationForm
from samspil.registrations.models import Registration, RegistrationStatus


class RegistrationFormExtension(Protocol):
    def add_fields(self, form: RegistrationForm) -> None: ...

    def saved(self, *, form: RegistrationForm, registration: Registration) -> None: ...


# Apps above registrations add fields to the registration form and act on them once
# the registration exists (privacy: the photo consent, recorded with its wording).
# They register themselves in AppConfig.ready().
registration_form_extensions: list[RegistrationFormExtension] = []


@ratelimit("register", rate="20/10m")
def register(request, slug: str):
    event, questions = selectors.event_for_registration(slug=slug)
    closed = event.registration_error()
    form = RegistrationForm(request.POST or None, event=event, questions=questions)
    for extension in registration_form_extensions:
        extension.add_fields(form)
    status = 200
    if request.method == "POST":
        if not closed and form.is_valid():
            try:
                registration = services.registration_create(
                    event=event,
                    **form.registrant(),
                    language=translation.get_language(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                for extension in registration_form_extensions:
                    extension.saved(form=form, registration=registration)
                return redirect(registration)
        status = 400
    return render(
        request,
        "registrations/register.html",
        {"event": event, "form": form, "closed": closed},
        status=status,
    )


# Apps above registrations (dialogue, networks) add sections to the personal page
# without this app importing them: each callable gets the registration and returns
# (template name, context) or None. They register themselves in AppConfig.ready().
personal_page_sections: list[Callable[[Registration], tuple[str, dict] | None]] = []


def personal_context(registration: Registration) -> dict:
    sections = (section(registration) for section in personal_page_sections)
    return {
        "sections": [section for section in sections if section],
        "registration": registration,
        "event": registration.event,
        "cancel_error": services.registration_cancel_error(registration),
        "ticket_svg": segno.make(registration.ticket_code, error="m").svg_inline(
            scale=5, title=_("Ticket code %(code)s") % {"code": registration.ticket_code}
        ),
    }


def private(response: HttpResponse) -> HttpResponse:
    """Personal pages are for one person: never cached or indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def personal(request, token: str):
    registration = selectors.registration_by_token(token=token)
    return private(render(request, "registrations/personal.html", personal_context(registration)))


@require_POST
def personal_action(request, token: str, action: str):
    registration = selectors.registration_by_token(token=token)
    service, done = {
        "cancel": (services.registration_cancel, _("Your registration is cancelled.")),
        "accept": (services.registration_accept_offer, _("You accepted the seat. Welcome!")),
        "confirm": (services.registration_confirm_email, _("Thank you: your e-mail is confirmed.")),
    }[action]
    try:
        service(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(registration)


def personal_ics(request, token: str):
    registration = selectors.registration_by_token(token=token)
    event = registration.event
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    online_url = event.online_url if confirmed and event.is_online else ""
    body = calendar_bytes(
        [event_vevent(event, online_url=online_url)],
        name=localize(event.title, event.original_language),
    )
    return private(calendar_response(body, f"{event.slug}.ics"))
