""" "Demander au réseau": rank the members a person may ask to meet for a free-text need.

The offers of consenting members are encoded once and kept in Django's cache (shared by
every process through Redis when ``REDIS_URL`` is set, and remembered by each process),
keyed by the latest profile, membership and preference change, so that a question costs
one sparse product over the postings of its own terms. The index is checked against the
data at most once per ``REBUILD_EVERY`` seconds by the process that builds it; in
between, a slightly stale index is served. Staleness never widens what anyone sees:
every answer is filtered by ``introducible_profiles`` at question time.

Who builds it (``intros.warm``): with a cache shared through Redis, the scheduler's
keeper thread, at start-up and again when the data has changed; it stores the index with
a small stamp (its key). A web process reads the stamp at most once per
``STAMP_CHECK_EVERY`` seconds and, when it changed, reads the index in a thread of its
own: no page request builds it, reads it whole or looks at the data for it. Without a
shared cache, each web process keeps its own: a small site builds it within the request
that needs it (a second or two); a large one (more than ``INDEX_BUILD_IN_REQUEST_MAX``
profiles) never does, a thread of the process builds it (at start-up, and again when the
data has changed), the stale one serving meanwhile. While there is none yet, `ask`
raises `NotReady` and the page says so.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.text import slugify
from scipy import sparse

from passerelles.circles.access import reachable_circle_ids
from passerelles.circles.models import Membership
from passerelles.circles.regions import region_code, region_name
from passerelles.core import background
from passerelles.engine.matching import (
    ASK_WEIGHTS,
    FAR,
    AskPlaces,
    ask_ranking,
    pair_reasons,
)
from passerelles.engine.reasons import PLACE_CODES, parts_by_score_many
from passerelles.engine.semantic import new_vectors_kept, new_vectors_not_kept
from passerelles.engine.text import PostingRows, RelevanceModel
from passerelles.intros import access, trust_inputs, warm
from passerelles.intros.matching_data import fit_model
from passerelles.intros.models import Introduction, Preference
from passerelles.intros.reasons import word_all
from passerelles.members.models import Profile

logger = logging.getLogger(__name__)

MAX_RESULTS = 10
REBUILD_EVERY = 60.0  # seconds: at most one freshness check (and rebuild) per period
COLD_CHECK_EVERY = 5.0  # seconds between looks at the shared cache while none is here
STAMP_CHECK_EVERY = 5.0  # seconds between a web process's looks at the stored index's stamp
SHARED_KEY = "intros:offers-index:services"  # renamed when the index changes shape
STAMP_KEY = f"{SHARED_KEY}:key"  # the stored index's key, read without the index
SHARE_SECONDS = 24 * 3600  # stored again by its keeper when gone (expired, flushed)
BUILDING_KEY = f"{SHARED_KEY}:building"  # held by the process building it
BUILD_CLAIM_SECONDS = 15 * 60  # a builder that died frees the claim after this
# An asker visible to all: the best FIRST_CHECK x k ranked members are checked against
# the database first, then WIDEN times as many, until k may be asked or none are left.
FIRST_CHECK = 20
WIDEN = 4


class NotReady(Exception):
    """The index of offers is being built in the background: a large site has just
    started, or no index was ever built. Ask again in a moment."""


class KeeperMissing(NotReady):
    """The index is left to the scheduler, none runs and nothing is stored (a large site):
    nothing builds it until one is started."""


@dataclass(frozen=True)
class OffersIndex:
    key: tuple
    user_ids: np.ndarray  # (n,)
    offers_text: list[str]
    model: RelevanceModel | None
    offers: PostingRows  # (n, d), by term: a question reads its own terms' postings
    circles: sparse.csc_matrix  # (n, c)
    circle_index: dict[int, int]
    city: np.ndarray  # (n,) int code of each member's city, -1 unknown
    region: np.ndarray  # (n,) int code of each member's region, -1 unknown
    remote: np.ndarray  # (n,) bool, accepts to meet at a distance
    city_codes: dict[str, int]  # slugified city -> code
    region_codes: dict[str, int]  # region code ("ARA") -> code

    def places(self, profile: Profile | None, remote: bool) -> AskPlaces:
        """Where the members are, and the asker with ``profile`` (None: unknown)."""
        city = slugify(profile.city) if profile else ""
        region = region_code(profile.department) if profile else ""
        return AskPlaces(
            self.city,
            self.region,
            self.remote,
            asker_city=self.city_codes.get(city, -1) if city else -1,
            asker_region=self.region_codes.get(region, -1) if region else -1,
            asker_remote=remote,
        )

    def position(self) -> dict[int, int]:
        return {int(u): i for i, u in enumerate(self.user_ids.tolist())}


def data_version() -> tuple:
    """What the index is built from, as of now: the latest change and the number of
    profiles, preferences and memberships (a change to any of them outdates it)."""
    profiles = Profile.objects.aggregate(at=Max("updated_at"), n=Count("pk"))
    prefs = Preference.objects.aggregate(at=Max("updated_at"), n=Count("pk"))
    memberships = Membership.objects.aggregate(at=Max("updated_at"), n=Count("pk"))
    return (
        profiles["at"],
        profiles["n"],
        prefs["at"],
        prefs["n"],
        memberships["at"],
        memberships["n"],
    )


@new_vectors_kept()  # members' texts, even when built for a question asked on a page
def build_index(key: tuple = ()) -> OffersIndex:
    rows = list(
        Profile.objects.filter(user__is_active=True, user__intro_preference__consent=True)
        .exclude(offers="")
        .order_by("user_id")
        .values_list(
            "user_id", "offers", "needs", "city", "department", "user__intro_preference__remote"
        )
    )
    user_ids = np.array([r[0] for r in rows], dtype=np.int64)
    texts = [r[1] for r in rows]
    corpus = [t for r in rows for t in (r[1], r[2]) if t.strip()]
    model = fit_model(corpus)
    empty = sparse.csr_matrix((0, 1), dtype=np.float32)
    offers = PostingRows(model.encode(texts, split=True) if model else empty)
    memberships = list(
        Membership.objects.admitted()
        .filter(user_id__in=user_ids.tolist())
        .values_list("user_id", "circle_id")
    )
    circle_index = {c: j for j, c in enumerate(sorted({c for _u, c in memberships}))}
    pos = {int(u): i for i, u in enumerate(user_ids.tolist())}
    circles = sparse.csc_matrix(
        (
            np.ones(len(memberships)),
            ([pos[u] for u, _c in memberships], [circle_index[c] for _u, c in memberships]),
        ),
        shape=(len(user_ids), max(1, len(circle_index))),
    )
    city_codes: dict[str, int] = {}
    region_codes: dict[str, int] = {}
    cities = [slugify(r[3]) for r in rows]
    regions = [region_code(r[4]) for r in rows]
    return OffersIndex(
        key,
        user_ids,
        texts,
        model,
        offers,
        circles,
        circle_index,
        city=np.array(
            [city_codes.setdefault(c, len(city_codes)) if c else -1 for c in cities], np.int64
        ),
        region=np.array(
            [region_codes.setdefault(r, len(region_codes)) if r else -1 for r in regions], np.int64
        ),
        remote=np.array([bool(r[5]) for r in rows], dtype=bool),
        city_codes=city_codes,
        region_codes=region_codes,
    )


_lock = threading.Lock()
_cached: OffersIndex | None = None
_checked_at = 0.0  # time.monotonic() of the last freshness check of _cached
_cold_at = -COLD_CHECK_EVERY  # ... of the last look finding no index at all


def _clock() -> float:
    return time.monotonic()


def forget() -> None:
    """Drop this process's index (tests; a process sharing nothing starts this way)."""
    global _cached, _checked_at, _cold_at
    with _lock:
        _cached, _checked_at, _cold_at = None, 0.0, -COLD_CHECK_EVERY


