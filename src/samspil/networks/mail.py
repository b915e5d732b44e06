"""The mails of a network's applicants and members, rendered in the recipient's language."""

import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samspil.core.i18n import localize
from samspil.networks.models import Application, Membership

APPLICATION_KINDS = frozenset({"received", "accepted", "waiting", "rejected"})
MEMBERSHIP_KINDS = frozenset({"renewal", "renewed", "cancelled"})


def _subject(kind: str, network: str) -> str:
    subjects = {
        "received": _("We have received your application: %(network)s"),
        "accepted": _("Welcome to %(network)s"),
        "waiting": _("You are on the waiting list: %(network)s"),
        "rejected": _("Your application: %(network)s"),
        "renewal": _("Renew your membership: %(network)s"),
        "renewed": _("Your membership is renewed: %(network)s"),
        "cancelled": _("Your membership is cancelled: %(network)s"),
    }
    return subjects[kind] % {"network": network}


def _plain(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _message(kind: str, *, to: str, language: str, name: str, context: dict) -> EmailMessage:
    network = context["network"]
    with translation.override(language):
        title = str(localize(network.name, network.original_language))
        context = {
            **context,
            "kind": kind,
            "name": name,
            "title": title,
            "network_url": settings.SITE_URL + network.get_absolute_url(),
            "members_url": settings.SITE_URL + reverse("networks:members"),
            "signin_url": settings.SITE_URL + reverse("people:signin"),
        }
        context["content"] = render_to_string(f"networks/mail/{kind}.txt", context).strip()
        return EmailMessage(
            subject=" ".join(_subject(kind, title).split()),
            body=_plain(render_to_string("networks/mail/message.txt", context)),
            to=[to],
            headers={"Auto-Submitted": "auto-generated", "Content-Language": language},
        )


def application_message(application: Application, kind: str) -> EmailMessage:
    return _message(
        kind,
        to=application.email,
        language=application.language,
        name=application.name,
        context={"network": application.network, "application": application},
    )


def membership_message(membership: Membership, kind: str, language: str) -> EmailMessage:
    return _message(
        kind,
        to=membership.person.email,
        language=language,
        name=membership.person.name,
        context={"network": membership.network, "membership": membership},
    )
