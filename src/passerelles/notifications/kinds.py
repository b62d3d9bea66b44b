"""What a member can be told, grouped in topics they switch on or off.

A *topic* is what the settings page offers (« Passerelles entre cercles »: e-mail, in
Passerelles only, or off); a *kind* is one message of a topic, with its in-app text and
its e-mail subject, both worded when read in the reader's language from the names given
when it was written (``params``). This module names no domain: each domain calls
``notifications.notify`` with its own kind, template and context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from passerelles.core import french


class Channel(models.TextChoices):
    EMAIL = "email", _("Par e-mail et dans Passerelles")
    APP = "app", _("Dans Passerelles seulement")
    OFF = "off", _("Jamais")


DEFAULT_CHANNEL = Channel.EMAIL


@dataclass(frozen=True)
class Topic:
    key: str
    label: Any
    help: Any


@dataclass(frozen=True)
class Kind:
    key: str
    topic: str
    text: Any  # the in-app notice, "%(name)s"-style
    subject: Any  # the e-mail's subject, same names


TOPICS: tuple[Topic, ...] = (
    Topic(
        "bridges",
        _("Passerelles entre cercles"),
        _("Une passerelle proposée à votre cercle, la réponse à celles que vous proposez."),
    ),
    Topic(
        "admission",
        _("Décisions d'admission"),
        _("Votre demande pour rejoindre un cercle est acceptée ou refusée."),
    ),
    Topic("invitations", _("Invitations"), _("Un cercle vous invite à le rejoindre.")),
    Topic(
        "registrations",
        _("Inscriptions aux événements"),
        _("La confirmation de votre inscription, avec le fichier à ajouter à votre agenda."),
    ),
    Topic(
        "waitlist",
        _("Places libérées"),
        _("Une place se libère pour vous à un événement où vous attendiez."),
    ),
    Topic(
        "event_changes",
        _("Événements déplacés ou annulés"),
        _("Un événement où vous avez une place change d'horaire ou est annulé."),
    ),
    Topic(
        "event_plans",
        _("Plans de table de vos événements"),
        _("Une place libérée change le plan de table d'un événement que vous organisez."),
    ),
    Topic(
        "introductions",
        _("Mises en relation"),
        _("Nouvelles suggestions, demandes de présentation et réponses."),
    ),
)
TOPIC_KEYS = tuple(topic.key for topic in TOPICS)

KINDS_LIST: tuple[Kind, ...] = (
    Kind(
        "bridge_requested",
        "bridges",
        _("Passerelle proposée par %(le_circle)s %(a_to_circle)s"),
        _("[Passerelles] Passerelle proposée par %(le_circle)s"),
    ),
    Kind(
        "bridge_accepted",
        "bridges",
        _("La passerelle proposée par %(le_circle)s %(a_to_circle)s est acceptée"),
        _("[Passerelles] Passerelle acceptée par %(le_to_circle)s"),
    ),
    Kind(
        "bridge_declined",
        "bridges",
        _("La passerelle proposée par %(le_circle)s %(a_to_circle)s est déclinée"),
        _("[Passerelles] Passerelle déclinée par %(le_to_circle)s"),
    ),
    Kind(
        "admitted_vouched",
        "admission",
        _("Bienvenue %(a_circle)s : admission sur la recommandation %(de_names)s"),
        _("[Passerelles] Bienvenue %(a_circle)s"),
    ),
    Kind(
        "admitted_by",
        "admission",
        _("Bienvenue %(a_circle)s : votre demande a été acceptée par %(by)s"),
        _("[Passerelles] Bienvenue %(a_circle)s"),
    ),
    Kind(
        "admitted",
        "admission",
        _("Bienvenue %(a_circle)s : votre demande est acceptée"),
        _("[Passerelles] Bienvenue %(a_circle)s"),
    ),
    Kind(
        "declined",
        "admission",
        _("Votre demande pour rejoindre %(le_circle)s n'a pas été retenue"),
        _("[Passerelles] Votre demande pour rejoindre %(le_circle)s"),
    ),
    Kind(
        "invited",
        "invitations",
        _("%(by)s vous invite à rejoindre %(le_circle)s"),
        _("[Passerelles] Invitation à rejoindre %(le_circle)s"),
    ),
    Kind(
        "registered",
        "registrations",
        _("Votre place est réservée pour « %(title)s »"),
        _("[Passerelles] Inscription confirmée : « %(title)s »"),
    ),
    Kind(
        "waitlisted",
        "registrations",
        _("Vous êtes sur la liste d'attente de « %(title)s »"),
        _("[Passerelles] Liste d'attente de « %(title)s »"),
    ),
    Kind(
        "promoted",
        "waitlist",
        _("Une place s'est libérée pour vous à « %(title)s »"),
        _("[Passerelles] Une place s'est libérée à « %(title)s »"),
    ),
    Kind(
        "event_moved",
        "event_changes",
        _("Nouvel horaire pour « %(title)s »"),
        _("[Passerelles] Nouvel horaire pour « %(title)s »"),
    ),
    Kind(
        "place_kept",
        "event_changes",
        _("Votre place à « %(title)s » reste valable"),
        _("[Passerelles] Votre place à « %(title)s » reste valable"),
    ),
    Kind(
        "event_cancelled",
        "event_changes",
        _("L'événement « %(title)s » est annulé"),
        _("[Passerelles] Événement annulé : « %(title)s »"),
    ),
    Kind(
        "seat_handed_on",
        "event_plans",
        _("%(name)s prend la place %(de_leaver)s à « %(title)s », aux mêmes tables"),
        _("[Passerelles] « %(title)s » : %(name)s prend la place %(de_leaver)s"),
    ),
    Kind(
        "plan_outdated",
        "event_plans",
        _("Une place libérée à « %(title)s » reste vide : refaites le plan de table"),
        _("[Passerelles] Plan de table à refaire : « %(title)s »"),
    ),
    Kind(
        "suggested",
        "introductions",
        _("Nouvelle suggestion de mise en relation : %(name)s"),
        _("[Passerelles] Vos nouvelles suggestions de mise en relation"),
    ),
    Kind(
        "asked_to_introduce",
        "introductions",
        _("%(asker)s vous demande de faire les présentations avec %(target)s"),
        _("[Passerelles] %(asker)s vous demande de faire les présentations"),
    ),
    Kind(
        "requested",
        "introductions",
        _("%(asker)s aimerait une mise en relation avec vous"),
        _("[Passerelles] Une demande de mise en relation %(de_asker)s"),
    ),
    Kind(
        "connected",
        "introductions",
        _("%(name)s a accepté la mise en relation : voici son contact"),
        _("[Passerelles] %(name)s a accepté la mise en relation"),
    ),
    Kind(
        "meeting_confirmed",
        "introductions",
        _("%(name)s a confirmé votre rencontre : confirmez-la à votre tour"),
        _("[Passerelles] %(name)s a confirmé votre rencontre"),
    ),
)
KINDS = {kind.key: kind for kind in KINDS_LIST}
INTRODUCTION_KINDS = tuple(kind.key for kind in KINDS_LIST if kind.topic == "introductions")


# The forms of a name after a word, in French (the bare name in another language), that a
# text asks for by prefixing the name's key: « proposée par %(le_circle)s » reads « par le
# Club … », « par l'Association … », « par les Anciens … »; « %(a_to_circle)s » « au Club … »;
# « la recommandation %(de_names)s » « d'Alice Martin et de Bob Durand ».
FORMS = {"le": french.le, "de": french.de, "a": french.a}


def worded(template: Any, params: dict) -> str:
    """``template`` in the active language, lists of names joined (« A, B et C »), each
    name also given with its article or preposition (``FORMS``)."""
    values: dict[str, Any] = {}
    for key, value in (params or {}).items():
        names = [str(v) for v in value] if isinstance(value, list) else [value]
        values[key] = get_text_list(names, gettext("et")) if isinstance(value, list) else value
        if all(isinstance(name, str) for name in names):
            for prefix, form in FORMS.items():  # each name its own: « d'Alice et de Bob »
                joined = get_text_list([form(name) for name in names], gettext("et"))
                values.setdefault(f"{prefix}_{key}", joined)
    try:
        return str(template) % values
    except (KeyError, TypeError, ValueError):
        return ""
