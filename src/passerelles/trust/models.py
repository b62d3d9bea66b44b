"""Evidence of trust between members, and the snapshots of what the engine makes of it.

Evidence: vouches, attested meetings (count only when both sides attest), skill
endorsements and misconduct reports (count only once upheld by a moderator).
Snapshots: the global reputation computed in the background, swapped atomically through
the single ``TrustState`` row.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from passerelles.core.choices_display import ChoicesDisplayMixin

if TYPE_CHECKING:
    from passerelles.circles.models import Membership


class VouchContext(models.TextChoices):
    WORKED_WITH = "worked_with", _("A travaillé avec")
    CLIENT = "client", _("Client")
    SUPPLIER = "supplier", _("Fournisseur")
    COLLEAGUE = "colleague", _("Collègue")
    MET_HERE = "met_here", _("Rencontré via Passerelles")
    SAME_CIRCLE = "same_circle", _("Même cercle")


class VouchStrength(models.IntegerChoices):
    GOOD = 1, _("Je recommande")
    STRONG = 2, _("Je recommande vivement")
    FULL = 3, _("Je recommande sans réserve")


class Vouch(ChoicesDisplayMixin, models.Model):
    """A member recommends another, in a context, with a strength; revocable."""

    voucher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vouches_given"
    )
    vouchee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vouches_received"
    )
    context = models.CharField(_("contexte"), max_length=12, choices=VouchContext.choices)
    strength = models.PositiveSmallIntegerField(
        _("force"), choices=VouchStrength.choices, default=VouchStrength.STRONG
    )
    text = models.TextField(_("message"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    # Not stored: the memberships a vouch just admitted, set by ``actions.do_vouch``.
    admitted_memberships: "list[Membership]"

    class Meta:
        verbose_name = _("recommandation")
        verbose_name_plural = _("recommandations")
        constraints = [
            models.UniqueConstraint(
                fields=["voucher", "vouchee"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_vouch_per_pair",
                violation_error_message=_("Vous recommandez déjà cette personne."),
            ),
            models.CheckConstraint(
                condition=~Q(voucher=F("vouchee")),
                name="no_self_vouch",
                violation_error_message=_("On ne peut pas se recommander soi-même."),
            ),
            models.CheckConstraint(
                condition=Q(strength__gte=1, strength__lte=3),
                name="vouch_strength_1_3",
                violation_error_message=_("La force d'une recommandation va de 1 à 3."),
            ),
        ]
        indexes = [
            models.Index(fields=["vouchee", "revoked_at"]),
            models.Index(fields=["voucher", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.voucher} → {self.vouchee}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class MeetingSource(models.TextChoices):
    DIRECT = "direct", _("Rencontre directe")
    EVENT = "event", _("Événement")
    INTRO = "intro", _("Mise en relation")


AMOUNT_MAX_EUR = 10_000_000
"""The largest amount a meeting's deal may state (beyond, a typo more likely than a deal)."""
MEETING_MAX_AGE_DAYS = 5 * 366
"""How far back a meeting may be attested (older ones would rewrite past quarters)."""


class Opportunity(models.TextChoices):
    NONE = "", _("Aucune pour l'instant")
    REFERRAL = "referral", _("Recommandation d'affaires transmise")
    BUSINESS = "business", _("Affaire conclue")


