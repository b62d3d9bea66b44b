"""A round of introductions: pool -> engine candidates and scores -> plan -> suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from scipy import sparse

from passerelles.circles.regions import region_code, region_name
from passerelles.engine.matching import (
    COMPONENTS,
    candidate_pairs,
    pair_components,
    pair_reasons,
    plan_round,
    scores_matrix,
)
from passerelles.engine.reasons import parts_by_score, text_parts
from passerelles.intros import matching_data, notify
from passerelles.intros.diversity import diversify
from passerelles.intros.matching_data import Pool
from passerelles.intros.models import (
    SUGGESTION_LIFETIME,
    Introduction,
    Origin,
    Preference,
    Round,
)

# Candidates are drawn by relevance before visibility and scope filter them (often most of
# them in a real ecosystem), so small pools draw more; large pools keep the engine's 50.
CANDIDATES_PER_MEMBER = 50
CANDIDATES_SMALL_POOL = 200
SMALL_POOL = 5000
# A pair is worth proposing for what one seeks and the other offers; novelty, themes or
# trust only rank relevant pairs. Below this relevance in both directions a pair is kept
# only for members (both ends) who have no relevant candidate at all this round.
ROUND_RELEVANCE = 0.1
STORED_COMPONENTS = (*COMPONENTS, "total", "relevance_ab", "relevance_ba", "shared_circles")


def _components_at(comp: dict, e: int) -> dict:
    return {k: v[e] for k, v in comp.items() if isinstance(v, np.ndarray) and v.ndim == 1}


def _flip(c: dict) -> dict:
    """The same pair seen from the other side: a's need/b's offer swap roles."""
    flipped = dict(c)
    flipped["relevance_ab"], flipped["relevance_ba"] = c["relevance_ba"], c["relevance_ab"]
    if "intermediary_forward" in c:  # a trusts the intermediary: b is trusted by them
        flipped["intermediary_forward"] = not c["intermediary_forward"]
    return flipped


def reasons_for(
    pool: Pool, c: dict, viewer: int, other: int, part_rows: PartRows | None = None
) -> list[dict]:
    """Reasons to introduce ``other`` to ``viewer`` (``c`` oriented for the viewer), as the
    engine's data, worded when read (``intros.reasons``); an intermediary is named only
    when the viewer may see them. ``part_rows``: the round's `PartRows` of ``pool.model``
    (the same reasons, each part of a text encoded once for all the pairs it is in)."""
    me, them = pool.profiles[viewer], pool.profiles[other]
    c = dict(c)
    via = int(c.get("intermediary", -1))
    intermediary_name = None
    if via >= 0:
        if matching_data.sees(pool, np.array([viewer]), np.array([via]))[0]:
            intermediary_name = pool.profiles[via].name
        else:
            c["trust"] = 0.0  # a warm path through someone they may not see is not named
    sector, themes = pool.members.sector, pool.members.themes
    assert sector is not None and themes is not None  # a loaded pool has both
    if min(sector[viewer], sector[other]) < 0:
        c["cross_sector"] = 0.0  # an unknown sector is not "another sector"
    if pool.members.priority is None or not pool.members.priority[viewer] > 0:
        c["priority"] = 0.0  # the pair's priority is shared; only the one left out is told
    shared_axes = [a for a in range(4) if themes[viewer, a] and themes[other, a]]
    model = pool.model
    parts = part_rows if part_rows is not None and model is not None else model
    # Each side quotes the one need (or offer) of the other that met, with its own topics.
    their_need, terms_theirs = _quoted(model, them.needs, me.offers, need_first=True, parts=parts)
    their_offer, terms_yours = _quoted(model, them.offers, me.needs, need_first=False, parts=parts)
    reasons = pair_reasons(
        c,
        other_need=their_need,
        other_offer=their_offer,
        matched_terms_theirs=terms_theirs,
        matched_terms_yours=terms_yours,
        intermediary_name=intermediary_name,
        shared_axes=shared_axes,
        max_reasons=5,
        situation_theirs=_first(model.situations_met(them.needs, me.offers)) if model else None,
        situation_yours=_first(model.situations_met(me.needs, them.offers)) if model else None,
    )
    here = region_code(me.department)
    for reason in reasons:
        # Both accept to meet at a distance, but they live in the same region: say so,
        # never « loin l'un de l'autre ».
        if reason["code"] == "remote" and here and here == region_code(them.department):
            reason["code"] = "same_region"
    for reason in reasons:  # named again when read (a new name, a closed account)
        if "via" in reason:
            reason["via_id"] = int(pool.user_ids[via])
        if reason["code"] == "same_city" and me.city:
            reason["city"] = me.city
        if reason["code"] == "same_region" and region_name(region_code(me.department)):
            reason["region"] = region_name(region_code(me.department))
    return reasons


class PartRows:
    """``model.encode`` of lines and sentences, each encoded once and kept: a member's
    needs and offers are quoted in every pair they are in, from both sides, and a round
    quotes them for each of its pairs. A text's row does not depend on the texts encoded
    with it, so the quotes are the ones ``model`` itself gives."""

    def __init__(self, model) -> None:
        self.model = model
        self._rows: dict[str, Any] = {}

    def keep(self, texts: list[str]) -> None:
        """Encode, in one call, those of ``texts`` not encoded yet."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._rows]
        if missing:
            rows = self.model.encode(missing)
            rows = rows.tocsr() if hasattr(rows, "tocsr") else np.asarray(rows)
            for i, text in enumerate(missing):
                self._rows[text] = rows[i : i + 1]

    def encode(self, texts: list[str]):
        self.keep(texts)
        kept = [self._rows[t] for t in texts]
        if kept and sparse.issparse(kept[0]):
            return sparse.vstack(kept, format="csr")
        return np.vstack(kept)


