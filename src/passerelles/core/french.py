"""French typography: « de » and « à » before a name, « 1er » for the first day, and how long ago.

``{% blocktranslate with de_name=circle.name|de %}Passerelles {{ de_name }}`` reads
« Passerelles de Lyon », « Passerelles d'Alumni… » in French; in another language the
filter gives the bare name and the translation brings its own word (« Bridges of … »).
``{{ when|ago }}`` gives « à l'instant » under a minute, then « il y a 3 jours »
(``timesince`` alone says « 0 minute »). ``{{ when|date:"j F" }}`` reads « 1er mars »
on the first of the month (Django writes « 1 mars »).
"""

import datetime as dt
import unicodedata

from django.template import defaultfilters
from django.utils import formats, timezone, translation
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

# Words starting with these letters elide « de » (the h of most words is mute).
ELIDING = set("aeiouyh")
# Format characters that write the month as a word: only then is « 1 » read « 1er ».
MONTH_WORDS = set("FNEb")
ASPIRATED_H = (
    "hache",
    "hall",
    "hameau",
    "handi",
    "hangar",
    "hasard",
    "haut",
    "hibou",
    "hockey",
    "honte",
)


def starts_with_vowel_sound(word: str) -> bool:
    stripped = word.lstrip(" «\"'“(")
    if not stripped:
        return False
    first = unicodedata.normalize("NFD", stripped[0].lower())[0]
    if first not in ELIDING:
        return False
    return not (first == "h" and stripped.lower().startswith(ASPIRATED_H))


# A name that begins with a common noun takes its article after « de » and « à »:
# « du Club des Entrepreneurs », « de la Chambre de Métiers », « de l'Association … »,
# « des Anciens de l'École », « au Club … » (« de Club des Entrepreneurs » read wrong).
MASCULINE = frozenset(
    [
        "club",
        "cercle",
        "réseau",
        "groupe",
        "groupement",
        "collectif",
        "comité",
        "centre",
        "conseil",
        "syndicat",
        "mouvement",
        "bureau",
        "forum",
        "pôle",
        "incubateur",
        "institut",
        "barreau",
        "cluster",
        "ordre",
        "chapitre",
        "accélérateur",
        "salon",
        "cabinet",
        "atelier",
        "espace",
        "rotary",
        "lions",
        "carrefour",
    ]
) | {"jeune barreau"}
FEMININE = frozenset(
    [
        "association",
        "chambre",
        "fédération",
        "confédération",
        "communauté",
        "union",
        "amicale",
        "maison",
        "compagnie",
        "ligue",
        "fondation",
        "coopérative",
        "société",
        "alliance",
        "académie",
        "école",
        "pépinière",
        "délégation",
        "guilde",
        "plateforme",
        "ruche",
    ]
) | {"jeune chambre"}
PLURAL = frozenset(
    [
        "anciens",
        "amis",
        "femmes",
        "entrepreneurs",
        "entrepreneures",
        "dirigeants",
        "dirigeantes",
        "jeunes",
        "rencontres",
        "cadres",
        "professionnels",
        "diplômés",
        "ateliers",
    ]
)
# (masculine, feminine, before a vowel sound, plural, no article) after each word
ARTICLES = {
    "de": ("du {}", "de la {}", "de l'{}", "des {}", "de {}", "d'{}"),
    "à": ("au {}", "à la {}", "à l'{}", "aux {}", "à {}", "à {}"),
    "": ("le {}", "la {}", "l'{}", "les {}", "{}", "{}"),
}


def _with_article(text: str, preposition: str) -> str:
    """``text`` after « de » or « à », with the article its first noun takes."""
    masculine, feminine, elided, plural, bare, bare_elided = ARTICLES[preposition]
    words = text.split()
    first = words[0].lower() if words else ""
    if first in ("le", "les") and len(words) > 1:  # « Les Audacieuses » -> « des Audacieuses »
        if not preposition:  # the name already carries its article
            return text
        rest = text.split(None, 1)[1]
        if first == "les":
            return plural.format(rest)
        return (elided if starts_with_vowel_sound(rest) else masculine).format(rest)
    two = " ".join(words[:2]).lower()
    if first in PLURAL:
        return plural.format(text)
    if first in MASCULINE or two in MASCULINE or first in FEMININE or two in FEMININE:
        if starts_with_vowel_sound(text):
            return elided.format(text)
        return (masculine if first in MASCULINE or two in MASCULINE else feminine).format(text)
    return (bare_elided if starts_with_vowel_sound(text) else bare).format(text)


def de(name: object) -> str:
    """« de X », « d'X », « du Club X », « de la Chambre X », « des Anciens X » in French;
    the bare name in another language."""
    text = str(name)
    if not (translation.get_language() or "fr").startswith("fr"):
        return text
    return _with_article(text, "de")


def a(name: object) -> str:
    """« à X », « au Club X », « à la Chambre X », « à l'Association X », « aux Anciens X »
    in French; the bare name in another language."""
    text = str(name)
    if not (translation.get_language() or "fr").startswith("fr"):
        return text
    return _with_article(text, "à")


def le(name: object) -> str:
    """« le Club X », « la Chambre X », « l'Association X », « les Anciens X », « X » in
    French (after « avec », « pour »...); the bare name in another language."""
    text = str(name)
    if not (translation.get_language() or "fr").startswith("fr"):
        return text
    return _with_article(text, "")


def ago(moment: dt.datetime | None) -> str:
    """« à l'instant » under a minute, otherwise « il y a <durée> » in the reader's language."""
    if moment is None:
        return ""
    if timezone.now() - moment < dt.timedelta(minutes=1):
        return _("à l'instant")
    return _("il y a %(when)s") % {"when": timesince(moment)}


def _first_day_ordinal(fmt: str) -> str:
    """``fmt`` with every unescaped ``j`` written « 1er » (for a date on the 1st)."""
    out: list[str] = []
    escaped = False
    for char in fmt:
        if escaped:
            out.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "j":
            out.append(r"j\e\r")
        else:
            out.append(char)
    if escaped:
        out.append("\\")
    return "".join(out)


def _has_month_word(fmt: str) -> bool:
    escaped = False
    for char in fmt:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in MONTH_WORDS:
            return True
    return False


def date(value: dt.date | dt.datetime | None, arg: str | None = None) -> str:
    """Django's ``date`` filter; in French « 1er » for the first of a month written in words."""
    if value in (None, ""):
        return ""
    fmt = formats.get_format(arg or "DATE_FORMAT") if not arg or arg.endswith("_FORMAT") else arg
    if (
        getattr(value, "day", None) == 1
        and (translation.get_language() or "fr").startswith("fr")
        and _has_month_word(fmt)
    ):
        fmt = _first_day_ordinal(fmt)
    return defaultfilters.date(value, fmt)


def format_date(value: dt.date | dt.datetime, fmt: str) -> str:
    """``date`` for Python code: the value in the current time zone, « 1er » in French."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return date(value, fmt)
