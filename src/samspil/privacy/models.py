"""Personal-data records of their own: consents, and requests to see or erase one's data."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samspil.people.models import Person


class ConsentKind(models.TextChoices):
    DIRECTORY = "directory", _("Shown in the member directory")
    PHOTOS = "photos", _("Photos taken at events")


class Consent(models.Model):
    """One answer a person gave to a consent question: what, when, and the exact wording.

    Rows are never changed: a withdrawal is a new row with `given=False`, so the
    history shows what the person agreed to at any time. The latest row per
    (person or e-mail, kind) is the one that holds.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=ConsentKind.choices)
    given = models.BooleanField(_("given"))
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    # The exact text the person saw, in the language they saw it in.
    wording = models.TextField(_("wording shown"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    source = models.CharField(
        _("where asked"),
        max_length=64,
        blank=True,
        help_text=_("The form or page, e.g. registration:42 or membership:7."),
    )
    details = models.JSONField(
        _("details"), default=dict, blank=True, help_text=_("E.g. the directory fields chosen.")
    )
    created_at = models.DateTimeField(_("time"), db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(email=""),
                name="consent_has_subject",
            ),
        ]
        indexes = [models.Index(fields=["email", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.given}"


def new_request_token() -> str:
    return secrets.token_urlsafe(32)


class DataRequest(models.Model):
    """A request, by e-mail, to see or erase what Samspil holds about one address.

    The mail carries the token (only its SHA-256 is stored). The link is single
    use: confirming it binds the request to that browser's session, which then
    sees the export and may erase, until `expires_at`. Mail scanners that follow
    links only see the confirm page, which changes nothing.
    """

    email = models.EmailField(_("e-mail"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("requested"))
    expires_at = models.DateTimeField(_("link expires"))
    opened_at = models.DateTimeField(_("link used"), null=True, blank=True)
    erased_at = models.DateTimeField(_("data erased"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="data_request_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.created_at:%Y-%m-%d})"


class ScheduledRun(models.Model):
    """When a self-rescheduling task (retention) next runs.

    The tasks backend has no cron: the task enqueues its next run itself. This row
    lets `samspil retention --ensure` see whether a run is pending on any backend,
    and lets a duplicate chain of runs notice the other one and stop.
    """

    name = models.CharField(_("name"), max_length=64, unique=True)
    next_run_at = models.DateTimeField(_("next run"))
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_result = models.JSONField(_("last result"), default=dict, blank=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")

    def __str__(self) -> str:
        return self.name
