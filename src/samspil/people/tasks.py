"""Background work of people: the sign-in mail. Tasks take primary keys, never instances."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_tasks import task

from samspil.people.signin import LINK_MINUTES, signin_token


@task()
def send_signin_link(user_id: int, language: str, next_url: str = "") -> str:
    """Mail a user a single-use sign-in link, in the language they asked in."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return "gone"
    with translation.override(language):
        url = settings.SITE_URL + reverse(
            "people:signin_link", kwargs={"token": signin_token(user)}
        )
        if next_url:
            url += "?" + urlencode({"next": next_url})
        body = render_to_string(
            "people/mail/signin.txt", {"url": url, "minutes": LINK_MINUTES}
        ).strip()
        EmailMessage(
            subject=_("Your sign-in link for Samspil"),
            body=body + "\n",
            to=[user.email],
            headers={"Auto-Submitted": "auto-generated", "Content-Language": language},
        ).send()
    return "sent"