def builds_in_request(key: tuple) -> bool:
    """Whether a request may build the index itself: only on a small site."""
    return int(key[1] or 0) <= settings.INDEX_BUILD_IN_REQUEST_MAX


def _shared() -> OffersIndex | None:
    try:
        shared = cache.get(SHARED_KEY)
    except Exception:  # an unreadable cache costs a build, not the page
        logger.warning("could not read the ask index from the cache", exc_info=True)
        return None
    return shared if isinstance(shared, OffersIndex) else None


def _share(built: OffersIndex) -> None:
    """Store the index, then its stamp: a reader seeing the new stamp finds the index."""
    try:
        cache.set(SHARED_KEY, built, SHARE_SECONDS)
        cache.set(STAMP_KEY, built.key, SHARE_SECONDS)
    except Exception:
        logger.warning("could not share the ask index through the cache", exc_info=True)


def _stamp() -> tuple | None:
    """The key of the index in the shared cache (None: none there, or unreadable)."""
    try:
        stamp = cache.get(STAMP_KEY)
    except Exception:
        logger.warning("could not read the ask index's stamp from the cache", exc_info=True)
        return None
    return stamp if isinstance(stamp, tuple) else None


def stored_index() -> OffersIndex | None:
    """The index the keeper stored in the shared cache, as this process last read it.

    No look at the data, and no read of the index itself on the request path (at 100,000
    members it weighs about 170 MB): the small stamp is read at most once per
    ``STAMP_CHECK_EVERY`` seconds and, when it names another index, a thread of this
    process reads that one while the one in memory (if any) keeps serving."""
    global _checked_at
    if _clock() - _checked_at < STAMP_CHECK_EVERY:
        return _cached
    with _lock:
        if _clock() - _checked_at < STAMP_CHECK_EVERY:
            return _cached  # another thread just looked
        stamp = _stamp()
        if stamp is not None and (_cached is None or _cached.key != stamp):
            background.run_once("ask-index-read", read_stored)
        _checked_at = _clock()
        return _cached


