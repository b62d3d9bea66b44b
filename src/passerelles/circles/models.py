from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelles.core.choices import Sector, split_codes
from passerelles.core.choices_display import ChoicesDisplayMixin


class CircleKind(models.TextChoices):
    BUSINESS_CLUB = "club", _("Club d'affaires")
    REFERRAL = "referral", _("Réseau de recommandation")
    ALUMNI = "alumni", _("Association d'anciens")
    ORDER = "order", _("Ordre professionnel")
    INCUBATOR = "incubator", _("Incubateur")
    CHAMBER = "chamber", _("Chambre consulaire")
    WOMEN = "women", _("Réseau féminin")
    OTHER = "other", _("Autre")


class AdmissionPolicy(models.TextChoices):
    OPEN = "open", _("Ouvert : toute demande est acceptée")
    COOPTATION = "cooptation", _("Cooptation : admission sur recommandations de membres")
    TRUST = "trust", _("Seuil de confiance")
    INVITATION = "invitation", _("Sur invitation uniquement")


class Circle(ChoicesDisplayMixin, models.Model):
    """A networking circle: a club, a chapter, an alumni association, an order..."""

    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    kind = models.CharField(_("type"), max_length=12, choices=CircleKind.choices)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    city = models.CharField(_("ville"), max_length=100, blank=True)
    department = models.CharField(_("département"), max_length=3, blank=True)
    sectors = models.CharField(_("secteurs privilégiés"), max_length=30, blank=True)
    dues_eur = models.PositiveIntegerField(_("cotisation annuelle (€)"), default=0)
    listed = models.BooleanField(
        _("visible dans l'annuaire public"),
        default=True,
        help_text=_("Un cercle privé n'est visible que de ses membres et des cercles reliés."),
    )
    admission_policy = models.CharField(
        _("admission"),
        max_length=12,
        choices=AdmissionPolicy.choices,
        default=AdmissionPolicy.COOPTATION,
    )
    cooptation_vouches = models.PositiveSmallIntegerField(
        _("recommandations nécessaires"), default=2
    )
    trust_threshold = models.FloatField(_("seuil de confiance (0 à 1)"), default=0.5)
    accept_bridged_vouches = models.BooleanField(
        _("les recommandations des cercles reliés comptent"), default=True
    )
    # Anyone may create a circle; only the circles the platform's operators have checked
    # anchor reputation (their verified members and admins seed the trust walk).
    recognised = models.BooleanField(
        _("Cercle reconnu par la plateforme"),
        default=False,
        help_text=_(
            "Les membres vérifiés et les responsables d'un cercle reconnu servent de points "
            "d'ancrage au calcul de confiance."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cercle")
        verbose_name_plural = _("cercles")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("circles:detail", args=[self.slug])

    @property
    def sector_list(self) -> list[str]:
        return split_codes(self.sectors)

    @property
    def sector_labels(self) -> list[str]:
        labels = dict(Sector.choices)
        return [str(labels[c]) for c in self.sector_list if c in labels]


class Role(models.TextChoices):
    OWNER = "owner", _("Responsable")
    ADMIN = "admin", _("Administrateur")
    MODERATOR = "moderator", _("Modérateur")
    MEMBER = "member", _("Membre")


ADMIN_ROLES = (Role.OWNER, Role.ADMIN)
MODERATION_ROLES = (Role.OWNER, Role.ADMIN, Role.MODERATOR)


class MembershipState(models.TextChoices):
    INVITED = "invited", _("Invitation en attente")
    PENDING = "pending", _("Demande en attente")
    ADMITTED = "admitted", _("Membre")
    DECLINED = "declined", _("Demande refusée")
    LEFT = "left", _("A quitté le cercle")
    REMOVED = "removed", _("Retrait du cercle")


class MembershipQuerySet(models.QuerySet["Membership"]):
    """The filters every domain repeats about memberships."""

    def admitted(self) -> "MembershipQuerySet":
        """Memberships of admitted members (not requests, invitations nor departures)."""
        return self.filter(state=MembershipState.ADMITTED)


class Membership(ChoicesDisplayMixin, models.Model):
    """One person's standing in one circle, with the dates that time-to-trust needs."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    state = models.CharField(
        _("statut"),
        max_length=10,
        choices=MembershipState.choices,
        default=MembershipState.PENDING,
    )
    message = models.TextField(_("message"), blank=True, max_length=1000)
    requested_at = models.DateTimeField(_("demandée le"), null=True, blank=True)
    invited_at = models.DateTimeField(_("invité le"), null=True, blank=True)
    admitted_at = models.DateTimeField(_("admis le"), null=True, blank=True)
    ended_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    verified = models.BooleanField(
        _("vérifié par le cercle"),
        default=False,
        help_text=_(
            "Dans un cercle reconnu par la plateforme, un membre vérifié sert de point "
            "d'ancrage au calcul de confiance."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")
        constraints = [
            models.UniqueConstraint(fields=["circle", "user"], name="one_membership_per_circle"),
            models.UniqueConstraint(
                fields=["circle"],
                condition=models.Q(role="owner"),
                name="one_owner_per_circle",
                violation_error_message=_("Un cercle n'a qu'un responsable."),
            ),
        ]
        indexes = [models.Index(fields=["user", "state"]), models.Index(fields=["circle", "state"])]

    def __str__(self) -> str:
        return f"{self.user} @ {self.circle}"

    @property
    def is_admin(self) -> bool:
        return self.state == MembershipState.ADMITTED and self.role in ADMIN_ROLES

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER


class Invitation(models.Model):
    """An e-mail invitation to a circle; a signed link lets the person accept it."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("adresse e-mail"))
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=140, blank=True)
    sector = models.CharField(_("secteur"), max_length=1, choices=Sector.choices, blank=True)
    city = models.CharField(_("commune"), max_length=100, blank=True)
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_import = models.BooleanField(default=False)
    sent_at = models.DateTimeField(_("envoyée le"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["circle", "email"], name="one_invitation_per_email"),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.circle}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None


class BridgeState(models.TextChoices):
    REQUESTED = "requested", _("Demandée")
    ACTIVE = "active", _("Active")
    DECLINED = "declined", _("Refusée")
    REVOKED = "revoked", _("Révoquée")


class Bridge(models.Model):
    """A bridge between two circles: asked by one, accepted by the other, revocable."""

    from_circle = models.ForeignKey(
        Circle, on_delete=models.CASCADE, related_name="bridges_requested"
    )
    to_circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="bridges_received")
    state = models.CharField(
        max_length=10, choices=BridgeState.choices, default=BridgeState.REQUESTED
    )
    message = models.TextField(_("message"), blank=True, max_length=1000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    # When an admin of that side answered « Ne plus proposer » to the offer of opening its
    # coming « bridged » events to the other circle (events.actions.do_dismiss_events_offer).
    from_events_offer_dismissed_at = models.DateTimeField(null=True, blank=True)
    to_events_offer_dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("passerelle")
        verbose_name_plural = _("passerelles")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_circle=models.F("to_circle")),
                name="bridge_two_circles",
                violation_error_message=_("Une passerelle relie deux cercles différents."),
            ),
            models.UniqueConstraint(
                fields=["from_circle", "to_circle"],
                condition=models.Q(state__in=["requested", "active"]),
                name="one_open_bridge_per_direction",
                violation_error_message=_(
                    "Une passerelle est déjà demandée ou active entre ces deux cercles."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_circle} ↔ {self.to_circle}"

    def other(self, circle: Circle) -> Circle:
        return self.to_circle if circle.pk == self.from_circle_id else self.from_circle

    def events_offer_field(self, circle: Circle) -> str:
        """The field that says ``circle``'s admins no longer want the events offer."""
        if circle.pk == self.from_circle_id:
            return "from_events_offer_dismissed_at"
        return "to_events_offer_dismissed_at"

    def events_offer_dismissed(self, circle: Circle) -> bool:
        return getattr(self, self.events_offer_field(circle)) is not None


class MemberImport(models.Model):
    """An uploaded member list, parsed and previewed before anything is written."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="imports")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(max_length=200)
    rows = models.JSONField(default=list)
    # Headers of the file's columns that were not imported (« Téléphone », « Fonction »).
    ignored_columns = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("import de membres")
        verbose_name_plural = _("imports de membres")

    def __str__(self) -> str:
        return f"{self.filename} → {self.circle}"

    @property
    def valid_rows(self) -> list[dict]:
        return [row for row in self.rows if not row.get("errors")]

    @property
    def invalid_rows(self) -> list[dict]:
        return [row for row in self.rows if row.get("errors")]
