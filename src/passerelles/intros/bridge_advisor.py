"""Which bridges a circle should propose, and why.

For a circle A and each other circle B, the round's own matching (``rounds.score_pairs``:
same consent, scopes, exclusions and scores) is run on the members of A and B only, with
and without a bridge between them, for ``ROUNDS`` successive rounds. The introductions
between the two circles that the bridge adds, the ties already joining their members,
how their needs and offers answer each other and their distance rank the candidates
(``engine.bridges``). Results are language-free data kept in the cache (shared by every
process through Redis when ``REDIS_URL`` is set); reasons are worded when read, in the
reader's language.

Advice older than ``CACHE_SECONDS`` is computed again, off the request path: a page adds
its circle to a list in the cache, and the keeper of the pool of members (one process,
``intros.warm``: the scheduler's keeper thread when the cache is shared through Redis, a
thread of a web process otherwise) computes it within seconds, the older advice serving
meanwhile; while a circle has none yet, `suggest_bridges` raises `NotReady` and the page
says so, then fetches its suggestions again every few seconds until they come
(`KeeperMissing` when the scheduler is left them on a large site and none runs: the page
says that instead). No request computes advice, whatever the site's size: a small
site's took 8-15 s on a loaded machine. Where no scheduler runs on a small site (at most
``INDEX_BUILD_IN_REQUEST_MAX`` profiles), a web process computes it, as without Redis.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import Q
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from scipy import sparse

from passerelles.circles.access import visible_circles
from passerelles.circles.models import Bridge, BridgeState, Circle, Membership
from passerelles.circles.regions import region_code, region_name
from passerelles.core import background
from passerelles.engine.bridges import needs_met, rank_bridges, successive_rounds
from passerelles.engine.matching import MemberArrays
from passerelles.intros import ask, matching_data, warm
from passerelles.intros.matching_data import Pool
from passerelles.intros.reasons import topic
from passerelles.members.models import Profile

ROUNDS = 3  # "the next rounds": what a bridge opens over about a quarter
CACHE_SECONDS = 600  # advice is computed again after this...
KEEP_SECONDS = 24 * 3600  # ...and, on a large site, served meanwhile up to this age
TERM_PAIRS = 40  # most relevant need/offer pairs read for the topics of a reason
TOPICS = 3


@dataclass
class Advice:
    """What a bridge between ``circle`` (ours) and ``other`` would open, as plain data."""

    other_id: int
    expected_introductions: int = 0  # added by the bridge over the next ROUNDS rounds
    with_bridge: int = 0  # introductions between the two circles, with the bridge
    without_bridge: int = 0  # ... and without it
    vouches: int = 0
    meetings: int = 0
    shared_members: int = 0
    our_seekers: int = 0  # our members who seek what theirs offer
    their_providers: int = 0
    our_topics: list[str] = field(default_factory=list)
    their_seekers: int = 0  # their members who seek what ours offer
    our_providers: int = 0
    their_topics: list[str] = field(default_factory=list)
    proximity: int = 0  # 2 same city, 1 same region, 0 farther
    region: str = ""

    @property
    def current_ties(self) -> int:
        return self.vouches + self.meetings + self.shared_members

    @property
    def exchange(self) -> int:
        return self.our_seekers + self.their_seekers


@dataclass
class Suggestion:
    circle: Circle
    advice: Advice
    reasons: list[str]

    @property
    def expected_introductions(self) -> int:
        return self.advice.expected_introductions

    @property
    def current_ties(self) -> int:
        return self.advice.current_ties


class NotReady(Exception):
    """The advice for this circle is being computed in the background (a large site):
    ask again in a moment."""


class KeeperMissing(NotReady):
    """The advice is left to the scheduler and no scheduler runs (a large site): nothing
    computes it until one is started."""


def suggest_bridges(circle: Circle, user, *, limit: int | None = None) -> list[Suggestion]:
    """Other circles ``user`` may see, without a bridge requested or active with
    ``circle``, best first, each with its reasons in the active language. Raises
    `NotReady` while this circle's first advice is computed, `KeeperMissing` when
    nothing computes it."""
    advice = _cached_advice(circle)
    linked = set()
    for a, b in Bridge.objects.filter(
        Q(from_circle=circle) | Q(to_circle=circle),
        state__in=[BridgeState.REQUESTED, BridgeState.ACTIVE],
    ).values_list("from_circle_id", "to_circle_id"):
        linked |= {a, b}
    wanted = [a for a in advice if a.other_id != circle.pk and a.other_id not in linked]
    circles = visible_circles(user).in_bulk([a.other_id for a in wanted])
    out = [
        Suggestion(circles[a.other_id], a, reasons(a, circles[a.other_id]))
        for a in wanted
        if a.other_id in circles
    ]
    return out[:limit] if limit else out


def _advice_key(circle_id: int) -> str:
    return f"passerelles:bridge-advice:{circle_id}"


def _cached_advice(circle: Circle) -> list[Advice]:
    """The circle's advice as stored; when missing or old, asked of the pool's keeper
    (never computed in the request: seconds on a small site, more under load), the older
    advice (if any) serving meanwhile. Raises `NotReady` while there is none yet,
    `KeeperMissing` when nothing would compute it."""
    stored = cache.get(_advice_key(circle.pk))
    if not isinstance(stored, dict):  # none, or kept by an earlier version
        stored = None
    if stored is None or time.time() - stored["at"] >= CACHE_SECONDS:
        asked = _queue(circle.pk)
        if stored is None:
            raise KeeperMissing if asked is None else NotReady
    return [Advice(**a) for a in stored["advice"]]


def _store(circle: Circle, advice: list[Advice]) -> dict:
    stored = {"at": time.time(), "advice": [dataclasses.asdict(a) for a in advice]}
    cache.set(_advice_key(circle.pk), stored, KEEP_SECONDS)
    return stored


def forget_advice(*circles: Circle) -> None:
    cache.delete_many([_advice_key(c.pk) for c in circles])


# The background side. One process keeps the pool of members and computes advice: the
# holder of a claim in the cache (with Redis, the scheduler's keeper; with the in-process
# cache, each web process for itself). Pages add the circles asked for to a list in the
# cache, which the holder's thread reads every few seconds.
WANTED_KEY = "intros:bridge-advice:wanted"
HOLDER_KEY = "intros:bridge-advice:holder"
HOLD_SECONDS = 300  # a holder that died is replaced after this
POLL_SECONDS = 5.0
_pool_lock = threading.Lock()
_pool: tuple[float, Pool] | None = None  # (built at, pool)
_token = f"{socket.gethostname()}:{os.getpid()}"
_stop = threading.Event()  # set to end the serving thread (replaced when a new one may start)


def _queue(circle_id: int) -> bool | None:
    """Ask for a circle's advice: True when this process computes it (its thread), False
    when another does (the scheduler's keeper, or the web process holding the role), None
    when nothing would: the scheduler is left the advice on a large site and none runs."""
    wanted = cache.get(WANTED_KEY) or []
    if circle_id not in wanted:
        cache.set(WANTED_KEY, [*wanted, circle_id], KEEP_SECONDS)
    if not warm.in_web_processes():
        if not warm.keeper_missing():
            return False
        if Profile.objects.count() > settings.INDEX_BUILD_IN_REQUEST_MAX:
            return None
        # No scheduler runs on a small site: a web process computes it, as without Redis.
    if _holds():
        background.run_once("bridge-advice", functools.partial(_serve, _stop))
        return True
    return False


def _holds() -> bool:
    """Whether this process keeps the pool and computes advice (taking the role when no
    live process has it)."""
    global _token
    if os.getpid() != int(_token.rpartition(":")[2]):  # a forked copy: its own token
        _token = f"{socket.gethostname()}:{os.getpid()}"
    if cache.add(HOLDER_KEY, _token, HOLD_SECONDS) or cache.get(HOLDER_KEY) == _token:
        cache.set(HOLDER_KEY, _token, HOLD_SECONDS)
        return True
    return False


def let_go() -> None:
    """Give up the role if this process holds it (it is stopping): another process takes
    it at its next look instead of after ``HOLD_SECONDS``."""
    stop_serving(wait=0)
    if cache.get(HOLDER_KEY) == _token:
        cache.delete(HOLDER_KEY)


def _take_wanted() -> list[int]:
    wanted = cache.get(WANTED_KEY) or []
    if wanted:
        cache.delete(WANTED_KEY)
    return list(wanted)


def drain() -> int:
    """Compute the advice asked for so far; how many circles were done."""
    done = 0
    for circle_id in _take_wanted():
        done += compute(circle_id)
    return done


def _serve(stop: threading.Event) -> None:
    while not stop.is_set() and _holds():
        drain()
        connections.close_all()
        stop.wait(POLL_SECONDS)


def stop_serving(wait: float = 10.0) -> None:
    """End this process's serving thread, if any, waiting up to ``wait`` seconds for the
    advice it is computing (a process stopping; a test ending, whose thread would
    otherwise serve the next test's circles from the shared cache)."""
    global _stop
    _stop.set()
    _stop = threading.Event()
    deadline = time.monotonic() + wait
    while background.running("bridge-advice") and time.monotonic() < deadline:
        time.sleep(0.05)


def compute(circle_id: int) -> bool:
    """Compute and store one circle's advice on this process's pool, unless another
    process sharing the cache is at it; True if done here."""
    lock = f"{_advice_key(circle_id)}:building"
    if not background.claim(lock, ask.BUILD_CLAIM_SECONDS):
        return False
    try:
        circle = Circle.objects.filter(pk=circle_id).first()
        if circle is not None:
            _store(circle, advise(circle, pool=current_pool()))
    finally:
        background.release(lock)
    return True


def current_pool() -> Pool:
    """The pool of members this process keeps for advice, built again once older than
    ``CACHE_SECONDS`` (as advice itself: both may be that much behind the data). Slow on
    a large site: called off the request path there."""
    global _pool
    with _pool_lock:
        if _pool is not None and time.time() - _pool[0] < CACHE_SECONDS:
            return _pool[1]
        built = matching_data.load_pool(timezone.now(), force=True)
        _pool = (time.time(), built)
        return built


def forget_pool() -> None:
    """Drop this process's pool (tests)."""
    global _pool
    with _pool_lock:
        _pool = None


def prepare() -> None:
    """The keeper's start-up look and its periodic ones (``intros.warm``): the process
    holding the role keeps its pool ready for the advice a bridges page will ask for, and
    serves what is asked (the scheduler's keeper on any site; a web process's, on a large
    site). A small site's web process, at start-up, builds its pool and every circle's
    advice: right after a restart, the first bridges page waited ~20 s for both."""
    by_scheduler = not warm.in_web_processes()
    small = Profile.objects.count() <= settings.INDEX_BUILD_IN_REQUEST_MAX
    if not _holds():
        return
    if by_scheduler or not small:
        if _pool is None:  # at start-up; later, rebuilt when advice is asked for
            current_pool()
        background.run_once("bridge-advice", functools.partial(_serve, _stop))
    elif _pool is None:  # at start-up (this keeper's thread, off the request path)
        current_pool()
        for circle_id in Circle.objects.order_by("pk").values_list("pk", flat=True):
            if not isinstance(cache.get(_advice_key(circle_id)), dict):
                compute(circle_id)


def advise(circle: Circle, *, now=None, seed: int = 0, pool: Pool | None = None) -> list[Advice]:
    """Every other circle, ranked (best first); the slow part, cached by the caller.
    ``pool``: every member as the round sees them (loaded now when not given)."""
    now = now or timezone.now()
    others = list(Circle.objects.exclude(pk=circle.pk).order_by("pk"))
    if not others:
        return []
    pool = pool or matching_data.load_pool(now, force=True)
    assert pool.circle_ids is not None  # a loaded pool names the circle of each column
    column = {int(c): j for j, c in enumerate(pool.circle_ids.tolist())}
    circles = sparse.csc_matrix(pool.members.circles)

    def members_of(circle_id: int) -> np.ndarray:
        if circle_id not in column:
            return np.zeros(pool.n, dtype=bool)
        return np.asarray(circles[:, column[circle_id]].toarray()).ravel() > 0

    ours = members_of(circle.pk)
    ties = _ties(circle, others)
    advice = []
    for other in others:
        theirs = members_of(other.pk)
        counts = ties.get(other.pk, {})
        a = Advice(
            other_id=other.pk,
            vouches=counts.get("vouches", 0),
            meetings=counts.get("meetings", 0),
        )
        a.shared_members = int((ours & theirs).sum())
        a.proximity, a.region = _proximity(circle, other)
        if ours.any() and theirs.any() and pool.model is not None:
            _opened(pool, ours, theirs, column, circle.pk, other.pk, a, seed)
            _exchange(pool, ours & ~theirs, theirs & ~ours, a)
        advice.append(a)
    order = rank_bridges(
        np.array([a.expected_introductions for a in advice]),
        np.array([a.exchange for a in advice]),
        np.array([a.proximity for a in advice]),
        np.array([a.current_ties for a in advice]),
    )
    return [advice[i] for i in order]


def _sub_pool(pool: Pool, keep: np.ndarray, reach) -> Pool:
    idx = np.flatnonzero(keep)
    m = pool.members
    assert m.circles is not None  # a loaded pool always has the memberships

    def rows(x):
        return None if x is None else x[idx]

    def square(x):
        return None if x is None else sparse.csr_matrix(x)[idx][:, idx]

    members = MemberArrays(
        needs=m.needs[idx],
        offers=m.offers[idx],
        circles=m.circles[idx],
        sector=rows(m.sector),
        themes=rows(m.themes),
        organisation=rows(m.organisation),
        exclude_colleagues=rows(m.exclude_colleagues),
        trust=square(m.trust),
        excluded=square(m.excluded),
        priority=rows(m.priority),
    )
    return dataclasses.replace(
        pool,
        user_ids=pool.user_ids[idx],
        profiles=[pool.profiles[i] for i in idx.tolist()],
        members=members,
        capacity=pool.capacity[idx],
        reach=sparse.csr_matrix(reach)[idx],
        visibility=pool.visibility[idx],
        scope=pool.scope[idx],
    )


def _opened(pool, ours, theirs, column, our_id, their_id, a: Advice, seed: int) -> None:
    """Introductions between the two circles over ROUNDS rounds, with and without."""
    from passerelles.intros.rounds import score_pairs

    keep = ours | theirs
    n, c = pool.reach.shape
    extra = sparse.csr_matrix(
        (
            np.ones(int(ours.sum() + theirs.sum())),
            (
                np.r_[np.flatnonzero(ours), np.flatnonzero(theirs)],
                np.r_[
                    np.full(int(ours.sum()), column[their_id]),
                    np.full(int(theirs.sum()), column[our_id]),
                ],
            ),
        ),
        shape=(n, c),
    )
    bridged = (pool.reach + extra).tocsr()
    bridged.data[:] = 1.0
    only_ours, only_theirs = (ours & ~theirs)[keep], (theirs & ~ours)[keep]
    counts = []
    for reach in (bridged, pool.reach):
        sub = _sub_pool(pool, keep, reach)
        if (sub.capacity > 0).sum() < 2:
            counts.append(0)
            continue
        scores, _comp = score_pairs(sub)
        total = 0
        for pairs in successive_rounds(scores, sub.capacity, ROUNDS, seed=seed):
            u, v = pairs[:, 0], pairs[:, 1]
            across = (only_ours[u] & only_theirs[v]) | (only_theirs[u] & only_ours[v])
            total += int(across.sum())
        counts.append(total)
    a.with_bridge, a.without_bridge = counts
    a.expected_introductions = max(0, counts[0] - counts[1])


def _exchange(pool: Pool, ours: np.ndarray, theirs: np.ndarray, a: Advice) -> None:
    """How many on each side seek what the other side offers, and about what."""
    m = pool.members
    for seek_mask, offer_mask, direction in ((ours, theirs, "ours"), (theirs, ours, "theirs")):
        seek_idx, offer_idx = np.flatnonzero(seek_mask), np.flatnonzero(offer_mask)
        ex = needs_met(m.needs[seek_idx], m.offers[offer_idx])
        topics = _topics(pool, seek_idx[ex.seekers], offer_idx[ex.best])
        if direction == "ours":
            a.our_seekers, a.their_providers = len(ex.seekers), len(ex.providers)
            a.our_topics = topics
        else:
            a.their_seekers, a.our_providers = len(ex.seekers), len(ex.providers)
            a.their_topics = topics


def _topics(pool: Pool, seekers: np.ndarray, providers: np.ndarray) -> list[str]:
    if seekers.size == 0:
        return []
    m, model = pool.members, pool.model
    assert model is not None  # called only for a pool with a relevance model
    rel = np.asarray(m.needs[seekers].multiply(m.offers[providers]).sum(axis=1)).ravel()
    counted: Counter[str] = Counter()
    for e in np.argsort(-rel, kind="stable")[:TERM_PAIRS].tolist():
        need = pool.profiles[seekers[e]].needs
        offer = pool.profiles[providers[e]].offers
        counted.update(dict.fromkeys(model.matched_terms(need, offer, limit=2), 1))
    return [term for term, _n in counted.most_common(TOPICS)]


def _ties(circle: Circle, others: list[Circle]) -> dict[int, dict[str, int]]:
    """Vouches (not revoked) and attested meetings between one of our members and a
    member of each other circle, each pair of people counted once."""
    from passerelles.trust.models import MeetingAttestation, Vouch

    admitted = Membership.objects.admitted()
    our_ids = admitted.filter(circle=circle).values("user_id")
    ours = {row["user_id"] for row in our_ids}
    circles_of: dict[int, set[int]] = {}
    for user_id, circle_id in admitted.exclude(circle=circle).values_list("user_id", "circle_id"):
        circles_of.setdefault(user_id, set()).add(circle_id)
    sources = (
        ("vouches", Vouch.objects.filter(revoked_at=None), "voucher_id", "vouchee_id"),
        ("meetings", MeetingAttestation.objects.all(), "attester_id", "other_id"),
    )
    out: dict[int, dict[str, int]] = {}
    for name, rows, x_field, y_field in sources:
        touching = rows.filter(Q(**{f"{x_field}__in": our_ids}) | Q(**{f"{y_field}__in": our_ids}))
        seen: set[tuple[int, int, int]] = set()
        for x, y in touching.values_list(x_field, y_field):
            for mine, other in ((x, y), (y, x)):
                if mine not in ours or other in ours:
                    continue
                for circle_id in circles_of.get(other, ()):
                    key = (min(x, y), max(x, y), circle_id)
                    if key not in seen:
                        seen.add(key)
                        counts = out.setdefault(circle_id, {})
                        counts[name] = counts.get(name, 0) + 1
    return out


def _proximity(circle: Circle, other: Circle) -> tuple[int, str]:
    if circle.city and other.city and circle.city.casefold() == other.city.casefold():
        return 2, ""
    mine, theirs = region_code(circle.department), region_code(other.department)
    if mine and mine == theirs:
        return 1, mine
    return 0, ""


def _topic_list(topics: list[str]) -> str:
    named = [topic(t) for t in topics]
    return get_text_list(named, _("et")) + ("…" if len(topics) >= TOPICS else "")


def _sentence(text: str) -> str:
    return text if text.endswith("…") else text + "."


def reasons(a: Advice, other: Circle) -> list[str]:
    """The advice in plain words, in the active language, most telling first."""
    out = []
    if a.expected_introductions:
        out.append(
            ngettext(
                "%(n)d mise en relation de plus entre vos membres et les leurs sur les "
                "%(r)d prochains tours.",
                "%(n)d mises en relation de plus entre vos membres et les leurs sur les "
                "%(r)d prochains tours.",
                a.expected_introductions,
            )
            % {"n": a.expected_introductions, "r": ROUNDS}
        )
    if a.our_seekers:
        text = ngettext(
            "%(n)d de vos membres cherche ce que %(m)d des leurs proposent",
            "%(n)d de vos membres cherchent ce que %(m)d des leurs proposent",
            a.our_seekers,
        ) % {"n": a.our_seekers, "m": a.their_providers}
        if a.our_topics:
            text += _(" : %(topics)s") % {"topics": _topic_list(a.our_topics)}
        out.append(_sentence(text))
    if a.their_seekers:
        text = ngettext(
            "%(n)d de leurs membres cherche ce que %(m)d des vôtres proposent",
            "%(n)d de leurs membres cherchent ce que %(m)d des vôtres proposent",
            a.their_seekers,
        ) % {"n": a.their_seekers, "m": a.our_providers}
        if a.their_topics:
            text += _(" : %(topics)s") % {"topics": _topic_list(a.their_topics)}
        out.append(_sentence(text))
    if a.current_ties:
        ties = [
            ngettext("%(n)d recommandation", "%(n)d recommandations", a.vouches) % {"n": a.vouches},
            ngettext("%(n)d rencontre attestée", "%(n)d rencontres attestées", a.meetings)
            % {"n": a.meetings},
            ngettext("%(n)d membre en commun", "%(n)d membres en commun", a.shared_members)
            % {"n": a.shared_members},
        ]
        out.append(
            _("Déjà des liens entre vos membres : %(ties)s.")
            % {"ties": get_text_list(ties, _("et"))}
        )
    else:
        out.append(_("Aucun lien aujourd'hui entre vos membres et les leurs : tout est à ouvrir."))
    if a.proximity == 2:
        out.append(_("Dans la même ville : %(city)s.") % {"city": other.city})
    elif a.proximity == 1:
        out.append(_("Dans la même région : %(region)s.") % {"region": region_name(a.region)})
    return out
