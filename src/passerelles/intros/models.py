"""Introductions between members: preferences, rounds, double opt-in suggestions, notices."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelles.core.choices import join_codes, split_codes
from passerelles.core.choices_display import ChoicesDisplayMixin

SUGGESTION_LIFETIME = timedelta(days=14)


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Chaque semaine")
    BIWEEKLY = "biweekly", _("Toutes les deux semaines")
    MONTHLY = "monthly", _("Chaque mois")


# Rounds run weekly (Monday); a little slack so a job that starts late still counts as due.
FREQUENCY_PERIOD: dict[str, timedelta] = {
    Frequency.WEEKLY: timedelta(days=7),
    Frequency.BIWEEKLY: timedelta(days=14),
    Frequency.MONTHLY: timedelta(days=28),
}
SCHEDULE_SLACK = timedelta(hours=12)


class Scope(models.TextChoices):
    CIRCLES = "circles", _("Membres de mes cercles")
    BRIDGED = "bridged", _("Mes cercles et les cercles reliés")
    ALL = "all", _("Tous les membres de Passerelles")


class MeetingFormat(models.TextChoices):
    COFFEE = "cafe", _("Café")
    LUNCH = "dejeuner", _("Déjeuner")
    VIDEO = "visio", _("Visio")


class Preference(models.Model):
    """A member's settings for introductions. Nothing happens until ``consent`` is given."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intro_preference"
    )
    consent = models.BooleanField(_("j'accepte de recevoir des mises en relation"), default=False)
    consented_at = models.DateTimeField(null=True, blank=True)
    frequency = models.CharField(
        _("fréquence"), max_length=10, choices=Frequency.choices, default=Frequency.BIWEEKLY
    )
    per_round = models.PositiveSmallIntegerField(
        _("mises en relation par tour"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
    )
    scope = models.CharField(
        _("avec qui"), max_length=10, choices=Scope.choices, default=Scope.BRIDGED
    )
    formats = models.CharField(_("formats"), max_length=40, blank=True, default=",cafe,visio,")
    exclude_own_circles = models.BooleanField(
        _("ne pas me proposer les membres de mes propres cercles"), default=False
    )
    exclude_colleagues = models.BooleanField(
        _("ne pas me proposer les personnes de mon organisation"), default=True
    )
    remote = models.BooleanField(
        _("j'accepte de rencontrer à distance (visio, téléphone) des membres loin de chez moi"),
        default=False,
        help_text=_(
            "Sinon, les membres de votre ville puis de votre région vous sont proposés d'abord."
        ),
    )
    blocked = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("membres bloqués")
    )
    last_round_at = models.DateTimeField(null=True, blank=True)
    left_out_last_round = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("préférence de mise en relation")
        verbose_name_plural = _("préférences de mise en relation")
        constraints = [
            models.CheckConstraint(
                condition=Q(per_round__gte=1, per_round__lte=3),
                name="intro_per_round_1_3",
                violation_error_message=_("Choisissez entre 1 et 3 mises en relation par tour."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({'oui' if self.consent else 'non'})"

    @property
    def format_list(self) -> list[str]:
        return split_codes(self.formats)

    @format_list.setter
    def format_list(self, codes) -> None:
        self.formats = join_codes(c for c in codes if c in MeetingFormat.values)

    @property
    def format_labels(self) -> list[str]:
        labels = dict(MeetingFormat.choices)
        return [str(labels[c]) for c in self.format_list if c in labels]

    def is_due(self, now) -> bool:
        if not self.consent:
            return False
        if self.last_round_at is None:
            return True
        return now - self.last_round_at >= FREQUENCY_PERIOD[self.frequency] - SCHEDULE_SLACK


class Round(models.Model):
    """One run of the matchmaker over every consenting member whose frequency is due."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    seed = models.PositiveIntegerField(default=0)
    participants = models.PositiveIntegerField(default=0)
    introductions = models.PositiveIntegerField(default=0)
    cross_circle = models.PositiveIntegerField(default=0)
    left_out = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("tour de mises en relation")
        verbose_name_plural = _("tours de mises en relation")

    def __str__(self) -> str:
        return f"Tour du {self.started_at:%Y-%m-%d}"


class Origin(models.TextChoices):
    ROUND = "round", _("Tour de mises en relation")
    ASK = "ask", _("Demande au réseau")


class Status(models.TextChoices):
    INTERMEDIARY = "intermediary", _("En attente de l'intermédiaire")
    PROPOSED = "proposed", _("Proposée")
    ACCEPTED_BY_A = "accepted_by_a", _("Acceptée d'un côté")
    ACCEPTED_BY_B = "accepted_by_b", _("Acceptée d'un côté")
    ACCEPTED = "accepted", _("Acceptée des deux côtés")
    DECLINED = "declined", _("Déclinée")
    EXPIRED = "expired", _("Sans suite")
    CANCELLED = "cancelled", _("Annulée")
    MET = "met", _("Rencontre faite")


OPEN_STATUSES = (
    Status.INTERMEDIARY,
    Status.PROPOSED,
    Status.ACCEPTED_BY_A,
    Status.ACCEPTED_BY_B,
)
CONNECTED_STATUSES = (Status.ACCEPTED, Status.MET)
CLOSED_BY_SOMEONE = (Status.DECLINED, Status.CANCELLED)  # masked for the others


class Decision(models.TextChoices):
    PENDING = "", _("Pas encore de réponse")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Déclinée")


class Introduction(ChoicesDisplayMixin, models.Model):
    """A suggested introduction between ``member_a`` and ``member_b``, double opt-in.

    A pair is introduced at most once, ever (``pair_low``/``pair_high`` are unique): a
    decline, an expiry or a meeting all close it for good. For a warm introduction the
    ``intermediary`` is asked first; ``member_b`` sees nothing before they agree.
    """

    origin = models.CharField(max_length=8, choices=Origin.choices, default=Origin.ROUND)
    round = models.ForeignKey(
        Round, null=True, blank=True, on_delete=models.SET_NULL, related_name="intros"
    )
    member_a = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intros_as_a"
    )
    member_b = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intros_as_b"
    )
    pair_low = models.PositiveBigIntegerField(editable=False)
    pair_high = models.PositiveBigIntegerField(editable=False)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.PROPOSED)
    decision_a = models.CharField(max_length=8, choices=Decision.choices, blank=True)
    decision_b = models.CharField(max_length=8, choices=Decision.choices, blank=True)
    decided_a_at = models.DateTimeField(null=True, blank=True)
    decided_b_at = models.DateTimeField(null=True, blank=True)
    intermediary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="intros_as_intermediary",
    )
    warm = models.BooleanField(default=False)
    intermediary_decision = models.CharField(max_length=8, choices=Decision.choices, blank=True)
    intermediary_decided_at = models.DateTimeField(null=True, blank=True)
    need = models.TextField(_("besoin exprimé"), blank=True, max_length=500)
    message = models.TextField(_("message"), blank=True, max_length=1000)
    reasons = models.JSONField(default=dict, blank=True)  # {"a": [...], "b": [...]}
    components = models.JSONField(default=dict, blank=True)
    score = models.FloatField(default=0.0)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    connected_at = models.DateTimeField(null=True, blank=True)
    met_a_at = models.DateTimeField(null=True, blank=True)
    met_b_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mise en relation")
        verbose_name_plural = _("mises en relation")
        constraints = [
            models.UniqueConstraint(fields=["pair_low", "pair_high"], name="intro_pair_once"),
            models.CheckConstraint(
                condition=~Q(member_a=models.F("member_b")),
                name="intro_two_people",
                violation_error_message=_(
                    "Une mise en relation réunit deux personnes différentes."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["member_a", "status"]),
            models.Index(fields=["member_b", "status"]),
            models.Index(fields=["status", "expires_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.member_a} ↔ {self.member_b} ({self.status})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pair_low = min(self.member_a_id, self.member_b_id)
        self.pair_high = max(self.member_a_id, self.member_b_id)
        if self.expires_at is None:
            self.expires_at = (self.created_at or timezone.now()) + SUGGESTION_LIFETIME
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("intros:detail", args=[self.pk])

    # --- one side's point of view -------------------------------------------------------

    def side(self, user) -> str | None:
        if user.pk == self.member_a_id:
            return "a"
        if user.pk == self.member_b_id:
            return "b"
        if user.pk == self.intermediary_id:
            return "intermediary"
        return None

    def other(self, user: Any) -> Any:
        return self.member_b if user.pk == self.member_a_id else self.member_a

    def decision_of(self, user) -> str:
        side = self.side(user)
        if side == "a":
            return self.decision_a
        if side == "b":
            return self.decision_b
        return self.intermediary_decision

    def reason_data(self, user) -> list:
        """The reasons stored for ``user``'s side, intermediaries named as ``user`` may see
        them today (``intros.reasons``)."""
        from passerelles.intros.reasons import with_current_intermediaries

        stored = (
            self.reasons.get(self.side(user) or "", []) if isinstance(self.reasons, dict) else []
        )
        return with_current_intermediaries(stored, user) if stored else []

    def reasons_for(self, user, data: list | None = None) -> list[str]:
        """The reasons shown to ``user``, worded in the active language (from ``data``,
        ``reason_data(user)``, when the caller has it already)."""
        from passerelles.intros.reasons import word_all

        data = self.reason_data(user) if data is None else data
        return word_all(data, self.other(user).display_name) if data else []

    @property
    def connected(self) -> bool:
        return self.status in CONNECTED_STATUSES

    def met_confirmed_by(self, user) -> bool:
        side = self.side(user)
        return bool(self.met_a_at if side == "a" else self.met_b_at if side == "b" else None)

    def shown_status(self, user, now=None) -> str:
        """The status as ``user`` may know it: someone else's decline never shows.

        Whoever did not decline keeps seeing the suggestion as it was for them until it
        would have expired, then as "expired" — exactly as if the other side had not
        answered.
        """
        now = now or timezone.now()
        if self.status in CLOSED_BY_SOMEONE and self.decision_of(user) != Decision.DECLINED:
            if now < self.expires_at:
                mine = self.decision_of(user)
                return "waiting" if mine == Decision.ACCEPTED else "to_answer"
            return Status.EXPIRED
        if self.status in OPEN_STATUSES:
            if self.decision_of(user) == Decision.PENDING:
                return "to_answer"
            return "waiting"
        return self.status


SHOWN_LABELS = {
    "to_answer": _("À vous de répondre"),
    "waiting": _("En attente de l'autre personne"),
    Status.ACCEPTED: _("Acceptée des deux côtés"),
    Status.MET: _("Rencontre faite"),
    Status.EXPIRED: _("Sans suite"),
    Status.DECLINED: _("Vous avez décliné"),
    Status.CANCELLED: _("Annulée"),
}
