"""What-if simulation: months of introductions, events and vouches on a circle network.

Plain arrays in, month-by-month series out; deterministic for a seed. The model and its
assumptions are written in docs/simulation.md. Members are ``0..n-1``, circles
``0..c-1``; ties are undirected member pairs (vouches, meetings) as in ``network``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from passerelles.engine import network

__all__ = ["Assumptions", "Series", "World", "greedy_round", "simulate"]

DAYS_PER_MONTH = 30.4


@dataclass(frozen=True)
class Assumptions:
    """The model's rates (see docs/simulation.md for where each comes from)."""

    rounds_per_month: int = 1
    accept: float = 0.55  # both sides accept a suggestion
    meet: float = 0.7  # an accepted introduction ends in a meeting: a tie
    events_per_circle: float = 1.0  # mean events per circle and month (Poisson)
    attend: float = 0.25  # share of a circle's members at one of its events
    attend_bridged: float = 0.04  # share of a bridged circle's members at it
    talks_per_attendee: int = 2  # conversations each attendee starts at an event
    tie_from_talk: float = 0.3  # a conversation becomes a tie
    vouch_per_tie: float = 0.2  # a new tie brings a recommendation that month


@dataclass
class World:
    """The network at month 0 and the round's candidate pairs.

    mem_member, mem_circle: (k,) membership pairs. ties: (t, 2) member pairs. rows,
    cols, score: (m,) candidate pairs of the round and their scores; allowed: (m,) bool,
    consent and scopes given the bridges of this scenario. capacity: (n,) suggestions per
    member and round. bridges: (b, 2) bridged circle pairs. vouched: (n,) bool, has
    received a recommendation; waited_days: (n,) days waited so far by the others.
    """

    n: int
    c: int
    mem_member: np.ndarray
    mem_circle: np.ndarray
    ties: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    score: np.ndarray
    allowed: np.ndarray
    capacity: np.ndarray
    bridges: np.ndarray
    vouched: np.ndarray
    waited_days: np.ndarray

    def __post_init__(self) -> None:
        m = self.rows.shape
        if not (self.cols.shape == m and self.score.shape == m and self.allowed.shape == m):
            raise ValueError("rows, cols, score and allowed must have one shape")
        for name in ("capacity", "vouched", "waited_days"):
            if getattr(self, name).shape != (self.n,):
                raise ValueError(f"{name} must have shape ({self.n},)")
        if self.mem_member.shape != self.mem_circle.shape:
            raise ValueError("mem_member and mem_circle must have one shape")


@dataclass
class Series:
    """Month-by-month results; index 0 of ``ei`` and ``circle_ei`` is today."""

    ei: list[float] = field(default_factory=list)  # (months + 1,) platform E-I index
    circle_ei: np.ndarray | None = None  # (months + 1, c), NaN without ties
    introductions: list[int] = field(default_factory=list)  # accepted, per month
    meetings: list[int] = field(default_factory=list)  # new ties, per month
    wait_days: list[float] = field(default_factory=list)  # mean wait of first vouches
    first_vouches: list[int] = field(default_factory=list)
    still_waiting: list[int] = field(default_factory=list)


def greedy_round(
    rows: np.ndarray, cols: np.ndarray, score: np.ndarray, capacity: np.ndarray
) -> np.ndarray:
    """Best pairs first while both members have room: (k,) indices into the pairs.

    A greedy stand-in for ``matching.plan_round`` (whose optimiser costs seconds per
    round at 10,000 members); it keeps the same pairs, scores and capacities."""
    order = np.argsort(-score, kind="stable")
    room = np.asarray(capacity, dtype=np.int64).copy()
    chosen = []
    for e, a, b in zip(order.tolist(), rows[order].tolist(), cols[order].tolist(), strict=True):
        if room[a] > 0 and room[b] > 0:
            room[a] -= 1
            room[b] -= 1
            chosen.append(e)
    return np.array(chosen, dtype=np.int64)


def _circle_members(world: World) -> list[np.ndarray]:
    order = np.argsort(world.mem_circle, kind="stable")
    bounds = np.searchsorted(world.mem_circle[order], np.arange(world.c + 1))
    members = world.mem_member[order]
    return [members[bounds[j] : bounds[j + 1]] for j in range(world.c)]


