"""An applicant's side of admission: how far along they are, the « recommandez-moi » link
they share with members who know them, and the sign an organiser reads when every vouch
comes from a tight ring of new accounts.

The link is signed (the membership's id, nothing else): only a member who may vouch
for the applicant in that circle opens it (``may_recommend``), and only while the
request is pending.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import combinations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Q
from django.utils import timezone

from passerelles.circles.access import bridged_circle_ids
from passerelles.circles.models import AdmissionPolicy, Membership, MembershipState
from passerelles.trust.admission import review
from passerelles.trust.models import Vouch

RECOMMEND_SALT = "passerelles.trust.recommend-me"


@dataclass(frozen=True)
class Progress:
    """Where a request stands. Co-optation: ``counted`` of ``needed`` vouches, and
    whether one already comes from a member of the circle itself (at least one must).
    Trust threshold: ``share``, how far the circle's trust in the applicant has come
    toward its threshold (0 to 100), and ``counted`` vouches from its members."""

    counted: int
    needed: int
    has_member_vouch: bool
    share: int | None = None

    @property
    def missing(self) -> int:
        return max(0, self.needed - self.counted)


def progress(membership: Membership) -> Progress | None:
    """Progress of a pending request in a co-optation or trust-threshold circle; None
    for other rules."""
    circle = membership.circle
    if membership.state != MembershipState.PENDING:
        return None
    if circle.admission_policy == AdmissionPolicy.COOPTATION:
        seen = review(circle, membership.user_id, with_score=False)
        return Progress(min(seen.counted, seen.needed), seen.needed, seen.has_member_vouch)
    if circle.admission_policy == AdmissionPolicy.TRUST:
        seen = review(circle, membership.user_id, with_score=True)
        threshold = seen.threshold
        share = 100 if threshold <= 0 else min(100, round(100 * seen.score / threshold))
        return Progress(seen.counted, 0, seen.has_member_vouch, share=share)
    return None


def recommend_token(membership: Membership) -> str:
    return signing.dumps({"m": membership.pk}, salt=RECOMMEND_SALT, compress=True)


def read_recommend_token(token: str, *, pending: bool = True) -> Membership | None:
    """The pending request behind a « recommandez-moi » link, or None (forged, or the
    request was answered or withdrawn since). ``pending=False``: the membership whatever
    its state (the thank-you page after the vouch that admitted the applicant)."""
    try:
        data = signing.loads(token, salt=RECOMMEND_SALT)
    except signing.BadSignature:
        return None
    memberships = Membership.objects.filter(pk=data.get("m"))
    if pending:
        memberships = memberships.filter(state=MembershipState.PENDING)
    return memberships.select_related("user", "user__profile", "circle").first()


def may_recommend(user, membership: Membership) -> bool:
    """An admitted member of the circle asked, or of a circle bridged with it when the
    circle counts bridged vouches; never the applicant."""
    if not user.is_authenticated or user.pk == membership.user_id:
        return False
    circles = [membership.circle_id]
    if membership.circle.accept_bridged_vouches:
        circles += list(bridged_circle_ids([membership.circle_id]))
    return Membership.objects.admitted().filter(user=user, circle_id__in=circles).exists()


def applies_to_a_circle_of(voucher, vouchee) -> bool:
    """``vouchee`` asks to join a circle where ``voucher`` may recommend them (a member
    may vouch for an applicant whose profile they cannot see yet)."""
    pending = Membership.objects.filter(user=vouchee, state=MembershipState.PENDING).select_related(
        "circle"
    )
    return any(may_recommend(voucher, membership) for membership in pending)


# A ring of new accounts -------------------------------------------------------------------


def ring_recent_days() -> int:
    return int(getattr(settings, "TRUST_RING_RECENT_DAYS", 30))


@dataclass(frozen=True)
class Ring:
    """Every vouch for the applicant comes from ``size`` accounts all created within
    ``days`` days, and those accounts recommend one another (``density``: the share of
    their pairs linked by a vouch either way)."""

    size: int
    days: int
    density: float


def ring_density(pairs: set[frozenset[int]], members: list[int]) -> float:
    """The share of the unordered pairs of ``members`` found in ``pairs``."""
    possible = list(combinations(sorted(members), 2))
    if not possible:
        return 0.0
    return sum(frozenset(pair) in pairs for pair in possible) / len(possible)


def vouch_ring(applicant_id: int, now: datetime.datetime | None = None) -> Ring | None:
    """The ring behind an applicant, if all of at least two active vouches come from
    accounts created in the last ``TRUST_RING_RECENT_DAYS`` days that vouch for one
    another (at least half of their pairs); else None."""
    now = now or timezone.now()
    vouchers = list(
        Vouch.objects.filter(vouchee_id=applicant_id, revoked_at__isnull=True).values_list(
            "voucher_id", flat=True
        )
    )
    if len(vouchers) < 2:
        return None
    days = ring_recent_days()
    since = now - datetime.timedelta(days=days)
    recent = get_user_model().objects.filter(pk__in=vouchers, date_joined__gte=since).count()
    if recent < len(vouchers):
        return None
    links = Vouch.objects.filter(
        Q(voucher_id__in=vouchers) & Q(vouchee_id__in=vouchers), revoked_at__isnull=True
    ).values_list("voucher_id", "vouchee_id")
    density = ring_density({frozenset(pair) for pair in links}, vouchers)
    if density < 0.5:
        return None
    return Ring(size=len(vouchers), days=days, density=density)
