"""Trust from a viewer's point of view, in words: a level and the paths that explain it.

The engine computes (``personal_trust``, ``explain``); this module picks the viewer's
sources, turns percentiles into four levels and paths into French sentences, and never
names a person the viewer may not see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import SupportsInt, cast

import numpy as np
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.circles.access import reachable_circle_ids
from passerelles.circles.models import Membership
from passerelles.engine.trust import (
    KIND_ENDORSEMENT,
    KIND_MEETING,
    KIND_VOUCH,
    explain,
    personal_trust,
)
from passerelles.members.access import visible_profiles
from passerelles.trust import graph as trust_graph
from passerelles.trust.models import Endorsement, MeetingAttestation, Vouch, VouchContext

MAX_PATHS = 3

# (code, label, badge class, lowest percentile among the members the viewer's trust reaches)
LEVELS = (
    ("strong", gettext_lazy("Confiance forte"), "badge-ok", 0.8),
    ("established", gettext_lazy("Confiance établie"), "badge-ok", 0.5),
    ("emerging", gettext_lazy("Confiance naissante"), "badge-warn", 0.0),
)
UNKNOWN = ("unknown", gettext_lazy("Confiance inconnue"), "", None)


@dataclass
class Explanation:
    sentence: str
    chain: list[str] = field(default_factory=list)
    strength: float = 0.0


@dataclass
class TrustReading:
    level: str
    label: str
    css: str
    percentile: float | None
    from_circles: bool
    explanations: list[Explanation] = field(default_factory=list)


def level_for(value: float, percentile: float | None):
    if value <= 0 or percentile is None:
        return UNKNOWN
    for level in LEVELS:
        if percentile >= level[3]:
            return level
    return LEVELS[-1]


def viewer_sources(
    built: trust_graph.EvidenceGraph, viewer
) -> tuple[np.ndarray, bool, set[int], set[int]]:
    """Where the viewer's trust starts: the viewer, or, for a viewer who has not vouched
    for anyone yet, the members of their circles. Also returns (my circles, bridged)."""
    viewer_id = viewer.pk
    mine, bridged = reachable_circle_ids(viewer)
    node = built.node(viewer_id)
    if node is not None and built.graph.trust_out[node] > 0:
        return np.array([node]), False, mine, bridged
    members = (
        Membership.objects.admitted().filter(circle_id__in=mine).values_list("user_id", flat=True)
    )
    nodes = built.nodes(set(members) | {viewer_id})
    return nodes, True, mine, bridged


def _without(nodes: np.ndarray, node: int) -> np.ndarray:
    return nodes[nodes != node]


def percentile_of(trust: np.ndarray, target: int, sources: np.ndarray) -> float | None:
    """Share of the members the viewer's trust reaches (the target included, the sources
    left out) who score no higher than ``target``; None when it is not reached."""
    value = trust[target]
    if value <= 0:
        return None
    reached = trust > 0
    reached[sources] = False
    reached[target] = True
    return float((trust[reached] <= value).sum()) / int(reached.sum())


def read_trust(viewer, target_user_id: int, *, with_explanations: bool = True) -> TrustReading:
    built = trust_graph.current_graph()
    target = built.node(target_user_id)
    if target is None:
        level, label, css, _percentile = UNKNOWN
        return TrustReading(level, str(label), css, None, False)
    sources, from_circles, mine, bridged = viewer_sources(built, viewer)
    # Someone's own restart mass is not trust: a fellow member is judged on evidence.
    sources = _without(sources, target)
    trust = personal_trust(built.graph, sources) if sources.size else np.zeros(1)
    value = float(trust[target]) if sources.size else 0.0
    percentile = percentile_of(trust, target, sources) if sources.size else None
    code, label, css, _lowest = level_for(value, percentile)
    reading = TrustReading(code, str(label), css, percentile, from_circles)
    if with_explanations:
        reading.explanations = explanations(
            viewer, target_user_id, built, from_circles, mine, bridged
        )
    return reading


# --- Sentences --------------------------------------------------------------------------------


def _context_phrase(context: str, name: str) -> str:
    phrases: dict[str, str] = {
        VouchContext.WORKED_WITH: _("qui a travaillé avec %(name)s"),
        VouchContext.CLIENT: _("qui a fait appel à %(name)s comme client"),
        VouchContext.SUPPLIER: _("qui a travaillé avec %(name)s comme fournisseur"),
        VouchContext.COLLEAGUE: _("qui a été collègue de %(name)s"),
        VouchContext.MET_HERE: _("qui a rencontré %(name)s via Passerelles"),
        VouchContext.SAME_CIRCLE: _("qui côtoie %(name)s dans un même cercle"),
    }
    return phrases.get(context, _("qui connaît %(name)s")) % {"name": name}


def evidence_sentence(kind: int, evidence, source_name: str, relation: str, name: str) -> str:
    """'Recommandation de Paul (votre cercle), qui a travaillé avec Claire'."""
    who = f"{source_name} ({relation})" if relation else source_name
    if kind == KIND_VOUCH:
        return _("Recommandation de %(who)s, %(phrase)s") % {
            "who": who,
            "phrase": _context_phrase(evidence.context, name),
        }
    if kind == KIND_MEETING:
        return _(
            "Rencontre confirmée des deux côtés avec %(who)s, qui l'a jugée utile (%(note)d/5)"
        ) % {"who": who, "note": evidence.usefulness}
    if kind == KIND_ENDORSEMENT:
        return _("%(who)s confirme la compétence « %(skill)s » de %(name)s") % {
            "who": who,
            "skill": evidence.skill.name,
            "name": name,
        }
    return _("Lien de confiance avec %(who)s") % {"who": who}


def _load_evidence(keys: set[tuple[int, int]]) -> dict[tuple[int, int], object]:
    wanted: dict[int, list[int]] = {}
    for kind, pk in keys:
        wanted.setdefault(kind, []).append(pk)
    found: dict[tuple[int, int], object] = {}
    models = {
        KIND_VOUCH: Vouch.objects.all(),
        KIND_MEETING: MeetingAttestation.objects.all(),
        KIND_ENDORSEMENT: Endorsement.objects.select_related("skill"),
    }
    for kind, pks in wanted.items():
        if kind in models:
            for obj in models[kind].filter(pk__in=pks):
                found[(kind, obj.pk)] = obj
    return found


class _Namer:
    """Names of the people in explanations, hiding anyone the viewer may not see."""

    def __init__(self, viewer, user_ids, mine: set[int], bridged: set[int]):
        self.viewer = viewer
        users = get_user_model().objects.filter(pk__in=user_ids).select_related("profile")
        visible = set(
            visible_profiles(viewer).filter(user_id__in=user_ids).values_list("user_id", flat=True)
        )
        self.names = {u.pk: (u.profile.name if u.pk in visible else None) for u in users}
        circles: dict[int, set[int]] = {}
        for user_id, circle_id in (
            Membership.objects.admitted()
            .filter(user_id__in=user_ids)
            .values_list("user_id", "circle_id")
        ):
            circles.setdefault(user_id, set()).add(circle_id)
        self.circles, self.mine, self.bridged = circles, mine, bridged

    def name(self, user_id: int) -> str:
        if user_id == self.viewer.pk:
            return _("vous")
        return self.names.get(user_id) or _("un membre")

    def relation(self, user_id: int) -> str:
        theirs = self.circles.get(user_id, set())
        if user_id == self.viewer.pk:
            return ""
        if theirs & self.mine:
            return _("votre cercle")
        if theirs & self.bridged:
            return _("cercle relié")
        return ""


def explanations(
    viewer, target_id: int, built, from_circles: bool, mine: set[int], bridged: set[int]
) -> list[Explanation]:
    """Up to three sentences: the engine's best paths from the viewer, completed by
    direct evidence from members of the viewer's circles and bridged circles."""
    steps: list[tuple[list[int], int, int, float]] = []  # (user chain, kind, label, strength)
    viewer_node, target_node = built.node(viewer.pk), built.node(target_id)
    if not from_circles and viewer_node is not None and target_node is not None:
        shown: set[tuple[int, int]] = set()
        for path in explain(built.graph, viewer_node, target_node, k=MAX_PATHS):
            last = path.edges[-1]
            # Two paths may end with the same evidence: say it once, with the best path.
            evidence = int(cast(SupportsInt, last.label))  # the evidence's id (see graph.py)
            if (last.kind, evidence) in shown:
                continue
            shown.add((last.kind, evidence))
            chain = [built.user_id(n) for n in path.nodes]
            steps.append((chain, last.kind, evidence, path.strength))
    if len(steps) < MAX_PATHS:
        steps += _direct_from_circles(viewer, target_id, mine | bridged, steps)
    steps = steps[:MAX_PATHS]
    if not steps:
        return []
    user_ids = {u for chain, *_rest in steps for u in chain}
    namer = _Namer(viewer, user_ids, mine, bridged)
    found = _load_evidence({(kind, label) for _c, kind, label, _s in steps})
    result = []
    for chain, kind, label, strength in steps:
        item = found.get((kind, label))
        if item is None:
            continue
        source = chain[-2]
        target_name = namer.name(target_id)
        if source == viewer.pk:
            sentence = _("Votre propre lien : %(text)s") % {
                "text": evidence_sentence(kind, item, _("vous"), "", target_name)
            }
        else:
            sentence = evidence_sentence(
                kind, item, namer.name(source), namer.relation(source), target_name
            )
        chain_names = [namer.name(u) for u in chain]
        chain_names[0] = chain_names[0].capitalize()
        result.append(Explanation(sentence, chain_names, strength))
    return result


def _direct_from_circles(viewer, target_id, circle_ids, already) -> list:
    """Direct evidence the target received from members of ``circle_ids``."""
    seen = {chain[-2] for chain, *_rest in already}
    vouches = list(
        Vouch.objects.filter(vouchee_id=target_id, revoked_at__isnull=True)
        .order_by("-strength", "-updated_at")
        .values_list("voucher_id", "pk")[:50]
    )
    meetings = list(
        trust_graph.mutual_attestations()
        .filter(other_id=target_id)
        .order_by("-usefulness")
        .values_list("attester_id", "pk")[:50]
    )
    candidates = {user_id for user_id, _pk in vouches + meetings}
    close = set(
        Membership.objects.admitted()
        .filter(user_id__in=candidates, circle_id__in=circle_ids)
        .values_list("user_id", flat=True)
    )
    found = []
    for kind, rows in ((KIND_VOUCH, vouches), (KIND_MEETING, meetings)):
        for user_id, pk in rows:
            if user_id in close and user_id not in seen and user_id != target_id:
                seen.add(user_id)
                found.append(([user_id, target_id], kind, pk, 0.0))
    return found[:MAX_PATHS]
