"""Why two members are suggested to each other: ranked reasons, as data and in French.

:func:`pair_reasons` turns one pair's score components (see
``matching.pair_components``) into reasons as plain, JSON-ready dicts, strongest first:
``{"code": "they_seek", "need": "…", "terms": [...]}``. They carry no language, so the
product can store them and word them in the reader's language. :func:`explain_pair` words
them in French, the product's first language (and the engine's own reference wording).

Codes and their fields:

* ``they_seek``: the other seeks what you offer; ``need`` (their need, clipped, may be
  empty) and ``terms`` (topics their need and your offer share);
* ``you_seek``: the other offers what you seek; ``offer`` (clipped, may be empty), ``terms``;
  either may carry ``situation``: what the need tells and the kind of service of the offer
  that answers it (``{"situation": "un dégât des eaux", "service": "expertise des
  sinistres", "does": "expertise les sinistres"}``, see ``situations.py``), worded
  « vous parlez d'un dégât des eaux : X expertise les sinistres » (the names are French
  labels of the engine's tables; ``names_en.py`` gives their English names). Only a
  situation the need told in its phrases (:func:`told_by_need`) is said so: a kind of
  service met through its trade words, the encoder or a lone word (« directeur
  financier », « restaurant ») is named among the ``terms`` instead (« … ce qui répond à
  votre besoin en direction financière »), never by a matter the member did not speak of;
* ``reciprocal``: both of the above;
* ``novelty``: no circle in common;
* ``intermediary``: ``via``, a member you trust who trusts them; ``intermediary_chain``:
  the same, reached through others you trust; ``trusted_by``: ``via``, a member who trusts
  you and whom they trust; ``trust``: a tie between you;
* ``cross_sector``: another sector;
* ``themes``: ``axes``, indices of the four axes you both chose (0 contemplation du monde,
  1 développement de soi, 2 transformation de la société, 3 expérience et connaissance);
* ``priority``: you had no introduction last round;
* ``same_city`` (optional ``city``, its name), ``same_region`` (optional ``region``):
  you can meet near home; ``remote``: you are far apart and both accept to meet at a
  distance; ``far`` (optional ``city``, theirs): you are far apart and will not both meet
  at a distance (added by "Demander au réseau", where it helps choose).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from passerelles.engine.situations import SERVICES, SITUATIONS

if TYPE_CHECKING:
    from passerelles.engine.text import TextEncoder

__all__ = [
    "REASON_RELEVANCE",
    "as_told",
    "clip_text",
    "explain_pair",
    "french_list",
    "matching_part",
    "pair_reasons",
    "parts_by_score",
    "parts_by_score_many",
    "text_parts",
    "told_by_need",
]

# A need <-> offer reason is stated only from this relevance on, and only naming the
# topics both texts share: below it (or with no shared topic) a match is lexical noise
# (a shared "équipe" or "entreprise"), and saying "ce que vous proposez" would be false.
REASON_RELEVANCE = 0.1
# Weights that rank reasons (the score's own weights; see matching.DEFAULT_WEIGHTS).
_RELEVANCE_WEIGHT = 0.35

_AXES_FR = {
    0: "la contemplation du monde",
    1: "le développement de soi",
    2: "la transformation de la société",
    3: "l'expérience et la connaissance",
}
_NBSP = "\u00a0"
# A pair's place level (``matching.place_levels``: 1 same region, 2 same city, 3 both
# accept to meet remotely) as a reason code.
PLACE_CODES = {1: "same_region", 2: "same_city", 3: "remote"}
_REMOTE_RANK = 0.5  # above every bonus (novelty at most 0.36), below need and offer


def clip_text(text: str, limit: int = 90) -> str:
    """A member's text for quoting: one line, quotation marks and trailing punctuation
    dropped, cut at a word boundary with "…" beyond ``limit`` characters."""
    text = " ".join(str(text).replace("«", "").replace("»", "").split())
    text = text.strip(" \u00a0\u202f.;:,!?…").strip('"“”')
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" .;:,!?") + "…"
    return text


def _clean_terms(terms: Sequence[str]) -> list[str]:
    items = [" ".join(str(t).split()) for t in terms if str(t).strip()]
    return list(dict.fromkeys(items))


# A member's text is cut into lines and items (« ; »), and those into sentences (a
# capital after . ! ?).
_PART_RE = re.compile(r"\s*[\n;]\s*|(?<=[.!?…])\s+(?=[A-ZÀÂÇÉÈÊËÎÏÔÙÛÜ])")


def text_parts(text: str) -> list[str]:
    """The lines and sentences of a member's text (needs or offers), blank ones dropped."""
    return [part.strip() for part in _PART_RE.split(str(text)) if part.strip()]


