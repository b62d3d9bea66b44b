"""Admission by trust: co-optation (N vouches from members, or bridged members) and
trust threshold (the circle's view of the applicant, computed by the engine).

A bridged member's vouch counts for co-optation only from an established member of the
bridged circle: verified by it, or admitted to it (a circle that does not admit anyone
who asks) at least ``TRUST_BRIDGED_MIN_DAYS`` days ago or before the bridge was accepted.
And at least one counted vouch must come from the circle's own members. Throwaway
accounts that join an open bridged circle, or that a bridged circle admits in bulk
after its bridge, cannot co-opt anyone.

``admit_if_trusted`` is safe to call at any time on any membership: it admits only a
pending request that passes its circle's policy, through ``circles.actions.do_admit_by_policy``
(which records ``admitted_at``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from passerelles.circles.access import bridged_circle_ids
from passerelles.circles.actions import do_admit_by_policy
from passerelles.circles.models import (
    AdmissionPolicy,
    Bridge,
    BridgeState,
    Circle,
    Membership,
    MembershipState,
)
from passerelles.engine.trust import circle_view
from passerelles.trust import graph as trust_graph
from passerelles.trust.models import Vouch

TRUST_POLICIES = (AdmissionPolicy.COOPTATION, AdmissionPolicy.TRUST)


@dataclass
class AdmissionReview:
    """What a circle sees of an applicant: vouches by origin, score against threshold."""

    circle: Circle
    applicant_id: int
    from_members: list[Vouch] = field(default_factory=list)
    from_bridged: list[Vouch] = field(default_factory=list)
    from_outside: list[Vouch] = field(default_factory=list)
    # The vouches of ``from_bridged`` given by established members of a bridged circle.
    bridged_established: list[Vouch] = field(default_factory=list)
    score: float = 0.0
    member_trust: dict[int, float] = field(default_factory=dict)
    # Verified passports from other instances (``trust.passport``), in local vouches: each
    # at most half of one, and never enough without a vouch from the circle's members.
    outside_weight: float = 0.0

    def consider_passport(self, verification) -> float:
        """Count a verified passport from another instance as outside evidence."""
        from passerelles.trust.passport import outside_weight

        weight = outside_weight(verification)
        self.outside_weight += weight
        return weight

    @property
    def counted_bridged(self) -> list[Vouch]:
        return self.bridged_established if self.circle.accept_bridged_vouches else []

    @property
    def counted(self) -> int:
        return len(self.from_members) + len(self.counted_bridged)

    @property
    def has_member_vouch(self) -> bool:
        return bool(self.from_members)

    @property
    def needed(self) -> int:
        return max(1, self.circle.cooptation_vouches)

    @property
    def threshold(self) -> float:
        return self.circle.trust_threshold

    @property
    def passes(self) -> bool:
        policy = self.circle.admission_policy
        if policy == AdmissionPolicy.COOPTATION:
            return self.has_member_vouch and self.counted + self.outside_weight >= self.needed
        if policy == AdmissionPolicy.TRUST:
            return self.score >= self.threshold
        return False


def admitted_user_ids(circle_ids) -> QuerySet:
    return (
        Membership.objects.admitted()
        .filter(circle_id__in=circle_ids)
        .values_list("user_id", flat=True)
    )


def bridged_min_days() -> int:
    return int(getattr(settings, "TRUST_BRIDGED_MIN_DAYS", 30))


def established_bridged_user_ids(circle: Circle, now=None) -> set[int]:
    """Members of the circles bridged with ``circle`` whose vouches may count: verified
    by a bridged circle, or admitted to a non-open bridged circle at least
    ``TRUST_BRIDGED_MIN_DAYS`` ago or before its bridge with ``circle`` was accepted."""
    now = now or timezone.now()
    bridges = Bridge.objects.filter(state=BridgeState.ACTIVE).filter(
        Q(from_circle=circle) | Q(to_circle=circle)
    )
    accepted_at: dict[int, datetime.datetime | None] = {}
    for from_id, to_id, decided_at in bridges.values_list(
        "from_circle_id", "to_circle_id", "decided_at"
    ):
        other = to_id if from_id == circle.pk else from_id
        if other != circle.pk:
            accepted_at[other] = decided_at
    if not accepted_at:
        return set()
    tenure_since = now - datetime.timedelta(days=bridged_min_days())
    rows = (
        Membership.objects.admitted()
        .filter(circle_id__in=accepted_at)
        .values_list("user_id", "circle_id", "verified", "admitted_at", "circle__admission_policy")
    )
    established = set()
    for user_id, circle_id, verified, admitted_at, policy in rows:
        if verified:
            established.add(user_id)
            continue
        if policy == AdmissionPolicy.OPEN or admitted_at is None:
            continue
        bridged_on = accepted_at[circle_id]
        if admitted_at <= tenure_since or (bridged_on is not None and admitted_at <= bridged_on):
            established.add(user_id)
    return established


def review(
    circle: Circle,
    applicant_id: int,
    built: trust_graph.EvidenceGraph | None = None,
    *,
    with_score: bool | None = None,
) -> AdmissionReview:
    """The circle's view of one applicant. The engine score is computed for threshold
    circles (or when ``with_score``), on ``built`` or the current cached graph."""
    result = AdmissionReview(circle, applicant_id)
    members = set(admitted_user_ids([circle.pk])) - {applicant_id}
    bridged = set(admitted_user_ids(bridged_circle_ids([circle.pk]))) - members - {applicant_id}
    established = established_bridged_user_ids(circle) if bridged else set()
    vouches = (
        Vouch.objects.filter(vouchee_id=applicant_id, revoked_at__isnull=True)
        .select_related("voucher", "voucher__profile")
        .order_by("-strength", "created_at")
    )
    for vouch in vouches:
        if vouch.voucher_id in members:
            result.from_members.append(vouch)
        elif vouch.voucher_id in bridged:
            vouch.established = vouch.voucher_id in established  # type: ignore[attr-defined]  # shown by the review
            result.from_bridged.append(vouch)
            if vouch.voucher_id in established:
                result.bridged_established.append(vouch)
        else:
            result.from_outside.append(vouch)
    if with_score is None:
        with_score = circle.admission_policy == AdmissionPolicy.TRUST
    if with_score:
        built = built or trust_graph.current_graph()
        vouchers = [v.voucher_id for v in vouches]
        result.score, result.member_trust = _engine_view(built, members, applicant_id, vouchers)
    return result


def _engine_view(built, members, applicant_id, vouchers) -> tuple[float, dict[int, float]]:
    """The engine's admission score, and how the circle trusts each voucher relative to
    its median member (1.0 = like the median member)."""
    applicant = built.node(applicant_id)
    member_nodes = built.nodes(sorted(members))
    if applicant is None or member_nodes.size == 0:
        return 0.0, {}
    view = circle_view(built.graph, member_nodes, applicant)
    median = float(np.median(view.member_scores)) if view.member_scores.size else 0.0
    relative = {}
    for user_id in vouchers:
        node = built.node(user_id)
        if node is not None and median > 0:
            relative[user_id] = float(view.trust[node]) / median
    return view.admission_score, relative


def admit_if_trusted(
    membership: Membership, built: trust_graph.EvidenceGraph | None = None
) -> bool:
    """Admit a pending request that passes its circle's trust policy. True if admitted."""
    if membership.state != MembershipState.PENDING:
        return False
    if membership.circle.admission_policy not in TRUST_POLICIES:
        return False
    seen = review(membership.circle, membership.user_id, built)
    if not seen.passes:
        return False
    vouchers = [vouch.voucher for vouch in (*seen.from_members, *seen.counted_bridged)]
    do_admit_by_policy(membership, reason=membership.circle.admission_policy, vouched_by=vouchers)
    return True


