import zoneinfo
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField

from samspil.core.i18n import LANGUAGE_CODES, all_languages_text
from samspil.people.models import Organisation, Person


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(zone)s is not a known time zone."), params={"zone": value})


def validate_languages(value: list) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one language."))
    unknown = [code for code in value if code not in LANGUAGE_CODES]
    if unknown:
        raise ValidationError(
            _("Unknown language codes: %(codes)s."), params={"codes": ", ".join(map(str, unknown))}
        )


class EventKind(models.TextChoices):
    MEETUP = "meetup", _("Meetup")
    CAFE = "cafe", _("Online café")
    WORKSHOP = "workshop", _("Workshop")
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    SEMINAR = "seminar", _("Seminar")


class EventMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationMode(models.TextChoices):
    REQUIRED = "required", _("Registration required")
    CLOSED = "closed", _("Registration closed")
    NONE = "none", _("No registration: everyone is welcome")


class Series(models.Model):
    """A themed week or a recurring format that events belong to."""

    name = I18nCharField(_("name"))
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = I18nTextField(_("description"), blank=True, default="")

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self) -> str:
        return str(self.name)


class Event(models.Model):
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = I18nCharField(_("title"))
    summary = I18nTextField(_("summary"), blank=True, default="")
    description = I18nTextField(_("description"), blank=True, default="")
    audience = I18nTextField(_("audience"), blank=True, default="")
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    mode = models.CharField(_("mode"), max_length=16, choices=EventMode.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="organised_events",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The event is shown in this zone, e.g. Europe/Brussels."),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the texts were written in; shown when a translation is missing."),
    )
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        validators=[validate_languages],
        help_text=_("Language codes of the languages spoken at the event."),
    )
    # Registration capacity for the whole event; sites may have their own.
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    price = models.DecimalField(
        _("price excluding VAT"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Leave empty for a free event."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="DKK")
    vat_rate = models.DecimalField(
        _("VAT rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    registration = models.CharField(
        _("registration"),
        max_length=16,
        choices=RegistrationMode.choices,
        default=RegistrationMode.REQUIRED,
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open now.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration deadline"), null=True, blank=True, help_text=_("Empty: when it starts.")
    )
    cancellation_deadline = models.DateTimeField(
        _("cancellation deadline"),
        null=True,
        blank=True,
        help_text=_("Participants can cancel until then. Empty: until the event starts."),
    )
    is_binding = models.BooleanField(
        _("binding registration"),
        default=False,
        help_text=_("After the cancellation deadline participants cannot cancel."),
    )
    binding_terms = I18nTextField(
        _("binding terms"), blank=True, default="", help_text=_("E.g. that there is no refund.")
    )
    confirm_email = models.BooleanField(
        _("confirm e-mail first"),
        default=False,
        help_text=_("A seat counts as taken only once the registrant confirms their e-mail."),
    )
    offer_hours = models.PositiveIntegerField(
        _("hours to accept a seat offer"),
        default=48,
        help_text=_("For paid or binding events, a freed seat is offered for this long."),
    )
    reminder_hours = models.PositiveIntegerField(_("reminder (hours before start)"), default=24)
    # Secret: shown only to registered people (personal page, their mails and
    # their own calendar file). Never rendered on a public page or feed.
    online_url = models.URLField(_("online meeting link"), blank=True)
    # Every language's text of the searchable fields, casefolded: SQLite's LIKE
    # folds ASCII only, so folding in Python makes "Ålborg" find "ålborg" too.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Role grants (samspil.registrations.selectors.desk_scope): a user whose person
        # belongs to the organiser organisation, or to a site's co-host, and holds the grant.
        permissions = [
            ("organise_events", _("Can run the desk for events their organisation organises")),
            ("cohost_sites", _("Can see the participants of sites their organisation co-hosts")),
        ]
        indexes = [
            models.Index(fields=["status", "ends_at", "starts_at"]),
            # The public list in start order (events.selectors.event_list).
            models.Index(
                fields=["starts_at", "id"],
                condition=Q(status__in=["published", "cancelled"]),
                name="event_public_start_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(vat_rate__gte=0) & Q(vat_rate__lte=100), name="event_vat_rate_range"
            ),
            models.CheckConstraint(
                condition=Q(price__isnull=True) | Q(price__gte=0), name="event_price_not_negative"
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
        return reverse("events:detail", kwargs={"slug": self.slug})

    def build_search_text(self) -> str:
        return all_languages_text(
            self.title, self.summary, self.description, self.audience
        ).casefold()

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_free(self) -> bool:
        return not self.price

    @property
    def vat_amount(self) -> Decimal:
        if self.is_free:
            return Decimal(0)
        return (self.price * self.vat_rate / 100).quantize(Decimal("0.01"))

    @property
    def price_with_vat(self) -> Decimal:
        return (self.price or Decimal(0)) + self.vat_amount

    @property
    def is_online(self) -> bool:
        return self.mode in {EventMode.ONLINE, EventMode.HYBRID}

    @property
    def registration_deadline(self) -> datetime:
        return self.registration_closes_at or self.starts_at

    @property
    def participant_cancellation_deadline(self) -> datetime:
        return self.cancellation_deadline or self.starts_at

    def registration_error(self, now: datetime | None = None) -> str | None:
        """Why nobody can register now, or None when registration is open."""
        now = now or timezone.now()
        if self.status != EventStatus.PUBLISHED:
            return gettext("This event is not open for registration.")
        if self.registration == RegistrationMode.NONE:
            return gettext("This event needs no registration: everyone is welcome.")
        if self.registration == RegistrationMode.CLOSED:
            return gettext("Registration for this event is closed.")
        if self.registration_opens_at and now < self.registration_opens_at:
            opens = self.registration_opens_at.astimezone(self.zone)
            return gettext("Registration opens on %(date)s.") % {
                "date": formats.date_format(opens, "DATETIME_FORMAT")
            }
        if now >= self.registration_deadline:
            return gettext("The registration deadline has passed.")
        return None

    @property
    def offers_seats(self) -> bool:
        """Freed seats of paid or binding events are offered, not simply given."""
        return self.is_binding or not self.is_free


class Site(models.Model):
    """Where an event happens; a simultaneous workshop is one event with several sites."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sites"
    )
    name = I18nCharField(_("name"))
    headline = I18nCharField(_("headline"), blank=True, default="")
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    co_hosts = models.ManyToManyField(
        Organisation, verbose_name=_("co-hosts"), blank=True, related_name="co_hosted_sites"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event_id", "order", "pk"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self) -> str:
        return str(self.name)


class AgendaItemKind(models.TextChoices):
    TALK = "talk", _("Talk")
    INTRODUCTION = "introduction", _("Introduction")
    GROUP_DIALOGUE = "group_dialogue", _("Group dialogue")
    QUESTIONS = "questions", _("Questions")
    CHECK_IN = "check_in", _("Cross-site check-in")
    BREAK = "break", _("Break")


class AgendaItem(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="agenda_items",
        help_text=_("Leave empty when the item concerns every site."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    title = I18nCharField(_("title"))
    description = I18nTextField(_("description"), blank=True, default="")
    kind = models.CharField(_("kind"), max_length=32, choices=AgendaItemKind.choices)
    speakers = models.ManyToManyField(
        Person, verbose_name=_("speakers"), blank=True, related_name="agenda_items"
    )

    class Meta:
        ordering = ["event_id", "starts_at", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return str(self.title)


class EventRoleKind(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    HOST = "host", _("Host")
    CO_HOST = "co_host", _("Co-host")
    FACILITATOR = "facilitator", _("Facilitator")
    CONTACT = "contact", _("Contact person")


class EventRole(models.Model):
    """A person in a role at an event, or at one of its sites."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="roles"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="event_roles"
    )
    kind = models.CharField(_("role"), max_length=32, choices=EventRoleKind.choices)
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
    )
    note = I18nCharField(
        _("note"), blank=True, default="", help_text=_("E.g. what a speaker talks about.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event_id", "order", "pk"]
        verbose_name = _("role at an event")
        verbose_name_plural = _("roles at events")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "kind"],
                condition=Q(site__isnull=True),
                name="event_role_unique_for_event",
            ),
            models.UniqueConstraint(
                fields=["event", "person", "kind", "site"],
                condition=Q(site__isnull=False),
                name="event_role_unique_for_site",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_kind_display()})"
