from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelles.core.choices import Axis, Sector, join_codes, split_codes
from passerelles.core.choices_display import ChoicesDisplayMixin
from passerelles.members.everyone import ProfileQuerySet


class Skill(models.Model):
    """A skill tag shared by profiles (lower-case name, unique)."""

    name = models.CharField(_("nom"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")

    def __str__(self) -> str:
        return self.name


class Visibility(models.TextChoices):
    CIRCLES = "circles", _("Mes cercles")
    BRIDGED = "bridged", _("Mes cercles et les cercles reliés")
    ALL = "all", _("Tous les membres de Passerelles")


class Profile(ChoicesDisplayMixin, models.Model):
    """What a member shows of themselves: who they are, what they offer and seek."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    headline = models.CharField(_("titre"), max_length=140, blank=True)
    organisation = models.CharField(_("organisation"), max_length=140, blank=True)
    city = models.CharField(_("commune"), max_length=100, blank=True)
    department = models.CharField(_("département"), max_length=3, blank=True)
    sector = models.CharField(_("secteur"), max_length=1, choices=Sector.choices, blank=True)
    skills = models.ManyToManyField(Skill, blank=True, related_name="profiles")
    offers = models.TextField(_("je peux aider sur…"), blank=True, max_length=2000)
    needs = models.TextField(_("je cherche…"), blank=True, max_length=2000)
    themes = models.CharField(_("axes d'intérêt"), max_length=60, blank=True)
    languages = models.CharField(_("langues"), max_length=60, blank=True, default=",fr,")
    links = models.TextField(_("liens"), blank=True, max_length=1000)
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=Visibility.choices, default=Visibility.BRIDGED
    )
    # The language last chosen with the switch, for what is written to them later
    # (e-mails); empty: the site's first language.
    language = models.CharField(_("langue"), max_length=8, blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)
    # The account's names, copied by the database itself (triggers of migration 0004, on
    # every write of either row, whatever writes it) so that the directory reads the
    # profiles seen by all in name order from one index of this table.
    sort_last_name = models.CharField(max_length=150, default="", db_default="", editable=False)
    sort_first_name = models.CharField(max_length=150, default="", db_default="", editable=False)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profil")
        verbose_name_plural = _("profils")
        indexes = [
            models.Index(fields=["sector"]),
            models.Index(fields=["city"]),
            models.Index(
                fields=["visibility", "sort_last_name", "sort_first_name", "id"],
                name="profile_directory_order",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def name(self) -> str:
        return self.user.display_name

    @property
    def theme_list(self) -> list[str]:
        return split_codes(self.themes)

    @theme_list.setter
    def theme_list(self, codes) -> None:
        self.themes = join_codes(c for c in codes if c in Axis.values)

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(Axis.choices)
        return [str(labels[c]) for c in self.theme_list if c in labels]

    @property
    def language_list(self) -> list[str]:
        return split_codes(self.languages)

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    @property
    def initials(self) -> str:
        parts = [p for p in self.name.split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or "?"
