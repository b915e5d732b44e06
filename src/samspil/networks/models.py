"""Member networks: criteria, intake, applications, binding memberships, meetings, pairs."""

from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField

from samspil.billing.models import Invoice
from samspil.events.models import Event
from samspil.people.models import Organisation, Person


class Network(models.Model):
    name = I18nCharField(_("name"))
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    purpose = I18nTextField(_("purpose"), blank=True, default="")
    description = I18nTextField(_("description"), blank=True, default="")
    audience = I18nTextField(_("audience"), blank=True, default="")
    fee_covers = I18nTextField(
        _("what the fee covers"), blank=True, default="", help_text=_("E.g. catering and speakers.")
    )
    original_language = models.CharField(
        _("original language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="networks",
    )
    facilitator = models.ForeignKey(
        Person,
        verbose_name=_("facilitator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_networks",
    )
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chair"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_networks",
    )
    fee = models.DecimalField(
        _("fee excluding VAT"),
        max_digits=10,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Per member per term."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="DKK")
    vat_rate = models.DecimalField(
        _("VAT rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    term_months = models.PositiveSmallIntegerField(_("term (months)"), default=12)
    is_binding = models.BooleanField(
        _("binding membership"),
        default=True,
        help_text=_("A binding membership runs to the end of its term; there is no refund."),
    )
    binding_terms = I18nTextField(_("binding terms"), blank=True, default="")
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Most members at a time; empty: no limit."),
    )
    intake_closed_reason = I18nTextField(
        _("why intake is closed"),
        blank=True,
        default="",
        help_text=_("Shown while no intake window is open, e.g. “Next intake January 2028”."),
    )
    renewal_notice_days = models.PositiveSmallIntegerField(
        _("ask to renew (days before the end)"), default=60
    )
    related_networks = models.ManyToManyField(
        "self", verbose_name=_("related networks"), blank=True, symmetrical=True
    )
    # The public events that present the network (e.g. a meetup); the event page lists them.
    presented_at = models.ManyToManyField(
        Event, verbose_name=_("presented at"), blank=True, related_name="presented_networks"
    )
    is_public = models.BooleanField(_("public"), default=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        constraints = [
            models.CheckConstraint(condition=Q(fee__gte=0), name="network_fee_not_negative"),
            models.CheckConstraint(
                condition=Q(vat_rate__gte=0) & Q(vat_rate__lte=100), name="network_vat_rate_range"
            ),
            models.CheckConstraint(condition=Q(term_months__gte=1), name="network_term_positive"),
        ]

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", kwargs={"slug": self.slug})

    # The events app's price display (events/_price.html) reads these names.
    @property
    def price(self) -> Decimal:
        return self.fee

    @property
    def is_free(self) -> bool:
        return not self.fee

    @property
    def vat_amount(self) -> Decimal:
        return (self.fee * self.vat_rate / 100).quantize(Decimal("0.01"))

    @property
    def price_with_vat(self) -> Decimal:
        return self.fee + self.vat_amount


class Criterion(models.Model):
    """One admission criterion; applicants confirm each one."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="criteria"
    )
    text = I18nTextField(_("criterion"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["network_id", "order", "pk"]
        verbose_name = _("admission criterion")
        verbose_name_plural = _("admission criteria")

    def __str__(self) -> str:
        return str(self.text)


class IntakeWindow(models.Model):
    """A period in which the network takes applications."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="intakes"
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    membership_starts_on = models.DateField(
        _("memberships start on"), null=True, blank=True, help_text=_("Empty: on acceptance.")
    )

    class Meta:
        ordering = ["network_id", "opens_at"]
        verbose_name = _("intake window")
        verbose_name_plural = _("intake windows")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="intake_closes_after_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.network}: {self.opens_at:%Y-%m-%d} to {self.closes_at:%Y-%m-%d}"

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting a decision")
    ACCEPTED = "accepted", _("Accepted")
    WAITING = "waiting", _("On the waiting list")
    REJECTED = "rejected", _("Not accepted")


# An applicant with one of these may not apply to the same network again.
ACTIVE_APPLICATION = [ApplicationStatus.PENDING, ApplicationStatus.WAITING]


class Application(models.Model):
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="applications"
    )
    intake = models.ForeignKey(
        IntakeWindow,
        verbose_name=_("intake window"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    job_title = models.CharField(_("job title"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    region = models.CharField(_("region"), max_length=100, blank=True)
    responsibility = models.TextField(_("your responsibility for innovation"))
    motivation = models.TextField(_("motivation"))
    # The criteria (primary keys) the applicant confirmed, one by one.
    confirmed_criteria = models.JSONField(_("confirmed criteria"), default=list)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    billing_name = models.CharField(_("legal name of the organisation"), max_length=200)
    billing_address = models.CharField(_("street address"), max_length=200)
    billing_postcode = models.CharField(_("postcode"), max_length=20)
    billing_city = models.CharField(_("city"), max_length=100)
    billing_country = models.CharField(_("country"), max_length=2, default="DK")
    billing_vat_number = models.CharField(_("VAT or CVR number"), max_length=32, blank=True)
    billing_ean = models.CharField(_("EAN/GLN number"), max_length=13, blank=True)
    billing_reference = models.CharField(_("order or buyer reference"), max_length=100, blank=True)
    decision_note = models.TextField(_("note"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)

    class Meta:
        ordering = ["network_id", "created_at", "pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "email"],
                condition=Q(status__in=ACTIVE_APPLICATION),
                name="application_one_open_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.network}"


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CANCELLED = "cancelled", _("Cancelled (runs to its end)")


class RenewalStatus(models.TextChoices):
    NOT_ASKED = "not_asked", _("Not asked yet")
    ASKED = "asked", _("No answer yet")
    RENEWED = "renewed", _("Renewed")
    DECLINED = "declined", _("Declined")


class Membership(models.Model):
    """One member's term in a network; a renewal is the next term's membership."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="memberships"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("member"), on_delete=models.PROTECT, related_name="memberships"
    )
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
    )
    previous = models.OneToOneField(
        "self",
        verbose_name=_("previous term"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_term",
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    is_binding = models.BooleanField(_("binding"), default=True)
    binding_terms = I18nTextField(_("binding terms"), blank=True, default="")
    fee = models.DecimalField(_("fee excluding VAT"), max_digits=10, decimal_places=2)
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # The term's invoice, issued by billing when the membership is created.
    invoice = models.ForeignKey(
        Invoice,
        verbose_name=_("invoice"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    renewal = models.CharField(
        _("renewal"), max_length=16, choices=RenewalStatus.choices, default=RenewalStatus.NOT_ASKED
    )
    renewal_asked_at = models.DateTimeField(_("asked to renew"), null=True, blank=True)
    renewal_answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # The fields of the member's the directory shows to other members; chosen by the member.
    directory_fields = models.JSONField(_("shown in the member directory"), default=list)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["network_id", "-starts_on", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="membership_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["network", "person", "starts_on"], name="membership_one_term_per_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.network}, {self.starts_on} to {self.ends_on})"

    def is_current(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.starts_on <= today <= self.ends_on


class DirectoryConsent(models.Model):
    """What a member agreed to show in the directory, with the wording they saw and when."""

    membership = models.ForeignKey(
        Membership,
        verbose_name=_("membership"),
        on_delete=models.CASCADE,
        related_name="directory_consents",
    )
    fields = models.JSONField(_("fields shown"), default=list)
    wording = models.TextField(_("wording shown"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        ordering = ["membership_id", "-created_at", "-pk"]
        verbose_name = _("directory consent")
        verbose_name_plural = _("directory consents")

    def __str__(self) -> str:
        return f"{self.membership}: {', '.join(self.fields)}"


class Meeting(models.Model):
    """A network meeting or seminar: an event of the network's year."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="meetings"
    )
    event = models.OneToOneField(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="network_meeting"
    )
    theme = I18nCharField(_("theme"), blank=True, default="")
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_network_meetings",
        help_text=_("Empty: host to be decided."),
    )
    region = models.CharField(_("region"), max_length=100, blank=True)

    class Meta:
        ordering = ["network_id", "event__starts_at", "pk"]
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")

    def __str__(self) -> str:
        return str(self.event)


class PairingPeriod(models.Model):
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="periods"
    )
    label = models.CharField(_("period"), max_length=40, help_text=_("E.g. 2026 Q1."))
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))

    class Meta:
        ordering = ["network_id", "starts_on"]
        verbose_name = _("pairing period")
        verbose_name_plural = _("pairing periods")
        constraints = [
            models.UniqueConstraint(fields=["network", "starts_on"], name="pairing_period_unique"),
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="pairing_period_ends_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.network}: {self.label}"


class Pair(models.Model):
    """Members paired for a period (three when the count is odd), who meet once."""

    period = models.ForeignKey(
        PairingPeriod, verbose_name=_("period"), on_delete=models.CASCADE, related_name="pairs"
    )
    members = models.ManyToManyField(Membership, verbose_name=_("members"), related_name="pairs")
    met_on = models.DateField(_("met on"), null=True, blank=True)
    marked_by = models.ForeignKey(
        Membership,
        verbose_name=_("marked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["period_id", "pk"]
        verbose_name = _("pair")
        verbose_name_plural = _("pairs")

    def __str__(self) -> str:
        return f"{self.period}: #{self.pk}"
