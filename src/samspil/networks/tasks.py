"""Background work of networks: the applicants' and members' mails. Tasks take primary keys."""

import logging

from django_tasks import task

from samspil.networks import mail
from samspil.networks.models import Application, Membership

logger = logging.getLogger(__name__)


@task()
def send_application_mail(application_id: int, kind: str) -> str:
    """Tell an applicant what happened to their application, in their language."""
    application = Application.objects.select_related("network").filter(pk=application_id).first()
    if application is None:
        return "gone"
    mail.application_message(application, kind).send()
    return "sent"


@task()
def send_membership_mail(membership_id: int, kind: str, language: str) -> str:
    """Ask a member to renew, or confirm a renewal or cancellation."""
    membership = (
        Membership.objects.select_related("network", "person").filter(pk=membership_id).first()
    )
    if membership is None or not membership.person.email:
        return "gone"
    mail.membership_message(membership, kind, language).send()
    return "sent"


@task()
def ask_to_renew(membership_id: int) -> int:
    """Ask one member to renew, when the renewal notice period of their term begins.

    Enqueued (deferred) when the membership is created; does nothing if the
    member was asked, answered or cancelled meanwhile.
    """
    # Imported here: the services enqueue this module's tasks, so they import it.
    from samspil.networks.services import membership_renewals_ask  # noqa: PLC0415

    return membership_renewals_ask(membership_id=membership_id)
