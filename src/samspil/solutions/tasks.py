"""Background work of the solution library: the "I want to reuse this" mail.

Tasks take primary keys. The interest row records when its mail went out, so a
task that runs twice sends once.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from samspil.core.i18n import localize
from samspil.solutions.models import ReuseInterest

logger = logging.getLogger(__name__)


def reuse_interest_message(interest: ReuseInterest) -> EmailMessage | None:
    """The mail to the solution's contact person, in the contact's language; None without one."""
    solution = interest.solution
    contact = solution.contact
    if contact is None or not contact.email:
        return None
    language = solution.contact_language
    with translation.override(language):
        title = localize(solution.title, solution.original_language)
        subject = _("%(name)s wants to reuse %(solution)s") % {
            "name": interest.name,
            "solution": title,
        }
        body = render_to_string(
            "solutions/mail/reuse_interest.txt",
            {
                "interest": interest,
                "contact": contact,
                "title": title,
                "url": settings.SITE_URL + solution.get_absolute_url(),
            },
        )
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body.strip() + "\n",
        to=[contact.email],
        reply_to=[interest.email],
        headers={"Auto-Submitted": "auto-generated", "Content-Language": language},
    )


@task()
def send_reuse_interest_mail(interest_id: int) -> str:
    """Mail the owner's contact about one interest, once; returns what happened."""
    interest = (
        ReuseInterest.objects.select_related("solution__contact").filter(pk=interest_id).first()
    )
    if interest is None:
        return "gone"
    if interest.mailed_at is not None:
        return "already sent"
    message = reuse_interest_message(interest)
    if message is None:
        logger.warning("Solution %s has no contact to mail", interest.solution_id)
        return "no contact"
    message.send()
    ReuseInterest.objects.filter(pk=interest.pk).update(mailed_at=timezone.now())
    return "sent"