def _quoted(
    model, text: str, other_text: str, *, need_first: bool, parts=None
) -> tuple[str, list[str]]:
    """The part of ``text`` (a line or sentence) that meets ``other_text`` best and the
    topics they share; the whole text when that part names no topic of its own.
    need_first: ``text`` is a need (else an offer, and ``other_text`` the need).
    parts: what encodes the parts (``model``, or a `PartRows` of it)."""
    if model is None:
        return text, []

    def terms(part: str) -> list[str]:
        pair = (part, other_text) if need_first else (other_text, part)
        return model.matched_terms(*pair)

    # The best-met part first; when it names no topic of its own (a sentence on the
    # place met a sentence on the place), the next one that does: the one that matched.
    for part in parts_by_score(parts if parts is not None else model, text, other_text):
        part_terms = terms(part)
        if part_terms:
            return part, part_terms
    return text, terms(text)


def _first(items: list) -> dict | None:
    return items[0] if items else None


def score_pairs(pool: Pool) -> tuple:
    """Engine candidates among members with capacity, kept when visibility and scope allow
    (the engine has no notion of either), then scored. Returns (scores, components)."""
    available = pool.capacity > 0
    k = CANDIDATES_SMALL_POOL if available.sum() <= SMALL_POOL else CANDIDATES_PER_MEMBER
    rows, cols = candidate_pairs(pool.members.needs, pool.members.offers, k, available=available)
    keep = matching_data.allowed_pairs(pool, rows, cols)
    rows, cols = rows[keep], cols[keep]
    comp = pair_components(pool.members, rows, cols)
    weak = _weak_pairs(pool.n, rows, cols, comp)
    rows, cols = rows[~weak], cols[~weak]
    comp = {k: v[~weak] if _per_pair(v, weak) else v for k, v in comp.items()}
    comp["rows"], comp["cols"] = rows, cols
    return scores_matrix(pool.n, rows, cols, comp["total"]), comp


def _per_pair(value, pairs: np.ndarray) -> bool:
    return isinstance(value, np.ndarray) and value.shape[:1] == pairs.shape


def _weak_pairs(n: int, rows: np.ndarray, cols: np.ndarray, comp: dict) -> np.ndarray:
    """(m,) bool: pairs below ``ROUND_RELEVANCE`` both ways while one of the two has an
    allowed pair that passes it (so bonuses never outrank what people actually seek)."""
    best = np.maximum(comp["relevance_ab"], comp["relevance_ba"])
    strong = comp["allowed"] & (best >= ROUND_RELEVANCE)
    has_strong = np.zeros(n, dtype=bool)
    has_strong[rows[strong]] = True
    has_strong[cols[strong]] = True
    return ~strong & (has_strong[rows] | has_strong[cols])


@dataclass
class Planned:
    """One suggestion computed outside any transaction, written if still possible."""

    a: int  # user ids
    b: int
    intro: Introduction


