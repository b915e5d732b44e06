from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samspil.events.models import Event, Site
from samspil.registrations.models import Registration

QUESTION_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 1000
OUTPUT_TITLE_MAX_LENGTH = 200
OUTPUT_DESCRIPTION_MAX_LENGTH = 5000


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ParticipantSource(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed registrations")
    CHECKED_IN = "checked_in", _("Checked-in participants")


class BreakoutRound(models.Model):
    """One split of an event's (or one site's) participants into small groups."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="breakout_rounds"
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="breakout_rounds",
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=16, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    source = models.CharField(_("participants"), max_length=16, choices=ParticipantSource.choices)
    group_size = models.PositiveSmallIntegerField(_("group size"))
    # Sum of pairwise dissimilarity within groups, and a seeded random split's, for comparison.
    diversity = models.FloatField(_("diversity"), default=0)
    random_diversity = models.FloatField(_("diversity of a random split"), default=0)
    repeated_pairs = models.PositiveIntegerField(_("pairs who met in an earlier round"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["event_id", "created_at", "pk"]
        verbose_name = _("breakout round")
        verbose_name_plural = _("breakout rounds")

    def __str__(self) -> str:
        return self.title


class BreakoutGroup(models.Model):
    round = models.ForeignKey(
        BreakoutRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="groups"
    )
    number = models.PositiveSmallIntegerField(_("number"))

    class Meta:
        ordering = ["round_id", "number"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="group_number_unique")
        ]

    def __str__(self) -> str:
        return str(_("Group %(number)s") % {"number": self.number})


class GroupMember(models.Model):
    # The round is repeated here so that the database keeps a person in one group per round.
    round = models.ForeignKey(BreakoutRound, on_delete=models.CASCADE, related_name="members")
    group = models.ForeignKey(BreakoutGroup, on_delete=models.CASCADE, related_name="members")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="group_memberships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "registration"], name="group_member_once_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} in {self.group}"


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("New")
    APPROVED = "approved", _("Approved")
    ANSWERED = "answered", _("Answered")
    HIDDEN = "hidden", _("Hidden")


class SpeakerQuestion(models.Model):
    """A question for the speakers, from a participant or on behalf of their group."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="speaker_questions"
    )
    author = models.ForeignKey(
        Registration, verbose_name=_("author"), on_delete=models.CASCADE, related_name="questions"
    )
    group = models.ForeignKey(
        BreakoutGroup,
        verbose_name=_("group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
    )
    text = models.CharField(_("question"), max_length=QUESTION_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=16, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event_id", "created_at", "pk"]
        verbose_name = _("question for the speakers")
        verbose_name_plural = _("questions for the speakers")

    def __str__(self) -> str:
        return self.text


class Vote(models.Model):
    question = models.ForeignKey(SpeakerQuestion, on_delete=models.CASCADE, related_name="votes")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="votes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "registration"], name="one_vote_each")
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} for {self.question_id}"


class LiveNote(models.Model):
    """What a site shares with the other sites during a simultaneous workshop."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="live_notes"
    )
    site = models.ForeignKey(
        Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="live_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True
    )
    text = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("live note")
        verbose_name_plural = _("live notes")

    def __str__(self) -> str:
        return self.text[:50]


class Output(models.Model):
    """A result of a workshop, kept so the centre can take it forward."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="outputs"
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outputs",
    )
    title = models.CharField(_("title"), max_length=OUTPUT_TITLE_MAX_LENGTH)
    description = models.TextField(_("description"), max_length=OUTPUT_DESCRIPTION_MAX_LENGTH)
    contributors = models.CharField(
        _("contributors"), max_length=500, blank=True, help_text=_("Who worked on it.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event_id", "created_at", "pk"]
        verbose_name = _("workshop output")
        verbose_name_plural = _("workshop outputs")
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="output_has_title"),
        ]

    def __str__(self) -> str:
        return self.title
