"""From the database to the matching engine: members as aligned arrays.

Row i of every array is the member ``pool.user_ids[i]``. Every active member with a
profile is a row (so that anyone can be the intermediary of a warm path), but only
consenting members bring their texts, and only those whose frequency is due get a
capacity; everyone else has capacity 0 and is never proposed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from django.conf import settings
from django.db.models import Q
from django.utils.text import slugify
from scipy import sparse

from passerelles.circles.models import Bridge, BridgeState, Membership
from passerelles.circles.regions import region_code
from passerelles.core.choices import Axis, Sector
from passerelles.engine.matching import MemberArrays
from passerelles.engine.semantic import SemanticEncoder, load_encoder, new_vectors_kept
from passerelles.engine.text import RelevanceModel
from passerelles.intros import trust_inputs
from passerelles.intros.models import Introduction, Preference, Scope
from passerelles.members.models import Profile, Visibility

VISIBILITY_CODES: dict[str, int] = {Visibility.CIRCLES: 0, Visibility.BRIDGED: 1, Visibility.ALL: 2}
SCOPE_CODES: dict[str, int] = {Scope.CIRCLES: 0, Scope.BRIDGED: 1, Scope.ALL: 2}
AXES = list(Axis.values)  # the engine's axis order: monde, soi, societe, savoir
SECTORS = list(Sector.values)


@dataclass
class Pool:
    user_ids: np.ndarray  # (n,) int64
    profiles: list[Profile]
    prefs: dict[int, Preference]
    model: RelevanceModel | None
    members: MemberArrays
    capacity: np.ndarray  # (n,) int
    reach: sparse.csr_matrix  # (n, c) own circles and circles bridged with them
    visibility: np.ndarray  # (n,) VISIBILITY_CODES
    scope: np.ndarray  # (n,) SCOPE_CODES, -1 without consent
    circle_ids: np.ndarray | None = None  # (c,) the circle of each column of circles/reach

    @property
    def n(self) -> int:
        return len(self.user_ids)

    def index_of(self, user_id: int) -> int:
        return int(self._index[user_id])

    def __post_init__(self) -> None:
        self._index = {int(u): i for i, u in enumerate(self.user_ids.tolist())}


def _pair_dot(a: sparse.csr_matrix, b: sparse.csr_matrix, rows, cols) -> np.ndarray:
    if len(rows) == 0:
        return np.zeros(0)
    return np.asarray(a[rows].multiply(b[cols]).sum(axis=1)).ravel()


def sees(pool: Pool, viewers: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Whether each viewer may see each target's profile (``visible_profiles`` rules for a
    member: same circle; or the target's visibility is "all"; or "bridged" and they meet
    across an active bridge)."""
    circles = pool.members.circles
    share = _pair_dot(circles, circles, viewers, targets) > 0
    across = _pair_dot(pool.reach, circles, viewers, targets) > 0
    vis = pool.visibility[targets]
    return share | (vis == 2) | ((vis == 1) & across) | (viewers == targets)


