"""The shared solution library: solutions, their status history, reuse and interest.

Policy areas and target groups are small models rather than TextChoices: a centre
adjusts them when its barometer changes its areas, their names are translated in
the database like other content (no release needed), and filtering and the
statistics group by a plain join. Who initiated a solution is a fixed question of
the barometer (six answers), so it is a TextChoices value, stored one row per
answer (`SolutionInitiator`) so filters and statistics are plain SQL on both
SQLite and PostgreSQL.

On PostgreSQL, each language has a stored tsvector (`search_<language>`, GIN
indexed by migration 0002 only there); `search_text` is the casefolded text of
every language that SQLite searches with LIKE. The services keep both up to date.
"""

from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField

from samspil.core.i18n import all_languages_text
from samspil.dialogue.models import Output
from samspil.events.models import Event
from samspil.people.models import Organisation, Person

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_EXTENSIONS = frozenset(
    {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv", "png", "jpg", "jpeg"}
)
FIRST_YEAR = 1990
LAST_YEAR = 2100

# PostgreSQL's text search configuration for each interface language.
SEARCH_CONFIGS = {"da": "danish", "en": "english", "fr": "french", "nl": "dutch"}


class SolutionStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    TESTING = "testing", _("Being tested")
    IMPLEMENTED = "implemented", _("Implemented")
    SPREAD = "spread", _("Spread")


class Initiator(models.TextChoices):
    """The barometer's question: who took the initiative?"""

    POLITICIANS = "politicians", _("Politicians")
    MANAGEMENT = "management", _("Management")
    EMPLOYEES = "employees", _("Employees")
    CITIZENS = "citizens", _("Citizens")
    COMPANIES = "companies", _("Companies")
    OTHER = "other", _("Other")


class PolicyArea(models.Model):
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name = I18nCharField(_("name"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")

    def __str__(self) -> str:
        return str(self.name)


class TargetGroup(models.Model):
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name = I18nCharField(_("name"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        return str(self.name)


class Solution(models.Model):
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = I18nCharField(_("title"))
    problem = I18nTextField(_("problem it solves"), blank=True, default="")
    what_was_done = I18nTextField(_("what was done"), blank=True, default="")
    outcome = I18nTextField(_("outcome"), blank=True, default="")
    evidence = I18nTextField(_("evidence"), blank=True, default="")
    original_language = models.CharField(
        _("original language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the texts were written in; shown when a translation is missing."),
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are seen by organisers only.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SolutionStatus.choices, default=SolutionStatus.IDEA
    )
    # The date of the current status: the last StatusChange. Kept by the services.
    status_since = models.DateField(_("status since"))
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("owning organisation"),
        on_delete=models.PROTECT,
        related_name="solutions",
    )
    contact = models.ForeignKey(
        Person,
        verbose_name=_("contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="solutions",
    )
    contact_language = models.CharField(
        _("contact's language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Mails to the contact person are written in this language."),
    )
    policy_areas = models.ManyToManyField(
        PolicyArea, verbose_name=_("policy areas"), blank=True, related_name="solutions"
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="solutions"
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), blank=True, related_name="partner_solutions"
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    source_events = models.ManyToManyField(
        Event, verbose_name=_("came from events"), blank=True, related_name="solutions"
    )
    source_outputs = models.ManyToManyField(
        Output, verbose_name=_("came from workshop outputs"), blank=True, related_name="solutions"
    )
    # A display cache for sorting by "most reused"; the services keep it equal to
    # the number of Reuse rows.
    reuse_count = models.PositiveIntegerField(_("reuses"), default=0, editable=False)
    search_text = models.TextField(editable=False, default="")
    search_da = SearchVectorField(null=True, editable=False)
    search_en = SearchVectorField(null=True, editable=False)
    search_fr = SearchVectorField(null=True, editable=False)
    search_nl = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-status_since", "-pk"]
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        indexes = [
            models.Index(fields=["published", "status_since"]),
            models.Index(fields=["published", "reuse_count"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | (Q(start_year__gte=FIRST_YEAR) & Q(start_year__lte=LAST_YEAR)),
                name="solution_start_year_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.title)

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("solutions:detail", kwargs={"slug": self.slug})

    def texts(self) -> list:
        return [self.title, self.problem, self.what_was_done, self.outcome, self.evidence]

    def build_search_text(self) -> str:
        return all_languages_text(*self.texts()).casefold()


class StatusChange(models.Model):
    """The solution reached `status` on `date`: the history behind "by status over years"."""

    solution = models.ForeignKey(
        Solution,
        verbose_name=_("solution"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    status = models.CharField(_("status"), max_length=16, choices=SolutionStatus.choices)
    date = models.DateField(_("date"))

    class Meta:
        ordering = ["solution_id", "date"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        constraints = [
            # One status a day, so "the status at the end of a year" is unambiguous.
            models.UniqueConstraint(fields=["solution", "date"], name="status_change_one_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.date}"


class SolutionInitiator(models.Model):
    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="initiators")
    kind = models.CharField(_("initiated by"), max_length=16, choices=Initiator.choices)

    class Meta:
        ordering = ["solution_id", "kind"]
        verbose_name = _("initiator")
        verbose_name_plural = _("initiated by")
        constraints = [
            models.UniqueConstraint(fields=["solution", "kind"], name="solution_initiator_once"),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class SolutionLink(models.Model):
    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("link text"), max_length=200)

    class Meta:
        ordering = ["solution_id", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.title


def validate_attachment(file) -> None:
    extension = PurePath(file.name).suffix.lower().lstrip(".")
    if extension not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            _("Files of type %(type)s cannot be attached. Allowed: %(allowed)s."),
            params={
                "type": extension or "?",
                "allowed": ", ".join(sorted(ATTACHMENT_EXTENSIONS)),
            },
            code="file_type",
        )
    if file.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(size)s."),
            params={"size": filesizeformat(ATTACHMENT_MAX_BYTES)},
            code="file_size",
        )


class SolutionAttachment(models.Model):
    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"), upload_to="solutions/%Y/", validators=[validate_attachment], max_length=300
    )
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["solution_id", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("solutions:attachment", kwargs={"slug": self.solution.slug, "pk": self.pk})

    @property
    def extension(self) -> str:
        return PurePath(self.file.name).suffix.lstrip(".")


class Reuse(models.Model):
    """An organisation reuses or adapts a solution."""

    solution = models.ForeignKey(
        Solution, verbose_name=_("solution"), on_delete=models.CASCADE, related_name="reuses"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="reuses",
    )
    started_on = models.DateField(_("since"))
    changes = models.TextField(
        _("what they changed"), max_length=5000, blank=True, help_text=_("How they adapted it.")
    )
    # The language `changes` is written in, for the page's lang attribute.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["solution_id", "started_on", "pk"]
        verbose_name = _("reuse")
        verbose_name_plural = _("reuses")
        constraints = [
            models.UniqueConstraint(
                fields=["solution", "organisation"], name="reuse_once_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.started_on})"


class ReuseInterest(models.Model):
    """Someone said "I want to reuse this"; the owner's contact got a mail."""

    solution = models.ForeignKey(
        Solution,
        verbose_name=_("solution"),
        on_delete=models.CASCADE,
        related_name="interests",
    )
    name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("your e-mail"))
    organisation = models.CharField(_("your organisation"), max_length=200)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(auto_now_add=True)
    mailed_at = models.DateTimeField(_("mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("interest in reuse")
        verbose_name_plural = _("interest in reuse")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class ImportBatch(models.Model):
    """An uploaded CSV waiting for its preview to be accepted; nothing else is saved before."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=200)
    content = models.TextField()
    checksum = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.filename