def read_stored() -> OffersIndex | None:
    """Take the index stored in the shared cache into this process (off the request
    path); None when there is none."""
    global _cached
    shared = _shared()
    if shared is not None:
        with _lock:
            _cached = shared
    return shared


def current_index() -> OffersIndex | None:
    """The index for a question, never built from scratch by a request on a large site.

    Checked against the data at most once per ``REBUILD_EVERY`` seconds: a newer shared
    one is taken; otherwise a small site rebuilds it now, a large one in the background
    (`refresh_in_background`) while the stale one serves. None while a large site has
    none yet (looked for again every ``COLD_CHECK_EVERY`` seconds). Where the scheduler
    keeps the index (``intros.warm``), only what it stored is read (`stored_index`),
    unless no scheduler runs on a small site."""
    global _cached, _checked_at, _cold_at
    if not warm.in_web_processes() and not (warm.keeper_missing() and _small_site()):
        return stored_index()
    # Built here; also on a small site whose scheduler does not run (as without Redis).
    cached = _cached
    if cached is not None and _clock() - _checked_at < REBUILD_EVERY:
        return cached
    if cached is None and _clock() - _cold_at < COLD_CHECK_EVERY:
        return None
    with _lock:
        if _cached is not None and _clock() - _checked_at < REBUILD_EVERY:
            return _cached  # another thread just checked or rebuilt it
        key = data_version()
        if _cached is None or _cached.key != key:
            shared = _shared()
            if shared is not None and (shared.key == key or _cached is None):
                _cached = shared  # current, or at least something to serve
        if _cached is None or _cached.key != key:
            if builds_in_request(key):
                _cached = build_index(key)
                _share(_cached)
            else:
                refresh_in_background()
        _checked_at = _clock()
        if _cached is None:
            _cold_at = _checked_at
        return _cached


def _small_site() -> bool:
    return Profile.objects.count() <= settings.INDEX_BUILD_IN_REQUEST_MAX


def refresh_in_background() -> bool:
    """Bring the index up to date in a thread of this process (one at a time)."""
    return background.run_once("ask-index", prepare)


def prepare() -> OffersIndex | None:
    """Bring this process's index up to date with the data: the shared one if it is
    current, else built here unless another process sharing the cache is building it
    (None then: it will be in the cache). Called off the request path: the warm-up at
    start-up, the background refresh, the scheduler's keeper. A current index that the
    shared cache lost (expired, flushed) is stored again."""
    global _cached, _checked_at, _cold_at
    key = data_version()
    with _lock:
        current = _cached if _cached is not None and _cached.key == key else None
        if current is not None:
            _checked_at = _clock()
    if current is not None:
        if _stamp() != key:
            _share(current)
        return current
    built = _shared()
    if built is None or built.key != key:
        if not background.claim(BUILDING_KEY, BUILD_CLAIM_SECONDS):
            return None
        try:
            built = build_index(key)
            _share(built)
        finally:
            background.release(BUILDING_KEY)
    elif _stamp() != key:  # stored without its stamp: readers would not see it
        _share(built)
    with _lock:
        _cached, _checked_at = built, _clock()
    return built


@dataclass
class Answer:
    profile: Profile
    score: float
    reasons: list[str]  # worded in the active language
    path: list[Profile | None] = field(default_factory=list)  # the hops between; None: unseen
    intermediary: Profile | None = None
    existing: Introduction | None = None
    reason_data: list[dict] = field(default_factory=list)  # the same, as stored


