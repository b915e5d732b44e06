"""Background work of privacy: the data request mail, the daily retention run.

Tasks take primary keys, never instances (and never the request's secret token).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django_tasks import task

from samspil.privacy import services
from samspil.privacy.models import DataRequest


def data_request_message(data_request: DataRequest) -> EmailMultiAlternatives:
    """The mail with the link, in the language the request was made in."""
    with translation.override(data_request.language):
        token = services.data_request_token(data_request)
        context = {
            "url": settings.SITE_URL + reverse("privacy:open", kwargs={"token": token}),
            "expires": formats.date_format(data_request.expires_at.astimezone(), "DATETIME_FORMAT"),
            "email": data_request.email,
        }
        subject = _("Your personal data at Samspil")
        return EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("privacy/mail/request.txt", context),
            to=[data_request.email],
            headers={
                "Auto-Submitted": "auto-generated",
                "Content-Language": data_request.language,
            },
        )


@task()
def send_data_request_mail(data_request_id: int) -> str:
    data_request = DataRequest.objects.filter(pk=data_request_id).first()
    if data_request is None:
        return "gone"
    data_request_message(data_request).send()
    return "sent"


@task()
def retention_task() -> int:
    """Anonymise what the retention period has run out on, then come back tomorrow."""
    return services.retention_run_and_reschedule()