class MeetingAttestation(ChoicesDisplayMixin, models.Model):
    """One side's statement that a meeting happened; it weighs only once both attest."""

    attester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attestations_given"
    )
    other = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attestations_about"
    )
    source = models.CharField(
        _("origine"), max_length=8, choices=MeetingSource.choices, default=MeetingSource.DIRECT
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    happened_on = models.DateField(_("date de la rencontre"))
    usefulness = models.PositiveSmallIntegerField(
        _("utilité (1 à 5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    opportunity = models.CharField(
        _("opportunité"), max_length=10, choices=Opportunity.choices, blank=True, default=""
    )
    amount_eur = models.PositiveIntegerField(_("montant (€)"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rencontre attestée")
        verbose_name_plural = _("rencontres attestées")
        constraints = [
            models.UniqueConstraint(
                fields=["attester", "other", "source", "source_id"],
                condition=Q(source_id__isnull=False),
                name="one_attestation_per_source",
                violation_error_message=_("Cette rencontre est déjà attestée."),
            ),
            models.UniqueConstraint(
                fields=["attester", "other", "source"],
                condition=Q(source_id__isnull=True),
                name="one_attestation_per_sourceless_meeting",
                violation_error_message=_("Cette rencontre est déjà attestée."),
            ),
            models.CheckConstraint(
                condition=~Q(attester=F("other")),
                name="no_self_meeting",
                violation_error_message=_("On ne peut pas attester une rencontre avec soi-même."),
            ),
            models.CheckConstraint(
                condition=Q(usefulness__gte=1, usefulness__lte=5),
                name="usefulness_1_5",
                violation_error_message=_("L'utilité va de 1 à 5."),
            ),
        ]
        indexes = [models.Index(fields=["other", "attester"])]

    def __str__(self) -> str:
        return f"{self.attester} ↔ {self.other} ({self.happened_on})"


class Endorsement(models.Model):
    """A member confirms one of another member's skills."""

    endorser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="endorsements_given"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="endorsements_received"
    )
    skill = models.ForeignKey("members.Skill", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("compétence confirmée")
        verbose_name_plural = _("compétences confirmées")
        constraints = [
            models.UniqueConstraint(
                fields=["endorser", "member", "skill"], name="one_endorsement_per_skill"
            ),
            models.CheckConstraint(
                condition=~Q(endorser=F("member")),
                name="no_self_endorsement",
                violation_error_message=_("On ne peut pas appuyer ses propres compétences."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.endorser} → {self.member}: {self.skill}"


class ReportStatus(models.TextChoices):
    OPEN = "open", _("À examiner")
    UPHELD = "upheld", _("Retenu")
    DISMISSED = "dismissed", _("Écarté")


class Report(models.Model):
    """A misconduct report; only an upheld one weighs (as distrust).

    Reviewed by platform operators and by the moderators of ``circle``, a circle the
    reporter and the reported member shared when it was filed (never one the reported
    member administers). Only operators see who filed it."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_filed"
    )
    reported = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_received"
    )
    circle = models.ForeignKey(
        "circles.Circle",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cercle"),
        help_text=_(
            "Cercle commun choisi par l'auteur du signalement : ses modérateurs l'examinent "
            "avec l'équipe de Passerelles. Vide : l'équipe de Passerelles seule."
        ),
    )
    reason = models.TextField(_("ce qui s'est passé"), max_length=2000)
    status = models.CharField(
        _("statut"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("note de modération"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reporter=F("reported")),
                name="no_self_report",
                violation_error_message=_("On ne peut pas se signaler soi-même."),
            ),
        ]
        indexes = [models.Index(fields=["status", "reported"])]

    def __str__(self) -> str:
        return f"#{self.pk} → {self.reported} ({self.status})"


class TrustSnapshot(models.Model):
    """One complete computation of global reputation; readers reach it via TrustState."""

    version = models.PositiveBigIntegerField()
    started_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    members = models.PositiveIntegerField(default=0)
    edges = models.PositiveIntegerField(default=0)
    seeds = models.PositiveIntegerField(default=0)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("calcul de confiance")
        verbose_name_plural = _("calculs de confiance")

    def __str__(self) -> str:
        return f"snapshot {self.pk} (v{self.version})"


class MemberTrust(models.Model):
    """A member's global reputation in one snapshot."""

    snapshot = models.ForeignKey(TrustSnapshot, on_delete=models.CASCADE, related_name="scores")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reputation = models.FloatField()
    percentile = models.FloatField(help_text="Share of members with a lower reputation, 0-1.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "user"], name="one_score_per_snapshot"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.reputation:.3f}"


class TrustState(models.Model):
    """The single row that says what changed and which snapshot is current.

    ``version`` grows with every change of evidence or membership; ``dirty_at`` is when
    the last one happened (with ``version``, it keys the in-process graph cache);
    ``queued_at`` is set while a recomputation waits in the queue (debounce).
    """

    version = models.PositiveBigIntegerField(default=0)
    dirty_at = models.DateTimeField(null=True, blank=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    computed_version = models.BigIntegerField(default=-1)
    computed_at = models.DateTimeField(null=True, blank=True)
    current = models.ForeignKey(
        TrustSnapshot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("état du calcul de confiance")

    def __str__(self) -> str:
        return f"v{self.version} (computed v{self.computed_version})"


class IssuedPassport(models.Model):
    """A trust passport handed to its member (a signed credential, see ``trust.passport``):
    the record keeps what revocation needs, never the credential itself."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="issued_passports"
    )
    jti = models.UUIDField(unique=True, editable=False)
    status_index = models.PositiveIntegerField(unique=True, editable=False)
    issued_at = models.DateTimeField(_("délivré le"))
    expires_at = models.DateTimeField(_("valable jusqu'au"))
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("passeport délivré")
        verbose_name_plural = _("passeports délivrés")

    def __str__(self) -> str:
        return f"{self.user} ({self.issued_at:%Y-%m-%d})"
