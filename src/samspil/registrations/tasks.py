"""Background work of registrations: mail. Tasks take primary keys, never instances."""

from django.core.mail import send_mail
from django_tasks import task

from samspil.registrations.models import Registration


@task()
def send_registration_mail(registration_id: int, kind: str) -> None:
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    send_mail(
        subject=f"{kind}: {registration.event}",
        message=registration.get_absolute_url(),
        from_email=None,
        recipient_list=[registration.email],
    )