def plan(now, *, seed: int = 0, force: bool = False):
    """Read a snapshot of the inputs and plan the round, writing nothing.

    Returns (participants' user ids, their ``last_round_at`` when read, planned suggestions
    as unsaved introductions). This is the slow part (seconds for thousands of members):
    it runs outside any transaction so that it never holds the database's write lock.
    """
    pool = matching_data.load_pool(now, force=force)
    participants = np.flatnonzero(pool.capacity > 0)
    pairs = np.empty((0, 2), dtype=np.int64)
    comp: dict = {}
    if participants.size >= 2 and pool.model is not None:
        scores, comp = score_pairs(pool)
        pairs = plan_round(scores, pool.capacity, seed=seed)
        if participants.size <= SMALL_POOL:  # a pass per member: cheap below a few thousand
            pairs = diversify(pairs, comp, pool.capacity, pool.members.needs, pool.members.offers)
    rows, cols = comp.get("rows", []), comp.get("cols", [])
    where = {(int(a), int(b)): e for e, (a, b) in enumerate(zip(rows, cols, strict=True))}
    planned = []
    part_rows = PartRows(pool.model) if pool.model is not None else None
    if part_rows is not None:  # the parts of every text the pairs quote, in one call
        paired = [pool.profiles[m] for m in np.unique(pairs).tolist()]
        part_rows.keep([p for m in paired for t in (m.needs, m.offers) for p in text_parts(t)])
    for a, b in pairs.tolist():
        c = _components_at(comp, where[(a, b)])
        components = {k: round(float(c[k]), 4) for k in STORED_COMPONENTS}
        via = int(c["intermediary"])
        if via >= 0:
            # A trusted member on the path is a reason, never a party: nobody asks them.
            components["via"] = int(pool.user_ids[via])
        user_a, user_b = pool.profiles[a].user, pool.profiles[b].user
        intro = Introduction(
            origin=Origin.ROUND,
            member_a=user_a,
            member_b=user_b,
            created_at=now,
            warm=False,
            reasons={
                "a": reasons_for(pool, c, a, b, part_rows),
                "b": reasons_for(pool, _flip(c), b, a, part_rows),
            },
            components=components,
            score=float(c["total"]),
        )
        planned.append(Planned(user_a.pk, user_b.pk, intro))
    ids = pool.user_ids[participants].tolist()
    last = {u: pool.prefs[u].last_round_at for u in ids}
    return ids, last, planned


def run_round(*, now=None, seed: int = 0, force: bool = False) -> Round:
    """Plan and store one round; members whose frequency is due take part (all consenting
    members with ``force``). Members left out get priority next time.

    The plan is computed from a snapshot, outside any transaction; the writes then happen
    in one short all-or-nothing transaction that re-checks what may have changed since:
    a pair introduced meanwhile, a member who withdrew consent, blocked the other, or was
    taken by a concurrent round is skipped.
    """
    now = now or timezone.now()
    expire_stale(now)
    participants, last_seen, planned = plan(now, seed=seed, force=force)
    with transaction.atomic():
        return _store(now, seed, participants, last_seen, planned)


def _chunks(items, size: int = 5000):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _store(now, seed, participants, last_seen, planned) -> Round:
    # Concurrent writers queue on the preference rows (a no-op on SQLite, whose write
    # lock is database-wide anyway). Whoever withdrew consent or was taken by another
    # round since the snapshot (``last_round_at`` moved) is out.
    current = dict(
        Preference.objects.select_for_update()
        .filter(consent=True, user__is_active=True)
        .values_list("user_id", "last_round_at")
    )
    still_in = {u for u in participants if u in current and current[u] == last_seen[u]}
    candidates = [p for p in planned if p.a in still_in and p.b in still_in]
    taken = set()
    for lows in _chunks({min(p.a, p.b) for p in candidates}):
        taken |= set(
            Introduction.objects.filter(pair_low__in=lows).values_list("pair_low", "pair_high")
        )
    blocked = set(Preference.blocked.through.objects.values_list("preference__user_id", "user_id"))
    round_ = Round.objects.create(started_at=now, seed=seed)
    kept = []
    for p in candidates:
        pair = (min(p.a, p.b), max(p.a, p.b))
        if pair in taken or (p.a, p.b) in blocked or (p.b, p.a) in blocked:
            continue
        taken.add(pair)
        intro = p.intro
        intro.round = round_
        intro.pair_low, intro.pair_high = pair  # what Introduction.save() would set
        intro.expires_at = now + SUGGESTION_LIFETIME
        kept.append(intro)
    created = Introduction.objects.bulk_create(kept, batch_size=500)
    matched = {u for i in created for u in (i.member_a_id, i.member_b_id)}
    taking_part = [u for u in participants if u in still_in]
    for left_out in (False, True):
        chosen = [u for u in taking_part if (u in matched) != left_out]
        for ids in _chunks(chosen):
            Preference.objects.filter(user_id__in=ids).update(
                last_round_at=now, left_out_last_round=left_out
            )
    round_.participants = len(taking_part)
    round_.introductions = len(created)
    round_.cross_circle = sum(1 for i in created if i.components["shared_circles"] == 0)
    round_.left_out = len(taking_part) - len(matched & set(taking_part))
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
    made = ngettext("%(n)d mise en relation", "%(n)d mises en relation", round_.introductions) % {
        "n": round_.introductions
    }
    among = ngettext("pour %(p)d participant", "pour %(p)d participants", round_.participants) % {
        "p": round_.participants
    }
    return _("%(made)s %(among)s, dont %(c)d entre cercles.") % {
        "made": made,
        "among": among,
        "c": round_.cross_circle,
    }