def matching_part(model: TextEncoder, text: str, other_text: str) -> str:
    """The line or sentence of ``text`` that the best-scoring pair of parts of ``text``
    and ``other_text`` quotes (the one that met), for quoting one need (or offer) among
    several; ``text`` itself when it has a single part or no part meets. ``model``: a
    fitted ``RelevanceModel`` (cosine of ``encode`` rows)."""
    ranked = parts_by_score(model, text, other_text)
    return ranked[0] if ranked else text


def parts_by_score(model: TextEncoder, text: str, other_text: str) -> list[str]:
    """The lines or sentences of ``text`` that meet a part of ``other_text``, best first
    (each by its best pair); empty when ``text`` has a single part or none meets."""
    return parts_by_score_many(model, [text], other_text)[0]


def parts_by_score_many(model: TextEncoder, texts: list[str], other_text: str) -> list[list[str]]:
    """`parts_by_score` of each of ``texts`` against one ``other_text`` (the answers to
    one question), with every part encoded in one call: the rows of a text do not
    depend on the others encoded with it, so the lists are the same."""
    split = [text_parts(text) for text in texts]
    others = text_parts(other_text)
    wanted = [parts for parts in split if len(parts) > 1]
    if not wanted or not others:
        return [[] for _ in texts]
    rows = model.encode([part for parts in wanted for part in parts] + others)
    rows = rows.tocsr() if hasattr(rows, "tocsr") else np.asarray(rows)
    other_rows = rows[rows.shape[0] - len(others) :]
    out: list[list[str]] = []
    start = 0
    for parts in split:
        if len(parts) <= 1:
            out.append([])
            continue
        scores = rows[start : start + len(parts)] @ other_rows.T
        start += len(parts)
        scores = np.asarray(scores.toarray() if hasattr(scores, "toarray") else scores)
        best = scores.max(axis=1)
        order = np.argsort(-best, kind="stable")
        out.append([parts[int(i)] for i in order if best[int(i)] > 0])
    return out