def after_vouch(vouchee_id: int) -> list[Membership]:
    """Right after a vouch: co-optation is a count, checked at once. Threshold circles
    need the engine's view on the whole graph: the background recomputation that follows
    the commit (``mark_dirty``) reviews them, off the request and its transaction."""
    pending = Membership.objects.filter(
        user_id=vouchee_id,
        state=MembershipState.PENDING,
        circle__admission_policy=AdmissionPolicy.COOPTATION,
    ).select_related("circle")
    return [m for m in pending if admit_if_trusted(m)]


def review_pending(
    circle: Circle | None = None, built: trust_graph.EvidenceGraph | None = None
) -> list[Membership]:
    """Check every pending request (of one circle, or all) and admit those that pass;
    threshold circles are judged on ``built`` (default: the current graph)."""
    pending = Membership.objects.filter(
        state=MembershipState.PENDING, circle__admission_policy__in=TRUST_POLICIES
    ).select_related("circle")
    if circle is not None:
        pending = pending.filter(circle=circle)
    waiting = list(pending.order_by("requested_at", "pk"))
    if built is None and any(m.circle.admission_policy == AdmissionPolicy.TRUST for m in waiting):
        built = trust_graph.current_graph()
    return [m for m in waiting if admit_if_trusted(m, built)]
