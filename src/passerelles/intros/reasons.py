"""The reasons of a suggestion, worded in the reader's language when they read them.

Suggestions store their reasons as the engine's language-free data
(``engine.reasons.pair_reasons``), and requests made by asking the network add two of
their own ("asked", "asked_through", with the need); this module words them. French is
the engine's own wording; other languages go through the translation catalogue, whose
French source sentences below mirror it, and name the situations, kinds of service and
concepts the reasons carry in French by their English names (``engine.names_en``).
Reasons stored as sentences (before they were data) are shown as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from django.utils.text import get_text_list
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from passerelles.core.choices import Axis
from passerelles.engine.names_en import name_in_english, situation_in_english
from passerelles.engine.reasons import as_told, french_list, reason_in_french

AXES = list(Axis)  # the engine's axis order: monde, soi, societe, savoir


def _in_french() -> bool:
    return (get_language() or "fr").split("-")[0] == "fr"


def _list(items: Iterable[str]) -> str:
    """« a, b and c » in the active language; when a term already holds the conjunction
    ("experience and knowledge"), the last one follows ", as well as" so that two topics
    are not heard as three."""
    terms = [str(i) for i in items]
    conjunction = str(_("et"))
    if len(terms) > 1 and any(f" {conjunction} " in t for t in terms):
        return _("%(first)s, ainsi que %(last)s") % {
            "first": ", ".join(terms[:-1]),
            "last": terms[-1],
        }
    return get_text_list(terms, conjunction)


def _quoted(text: str) -> str:
    return _("« %(text)s »") % {"text": text}


# A need that already says it seeks (« À la recherche d'un comptable », « Je cherche… »,
# "Looking for…"): « X cherche » before it would say it twice.
_SEARCH_START = re.compile(
    r"(?:(?:je|j|nous|on|i|we)\s*(?:'\s*)?(?:suis|sommes|m|am|re|are)?\s+)?"
    r"(?:a\s+la\s+recherche\b|(?:re)?cherch(?:e|es|ons|ent|er|ais|ait)\b"
    r"|looking\s+for\b|searching\s+for\b|seeking\b)"
)


def told_as_search(need: str) -> bool:
    """Whether a need starts with a search phrase (« À la recherche de », « Je cherche »,
    « Cherche », « Recherche », "Looking for"...)."""
    text = str(need or "").replace("\u2019", "'").strip(" \u00a0«»\"'“”").lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return bool(_SEARCH_START.match(text))


def seeks(name: str, need: str) -> str:
    """« X cherche : « need » », or « X : « need » » when the need already says it seeks."""
    if told_as_search(need):
        return _("%(n)s : « %(q)s ».") % {"n": name, "q": need}
    return _("%(n)s cherche : « %(q)s ».") % {"n": name, "q": need}


def word(reason: Mapping | str, other_name: str) -> str:
    """One reason as a sentence about ``other_name``, in the active language; empty for
    a reason this version cannot word (unknown code, missing field)."""
    if isinstance(reason, str):
        return reason
    if not isinstance(reason, Mapping):
        return ""
    try:
        return _word(reason, other_name)
    except (KeyError, TypeError, ValueError):
        return ""


def _word(reason: Mapping, other_name: str) -> str:
    code = reason.get("code")
    if code == "asked":  # the person sought, about the asker
        return _("Votre profil répond à ce que %(name)s a demandé au réseau : « %(need)s ».") % {
            "name": other_name,
            "need": reason["need"],
        }
    if code == "asked_through":  # the intermediary, about the asker
        if told_as_search(reason["need"]):
            return _(
                "%(name)s : « %(need)s ». Cette personne vous demande de faire les présentations."
            ) % {"name": other_name, "need": reason["need"]}
        return _("%(name)s cherche « %(need)s » et vous demande de faire les présentations.") % {
            "name": other_name,
            "need": reason["need"],
        }
    told = as_told(reason)
    if (
        told.get("code") == "they_seek"
        and told_as_search(told.get("need", ""))
        and not isinstance(told.get("situation"), Mapping)
    ):
        return _told_search(told, other_name)
    if _in_french():
        return reason_in_french(reason, other_name)
    reason = as_told(reason)  # a situation the need did not tell: its service, as a topic
    code, name = reason["code"], other_name
    situation = reason.get("situation")
    if code in ("they_seek", "you_seek") and isinstance(situation, Mapping):
        named = situation_in_english(situation)
        if named is not None:
            return _situation(reason, named, name)
        if not reason.get("terms"):  # a name this version no longer knows: not quoted
            return _unnamed(reason, name)
    if code == "they_seek":
        terms = _terms(reason["terms"])
        if reason.get("need"):
            return _("%(name)s cherche %(need)s : vous pouvez l'aider en %(terms)s.") % {
                "name": name,
                "need": _quoted(reason["need"]),
                "terms": terms,
            }
        return _("%(name)s cherche ce que vous proposez en %(terms)s.") % {
            "name": name,
            "terms": terms,
        }
    if code == "you_seek":
        terms = _terms(reason["terms"])
        if reason.get("offer"):
            return _("%(name)s propose %(offer)s, ce qui répond à votre besoin en %(terms)s.") % {
                "name": name,
                "offer": _quoted(reason["offer"]),
                "terms": terms,
            }
        return _(
            "%(name)s propose ce que vous cherchez, ce qui répond à votre besoin en %(terms)s."
        ) % {"name": name, "terms": terms}
    if code == "intermediary":
        return _(
            "%(via)s, en qui vous avez confiance, connaît %(name)s et peut faire les présentations."
        ) % {"via": reason["via"], "name": name}
    if code == "intermediary_chain":
        return _(
            "Des personnes de confiance vous relient à %(via)s, qui connaît %(name)s et peut "
            "faire les présentations."
        ) % {"via": reason["via"], "name": name}
    if code == "trusted_by":
        return _(
            "%(via)s, qui vous fait confiance, a aussi la confiance de %(name)s et peut faire "
            "les présentations."
        ) % {"via": reason["via"], "name": name}
    if code == "trust":
        return _("Un lien de confiance existe déjà entre vous et %(name)s.") % {"name": name}
    if code == "cross_sector":
        return _("%(name)s travaille dans un autre secteur que vous.") % {"name": name}
    if code == "themes":
        labels = [str(AXES[a].label) for a in reason["axes"] if 0 <= a < len(AXES)]
        axes = [label[:1].lower() + label[1:] for label in labels]
        return _("Vous vous intéressez tous deux à %(axes)s.") % {"axes": _list(axes)}
    if code == "same_city":
        if reason.get("city"):
            return _("Vous êtes tous les deux à %(city)s.") % {"city": reason["city"]}
        return _("Vous êtes dans la même commune.")
    if code == "same_region":
        if reason.get("region"):
            return _("Vous êtes dans la même région (%(region)s).") % {"region": reason["region"]}
        return _("Vous êtes dans la même région.")
    if code == "far":
        if reason.get("city"):
            return _("%(name)s est à %(city)s, loin de chez vous.") % {
                "name": name,
                "city": reason["city"],
            }
        return _("%(name)s est loin de chez vous.") % {"name": name}
    fixed = {
        "remote": _(
            "Vous êtes loin l'un de l'autre, mais vous acceptez tous les deux "
            "de vous rencontrer à distance."
        ),
        "reciprocal": _("L'intérêt est réciproque : chacun peut aider l'autre."),
        "novelty": _("Vous n'avez aucun cercle en commun."),
        "priority": _("Vous n'avez pas eu de mise en relation au dernier tour."),
    }
    return fixed.get(code, "")


def _told_search(reason: Mapping, name: str) -> str:
    """« X : « À la recherche d'un comptable ». Vous pouvez l'aider en comptabilité. »"""
    if _in_french():
        return f"{name}\u00a0: {_quoted(reason['need'])}. Vous pouvez l'aider " + (
            f"{french_list(reason['terms'], 'en')}."
        )
    return _("%(name)s : %(need)s. Vous pouvez l'aider en %(terms)s.") % {
        "name": name,
        "need": _quoted(reason["need"]),
        "terms": _terms(reason["terms"]),
    }


def topic(term: str) -> str:
    """A topic two texts share (``RelevanceModel.matched_terms``) in the active language:
    a concept or a kind of service by its English name in English, a member's own words
    as they wrote them."""
    return term if _in_french() else name_in_english(term) or term


def _terms(terms: Iterable[str]) -> str:
    return _list(topic(str(t)) for t in terms)


def _situation(reason: Mapping, named: Mapping[str, str], name: str) -> str:
    """What a need tells and the kind of service that answers it, in English (the French
    wording is the engine's, ``engine.reasons.reason_in_french``)."""
    if reason["code"] == "you_seek":
        values = {"situation": named["situation"], "name": name, "does": named["does"]}
        if reason.get("offer"):
            return _("Vous parlez de %(situation)s : %(name)s %(does)s (%(offer)s).") % {
                **values,
                "offer": _quoted(reason["offer"]),
            }
        return _("Vous parlez de %(situation)s : %(name)s %(does)s.") % values
    values = {"name": name, "situation": named["situation"], "service": named["service"]}
    if reason.get("need"):
        return _(
            "%(name)s parle de %(situation)s (%(need)s) : vous pouvez l'aider en %(service)s."
        ) % {**values, "need": _quoted(reason["need"])}
    return _("%(name)s parle de %(situation)s : vous pouvez l'aider en %(service)s.") % values


def _unnamed(reason: Mapping, name: str) -> str:
    if reason["code"] == "you_seek":
        if reason.get("offer"):
            return _("%(name)s propose %(offer)s, ce qui répond à votre besoin.") % {
                "name": name,
                "offer": _quoted(reason["offer"]),
            }
        return _("%(name)s propose ce que vous cherchez.") % {"name": name}
    if reason.get("need"):
        return _("%(name)s cherche %(need)s : vous pouvez l'aider.") % {
            "name": name,
            "need": _quoted(reason["need"]),
        }
    return _("%(name)s cherche ce que vous proposez.") % {"name": name}


def word_all(reasons: Iterable[Mapping | str], other_name: str) -> list[str]:
    return [text for text in (word(r, other_name) for r in reasons) if text]


INTERMEDIARY_CODES = ("intermediary", "intermediary_chain", "trusted_by")


def with_current_intermediaries(reasons: list, viewer) -> list:
    """``reasons`` with each intermediary (stored as ``via_id``) named as the viewer may
    see them today: under their current name, or left out when their account is closed
    or their profile is no longer visible to the viewer."""
    ids = {
        r["via_id"]
        for r in reasons
        if isinstance(r, Mapping) and r.get("code") in INTERMEDIARY_CODES and "via_id" in r
    }
    if not ids:
        return list(reasons)
    from passerelles.members.access import visible_profiles

    names = {
        p.user_id: p.name
        for p in visible_profiles(viewer)
        .filter(user_id__in=ids, user__is_active=True)
        .select_related("user")
    }
    current = []
    for r in reasons:
        if isinstance(r, Mapping) and "via_id" in r and r.get("code") in INTERMEDIARY_CODES:
            if r["via_id"] not in names:
                continue
            r = {**r, "via": names[r["via_id"]]}
        current.append(r)
    return current
