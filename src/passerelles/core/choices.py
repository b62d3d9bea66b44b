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


#: The words a club's own list uses for a trade (« Conseil », « Logistique », « BTP »), in
#: French and English, as slugs, with their NAF section: what members write is rarely the
#: section's label. A word that could be two sections (« artisanat », « services ») is
#: left out: better no sector than a wrong one.
SECTOR_WORDS = {
    **dict.fromkeys(["agricole", "viticulture", "elevage", "peche", "farming"], "A"),
    **dict.fromkeys(
        ["industrie", "industriel", "industry", "manufacturing", "fabrication", "usinage"], "C"
    ),
    **dict.fromkeys(["agroalimentaire", "chimie", "plasturgie", "metallurgie"], "C"),
    **dict.fromkeys(["mecanique", "textile", "aeronautique", "pharmacie"], "C"),
    **dict.fromkeys(["energie", "electricite", "energy"], "D"),
    **dict.fromkeys(["dechets", "recyclage", "assainissement"], "E"),
    **dict.fromkeys(["btp", "batiment", "travaux-publics", "renovation"], "F"),
    **dict.fromkeys(["negoce", "distribution", "vente", "retail", "e-commerce"], "G"),
    **dict.fromkeys(["logistique", "transport", "logistics", "transports-logistique"], "H"),
    **dict.fromkeys(["hotellerie", "restauration", "hospitality", "hotellerie-restauration"], "I"),
    **dict.fromkeys(["informatique", "numerique", "digital", "logiciel", "software"], "J"),
    **dict.fromkeys(["telecoms", "telecommunications", "medias", "media", "tech"], "J"),
    **dict.fromkeys(["banque", "assurance", "assurances", "finance", "banking"], "K"),
    **dict.fromkeys(["insurance"], "K"),
    **dict.fromkeys(["immobilier", "real-estate"], "L"),
    **dict.fromkeys(["conseil", "consulting", "juridique", "droit", "avocat", "avocats"], "M"),
    **dict.fromkeys(["legal", "comptabilite", "expertise-comptable", "accounting"], "M"),
    **dict.fromkeys(["audit", "architecture", "ingenierie", "engineering", "design"], "M"),
    **dict.fromkeys(["marketing", "communication", "publicite", "notariat"], "M"),
    **dict.fromkeys(["interim", "recrutement", "proprete", "nettoyage", "evenementiel"], "N"),
    **dict.fromkeys(["collectivite", "collectivites", "service-public"], "O"),
    **dict.fromkeys(["formation", "education", "training"], "P"),
    **dict.fromkeys(["sante", "medical", "medico-social", "health", "healthcare"], "Q"),
    **dict.fromkeys(["culture", "sport", "spectacle", "loisirs", "arts"], "R"),
    **dict.fromkeys(["coiffure", "beaute", "bien-etre"], "S"),
}


def sector_from_text(value: str) -> str | None:
    """A NAF section from a code ("M"), a label or its first words (« Industrie
    manufacturière », « Industrie ») or a trade's usual word (:data:`SECTOR_WORDS`: « BTP »,
    « Conseil en stratégie »), accents and case ignored, in French or English; ``None``
    when unknown or when the start of a label fits two sections."""
    from django.utils.text import slugify
    from django.utils.translation import override

    text = (value or "").strip()
    if not text:
        return None
    if len(text) == 1 and text.upper() in Sector.values:
        return text.upper()
    wanted = slugify(text)
    if wanted in SECTOR_WORDS:
        return SECTOR_WORDS[wanted]
    found = set()
    for language in ("fr", "en"):
        with override(language):
            for code, label in Sector.choices:
                name = slugify(str(label))
                if name == wanted:
                    return code
                if name.startswith(wanted):
                    found.add(code)
    if len(found) == 1:
        return found.pop()
    first = wanted.split("-", 1)[0]
    return SECTOR_WORDS.get(first) if first != wanted else None