def allowed_pairs(pool: Pool, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """(m,) bool: each is inside the scope the other chose when consenting.

    A round suggestion needs both sides' consent, and the scope is that consent: a member
    who chose "all members" may be proposed to anyone who consented, whatever their
    profile's visibility in the directory (the suggestion shows the introduction card,
    contact details only once both accept). Searching the network, one-sided, keeps to
    visible profiles (``access.introducible_profiles``)."""
    rows, cols = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
    circles = pool.members.circles
    share = _pair_dot(circles, circles, rows, cols) > 0
    across = _pair_dot(pool.reach, circles, rows, cols) > 0  # symmetric: bridges are
    ok = rows != cols
    for side in (rows, cols):
        scope = pool.scope[side]
        ok &= (scope == 2) | ((scope == 1) & (share | across)) | ((scope == 0) & share)
    return ok


def _circle_arrays(user_ids: np.ndarray, index: dict[int, int]):
    memberships = list(
        Membership.objects.admitted()
        .filter(user_id__in=user_ids.tolist())
        .values_list("user_id", "circle_id")
    )
    circle_ids = sorted({c for _u, c in memberships})
    cindex = {c: j for j, c in enumerate(circle_ids)}
    n, c = len(user_ids), max(1, len(circle_ids))
    rows = [index[u] for u, _c in memberships]
    cols = [cindex[c] for _u, c in memberships]
    circles = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, c))
    circles.data[:] = 1.0
    bridges = [
        (cindex[a], cindex[b])
        for a, b in Bridge.objects.filter(state=BridgeState.ACTIVE).values_list(
            "from_circle_id", "to_circle_id"
        )
        if a in cindex and b in cindex
    ]
    br = np.array(bridges, dtype=np.int64).reshape(-1, 2)
    adjacency = sparse.csr_matrix(
        (np.ones(2 * len(br)), (np.r_[br[:, 0], br[:, 1]], np.r_[br[:, 1], br[:, 0]])),
        shape=(c, c),
    )
    reach = (circles + circles @ adjacency).tocsr()
    reach.data[:] = 1.0
    return circles, reach, np.array(circle_ids, dtype=np.int64)


def _excluded(
    pool_ids: np.ndarray, index: dict[int, int], circles, own_circle_excluders: np.ndarray
):
    """(n, n) nonzero = never pair: introduced before (any outcome), met, already known
    (one vouched for or endorsed the other), blocked, one reported the other (whatever
    came of it), or sharing a circle with someone who excluded their own circles."""
    n = len(pool_ids)
    pairs: list[tuple[int, int]] = list(Introduction.objects.values_list("pair_low", "pair_high"))
    pairs += list(Preference.blocked.through.objects.values_list("preference__user_id", "user_id"))
    try:
        from passerelles.trust.models import Endorsement, MeetingAttestation, Report, Vouch
    except ImportError:  # pragma: no cover - the trust app is optional
        pass
    else:
        pairs += list(MeetingAttestation.objects.values_list("attester_id", "other_id"))
        pairs += list(Vouch.objects.values_list("voucher_id", "vouchee_id"))
        pairs += list(Endorsement.objects.values_list("endorser_id", "member_id"))
        pairs += list(Report.objects.values_list("reporter_id", "reported_id"))
    kept = [(index[a], index[b]) for a, b in pairs if a in index and b in index]
    arr = np.array(kept, dtype=np.int64).reshape(-1, 2)
    excluded = sparse.csr_matrix((np.ones(len(arr)), (arr[:, 0], arr[:, 1])), shape=(n, n))
    if own_circle_excluders.any():
        flag = sparse.diags(own_circle_excluders.astype(float))
        excluded = excluded + (flag @ circles @ circles.T)
    return sparse.csr_matrix(excluded)


@new_vectors_kept()  # members' texts, whatever asked for the model
def fit_model(corpus: list[str]) -> RelevanceModel | None:
    """The engine's relevance model on this corpus; None when it holds no usable word."""
    if not corpus:
        return None
    encoder = semantic_encoder() if len(corpus) <= settings.SEMANTIC_MAX_TEXTS else None
    try:
        return RelevanceModel(semantic=encoder).fit(corpus)
    except ValueError:  # only stop words: nothing to match on
        return None


@cache
def semantic_encoder() -> SemanticEncoder | None:
    """The semantic path's encoder, loaded once per process; None when it is off or not
    installed (the lexical model then works alone). Its vectors are kept on disk
    (`semantic.EmbeddingStore`): the seeded round, each process that builds an index and
    the next start embed only the texts none of them embedded before."""
    if settings.SEMANTIC == "off":
        return None
    return load_encoder(settings.SEMANTIC_MODEL or None, store=True)


