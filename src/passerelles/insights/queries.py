"""From the database to figures: ties, waits, meetings and opportunities per quarter.

Rows are read once, turned into arrays and handed to ``engine.network``; nothing here is
an algorithm. Definitions (shown to readers on the dashboard):

- a *tie* is a pair of members joined by an active vouch or a mutual meeting (both sides
  attested), dated by its first evidence;
- a *member during a quarter* was admitted before its end and had not left before its start;
- a newcomer (anyone but the circle's founder) waits from ``requested_at``: until the first
  vouch received after that moment, and until ``admitted_at``; the headline median counts
  those still waiting as waits not over yet (Kaplan-Meier, ``engine.network``), and the
  quarters' table gives the completed waits' median with the still waiting beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, F, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelles.circles.models import Bridge, BridgeState, Circle, Membership, MembershipState
from passerelles.engine import network
from passerelles.events.models import Event, Feedback, Registration
from passerelles.trust.graph import mutual_attestations
from passerelles.trust.models import MeetingAttestation, Opportunity, Vouch

DAY = 86400.0
STILL_WAITING = (MembershipState.PENDING, MembershipState.ADMITTED)


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int
    start: dt.datetime  # aware, local midnight
    end: dt.datetime  # exclusive

    @property
    def label(self) -> str:
        """ "T3 2025" (in English "Q3 2025"), in the active language."""
        return _("T%(number)s %(year)s") % {"number": self.number, "year": self.year}


def _quarter_start(year: int, number: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, 3 * number - 2, 1))


def recent_quarters(count: int = 6, now: dt.datetime | None = None) -> list[Quarter]:
    """The last ``count`` calendar quarters, oldest first, the current one last."""
    today = timezone.localdate(now or timezone.now())
    year, number = today.year, (today.month - 1) // 3 + 1
    quarters = []
    for _step in range(count):
        nxt_year, nxt_number = (year + 1, 1) if number == 4 else (year, number + 1)
        quarters.append(
            Quarter(
                year, number, _quarter_start(year, number), _quarter_start(nxt_year, nxt_number)
            )
        )
        year, number = (year - 1, 4) if number == 1 else (year, number - 1)
    return quarters[::-1]


def _days(moment) -> float:
    if isinstance(moment, dt.datetime):
        return moment.timestamp() / DAY
    return timezone.make_aware(dt.datetime.combine(moment, dt.time())).timestamp() / DAY


# --- ties --------------------------------------------------------------------------


@dataclass
class Ties:
    """Undirected ties as parallel arrays of user ids and first-evidence day."""

    a: np.ndarray
    b: np.ndarray
    day: np.ndarray

    def before(self, limit: float) -> np.ndarray:
        return self.day < limit

    def between(self, start: float, end: float) -> np.ndarray:
        return (self.day >= start) & (self.day < end)


def load_ties(user_ids=None) -> Ties:
    """Active vouches and mutual meetings, one row per pair (earliest evidence wins).
    ``user_ids``: only ties with at least one end among them (all when ``None``)."""
    vouches = Vouch.objects.filter(revoked_at__isnull=True)
    meetings = mutual_attestations()
    if user_ids is not None:
        vouches = vouches.filter(Q(voucher_id__in=user_ids) | Q(vouchee_id__in=user_ids))
        meetings = meetings.filter(Q(attester_id__in=user_ids) | Q(other_id__in=user_ids))
    first: dict[tuple[int, int], float] = {}
    rows = [
        (a, b, _days(t))
        for a, b, t in vouches.values_list("voucher_id", "vouchee_id", "created_at")
    ]
    rows += [
        (a, b, _days(d))
        for a, b, d in meetings.values_list("attester_id", "other_id", "happened_on")
    ]
    for a, b, day in rows:
        key = (a, b) if a < b else (b, a)
        if key not in first or day < first[key]:
            first[key] = day
    if not first:
        empty = np.zeros(0, dtype=np.int64)
        return Ties(empty, empty, np.zeros(0))
    pairs = np.array(list(first.keys()), dtype=np.int64)
    return Ties(pairs[:, 0], pairs[:, 1], np.array(list(first.values())))


def _index(ids) -> dict[int, int]:
    return {uid: i for i, uid in enumerate(sorted(set(ids)))}


def _circle_share(ties: Ties, mask: np.ndarray, members: set[int]) -> tuple[int, int]:
    """(internal, external) ties of one circle among the ties selected by ``mask``."""
    a, b = ties.a[mask], ties.b[mask]
    touching = np.array([x in members or y in members for x, y in zip(a, b, strict=True)], bool)
    if not touching.any():
        return 0, 0
    a, b = a[touching], b[touching]
    index = _index(np.concatenate([a, b]).tolist())
    member_idx = [index[m] for m in members if m in index]
    result = network.circle_ties(
        [index[x] for x in a],
        [index[y] for y in b],
        member_idx,
        [0] * len(member_idx),
        len(index),
        1,
    )
    return int(result.internal[0]), int(result.external[0])


# --- a circle's dashboard -------------------------------------------------------------


@dataclass
class QuarterFigures:
    quarter: Quarter
    members: int = 0
    new_internal: int = 0
    new_external: int = 0
    all_internal: int = 0
    all_external: int = 0
    newcomers: int = 0
    vouch_wait: network.WaitStats | None = None
    admission_wait: network.WaitStats | None = None
    meetings: int = 0
    usefulness: float | None = None
    events: int = 0
    attendance: int = 0
    rating: float | None = None
    referrals: int = 0
    business: int = 0
    amount_eur: int = 0
    dues_eur: float = 0.0

    @property
    def new_ties(self) -> int:
        return self.new_internal + self.new_external

    @property
    def share_out(self) -> float | None:
        return _finite(network.external_share(self.new_internal, self.new_external))

    @property
    def ei(self) -> float | None:
        return _finite(network.ei_index(self.new_internal, self.new_external))

    @property
    def share_out_to_date(self) -> float | None:
        return _finite(network.external_share(self.all_internal, self.all_external))

    @property
    def ei_to_date(self) -> float | None:
        return _finite(network.ei_index(self.all_internal, self.all_external))

    @property
    def opportunities(self) -> int:
        return self.referrals + self.business

    @property
    def return_on_dues(self) -> float | None:
        return self.amount_eur / self.dues_eur if self.dues_eur else None


def _finite(value) -> float | None:
    value = float(value)
    return None if np.isnan(value) else value


@dataclass
class CircleReport:
    circle: Circle
    quarters: list[QuarterFigures] = field(default_factory=list)
    generated_at: dt.datetime | None = None
    # The circle's first trace (its creation, or an earlier membership when its history
    # was brought in): the report starts with that quarter.
    started_at: dt.datetime | None = None

    @property
    def young(self) -> bool:
        """Less than a quarter old: too early to compare what it returned to its dues."""
        if self.started_at is None or self.generated_at is None:
            return False
        return self.generated_at - self.started_at < dt.timedelta(days=91)

    @property
    def totals(self) -> dict:
        q = self.quarters
        amount = sum(f.amount_eur for f in q)
        dues = sum(f.dues_eur for f in q)
        return {
            "meetings": sum(f.meetings for f in q),
            "opportunities": sum(f.opportunities for f in q),
            "referrals": sum(f.referrals for f in q),
            "business": sum(f.business for f in q),
            "amount_eur": amount,
            "dues_eur": dues,
            "return_on_dues": amount / dues if dues else None,
        }


def _intervals(circle: Circle) -> list[tuple[int, float, float]]:
    """(user id, admitted day, ended day or +inf) of everyone ever admitted."""
    rows = circle.memberships.filter(admitted_at__isnull=False).values_list(
        "user_id", "admitted_at", "ended_at"
    )
    return [(u, _days(a), _days(e) if e else np.inf) for u, a, e in rows]


def _members_during(intervals, start: float, end: float) -> set[int]:
    return {u for u, admitted, ended in intervals if admitted < end and ended >= start}


def _newcomer_waits(circle: Circle, quarters: list[Quarter], now: float) -> dict:
    """Per quarter of request: (vouch wait, admission wait) statistics in days."""
    requested = circle.memberships.filter(requested_at__isnull=False)
    if circle.created_by_id is not None:  # the founder did not wait for anyone
        requested = requested.exclude(user_id=circle.created_by_id)
    memberships = list(requested.values_list("user_id", "requested_at", "admitted_at", "state"))
    first_vouch: dict[int, list[float]] = {}
    for vouchee, created in Vouch.objects.filter(
        vouchee_id__in=[m[0] for m in memberships]
    ).values_list("vouchee_id", "created_at"):
        first_vouch.setdefault(vouchee, []).append(_days(created))
    return waits_by_quarter(memberships, first_vouch, quarters, now)


def waits_by_quarter(memberships, vouch_days: dict[int, list[float]], quarters, now: float):
    """``memberships``: (user id, requested_at, admitted_at, state) rows; ``vouch_days``:
    user id -> days of every vouch received. Returns {quarter index: (vouch, admission)}."""
    bounds = [_days(q.start) for q in quarters] + [_days(quarters[-1].end)]
    requested = np.array([_days(m[1]) for m in memberships]) if memberships else np.zeros(0)
    period = network.period_of(requested, bounds) if memberships else np.zeros(0, np.int64)
    out = {}
    for k in range(len(quarters)):
        v_start, v_end, a_start, a_end = [], [], [], []
        for row, p in zip(memberships, period, strict=True):
            if p != k:
                continue
            user, req, admitted, state = row
            start = _days(req)
            later = [d for d in vouch_days.get(user, []) if d >= start]
            if later:
                v_start.append(start)
                v_end.append(min(later))
            elif state in STILL_WAITING:
                v_start.append(start)
                v_end.append(np.nan)
            if admitted is not None:
                a_start.append(start)
                a_end.append(max(_days(admitted), start))
            elif state == MembershipState.PENDING:
                a_start.append(start)
                a_end.append(np.nan)
        out[k] = (
            network.wait_stats(v_start, v_end, now),
            network.wait_stats(a_start, a_end, now),
            int((period == k).sum()),
        )
    return out


def _meeting_key(attester: int, other: int, source: str, source_id, day) -> tuple:
    low, high = (attester, other) if attester < other else (other, attester)
    return (low, high, source, source_id if source_id is not None else day)


def circle_started_at(circle: Circle) -> dt.datetime:
    """When the circle began: its creation, or its first membership if earlier (a circle
    whose history was brought in)."""
    first = circle.memberships.aggregate(requested=Min("requested_at"), admitted=Min("admitted_at"))
    known = [d for d in (circle.created_at, first["requested"], first["admitted"]) if d]
    return min(known) if known else timezone.now()


def circle_report(circle: Circle, count: int = 6, now: dt.datetime | None = None) -> CircleReport:
    """Figures per quarter for the last ``count`` quarters of one circle, from the quarter
    it began in (a circle created this week shows this quarter only)."""
    now = now or timezone.now()
    started = circle_started_at(circle)
    quarters = [q for q in recent_quarters(count, now) if q.end > started]
    quarters = quarters or recent_quarters(1, now)
    report = CircleReport(circle=circle, generated_at=now, started_at=started)
    # Dues are counted in whole days, from the morning of the circle's first day.
    first_day_start = timezone.make_aware(
        dt.datetime.combine(timezone.localdate(started), dt.time())
    )
    intervals = _intervals(circle)
    ever = {u for u, _, _ in intervals}
    ties = load_ties(ever)
    waits = _newcomer_waits(circle, quarters, _days(now))
    first_day = quarters[0].start.date()
    attestations = list(
        mutual_attestations()
        .filter(attester_id__in=ever, happened_on__gte=first_day)
        .values_list("attester_id", "other_id", "source", "source_id", "happened_on", "usefulness")
    )
    opportunities = list(
        MeetingAttestation.objects.filter(attester_id__in=ever, happened_on__gte=first_day)
        .exclude(opportunity=Opportunity.NONE)
        .values_list("attester_id", "happened_on", "opportunity", "amount_eur")
    )
    events = list(
        Event.objects.filter(host_circle=circle, cancelled_at__isnull=True)
        .filter(starts_at__gte=quarters[0].start)
        .values_list("pk", "starts_at")
    )
    attended = dict(
        Registration.objects.filter(event__in=[e[0] for e in events], checked_in_at__isnull=False)
        .values_list("event_id")
        .annotate(n=Count("pk"))
    )
    for k, quarter in enumerate(quarters):
        start = _days(quarter.start)
        members = _members_during(intervals, start, _days(quarter.end))
        figures = QuarterFigures(quarter=quarter, members=len(members))
        figures.new_internal, figures.new_external = _circle_share(
            ties, ties.between(start, _days(quarter.end)), members
        )
        figures.all_internal, figures.all_external = _circle_share(
            ties, ties.before(_days(quarter.end)), members
        )
        figures.vouch_wait, figures.admission_wait, figures.newcomers = waits[k]
        q_start, q_end = quarter.start.date(), quarter.end.date()
        seen, useful = set(), []
        for attester, other, source, source_id, day, usefulness in attestations:
            if attester in members and q_start <= day < q_end:
                seen.add(_meeting_key(attester, other, source, source_id, day))
                useful.append(usefulness)
        figures.meetings = len(seen)
        figures.usefulness = float(np.mean(useful)) if useful else None
        in_quarter = [pk for pk, starts in events if quarter.start <= starts < quarter.end]
        figures.events = len(in_quarter)
        figures.attendance = sum(attended.get(pk, 0) for pk in in_quarter)
        rating = Feedback.objects.filter(event_id__in=in_quarter).aggregate(r=Avg("rating"))["r"]
        figures.rating = float(rating) if rating is not None else None
        for attester, day, kind, amount in opportunities:
            if attester in members and q_start <= day < q_end:
                if kind == Opportunity.REFERRAL:
                    figures.referrals += 1
                else:
                    figures.business += 1
                figures.amount_eur += amount or 0
        # Dues of the quarter the circle began in count from its start (to today when
        # that quarter is the current one), not for the whole quarter.
        share = 1.0
        if first_day_start > quarter.start:
            lived = (min(quarter.end, now) - first_day_start).total_seconds()
            share = max(lived, 0.0) / (quarter.end - quarter.start).total_seconds()
        figures.dues_eur = len(members) * circle.dues_eur / 4.0 * share
        report.quarters.append(figures)
    return report


# --- the platform ---------------------------------------------------------------------


@dataclass
class CircleStanding:
    circle: Circle
    members: int
    internal: int
    external: int
    brokerage: float
    links: int  # shared members + cross-circle ties with other circles

    @property
    def share_out(self) -> float | None:
        return _finite(network.external_share(self.internal, self.external))

    @property
    def ei(self) -> float | None:
        return _finite(network.ei_index(self.internal, self.external))


@dataclass
class Broker:
    user_id: int
    name: str
    cross_ties: int
    circles_reached: int
    own_circles: list[str]


@dataclass
class PlatformReport:
    circles: list[CircleStanding]
    internal: int
    external: int
    brokers: list[Broker]
    strongest_links: list[tuple[Circle, Circle, int]]
    bridges: list[tuple[int, int]]
    waits: list[tuple[Quarter, network.WaitStats, network.WaitStats, int]]

    @property
    def share_out(self) -> float | None:
        return _finite(network.external_share(self.internal, self.external))

    @property
    def ei(self) -> float | None:
        return _finite(network.ei_index(self.internal, self.external))


def platform_report(count: int = 6, top: int = 10, now: dt.datetime | None = None):
    """Insularity and brokerage of every circle today, top brokers, waits per quarter."""
    now = now or timezone.now()
    circles = list(Circle.objects.order_by("name"))
    circle_index = {c.pk: i for i, c in enumerate(circles)}
    current = list(
        Membership.objects.admitted()
        .filter(ended_at__isnull=True)
        .values_list("user_id", "circle_id")
    )
    ties = load_ties()
    index = _index([u for u, _ in current] + ties.a.tolist() + ties.b.tolist())
    n, c = len(index), len(circles)
    src = [index[x] for x in ties.a.tolist()]
    dst = [index[y] for y in ties.b.tolist()]
    mem = [index[u] for u, _ in current]
    cir = [circle_index[k] for _, k in current]
    per_circle = network.circle_ties(src, dst, mem, cir, n, c)
    internal, external = network.overall_ties(src, dst, mem, cir, n, c)
    graph = network.circle_graph(src, dst, mem, cir, n, c)
    between = network.betweenness(graph) if c else np.zeros(0)
    sizes = np.bincount(np.asarray(cir, dtype=np.int64), minlength=c) if cir else np.zeros(c)
    standings = [
        CircleStanding(
            circle=circle,
            members=int(sizes[i]),
            internal=int(per_circle.internal[i]),
            external=int(per_circle.external[i]),
            brokerage=float(between[i]),
            links=int(graph[i].sum()),
        )
        for i, circle in enumerate(circles)
    ]
    cross, reached = network.member_brokerage(src, dst, mem, cir, n, c)
    ids = sorted(index)
    order = [i for i in np.argsort(-cross, kind="stable") if cross[i] > 0][:top]
    own: dict[int, list[str]] = {}
    for user, k in current:
        own.setdefault(user, []).append(circles[circle_index[k]].name)
    users = get_user_model().objects.in_bulk([ids[i] for i in order])
    brokers = [
        Broker(
            user_id=ids[i],
            name=_display_name(users.get(ids[i])),
            cross_ties=int(cross[i]),
            circles_reached=int(reached[i]),
            own_circles=sorted(own.get(ids[i], [])),
        )
        for i in order
    ]
    upper = np.triu(graph, 1)
    found = np.argwhere(upper > 0)
    pairs = sorted(found.tolist(), key=lambda p: -upper[p[0], p[1]])[:top]
    links = [(circles[a], circles[b], int(upper[a, b])) for a, b in pairs]
    bridges = list(
        Bridge.objects.filter(state=BridgeState.ACTIVE).values_list(
            "from_circle_id", "to_circle_id"
        )
    )
    return PlatformReport(
        circles=standings,
        internal=internal,
        external=external,
        brokers=brokers,
        strongest_links=links,
        bridges=bridges,
        waits=platform_waits(count, now),
    )


def _display_name(user) -> str:
    if user is None:
        return "—"
    profile = getattr(user, "profile", None)
    return profile.name if profile is not None else user.get_full_name() or user.email


def platform_waits(count: int = 6, now: dt.datetime | None = None):
    """Time to first recommendation and to admission across every circle, per quarter."""
    now = now or timezone.now()
    quarters = recent_quarters(count, now)
    memberships = list(
        Membership.objects.filter(requested_at__isnull=False, requested_at__gte=quarters[0].start)
        .exclude(user_id=F("circle__created_by_id"))
        .values_list("user_id", "requested_at", "admitted_at", "state")
    )
    vouch_days: dict[int, list[float]] = {}
    for vouchee, created in Vouch.objects.filter(
        vouchee_id__in={m[0] for m in memberships}
    ).values_list("vouchee_id", "created_at"):
        vouch_days.setdefault(vouchee, []).append(_days(created))
    waits = waits_by_quarter(memberships, vouch_days, quarters, _days(now))
    return [(q, *waits[k]) for k, q in enumerate(quarters)]


@dataclass(frozen=True)
class Trend:
    """A figure now (latest quarter with data) against the earliest quarter with data."""

    value: float | None
    label: str = ""
    first: float | None = None
    first_label: str = ""
    # A wait's median that half of the people have not reached yet: "more than value".
    above: bool = False
    first_above: bool = False

    @property
    def change(self) -> float | None:
        if self.value is None or self.first is None or not self.first_label:
            return None
        return self.value - self.first


def trend(quarters: list[QuarterFigures], value) -> Trend:
    known = [(f.quarter.label, value(f)) for f in quarters if value(f) is not None]
    if not known:
        return Trend(None)
    (first_label, first), (label, last) = known[0], known[-1]
    if first_label == label:
        return Trend(last, label)
    return Trend(last, label, first, first_label)


def wait_trend(quarters: list[QuarterFigures], attr: str) -> Trend:
    """The median wait of every request of a quarter, those still waiting included
    (``WaitStats.median_all``), now against the earliest quarter with requests."""
    known = [
        (f.quarter.label, getattr(f, attr))
        for f in quarters
        if getattr(f, attr) is not None and getattr(f, attr).median_all is not None
    ]
    if not known:
        return Trend(None)
    (first_label, first), (label, last) = known[0], known[-1]
    if first_label == label:
        return Trend(last.median_all, label, above=last.median_all_above)
    return Trend(
        last.median_all,
        label,
        first.median_all,
        first_label,
        above=last.median_all_above,
        first_above=first.median_all_above,
    )


def _longest_open(quarters: list[QuarterFigures], attr: str) -> float | None:
    waits = [getattr(f, attr).waiting_longest for f in quarters if getattr(f, attr)]
    known = [w for w in waits if w is not None]
    return max(known) if known else None


def circle_summary(report: CircleReport) -> dict:
    """The headline figures of the dashboard, each with its trend over the quarters."""
    q = report.quarters
    meetings = sum(f.meetings for f in q)
    weighted = [(f.usefulness, f.meetings) for f in q if f.usefulness is not None]
    weight = sum(n for _, n in weighted)
    return {
        "share_out": trend(q, lambda f: f.share_out),
        "ei": trend(q, lambda f: f.ei),
        "vouch_wait": wait_trend(q, "vouch_wait"),
        "admission_wait": wait_trend(q, "admission_wait"),
        "still_waiting": sum(f.vouch_wait.waiting for f in q if f.vouch_wait),
        "longest_waiting": _longest_open(q, "vouch_wait"),
        "still_pending": sum(f.admission_wait.waiting for f in q if f.admission_wait),
        "meetings": meetings,
        "usefulness": sum(u * n for u, n in weighted) / weight if weight else None,
        "usefulness_trend": trend(q, lambda f: f.usefulness),
        **report.totals,
    }


def circles_ei() -> dict[int, float | None]:
    """Each circle's E-I index today (vouches and mutual meetings of its current
    members), None for a circle without ties yet; kept a few minutes."""
    from django.core.cache import cache

    key = "passerelles:circles-ei"
    cached = cache.get(key)
    if cached is not None:
        return cached
    circles = list(Circle.objects.values_list("pk", flat=True))
    circle_index = {pk: i for i, pk in enumerate(circles)}
    current = list(
        Membership.objects.admitted()
        .filter(ended_at__isnull=True)
        .values_list("user_id", "circle_id")
    )
    ties = load_ties()
    index = _index([u for u, _ in current] + ties.a.tolist() + ties.b.tolist())
    src = [index[x] for x in ties.a.tolist()]
    dst = [index[y] for y in ties.b.tolist()]
    mem = [index[u] for u, _ in current]
    cir = [circle_index[k] for _, k in current]
    per_circle = network.circle_ties(src, dst, mem, cir, len(index), len(circles))
    out = {
        pk: _finite(network.ei_index(int(per_circle.internal[i]), int(per_circle.external[i])))
        for pk, i in circle_index.items()
    }
    cache.set(key, out, 300)
    return out