def _event_ties(
    world: World, rng: np.random.Generator, groups: list[np.ndarray], a: Assumptions
) -> np.ndarray:
    """Ties made at this month's events (both ends among the attendees)."""
    bridged: list[list[int]] = [[] for _ in range(world.c)]
    for x, y in world.bridges.tolist():
        bridged[x].append(y)
        bridged[y].append(x)
    made = []
    for j in range(world.c):
        for _event in range(rng.poisson(a.events_per_circle)):
            own = groups[j][rng.random(groups[j].size) < a.attend]
            guests = [groups[k][rng.random(groups[k].size) < a.attend_bridged] for k in bridged[j]]
            people = np.unique(np.concatenate([own, *guests]))
            if people.size < 2:
                continue
            talker = np.repeat(people, a.talks_per_attendee)
            other = people[rng.integers(0, people.size, talker.size)]
            keep = (talker != other) & (rng.random(talker.size) < a.tie_from_talk)
            made.append(np.column_stack([talker[keep], other[keep]]))
    return np.concatenate(made) if made else np.empty((0, 2), dtype=np.int64)


def _unique_new(ties: np.ndarray, known: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """New ties not already known (as sorted keys lo * n + hi), and the merged keys."""
    if ties.size == 0:
        return ties.reshape(0, 2), known
    lo, hi = np.minimum(ties[:, 0], ties[:, 1]), np.maximum(ties[:, 0], ties[:, 1])
    keys = np.unique(lo.astype(np.int64) * n + hi)
    keys = keys[~np.isin(keys, known, assume_unique=True)]
    return np.column_stack([keys // n, keys % n]), np.union1d(known, keys)


def simulate(
    world: World,
    months: int,
    *,
    seed: int = 0,
    introductions: bool = True,
    assumptions: Assumptions | None = None,
) -> Series:
    """Replay ``months`` months: rounds of introductions (unless ``introductions`` is
    False), events (each circle's, open to its bridged circles) and the recommendations
    new ties bring. Same world and seed give the same series."""
    if months < 0:
        raise ValueError("months must be non-negative")
    a = assumptions or Assumptions()
    rng = np.random.default_rng(seed)
    n, c = world.n, world.c
    groups = _circle_members(world)
    ties = np.asarray(world.ties, dtype=np.int64).reshape(-1, 2)
    _new, known = _unique_new(ties, np.empty(0, np.int64), n)
    ties = np.column_stack([known // n, known % n])
    vouched = world.vouched.copy()
    waited = world.waited_days.astype(float).copy()
    used = ~world.allowed.copy()
    out = Series()
    out_circle = []

    def measure(all_ties: np.ndarray) -> None:
        src, dst = all_ties[:, 0], all_ties[:, 1]
        internal, external = network.overall_ties(
            src, dst, world.mem_member, world.mem_circle, n, c
        )
        out.ei.append(float(network.ei_index(internal, external)))
        per = network.circle_ties(src, dst, world.mem_member, world.mem_circle, n, c)
        total = per.internal + per.external
        out_circle.append(
            np.divide(
                per.external - per.internal,
                total,
                out=np.full(c, np.nan),
                where=total > 0,
            )
        )

    measure(ties)
    for _month in range(months):
        month_rng = np.random.default_rng(rng.integers(2**63))
        made = [np.empty((0, 2), dtype=np.int64)]
        accepted = 0
        if introductions:
            for _r in range(a.rounds_per_month):
                free = np.flatnonzero(~used)
                picked = free[
                    greedy_round(
                        world.rows[free], world.cols[free], world.score[free], world.capacity
                    )
                ]
                used[picked] = True
                yes = picked[month_rng.random(picked.size) < a.accept]
                accepted += int(yes.size)
                met = yes[month_rng.random(yes.size) < a.meet]
                made.append(np.column_stack([world.rows[met], world.cols[met]]))
        made.append(_event_ties(world, month_rng, groups, a))
        new, known = _unique_new(np.concatenate(made), known, n)
        ties = np.concatenate([ties, new])
        # Each new tie may bring a recommendation to one of its two ends.
        vouch = new[month_rng.random(len(new)) < a.vouch_per_tie]
        receiver = np.where(month_rng.random(len(vouch)) < 0.5, vouch[:, 0], vouch[:, 1])
        first = np.unique(receiver[~vouched[receiver]]) if receiver.size else receiver
        waited[~vouched] += DAYS_PER_MONTH / 2  # first vouches land mid-month on average
        out.first_vouches.append(int(first.size))
        out.wait_days.append(float(waited[first].mean()) if first.size else float("nan"))
        vouched[first] = True
        waited[~vouched] += DAYS_PER_MONTH / 2
        out.still_waiting.append(int((~vouched).sum()))
        out.introductions.append(accepted)
        out.meetings.append(int(len(new)))
        measure(ties)
    out.circle_ei = np.vstack(out_circle)
    return out