@new_vectors_kept()
def load_pool(now, *, force: bool = False) -> Pool:
    """Every active member as a row; capacity for consenting members whose round is due
    (all consenting members with ``force``)."""
    profiles = list(
        Profile.objects.filter(user__is_active=True).select_related("user").order_by("user_id")
    )
    prefs = {p.user_id: p for p in Preference.objects.filter(user__is_active=True)}
    user_ids = np.array([p.user_id for p in profiles], dtype=np.int64)
    index = {int(u): i for i, u in enumerate(user_ids.tolist())}
    n = len(profiles)
    consent = np.array(
        [bool(prefs.get(p.user_id) and prefs[p.user_id].consent) for p in profiles], dtype=bool
    )
    capacity = np.zeros(n, dtype=np.int64)
    for i, profile in enumerate(profiles):
        pref = prefs.get(profile.user_id)
        if pref and pref.consent and (force or pref.is_due(now)):
            capacity[i] = pref.per_round

    needs = [p.needs if consent[i] else "" for i, p in enumerate(profiles)]
    offers = [p.offers if consent[i] else "" for i, p in enumerate(profiles)]
    corpus = [t for t in needs + offers if t.strip()]
    model = fit_model(corpus)
    if model is not None:
        need_rows, offer_rows = model.encode(needs), model.encode(offers)
    else:
        need_rows = offer_rows = sparse.csr_matrix((n, 1), dtype=np.float32)

    circles, reach, circle_ids = _circle_arrays(user_ids, index)
    organisations: dict[str, int] = {}
    organisation = np.full(n, -1, dtype=np.int64)
    for i, p in enumerate(profiles):
        key = slugify(p.organisation)
        if key:
            organisation[i] = organisations.setdefault(key, len(organisations))
    sector = np.array(
        [SECTORS.index(p.sector) if p.sector in SECTORS else -1 for p in profiles], np.int64
    )
    themes = np.array([[a in p.theme_list for a in AXES] for p in profiles], bool).reshape(n, 4)

    def pref_flag(name: str) -> np.ndarray:
        values = [bool(getattr(prefs.get(p.user_id), name, False)) for p in profiles]
        return np.array(values, dtype=bool)

    members = MemberArrays(
        needs=need_rows,
        offers=offer_rows,
        circles=circles,
        sector=sector,
        themes=themes,
        organisation=organisation,
        exclude_colleagues=pref_flag("exclude_colleagues"),
        trust=trust_inputs.trust_among(user_ids),
        excluded=_excluded(user_ids, index, circles, pref_flag("exclude_own_circles")),
        priority=np.where(pref_flag("left_out_last_round") & consent, 1.0, 0.0),
        city=_codes([slugify(p.city) for p in profiles]),
        region=_codes([region_code(p.department) for p in profiles]),
        remote=pref_flag("remote"),
    )
    scope = np.array(
        [SCOPE_CODES[prefs[p.user_id].scope] if consent[i] else -1 for i, p in enumerate(profiles)],
        dtype=np.int64,
    )
    visibility = np.array([VISIBILITY_CODES.get(p.visibility, 0) for p in profiles], np.int64)
    return Pool(
        user_ids, profiles, prefs, model, members, capacity, reach, visibility, scope, circle_ids
    )


def _codes(keys: list[str]) -> np.ndarray:
    """(n,) int: the same code for the same non-empty key, -1 for an empty one."""
    seen: dict[str, int] = {}
    return np.array([seen.setdefault(k, len(seen)) if k else -1 for k in keys], np.int64)


def consenting_user_ids():
    return Preference.objects.filter(consent=True, user__is_active=True).values("user_id")


def blocked_either_way(user) -> Q:
    """Condition on a user queryset: blocked by ``user`` or blocking ``user``."""
    return Q(
        pk__in=Preference.blocked.through.objects.filter(preference__user=user).values("user_id")
    ) | Q(intro_preference__blocked=user)
