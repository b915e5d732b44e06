from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    STATE_AGENCY = "state_agency", _("State agency")
    COMPANY = "company", _("Company")
    ASSOCIATION = "association", _("Association")
    KNOWLEDGE_INSTITUTION = "knowledge_institution", _("Knowledge institution")
    CENTRE = "centre", _("Innovation centre")


class RoleCategory(models.TextChoices):
    """What a person does; used to mix groups and in statistics throughout."""

    POLITICIAN = "politician", _("Politician")
    MANAGER = "manager", _("Manager")
    EMPLOYEE = "employee", _("Employee")
    FRONT_LINE = "front_line", _("Front-line staff")
    BUSINESS = "business", _("Business representative")
    ASSOCIATION = "association", _("Association representative")
    RESEARCHER = "researcher", _("Researcher")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    description = I18nTextField(_("description"), blank=True, default="")
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    country = models.CharField(
        _("country"), max_length=2, default="DK", help_text=_("Two-letter ISO 3166 code.")
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = I18nCharField(_("title"), blank=True, default="", help_text=_("Job title or position."))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    role_category = models.CharField(
        _("role"), max_length=32, choices=RoleCategory.choices, default=RoleCategory.OTHER
    )
    bio = I18nTextField(_("short bio"), blank=True, default="")
    # The account a person signs in with (members, organisers, co-hosts); most people have none.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name