def ask(user, need: str, k: int = MAX_RESULTS) -> list[Answer]:
    """Best members for ``need`` among those ``user`` may ask to meet, explained.
    Raises `NotReady` while a large site's index is first being built (`KeeperMissing`
    when no scheduler runs to build it). The question's
    vectors are not kept on disk (members' texts are)."""
    if not need.strip():
        return []
    with new_vectors_not_kept():
        return _ask(user, need, k)


def _ask(user, need: str, k: int) -> list[Answer]:
    index = current_index()
    if index is None:
        raise KeeperMissing if warm.keeper_missing() else NotReady
    if index.model is None:
        return []
    mine = [  # read once per page with the visibility rules' own (request memo)
        index.circle_index[c]
        for c in sorted(reachable_circle_ids(user)[0])
        if c in index.circle_index
    ]
    me = Profile.objects.filter(user=user).select_related("user__intro_preference").first()
    if me is not None:  # the profile and the preference (if any) in one query
        pref = getattr(me.user, "intro_preference", None)
    else:
        pref = Preference.objects.filter(user=user).first()
    trust = trust_inputs.current()  # the trust state read once for the whole question
    found, scores, comp, profiles = _best_introducible(
        user,
        index,
        index.model.encode([need]),
        k,
        me.visibility if me else None,
        trust_row=trust_inputs.personal_trust_of(user, index.user_ids, built=trust),
        asker_circles=np.array(mine, dtype=np.int64),
        circles=index.circles,
        places=index.places(me, bool(pref and pref.remote)),
    )
    ids = [int(index.user_ids[i]) for i in found]
    # Only introductions the user may see: not one still with an intermediary, nor one
    # an intermediary declined, when the user is the person sought.
    existing = {
        (i.pair_low, i.pair_high): i
        for i in access.introductions_for(user)
        .select_related(None)  # only whether one exists, and its id, are shown
        .order_by()
        .filter(
            pair_low__in=[min(user.pk, u) for u in ids],
            pair_high__in=[max(user.pk, u) for u in ids],
        )
    }
    answers = []
    kept = [(rank, i, uid) for rank, (i, uid) in enumerate(zip(found.tolist(), ids, strict=True))]
    kept = [(rank, i, uid) for rank, i, uid in kept if uid in profiles]  # else gone since
    paths = _paths(user, [profiles[uid] for _r, _i, uid in kept], trust)
    # Of several offers, the one that answers the need is quoted: every answer's offers
    # are scored against the need in one encoding.
    ranked_parts = parts_by_score_many(
        index.model, [index.offers_text[i] for _r, i, _u in kept], need
    )
    for (rank, i, uid), (direct, path, intermediary), parts in zip(
        kept, paths, ranked_parts, strict=True
    ):
        profile = profiles[uid]
        answer = Answer(profile, float(scores[rank]), [], path, intermediary)
        answer.existing = existing.get((min(user.pk, uid), max(user.pk, uid)))
        c = {
            "relevance_ab": float(comp["relevance"][rank]) / ASK_WEIGHTS["relevance"],
            "novelty": float(comp["novelty"][rank]),
            "trust": float(comp["trust"][rank]) if (direct or answer.intermediary) else 0.0,
            "intermediary": 0 if answer.intermediary else -1,
            "proximity": float(comp["proximity"][rank]),
            "place": int(comp["place"][rank]),
        }
        offer = index.offers_text[i]
        situation = next(iter(index.model.situations_met(need, offer)), None)
        # Of several offers, the one that answers the need is quoted, with its own topics.
        terms = index.model.matched_terms(need, offer)
        for part in parts:
            part_terms = index.model.matched_terms(need, part)
            if part_terms:
                offer, terms = part, part_terms
                break
        answer.reason_data = pair_reasons(
            c,
            other_offer=offer,
            matched_terms_yours=terms,
            situation_yours=situation,
            intermediary_name=answer.intermediary.name if answer.intermediary else None,
            intermediary_direct=len(answer.path) == 1,  # viewer -> intermediary -> them
        )
        _place_reasons(answer.reason_data, me, profile, int(comp["place"][rank]))
        for reason in answer.reason_data:
            if "via" in reason and answer.intermediary is not None:
                reason["via_id"] = answer.intermediary.user_id
        answer.reasons = word_all(answer.reason_data, profile.name)
        answers.append(answer)
    return answers


