"""Shared vocabularies: the four axes of exchange and the 21 NAF sections."""

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _


class Axis(models.TextChoices):
    """The four axes along which Passerelles structures exchanges."""

    WORLD = "monde", _("La contemplation du monde")
    SELF = "soi", _("Le développement de soi")
    SOCIETY = "societe", _("La transformation de la société")
    KNOWLEDGE = "savoir", _("L'expérience et la connaissance")


class Sector(models.TextChoices):
    """The 21 sections of the French activity nomenclature (NAF rév. 2)."""

    A = "A", _("Agriculture, sylviculture et pêche")
    B = "B", _("Industries extractives")
    C = "C", _("Industrie manufacturière")
    D = "D", _("Énergie (électricité, gaz, vapeur)")
    E = "E", _("Eau, assainissement, déchets et dépollution")
    F = "F", _("Construction")
    G = "G", _("Commerce ; réparation d'automobiles")
    H = "H", _("Transports et entreposage")
    I = "I", _("Hébergement et restauration")  # noqa: E741
    J = "J", _("Information et communication")
    K = "K", _("Activités financières et d'assurance")
    L = "L", _("Activités immobilières")
    M = "M", _("Activités spécialisées, scientifiques et techniques")
    N = "N", _("Services administratifs et de soutien")
    O = "O", _("Administration publique")  # noqa: E741
    P = "P", _("Enseignement")
    Q = "Q", _("Santé humaine et action sociale")
    R = "R", _("Arts, spectacles et activités récréatives")
    S = "S", _("Autres activités de services")
    T = "T", _("Activités des ménages en tant qu'employeurs")
    U = "U", _("Activités extra-territoriales")


def split_codes(value: str) -> list[str]:
    """Codes stored as ``,a,b,`` (commas around each, so ``contains=",a,"`` filters)."""
    return [code for code in (value or "").split(",") if code]


def join_codes(codes: Iterable[str]) -> str:
    codes = [c for c in codes if c]
    return f",{','.join(codes)}," if codes else ""


def sector_from_text(value: str) -> str | None:
    """A NAF section from a code ("M") or a label, accents and case ignored."""
    from django.utils.text import slugify

    text = (value or "").strip()
    if not text:
        return None
    if len(text) == 1 and text.upper() in Sector.values:
        return text.upper()
    wanted = slugify(text)
    for code, label in Sector.choices:
        if slugify(str(label)) == wanted or slugify(str(label)).startswith(wanted):
            return code
    return None
