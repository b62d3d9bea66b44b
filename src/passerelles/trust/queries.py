"""Read side of trust: the passport, meetings waiting for confirmation, opportunities."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.utils.translation import gettext as _

from passerelles.circles.access import visible_circle_ids
from passerelles.circles.models import Membership
from passerelles.core.statements import Statement
from passerelles.members.access import visible_user_ids
from passerelles.trust.graph import has_counterpart
from passerelles.trust.models import (
    Endorsement,
    IssuedPassport,
    MeetingAttestation,
    Opportunity,
    Vouch,
    VouchContext,
)
from passerelles.trust.snapshots import MemberStanding, standing_of


@dataclass
class ShownVouch:
    vouch: Vouch
    voucher_name: str
    voucher_profile_id: int | None
    circle_names: list[str]


@dataclass
class Passport:
    """What a member has received, as ``viewer`` may see it."""

    member: object
    vouches: list[ShownVouch] = field(default_factory=list)
    by_context: list[tuple[str, int]] = field(default_factory=list)
    by_circle: list[tuple[str, int]] = field(default_factory=list)
    meetings: int = 0
    meeting_usefulness: float | None = None
    endorsements: list[tuple[str, int]] = field(default_factory=list)
    circles: list[Membership] = field(default_factory=list)
    # A voucher counts once under each of their circles (a vouch does not record the
    # circle it was given from): the page says so when one counts in several.
    vouchers_in_several_circles: bool = False
    standing: MemberStanding | None = None
    # For the member's own page (not shown to others): how many meetings others attested
    # that the member has not confirmed, and how many opportunities the member recorded;
    # their lists are read only when there is something to list.
    unconfirmed: int = 0
    opportunities: int = 0

    @property
    def vouch_count(self) -> int:
        return len(self.vouches)

    @property
    def top_share(self) -> int | None:
        """'Among the N % most recommended members' (rounded up to 5 %), shown only for
        the upper half: "among the 95 %" would flatter a newcomer with one vouch."""
        if self.standing is None or self.standing.reputation <= 0:
            return None
        share = max(1.0 - self.standing.percentile, 0.01) * 100
        rounded = int(min(100, 5 * -(-share // 5)))
        return rounded if rounded <= 50 else None


# A passport's reads, compiled once per process (core.statements): building and compiling
# them through the ORM on every passport cost the web process ~3 ms of its ~13 ms of CPU
# (benchmarks/README.md, web section).
_received = Statement(
    lambda member_id: (
        Vouch.objects.filter(vouchee_id=member_id, revoked_at__isnull=True)
        .select_related("voucher", "voucher__profile")
        .order_by("-strength", "-updated_at")
    )
)
_circles_of = Statement(
    lambda user_ids: (
        Membership.objects.admitted()
        .filter(user_id__in=user_ids)
        .values_list("user_id", "circle_id", "circle__name")
    )
)
_member_circles = Statement(
    lambda member_id: (
        Membership.objects.admitted()
        .filter(user_id=member_id)
        .select_related("circle")
        .order_by("admitted_at")
    )
)
_meeting_rows = Statement(
    lambda member_id: MeetingAttestation.objects.filter(
        Q(other_id=member_id) | Q(attester_id=member_id)
    ).values_list("attester_id", "other_id", "source", "source_id", "usefulness", "opportunity")
)
_endorsements = Statement(
    lambda member_id: (
        Endorsement.objects.filter(member_id=member_id)
        .values("skill__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "skill__name")
        .values_list("skill__name", "n")
    )
)
_given = Statement(lambda user_id: vouches_given(user_id))
_issued = Statement(lambda user_id: IssuedPassport.objects.filter(user_id=user_id))


def passport(member, viewer) -> Passport:
    result = Passport(member=member)
    vouches = _received(member.pk)
    voucher_ids = [v.voucher_id for v in vouches]
    visible = visible_user_ids(viewer, voucher_ids)
    voucher_circles = _circles_of(voucher_ids) if voucher_ids else []
    member_circles = _member_circles(member.pk)
    # Of the circles named on this page, those the viewer may see (not every circle the
    # viewer may see: all listed ones, thousands on a large platform). On one's own
    # passport one's own circles are visible (`visible_circles`): nothing to ask.
    own = {m.circle_id for m in member_circles} if viewer.pk == member.pk else set()
    named = {c for _u, c, _n in voucher_circles} | {m.circle_id for m in member_circles}
    seen_circles = own | visible_circle_ids(viewer, named - own)
    circles_of: dict[int, list[str]] = {}
    for user_id, circle_id, name in voucher_circles:
        if circle_id in seen_circles:
            circles_of.setdefault(user_id, []).append(name)
    contexts = dict(VouchContext.choices)
    by_context: Counter[str] = Counter()
    by_circle: Counter[str] = Counter()
    for vouch in vouches:
        shown = vouch.voucher_id in visible
        names = sorted(circles_of.get(vouch.voucher_id, []))
        result.vouches.append(
            ShownVouch(
                vouch,
                vouch.voucher.profile.name if shown else _("Un membre de Passerelles"),
                vouch.voucher.profile.pk if shown else None,
                names,
            )
        )
        by_context[str(contexts.get(vouch.context, vouch.context))] += 1
        for name in names or [_("Autres cercles")]:
            by_circle[name] += 1
    result.by_context = by_context.most_common()
    result.by_circle = by_circle.most_common()
    result.vouchers_in_several_circles = sum(by_circle.values()) > len(vouches)
    # One query for the meetings: the member's attestations, given and received, as
    # plain values. Those received whose counterpart the member gave (same source and
    # source id, or both without an id: ``has_counterpart``) are confirmed on both sides
    # (count, mean usefulness); the others wait for the member (`meetings_to_confirm`);
    # those the member gave with an opportunity are `recorded_opportunities`. A member's
    # own rows, compared in Python: an aggregate over the counterpart's ``EXISTS`` cost
    # ~5 ms of the web process's CPU to build and compile on each passport.
    rows = _meeting_rows(member.pk)
    given = {(other, source, sid) for by, other, source, sid, _u, _o in rows if by == member.pk}
    received = [
        (by, source, sid, u) for by, other, source, sid, u, _o in rows if other == member.pk
    ]
    mutual = [u for by, source, sid, u in received if (by, source, sid) in given]
    result.meetings = len(mutual)
    result.meeting_usefulness = sum(mutual) / len(mutual) if mutual else None
    result.unconfirmed = len(received) - len(mutual)
    result.opportunities = sum(
        1
        for by, _other, _s, _sid, _u, opportunity in rows
        if by == member.pk and opportunity != Opportunity.NONE
    )
    result.endorsements = _endorsements(member.pk)
    result.circles = [m for m in member_circles if m.circle_id in seen_circles]
    result.standing = standing_of(member)
    return result


def meetings_to_confirm(user) -> QuerySet[MeetingAttestation]:
    """Meetings others attested with ``user`` that ``user`` has not attested yet."""
    return (
        MeetingAttestation.objects.filter(other=user)
        .exclude(has_counterpart(attester=user))
        .select_related("attester", "attester__profile")
        .order_by("-happened_on")
    )


_to_confirm = Statement(lambda user_id: meetings_to_confirm(user_id))


def count_meetings_to_confirm(user) -> int:
    """How many `meetings_to_confirm(user)`, counted by a statement compiled once."""
    return _to_confirm.count(user.pk, limit=2**31 - 1)


def first_meetings_to_confirm(user, limit: int) -> list[MeetingAttestation]:
    """The first ``limit`` of `meetings_to_confirm(user)`, read by a statement compiled once."""
    return _to_confirm.window(user.pk, offset=0, limit=limit)


def recorded_opportunities(attesters=None) -> QuerySet[MeetingAttestation]:
    """Opportunities members recorded after a meeting (referrals, business with its
    amount), newest first, each annotated ``mutual`` (the other side attested too).
    ``attesters``: users or ids to restrict to (e.g. a circle's members), or all."""
    qs = MeetingAttestation.objects.exclude(opportunity=Opportunity.NONE)
    if attesters is not None:
        qs = qs.filter(attester__in=attesters)
    return (
        qs.annotate(mutual=ExpressionWrapper(has_counterpart(), output_field=BooleanField()))
        .select_related("attester", "other")
        .order_by("-happened_on", "-pk")
    )


_opportunities_of = Statement(lambda user_ids: recorded_opportunities(user_ids))


def first_recorded_opportunities(user, limit: int) -> list[MeetingAttestation]:
    """The first ``limit`` of `recorded_opportunities([user])`, read by a statement
    compiled once."""
    return _opportunities_of.window([user.pk], offset=0, limit=limit)


def vouches_given(user) -> QuerySet[Vouch]:
    return (
        Vouch.objects.filter(voucher=user, revoked_at__isnull=True)
        .select_related("vouchee", "vouchee__profile")
        .order_by("-updated_at")
    )


def vouches_given_list(user) -> list[Vouch]:
    """`vouches_given(user)`, read through a statement compiled once."""
    return _given(user.pk)


def issued_passports(user, limit: int = 10) -> list[IssuedPassport]:
    """The signed passports issued to ``user``, newest first, ``limit`` at most."""
    return _issued.window(user.pk, offset=0, limit=limit)