def _best_introducible(
    user, index: OffersIndex, query, k: int, own: str | None, **ranking
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], dict[int, Profile]]:
    """`ask_network`'s best ``k`` among the members ``user`` may ask to meet, and the
    profiles of those checked who may be.

    The index's members are ranked first: all of them for an asker whose profile is
    visible to all (who may ask thousands: about 8,300 of 85,000 on the 100,000-member
    demo network), else only the members of the circles that may see the asker
    (`access.asker_audience`, a few hundred ids, read live). Then the best
    ``FIRST_CHECK x k`` are checked against the database in one query
    (`access.introducible_profiles` on those ids, the whole rule read live: a stale index
    never decides), then ``WIDEN`` times as many, until ``k`` pass or none are left.
    Members are scored as in `ask_network` and ordered by score, then index, so the first
    ``k`` that pass are exactly the best ``k`` of those who may be asked
    (tests/intros/test_ask_candidates.py)."""
    audience = access.asker_audience(user, own)
    eligible = None
    if audience is not None:
        eligible = np.isin(index.user_ids, np.fromiter(audience, np.int64, len(audience)))
    ranked = ask_ranking(query, index.offers, eligible=eligible, **ranking)
    passed: list[int] = []
    profiles: dict[int, Profile] = {}
    checked, wanted = 0, FIRST_CHECK * k
    while checked < ranked.size and len(passed) < k:
        new = ranked.order(wanted)[checked:]  # the first ``checked`` are the same
        ids = index.user_ids[ranked.idx[new]].tolist()
        # The candidates lie within the audience (ranked among it): they are its part.
        may = access.introducible_profiles(user, own, set(ids))
        profiles.update((p.user_id, p) for p in may.select_related("user"))
        passed += [int(pos) for pos, uid in zip(new.tolist(), ids, strict=True) if uid in profiles]
        checked, wanted = checked + len(new), wanted * WIDEN
    found, scores, comp = ranked.take(np.array(passed[:k], dtype=np.int64))
    return found, scores, comp, profiles


def _place_reasons(reasons: list[dict], me: Profile | None, them: Profile, place: int) -> None:
    """Where they are, worded as in rounds (named city or region; « loin l'un de l'autre »
    only when it is true), also for someone of one's own circle (whose nearness ranks them
    at half weight, ``ASK_OWN_CIRCLE_NEARNESS``), and a word when they are far (in another
    region) and will not both meet at a distance."""
    here = region_code(me.department) if me else ""
    codes = {r["code"] for r in reasons}
    if place in PLACE_CODES and not codes & set(PLACE_CODES.values()):
        reasons.append({"code": PLACE_CODES[place]})
    if place == FAR and here and region_code(them.department):  # two regions known
        reasons.append({"code": "far", "city": them.city} if them.city else {"code": "far"})
    for reason in reasons:
        if reason["code"] == "remote" and here and here == region_code(them.department):
            reason["code"] = "same_region"
        if reason["code"] == "same_city" and me and me.city:
            reason["city"] = me.city
        if reason["code"] == "same_region" and region_name(here):
            reason["region"] = region_name(here)


def _paths(
    user, targets: list[Profile], trust
) -> list[tuple[bool, list[Profile | None], Profile | None]]:
    """For each of ``targets``: (a direct tie, the trust path's hops between, naming only
    members the viewer may see, the member who may be asked to introduce them). The
    member just before them may be asked to make a warm introduction only if the viewer
    may see them, they consented to introductions and they may see the person sought;
    otherwise only a direct request is offered. The trust state is read once, and each
    check is one query for all the answers."""
    paths = trust_inputs.trust_paths(user, [t.user_id for t in targets], built=trust)
    hops = {u for path in paths if len(path) >= 3 for u in path[1:-1]}
    visible = access.visible_profiles_by_user_id(user, hops) if hops else {}
    last_hops = [visible.get(path[-2]) if len(path) >= 3 else None for path in paths]
    may = access.introducing_pairs(
        (hop.user, t.user_id) for hop, t in zip(last_hops, targets, strict=True) if hop
    )
    out: list[tuple[bool, list[Profile | None], Profile | None]] = []
    for path, hop, target in zip(paths, last_hops, targets, strict=True):
        if len(path) < 3:
            out.append((len(path) == 2, [], None))
            continue
        asked = hop if hop is not None and (hop.user_id, target.user_id) in may else None
        out.append((False, [visible.get(u) for u in path[1:-1]], asked))
    return out
