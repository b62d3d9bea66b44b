"""Events on the four axes, their agenda, registrations, table plans and feedback."""

import datetime as dt
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelles.circles.models import Circle
from passerelles.core.choices import Axis
from passerelles.core.choices_display import ChoicesDisplayMixin
from passerelles.core.statements import Statement


class EventFormat(models.TextChoices):
    ROUND_TABLE = "table_ronde", _("Table ronde")
    SPEED_MEETING = "speed_meeting", _("Speed meeting")
    WORKSHOP = "atelier", _("Atelier")
    DEBATE = "conference", _("Conférence-débat")
    AFTERWORK = "afterwork", _("Afterwork")
    ONLINE = "visio", _("Visio")


# Seats at one event: beyond this, a typing slip rather than a real event.
MAX_CAPACITY = 5000

# Formats played in rounds at tables: they get a table plan.
FORMATS_WITH_ROUNDS = (EventFormat.ROUND_TABLE, EventFormat.SPEED_MEETING)


class Openness(models.TextChoices):
    HOST = "host", _("Membres du cercle organisateur")
    BRIDGED = "bridged", _("Cercle organisateur et cercles reliés choisis")
    ALL = "all", _("Tous les membres de Passerelles")


class Event(ChoicesDisplayMixin, models.Model):
    """A themed meeting hosted by one circle, possibly open to bridged circles."""

    title = models.CharField(_("titre"), max_length=140)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    axis = models.CharField(_("axe"), max_length=10, choices=Axis.choices)
    topic = models.CharField(_("thème"), max_length=140, blank=True)
    format = models.CharField(_("format"), max_length=16, choices=EventFormat.choices)
    host_circle = models.ForeignKey(
        Circle, on_delete=models.CASCADE, related_name="events", verbose_name=_("cercle hôte")
    )
    openness = models.CharField(
        _("ouverture"), max_length=10, choices=Openness.choices, default=Openness.HOST
    )
    open_to = models.ManyToManyField(
        Circle,
        blank=True,
        related_name="guest_events",
        verbose_name=_("cercles reliés invités"),
    )
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    city = models.CharField(_("ville"), max_length=100, blank=True)
    online_url = models.URLField(_("lien de visio"), blank=True)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    capacity = models.PositiveIntegerField(
        _("places"),
        default=30,
        validators=[
            MinValueValidator(1, _("Prévoyez au moins une place.")),
            MaxValueValidator(MAX_CAPACITY, _("Le nombre de places est limité à %(limit_value)s.")),
        ],
    )
    registration_deadline = models.DateTimeField(
        _("clôture des inscriptions"), null=True, blank=True
    )
    price_eur = models.DecimalField(
        _("prix (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("La fin doit suivre le début."),
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1, capacity__lte=MAX_CAPACITY),
                name="event_has_seats",
                violation_error_message=_("Le nombre de places va de 1 à 5 000."),
            ),
        ]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["host_circle"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    @property
    def audit_label(self) -> str:
        """What the circle's log shows of the event."""
        return self.title

    @property
    def uid(self) -> str:
        return f"event-{self.pk}@passerelles"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def has_rounds(self) -> bool:
        return self.format in FORMATS_WITH_ROUNDS

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def registration_open(self) -> bool:
        now = timezone.now()
        if self.is_cancelled or self.starts_at <= now:
            return False
        return self.registration_deadline is None or now <= self.registration_deadline


class PromptTemplate(models.Model):
    """A discussion prompt an organiser can pick into an agenda (editable in the admin)."""

    axis = models.CharField(_("axe"), max_length=10, choices=Axis.choices)
    text = models.CharField(_("question"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["axis", "position", "pk"]
        verbose_name = _("question type")
        verbose_name_plural = _("questions types")

    def __str__(self) -> str:
        return self.text


class AgendaItem(models.Model):
    """One timed moment of an event, with an optional discussion prompt."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(default=0)
    at = models.TimeField(_("heure"))
    minutes = models.PositiveSmallIntegerField(_("durée (min)"), default=15)
    title = models.CharField(_("séquence"), max_length=140)
    prompt = models.CharField(_("question de discussion"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "position", "pk"]
        verbose_name = _("séquence du programme")
        verbose_name_plural = _("programme")

    def __str__(self) -> str:
        return f"{self.at:%H:%M} {self.title}"


# A programme holds times of day: one more than this before the start is on the next day
# (an evening running past midnight); one less is a moment before the doors open.
BEFORE_START = dt.timedelta(hours=2)


def agenda_moment(event: Event, at: dt.time) -> dt.datetime:
    """The moment (aware, local) that a programme's time of day ``at`` stands for."""
    start = timezone.localtime(event.starts_at)
    earliest = start - BEFORE_START  # the programme's day runs from here, 24 hours long
    moment = dt.datetime.combine(earliest.date(), at, tzinfo=start.tzinfo)
    if moment < earliest:
        moment += dt.timedelta(days=1)
    return moment


def agenda_ordering(event: Event) -> tuple[models.Expression | str, ...]:
    """``event``'s programme in the evening's order, as an ORDER BY: the order of the
    moments agenda_moment gives (a time of day before the programme's day starts is on
    the next day, after the others), then position. Shared by the programme page and its
    edit form."""
    earliest = (timezone.localtime(event.starts_at) - BEFORE_START).time()
    next_day = models.Case(
        models.When(at__lt=earliest, then=models.Value(1)), default=models.Value(0)
    )
    return (next_day, "at", "position", "pk")


# The programme in the order of its times of day, compiled once per process (read on every
# event page; benchmarks/README.md, web section): the evening's order is made from it below.
_agenda = Statement(
    lambda event_id: AgendaItem.objects.filter(event_id=event_id).order_by("at", "position", "pk")
)


def agenda_in_order(event: Event) -> list[AgendaItem]:
    """The programme in the evening's order: 23:30 before 00:15 for an evening that
    starts at 22:00 (the database orders times of day, 00:15 first). The order
    ``agenda_ordering`` gives: the times before the earliest moved after the others,
    each part in its order."""
    return in_evening_order(event, _agenda(event.pk))


def in_evening_order(event: Event, items: list[AgendaItem]) -> list[AgendaItem]:
    """``event``'s programme ``items``, given in the order of their times of day, in the
    evening's order (the times before the programme's day starts moved after the others)."""
    for item in items:
        item.event = event  # as the related manager sets it
    earliest = (timezone.localtime(event.starts_at) - BEFORE_START).time()
    return [item for item in items if item.at >= earliest] + [
        item for item in items if item.at < earliest
    ]


def agendas_in_order(events: list[Event]) -> dict[int, list[AgendaItem]]:
    """The programme of each of ``events`` in its evening's order, by event id, read in one
    query (a calendar feed lists many events)."""
    by_event: dict[int, list[AgendaItem]] = {event.pk: [] for event in events}
    items = AgendaItem.objects.filter(event_id__in=list(by_event)).order_by("at", "position", "pk")
    for item in items:
        by_event[item.event_id].append(item)
    return {event.pk: in_evening_order(event, by_event[event.pk]) for event in events}


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Inscrit")
    WAITLISTED = "waitlisted", _("Liste d'attente")
    CANCELLED = "cancelled", _("Annulé")


class Registration(models.Model):
    """One member's place at an event; ``queued_at`` is the arrival order of the waitlist."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    circle = models.ForeignKey(
        Circle,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le cercle par lequel la personne vient (pour mélanger les tables)."),
    )
    status = models.CharField(max_length=10, choices=RegistrationStatus.choices)
    queued_at = models.DateTimeField(default=timezone.now)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Bumped to revoke the personal "Mes tables" link (events.links): old links stop working.
    tables_link_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_member"),
            models.CheckConstraint(
                condition=models.Q(status__in=["registered", "waitlisted", "cancelled"]),
                name="registration_known_status",
                violation_error_message=_("Statut d'inscription inconnu."),
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.event}"

    @property
    def audit_label(self) -> str:
        return self.event.title


class TablePlan(models.Model):
    """The seating of an evening: ``tables[r][i]`` is the table (0-based) of
    ``participants[i]`` (a user id) in round ``r``; -1 means not seated that round."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="table_plan")
    table_size = models.CharField(_("taille des tables"), max_length=100, default="6")
    rounds = models.PositiveSmallIntegerField(_("nombre de tours"), default=4)
    table_themes = models.CharField(_("thèmes des tables"), max_length=400, blank=True)
    participants = models.JSONField(default=list)
    tables = models.JSONField(default=list)
    played_rounds = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)
    quality = models.JSONField(default=dict)
    generated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("plan de table")
        verbose_name_plural = _("plans de table")

    def __str__(self) -> str:
        return f"{self.event} v{self.version}"

    @property
    def table_count(self) -> int:
        return max((max(row, default=-1) for row in self.tables), default=-1) + 1


class Feedback(models.Model):
    """A participant's rating of an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(_("note"))
    comment = models.TextField(_("commentaire"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("avis")
        verbose_name_plural = _("avis")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_feedback_per_member"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5),
                name="feedback_rating_1_5",
                violation_error_message=_("La note va de 1 à 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.event} : {self.rating}/5"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret of a member's personal calendar URL; regenerating it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("agenda personnel")
        verbose_name_plural = _("agendas personnels")

    def __str__(self) -> str:
        return str(self.user)