def pair_reasons(
    components: Mapping[str, float],
    *,
    other_need: str = "",
    other_offer: str = "",
    matched_terms_theirs: Sequence[str] = (),
    matched_terms_yours: Sequence[str] = (),
    intermediary_name: str | None = None,
    intermediary_direct: bool = True,
    shared_axes: Sequence[int] = (),
    max_reasons: int = 4,
    situation_theirs: Mapping[str, Any] | None = None,
    situation_yours: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Reasons for suggesting the other member to the viewer, strongest first (see the
    module docstring for codes and fields).

    components: one pair's values from ``pair_components``, oriented so that
    "relevance_ab" is the viewer's need vs the other's offer and "relevance_ba" the other's
    need vs the viewer's offer. matched_terms_theirs: terms shared by their need and your
    offer; matched_terms_yours: by your need and their offer. intermediary_direct: False
    when the viewer reaches the intermediary only through others. A need/offer direction is a
    reason only when its relevance is at least ``REASON_RELEVANCE`` and its matched terms
    are given (they are named) or a situation is (``situation_theirs``: one of
    ``RelevanceModel.situations_met(their need, your offer)``; ``situation_yours``: of
    your need and their offer); otherwise it is omitted, never claimed in general terms.
    """
    c = {k: float(np.asarray(v)) for k, v in components.items() if np.ndim(v) == 0}
    ranked: list[tuple[float, dict[str, Any]]] = []
    r_ab, r_ba = c.get("relevance_ab", 0.0), c.get("relevance_ba", 0.0)
    theirs, yours = _clean_terms(matched_terms_theirs), _clean_terms(matched_terms_yours)
    sit_theirs, sit_yours = _situation(situation_theirs), _situation(situation_yours)
    # A kind of service the need did not tell as a situation is named as a topic.
    if sit_theirs and not told_by_need(sit_theirs):
        theirs, sit_theirs = _with_service(theirs, sit_theirs["service"]), None
    if sit_yours and not told_by_need(sit_yours):
        yours, sit_yours = _with_service(yours, sit_yours["service"]), None
    they_seek = r_ba >= REASON_RELEVANCE and bool(theirs or sit_theirs)
    you_seek = r_ab >= REASON_RELEVANCE and bool(yours or sit_yours)
    # What one seeks and the other offers is the substance: it comes first.
    if they_seek:
        reason: dict[str, Any] = {
            "code": "they_seek",
            "need": clip_text(other_need),
            "terms": theirs,
        }
        if sit_theirs:
            reason["situation"] = sit_theirs
        ranked.append((1.0 + _RELEVANCE_WEIGHT * r_ba + 1e-9, reason))
    if you_seek:
        reason = {"code": "you_seek", "offer": clip_text(other_offer), "terms": yours}
        if sit_yours:
            reason["situation"] = sit_yours
        ranked.append((1.0 + _RELEVANCE_WEIGHT * r_ab, reason))
    if they_seek and you_seek:
        ranked.append((c.get("reciprocity", 0.0), {"code": "reciprocal"}))
    if c.get("novelty", 0.0) > 0:
        ranked.append((c["novelty"], {"code": "novelty"}))
    if c.get("trust", 0.0) > 0:
        if intermediary_name and c.get("intermediary", -1) >= 0:
            # You trust them, or (the path runs the other way) they trust you.
            code = "intermediary" if c.get("intermediary_forward", 1.0) else "trusted_by"
            if code == "intermediary" and not intermediary_direct:
                code = "intermediary_chain"  # you reach them through people you trust
            ranked.append((c["trust"], {"code": code, "via": intermediary_name}))
        else:
            ranked.append((c["trust"], {"code": "trust"}))
    if c.get("cross_sector", 0.0) > 0:
        ranked.append((c["cross_sector"], {"code": "cross_sector"}))
    axes = [int(a) for a in shared_axes if int(a) in _AXES_FR]
    if c.get("themes", 0.0) > 0 and axes:
        ranked.append((c["themes"], {"code": "themes", "axes": axes}))
    place_code = PLACE_CODES.get(int(c.get("place", 0)))
    if c.get("proximity", 0.0) > 0 and place_code:
        # Far apart, the two must know the meeting will be remote: told right after what
        # they seek and offer, before the bonuses.
        rank = _REMOTE_RANK if place_code == "remote" else c["proximity"]
        ranked.append((rank, {"code": place_code}))
    if c.get("priority", 0.0) > 0:
        ranked.append((0.0, {"code": "priority"}))
    ranked.sort(key=lambda item: -item[0])
    return [reason for _, reason in ranked[:max_reasons]]


def _situation(found: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A situation met (see ``RelevanceModel.situations_met``) as stored, or None."""
    if not found or not all(str(found.get(k, "")).strip() for k in ("situation", "service")):
        return None
    keys = ("situation", "service", "does", "by")
    return {k: " ".join(str(found[k]).split()) for k in keys if str(found.get(k, "")).strip()}


def told_by_need(found: Mapping[str, Any]) -> bool:
    """Whether a situation met (``RelevanceModel.situations_met``) was told by the need in
    one of the situation's own phrases (« notre atelier a pris l'eau » for « un dégât des
    eaux »), so that « vous parlez d'un dégât des eaux » repeats what the member said.
    A kind of service met through its trade words (``"by": "trade"``, « un directeur
    financier ») or the encoder (``"by": "near"``) was not: its matter (« une trésorerie
    imprévisible ») is the map's, not the member's; nor was one found by a lone word of
    its phrases (``"by": "word"``: « restaurant » for « un contrôle sanitaire »). A
    situation stored before ``by`` existed is told when it is one of
    `situations.SITUATIONS` (a matter of the families that is not one was not)."""
    by = found.get("by")
    return by in (None, "situation") and str(found.get("situation", "")) in SITUATIONS


def _with_service(terms: Sequence[str], service: str, limit: int = 3) -> list[str]:
    """``terms`` with the kind of service first (once), at most ``limit``."""
    return [service, *(t for t in terms if t != service)][:limit]


def as_told(reason: Mapping[str, Any]) -> Mapping[str, Any]:
    """A need <-> offer reason as it may be worded: one whose situation the need did not
    tell (:func:`told_by_need`, a reason stored before the rule) names its kind of
    service among its terms instead; any other reason is returned as it is."""
    found = reason.get("situation")
    if not isinstance(found, Mapping) or told_by_need(found):
        return reason
    if str(found.get("service", "")) not in SERVICES:  # a name this version no longer knows
        return reason
    kept = {k: v for k, v in reason.items() if k != "situation"}
    kept["terms"] = _with_service(_clean_terms(reason.get("terms") or ()), str(found["service"]))
    return kept


# --- French ------------------------------------------------------------------------------


def french_list(terms: Sequence[str], preposition: str = "") -> str:
    """« a, b et c », each term after ``preposition`` if given ("en"; "à" contracted).

    When a term already holds « et » (« l'expérience et la connaissance »), the last one
    follows « , ainsi que » so the list's own joints stay apart from the terms' own.
    """
    items = _clean_terms(terms)
    if preposition:
        items = [_with_preposition(preposition, t) for t in items]
    if len(items) <= 1:
        return "".join(items)
    last = items[-1]
    if not any(" et " in t for t in items):
        return ", ".join(items[:-1]) + " et " + last
    joint = ", ainsi qu'" if last[:1].lower() in "aeiouyéèêàâîôû" else ", ainsi que "
    return ", ".join(items[:-1]) + joint + last


def _with_preposition(preposition: str, term: str) -> str:
    if preposition == "à":
        if term.startswith("le "):
            return "au " + term[3:]
        if term.startswith("les "):
            return "aux " + term[4:]
    return f"{preposition} {term}"


def _sentence(text: str) -> str:
    """One sentence ending with a single full stop (none added after « … » ending in …)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _guillemets(text: str) -> str:
    return f"«{_NBSP}{text}{_NBSP}»"


_VOWELS = "aeiouyéèêàâîôûh"
# « un incendie ou un sinistre » -> « d'un incendie ou d'un sinistre »; « des vols et des
# intrusions » -> « de vols et d'intrusions »: « de » repeated before each noun joined.
_JOINED_ONE = re.compile(r" (et|ou) (un|une) ")
_JOINED_SOME = re.compile(r" (et|ou) des (\w)")


def _de(word: str) -> str:
    return "d'" if word[:1].lower() in _VOWELS else "de "


def about(phrase: str) -> str:
    """« parler de » + a noun phrase: « d'un dégât des eaux », « de factures impayées »,
    « du départ », « de l'usure », « de trafic » (« du trafic »), « d'un incendie ou d'un
    sinistre », « de vols et d'intrusions »."""
    phrase = " ".join(phrase.split())
    for article, contracted in (("un ", "d'un "), ("une ", "d'une "), ("le ", "du ")):
        if phrase.startswith(article):
            rest = phrase[len(article) :]
            if article != "le ":
                rest = _JOINED_ONE.sub(r" \1 d'\2 ", rest)
            return contracted + rest
    if phrase.startswith("les "):
        return "des " + phrase[4:]
    if phrase.startswith("des "):
        phrase = _JOINED_SOME.sub(lambda m: f" {m[1]} {_de(m[2])}{m[2]}", phrase[4:])
    elif phrase.startswith("du "):  # a partitive: « parler de trafic », not « de du »
        phrase = phrase[3:]
    elif phrase.startswith(("la ", "l'")):
        return "de " + phrase
    return _de(phrase) + phrase


def _situation_in_french(reason: Mapping[str, Any], other_name: str) -> str:
    found = reason["situation"]
    if reason["code"] == "you_seek":
        does = found.get("does") or f"propose {found['service']}"
        text = f"Vous parlez {about(found['situation'])}{_NBSP}: {other_name} {does}"
        if reason.get("offer"):
            text += f" ({_guillemets(reason['offer'])})"
        return _sentence(text)
    quoted = f" ({_guillemets(reason['need'])})" if reason.get("need") else ""
    return _sentence(
        f"{other_name} parle {about(found['situation'])}{quoted}{_NBSP}: "
        f"vous pouvez l'aider en {found['service']}"
    )


def reason_in_french(reason: Mapping[str, Any], other_name: str) -> str:
    """One reason of :func:`pair_reasons` as a French sentence about ``other_name`` (empty
    for a code it does not know)."""
    reason = as_told(reason)
    code = reason.get("code")
    if code in ("they_seek", "you_seek") and isinstance(reason.get("situation"), Mapping):
        return _situation_in_french(reason, other_name)
    if code == "they_seek":
        terms = french_list(reason["terms"], "en")
        if reason.get("need"):
            return _sentence(
                f"{other_name} cherche {_guillemets(reason['need'])}{_NBSP}: "
                f"vous pouvez l'aider {terms}"
            )
        return _sentence(f"{other_name} cherche ce que vous proposez {terms}")
    if code == "you_seek":
        start = (
            f"{other_name} propose {_guillemets(reason['offer'])}"
            if reason.get("offer")
            else f"{other_name} propose ce que vous cherchez"
        )
        terms = french_list(reason["terms"], "en")
        return _sentence(f"{start}, ce qui répond à votre besoin {terms}")
    if code == "intermediary":
        return (
            f"{reason['via']}, en qui vous avez confiance, connaît {other_name} "
            "et peut faire les présentations."
        )
    if code == "intermediary_chain":
        return (
            f"Des personnes de confiance vous relient à {reason['via']}, qui connaît "
            f"{other_name} et peut faire les présentations."
        )
    if code == "trusted_by":
        return (
            f"{reason['via']}, qui vous fait confiance, a aussi la confiance de {other_name} "
            "et peut faire les présentations."
        )
    if code == "trust":
        return f"Un lien de confiance existe déjà entre vous et {other_name}."
    if code == "cross_sector":
        return f"{other_name} travaille dans un autre secteur que vous."
    if code == "themes":
        axes = french_list([_AXES_FR[a] for a in reason["axes"]], "à")
        return f"Vous vous intéressez tous deux {axes}."
    if code == "same_city":
        if reason.get("city"):
            return f"Vous êtes tous les deux à {reason['city']}."
        return "Vous êtes dans la même commune."
    if code == "same_region":
        if reason.get("region"):
            return f"Vous êtes dans la même région ({reason['region']})."
        return "Vous êtes dans la même région."
    if code == "far":
        if reason.get("city"):
            return f"{other_name} est à {reason['city']}, loin de chez vous."
        return f"{other_name} est loin de chez vous."
    fixed = {
        "remote": (
            "Vous êtes loin l'un de l'autre, mais vous acceptez tous les deux "
            "de vous rencontrer à distance."
        ),
        "reciprocal": "L'intérêt est réciproque : chacun peut aider l'autre.",
        "novelty": "Vous n'avez aucun cercle en commun.",
        "priority": "Vous n'avez pas eu de mise en relation au dernier tour.",
    }
    return fixed.get(str(code), "")  # a code this version does not know is left out


def explain_pair(
    components: Mapping[str, float],
    other_name: str,
    *,
    other_need: str = "",
    other_offer: str = "",
    matched_terms_theirs: Sequence[str] = (),
    matched_terms_yours: Sequence[str] = (),
    intermediary_name: str | None = None,
    intermediary_direct: bool = True,
    shared_axes: Sequence[int] = (),
    max_reasons: int = 4,
    situation_theirs: Mapping[str, Any] | None = None,
    situation_yours: Mapping[str, Any] | None = None,
) -> list[str]:
    """French reasons for suggesting ``other_name`` to the viewer ("vous"), strongest
    first: :func:`pair_reasons` worded by :func:`reason_in_french`."""
    reasons = pair_reasons(
        components,
        other_need=other_need,
        other_offer=other_offer,
        matched_terms_theirs=matched_terms_theirs,
        matched_terms_yours=matched_terms_yours,
        intermediary_name=intermediary_name,
        intermediary_direct=intermediary_direct,
        shared_axes=shared_axes,
        max_reasons=max_reasons,
        situation_theirs=situation_theirs,
        situation_yours=situation_yours,
    )
    return [reason_in_french(r, other_name) for r in reasons]
