"""A round of introductions: pool -> engine candidates and scores -> plan -> suggestions."""

from __future__ import annotations

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelles.engine.matching import (
    COMPONENTS,
    candidate_pairs,
    explain_pair,
    pair_components,
    plan_round,
    scores_matrix,
)
from passerelles.intros import matching_data, notify
from passerelles.intros.matching_data import Pool
from passerelles.intros.models import Introduction, Origin, Preference, Round

# Candidates are drawn by relevance before visibility and scope filter them (often most of
# them in a real ecosystem), so small pools draw more; large pools keep the engine's 50.
CANDIDATES_PER_MEMBER = 50
CANDIDATES_SMALL_POOL = 200
SMALL_POOL = 5000
STORED_COMPONENTS = (*COMPONENTS, "total", "relevance_ab", "relevance_ba", "shared_circles")


def _components_at(comp: dict, e: int) -> dict:
    return {k: v[e] for k, v in comp.items() if isinstance(v, np.ndarray) and v.ndim == 1}


def _flip(c: dict) -> dict:
    """The same pair seen from the other side: a's need/b's offer swap roles."""
    flipped = dict(c)
    flipped["relevance_ab"], flipped["relevance_ba"] = c["relevance_ba"], c["relevance_ab"]
    return flipped


def reasons_for(pool: Pool, c: dict, viewer: int, other: int) -> list[str]:
    """French reasons to introduce ``other`` to ``viewer`` (``c`` oriented for the viewer),
    naming an intermediary only when the viewer may see them."""
    me, them = pool.profiles[viewer], pool.profiles[other]
    c = dict(c)
    via = int(c.get("intermediary", -1))
    intermediary_name = None
    if via >= 0:
        if matching_data.sees(pool, np.array([viewer]), np.array([via]))[0]:
            intermediary_name = pool.profiles[via].name
        else:
            c["trust"] = 0.0  # a warm path through someone they may not see is not named
    if min(pool.members.sector[viewer], pool.members.sector[other]) < 0:
        c["cross_sector"] = 0.0  # an unknown sector is not "another sector"
    themes = pool.members.themes
    shared_axes = [a for a in range(4) if themes[viewer, a] and themes[other, a]]
    model = pool.model
    return explain_pair(
        c,
        them.name,
        other_need=them.needs,
        other_offer=them.offers,
        matched_terms_theirs=model.matched_terms(them.needs, me.offers) if model else (),
        matched_terms_yours=model.matched_terms(me.needs, them.offers) if model else (),
        intermediary_name=intermediary_name,
        shared_axes=shared_axes,
        max_reasons=5,
    )


def score_pairs(pool: Pool) -> tuple:
    """Engine candidates among members with capacity, kept when visibility and scope allow
    (the engine has no notion of either), then scored. Returns (scores, components)."""
    available = pool.capacity > 0
    k = CANDIDATES_SMALL_POOL if available.sum() <= SMALL_POOL else CANDIDATES_PER_MEMBER
    rows, cols = candidate_pairs(pool.members.needs, pool.members.offers, k, available=available)
    keep = matching_data.allowed_pairs(pool, rows, cols)
    rows, cols = rows[keep], cols[keep]
    comp = pair_components(pool.members, rows, cols)
    comp["rows"], comp["cols"] = rows, cols
    return scores_matrix(pool.n, rows, cols, comp["total"]), comp


@transaction.atomic
def run_round(*, now=None, seed: int = 0, force: bool = False) -> Round:
    """Plan and store one round; members whose frequency is due take part (all consenting
    members with ``force``). Members left out get priority next time."""
    now = now or timezone.now()
    # One round at a time: concurrent runs queue on the preference rows.
    list(Preference.objects.select_for_update().filter(consent=True).values_list("pk"))
    expire_stale(now)
    pool = matching_data.load_pool(now, force=force)
    round_ = Round.objects.create(started_at=now, seed=seed)
    participants = np.flatnonzero(pool.capacity > 0)
    pairs = np.empty((0, 2), dtype=np.int64)
    comp: dict = {}
    if participants.size >= 2 and pool.model is not None:
        scores, comp = score_pairs(pool)
        pairs = plan_round(scores, pool.capacity, seed=seed)
    rows, cols = comp.get("rows", []), comp.get("cols", [])
    where = {(int(a), int(b)): e for e, (a, b) in enumerate(zip(rows, cols, strict=True))}
    created = []
    for a, b in pairs.tolist():
        c = _components_at(comp, where[(a, b)])
        intro = Introduction.objects.create(
            origin=Origin.ROUND,
            round=round_,
            member_a=pool.profiles[a].user,
            member_b=pool.profiles[b].user,
            created_at=now,
            intermediary=pool.profiles[c["intermediary"]].user if c["intermediary"] >= 0 else None,
            warm=bool(c["intermediary"] >= 0),
            reasons={"a": reasons_for(pool, c, a, b), "b": reasons_for(pool, _flip(c), b, a)},
            components={k: round(float(c[k]), 4) for k in STORED_COMPONENTS},
            score=float(c["total"]),
        )
        created.append(intro)
    matched = np.zeros(pool.n, dtype=bool)
    matched[pairs.ravel()] = True
    for left_out in (False, True):
        chosen = participants[matched[participants] != left_out]
        Preference.objects.filter(user_id__in=pool.user_ids[chosen].tolist()).update(
            last_round_at=now, left_out_last_round=left_out
        )
    round_.participants = int(participants.size)
    round_.introductions = len(created)
    round_.cross_circle = sum(1 for i in created if i.components["shared_circles"] == 0)
    round_.left_out = int((~matched[participants]).sum())
    round_.finished_at = timezone.now()
    round_.save()
    notify.new_suggestions(created)
    return round_


def expire_stale(now=None) -> int:
    """Open suggestions past their date close as expired (never to be proposed again)."""
    from passerelles.intros.models import OPEN_STATUSES, Status

    now = now or timezone.now()
    return Introduction.objects.filter(status__in=OPEN_STATUSES, expires_at__lte=now).update(
        status=Status.EXPIRED, closed_at=now
    )


def round_summary(round_: Round) -> str:
    return _("%(n)d mise(s) en relation pour %(p)d participant(s), dont %(c)d entre cercles.") % {
        "n": round_.introductions,
        "p": round_.participants,
        "c": round_.cross_circle,
    }
