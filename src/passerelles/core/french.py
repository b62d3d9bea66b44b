"""French typography: « de » before a name, and how long ago.

``{% blocktranslate with de_name=circle.name|de %}Passerelles {{ de_name }}`` reads
« Passerelles de Lyon », « Passerelles d'Alumni… » in French; in another language the
filter gives the bare name and the translation brings its own word (« Bridges of … »).
``{{ when|ago }}`` gives « à l'instant » under a minute, then « il y a 3 jours »
(``timesince`` alone says « 0 minute »).
"""

import datetime as dt
import unicodedata

from django.utils import timezone, translation
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

# Words starting with these letters elide « de » (the h of most words is mute).
ELIDING = set("aeiouyh")
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


def de(name: object) -> str:
    """« de X » or « d'X » in French; the bare name in another language."""
    text = str(name)
    if not (translation.get_language() or "fr").startswith("fr"):
        return text
    return f"d'{text}" if starts_with_vowel_sound(text) else f"de {text}"


def ago(moment: dt.datetime | None) -> str:
    """« à l'instant » under a minute, otherwise « il y a <durée> » in the reader's language."""
    if moment is None:
        return ""
    if timezone.now() - moment < dt.timedelta(minutes=1):
        return _("à l'instant")
    return _("il y a %(when)s") % {"when": timesince(moment)}
