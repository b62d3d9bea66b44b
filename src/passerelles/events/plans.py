"""Table plans of an evening: participants become arrays for the engine, and back.

The stored plan (``TablePlan.tables``) is ``rounds x participants`` of 0-based tables,
``-1`` for nobody seated; people see tables numbered from 1.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _l

from passerelles.core import audit
from passerelles.core.choices import Axis, join_codes, split_codes
from passerelles.core.errors import ActionError
from passerelles.engine.tables import plan_quality, plan_tables, replan, table_sizes
from passerelles.events import access
from passerelles.events.models import (
    Event,
    Registration,
    RegistrationStatus,
    TablePlan,
    agenda_in_order,
    agenda_moment,
)

AXES = list(Axis.values)
PLAN_TIME_LIMIT = 5.0  # seconds the engine may search during a request


def parse_table_size(text: str) -> int | list[int]:
    """ "6" -> 6; "6, 6, 8" -> [6, 6, 8] (one capacity per table)."""
    parts = [p for p in str(text).replace(";", ",").replace(" ", ",").split(",") if p]
    try:
        sizes = [int(p) for p in parts]
    except ValueError as exc:
        raise ActionError(_("Indiquez une taille de table (6) ou une liste (6, 6, 8).")) from exc
    if not sizes or min(sizes) < 2:
        raise ActionError(_("Une table accueille au moins 2 personnes."))
    return sizes[0] if len(sizes) == 1 else sizes


def participants_for(event: Event, checked_in_only: bool) -> list[Registration]:
    registrations = event.registrations.filter(status=RegistrationStatus.REGISTERED)
    if checked_in_only:
        registrations = registrations.filter(checked_in_at__isnull=False)
    return list(registrations.select_related("user", "user__profile").order_by("queued_at", "pk"))


def _arrays(registrations: list[Registration], themes: list[str], n_tables: int):
    """Circle labels, interests ``(n, 4)`` and table themes ``(tables,)`` for the engine."""
    circles = np.array([r.circle_id or -r.user_id for r in registrations], dtype=np.int64)
    interests = np.array(
        [[axis in r.user.profile.theme_list for axis in AXES] for r in registrations], dtype=bool
    ).reshape(len(registrations), len(AXES))
    table_themes = np.full(n_tables, -1, dtype=np.int64)
    for t, code in enumerate(themes[:n_tables]):
        if code in AXES:
            table_themes[t] = AXES.index(code)
    if (table_themes < 0).all():
        return circles, None, None
    return circles, interests, table_themes


def _store(plan: TablePlan, user_ids: list[int], tables: np.ndarray, groups) -> TablePlan:
    quality = plan_quality(np.where(tables >= 0, tables, -1), groups=groups)
    plan.participants = user_ids
    plan.tables = tables.astype(int).tolist()
    plan.quality = quality.as_dict()
    plan.version += 1
    plan.generated_at = timezone.now()
    plan.save()
    return plan


# Writing a plan ---------------------------------------------------------------------------
#
# The engine may search for seconds. On SQLite a write transaction holds a database-wide
# lock, so the search runs outside any transaction, on a snapshot of its inputs; the
# result is then written in a short atomic block that first checks the inputs are still
# the same (same participants, same plan version). If they changed (someone checked in,
# the plan was regenerated meanwhile) the plan is computed again, a few times at most.

PLAN_ATTEMPTS = 3

CHANGED_DURING_PLANNING = gettext_lazy(
    "Les participants ou le plan ont changé pendant le calcul, plusieurs fois de suite. "
    "Relancez le calcul dans un instant."
)


def _fingerprint(registrations: list[Registration]) -> tuple:
    """What the engine reads of the participants: who, through which circle, what axes."""
    return tuple((r.user_id, r.circle_id, r.user.profile.themes) for r in registrations)


def _plan_version(event: Event) -> int | None:
    return TablePlan.objects.filter(event=event).values_list("version", flat=True).first()


PLAN_GENERATED = audit.verb("event.plan_generated", _l("a généré le plan de table de"))
REPLANNED = audit.verb("event.replanned", _l("a refait le plan de table de"))


def _refuse_unless_organiser(acting_user: Any, event: Event) -> None:
    if not access.may_manage(
        acting_user, Event.objects.select_related("host_circle").get(pk=event.pk)
    ):
        raise ActionError(_("Seuls les responsables du cercle peuvent gérer ses événements."))


def _record(verb: str, plan: TablePlan, event: Event, acting_user: Any, **changes: Any) -> None:
    """The event's log entry (the plan's event is what its readers know)."""
    audit.record(
        verb,
        event,
        acting_user=acting_user,
        circle=event.host_circle_id,
        changes={"rounds": plan.rounds, **changes},
    )


def _checked_event(event: Event) -> Event:
    event = Event.objects.get(pk=event.pk)
    if not event.has_rounds:
        raise ActionError(_("Ce format ne se joue pas en tours de table."))
    return event


def do_generate_plan(
    event: Event,
    *,
    acting_user: Any,
    table_size: str,
    rounds: int,
    table_themes=(),
    checked_in_only: bool = False,
    seed: int = 0,
) -> TablePlan:
    """An organiser seats the participants for every round: nobody twice together,
    circles mixed."""
    _refuse_unless_organiser(acting_user, event)
    if not 1 <= int(rounds) <= 20:
        raise ActionError(_("Entre 1 et 20 tours."))
    size = parse_table_size(table_size)
    for _attempt in range(PLAN_ATTEMPTS):
        event = _checked_event(event)
        version = _plan_version(event)
        registrations = participants_for(event, checked_in_only)
        if len(registrations) < 2:
            raise ActionError(_("Il faut au moins deux participants pour un plan de table."))
        n = len(registrations)
        try:  # outside any transaction: the search may take PLAN_TIME_LIMIT seconds
            n_tables = len(table_sizes(n, size))
            groups, interests, themes = _arrays(registrations, list(table_themes), n_tables)
            tables = plan_tables(
                n,
                size,
                int(rounds),
                groups=groups,
                seed=seed,
                time_limit=PLAN_TIME_LIMIT,
                table_themes=themes,
                interests=interests,
            )
        except ValueError as exc:
            raise ActionError(_("Plan impossible : %(reason)s") % {"reason": exc}) from exc
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event.pk)
            if not event.has_rounds:
                raise ActionError(_("Ce format ne se joue pas en tours de table."))
            now_registered = participants_for(event, checked_in_only)
            if _plan_version(event) != version or _fingerprint(now_registered) != _fingerprint(
                registrations
            ):
                continue
            plan, _created = TablePlan.objects.get_or_create(event=event)
            plan.table_size = str(table_size)
            plan.rounds = int(rounds)
            plan.table_themes = join_codes(table_themes)
            plan.played_rounds = 0
            stored = _store(plan, [r.user_id for r in registrations], tables, groups)
            _record(PLAN_GENERATED, stored, event, acting_user)
            return stored
    raise ActionError(str(CHANGED_DURING_PLANNING))


def _replan_inputs(event: Event, plan: TablePlan) -> tuple:
    """Who is present now, the plan's people then the newcomers, and what the engine reads."""
    present_regs = participants_for(event, checked_in_only=True)
    if not present_regs:
        present_regs = participants_for(event, checked_in_only=False)
    present_ids = {r.user_id for r in present_regs}
    old_ids = list(plan.participants)
    new_regs = [r for r in present_regs if r.user_id not in set(old_ids)]
    by_user = {r.user_id: r for r in event.registrations.select_related("user__profile")}
    all_ids = old_ids + [r.user_id for r in new_regs]
    everyone = [by_user[uid] for uid in all_ids]
    fingerprint = (tuple(sorted(present_ids)), _fingerprint(everyone))
    return present_ids, old_ids, new_regs, all_ids, everyone, fingerprint


def do_replan(event: Event, *, acting_user: Any, played_rounds: int, seed: int = 0) -> TablePlan:
    """An organiser re-plans the rounds not yet played for the people checked in now.

    Rounds already played are kept as they were; no-shows leave the later rounds, late
    arrivals join them, and pairs who already met are kept apart when possible.
    """
    _refuse_unless_organiser(acting_user, event)
    for _attempt in range(PLAN_ATTEMPTS):
        event = Event.objects.get(pk=event.pk)
        plan = TablePlan.objects.filter(event=event).first()
        if plan is None or not plan.tables:
            raise ActionError(_("Générez d'abord un plan de table."))
        if not 0 <= int(played_rounds) < plan.rounds:
            raise ActionError(_("Le nombre de tours joués doit être inférieur au nombre de tours."))
        present_ids, old_ids, new_regs, all_ids, everyone, fingerprint = _replan_inputs(event, plan)
        size = parse_table_size(plan.table_size)
        n_present = sum(1 for uid in all_ids if uid in present_ids)
        if n_present < 2:
            raise ActionError(_("Il faut au moins deux participants pour un plan de table."))
        try:  # outside any transaction: the search may take PLAN_TIME_LIMIT seconds
            n_tables = len(table_sizes(n_present, size))
            groups, interests, themes = _arrays(everyone, split_codes(plan.table_themes), n_tables)
            tables = replan(
                np.array(plan.tables, dtype=np.int64),
                int(played_rounds),
                size,
                present=np.array([uid in present_ids for uid in old_ids], dtype=bool),
                n_new=len(new_regs),
                rounds=plan.rounds,
                groups=groups,
                table_themes=themes,
                interests=interests,
                seed=seed,
                time_limit=PLAN_TIME_LIMIT,
            )
        except ValueError as exc:
            raise ActionError(_("Plan impossible : %(reason)s") % {"reason": exc}) from exc
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event.pk)
            current = TablePlan.objects.filter(event=event).first()
            if current is None or current.version != plan.version:
                continue
            if _replan_inputs(event, current)[-1] != fingerprint:
                continue
            current.played_rounds = int(played_rounds)
            stored = _store(current, all_ids, tables, groups)
            _record(REPLANNED, stored, event, acting_user, played_rounds=int(played_rounds))
            return stored
    raise ActionError(str(CHANGED_DURING_PLANNING))


# Reading a plan ---------------------------------------------------------------------------


@dataclass
class Seat:
    round: int  # 1-based
    table: int  # 1-based
    theme: str  # axis label or ""
    mates: list
    starts_at: dt.datetime | None = None  # the round's moment in the agenda, if it has one
    question: str = ""  # the question the table discusses in that round


def round_moments(event: Event, rounds: int) -> list[tuple[dt.datetime | None, str]]:
    """When each round starts and its question, read from the agenda: the rounds are the
    agenda's moments that carry a discussion question, in order. Without enough of them
    the agenda says nothing about rounds and no time is given."""
    moments = [item for item in agenda_in_order(event) if item.prompt]
    if len(moments) < rounds:
        return [(None, "")] * rounds
    return [(agenda_moment(event, item.at), item.prompt) for item in moments[:rounds]]


def _users(plan: TablePlan) -> dict:
    users = get_user_model().objects.filter(pk__in=plan.participants).select_related("profile")
    return {u.pk: u for u in users}


def _theme_labels(plan: TablePlan) -> list[str]:
    labels = dict(Axis.choices)
    return [str(labels.get(code, "")) for code in split_codes(plan.table_themes)]


def _circles(plan: TablePlan) -> dict[int, str]:
    return dict(
        Registration.objects.filter(event_id=plan.event_id, user_id__in=plan.participants)
        .exclude(circle=None)
        .values_list("user_id", "circle__name")
    )


@dataclass
class PlanChanges:
    """Who freed their place and who got one since the plan was made."""

    left: list
    arrived: list

    def __bool__(self) -> bool:
        return bool(self.left or self.arrived)


def _left_ids(plan: TablePlan) -> set[int]:
    holding = set(
        Registration.objects.filter(
            event_id=plan.event_id,
            user_id__in=plan.participants,
            status=RegistrationStatus.REGISTERED,
        ).values_list("user_id", flat=True)
    )
    return {uid for uid in plan.participants if uid not in holding}


def came_after(plan: TablePlan, registration: Registration) -> bool:
    """Whether ``registration`` got its place (registered or promoted) after the plan."""
    if plan.generated_at is None:
        return False
    got_place = registration.promoted_at or registration.queued_at
    return got_place > plan.generated_at


def changes_since(plan: TablePlan) -> PlanChanges:
    """Seated people who no longer hold a place, and people holding one who are not in
    the plan (promoted from the waitlist or registered after it was made), by name."""
    left_ids = _left_ids(plan)
    users = _users(plan)
    left = sorted((users[uid] for uid in left_ids if uid in users), key=lambda u: u.get_full_name())
    seated = set(plan.participants)
    arrived = [
        r.user
        for r in participants_for(plan.event, checked_in_only=False)
        if r.user_id not in seated and came_after(plan, r)
    ]
    return PlanChanges(left=left, arrived=sorted(arrived, key=lambda u: u.get_full_name()))


def rounds_view(plan: TablePlan) -> list[dict]:
    """Per round, per table, the people seated (each with their circle's name): what the
    print view and the PDF show; ``has_left`` marks who freed their place since."""
    users = _users(plan)
    circles = _circles(plan)
    left_ids = _left_ids(plan)
    for user in users.values():
        user.circle_name = circles.get(user.pk, "")
        user.has_left = user.pk in left_ids
    themes = _theme_labels(plan)
    out = []
    for r, row in enumerate(plan.tables):
        tables: dict[int, list] = {}
        for i, t in enumerate(row):
            if t >= 0:
                tables.setdefault(t, []).append(users.get(plan.participants[i]))
        out.append(
            {
                "number": r + 1,
                "played": r < plan.played_rounds,
                "tables": [
                    {
                        "number": t + 1,
                        "theme": themes[t] if t < len(themes) else "",
                        "people": sorted(
                            (u for u in tables[t] if u), key=lambda u: u.get_full_name()
                        ),
                    }
                    for t in sorted(tables)
                ],
            }
        )
    return out


def people_view(plan: TablePlan) -> list[dict]:
    """One line per participant: their table in each round (None: not seated)."""
    users = _users(plan)
    left_ids = _left_ids(plan)
    lines = []
    for i, uid in enumerate(plan.participants):
        user = users.get(uid)
        if user is None:
            continue
        tables = [row[i] + 1 if row[i] >= 0 else None for row in plan.tables]
        lines.append({"user": user, "tables": tables, "has_left": uid in left_ids})
    return sorted(lines, key=lambda line: (line["user"].last_name, line["user"].first_name))


def seats_of(plan: TablePlan, user) -> list[Seat]:
    """Where ``user`` sits in each round and with whom."""
    if user.pk not in plan.participants:
        return []
    i = plan.participants.index(user.pk)
    users = _users(plan)
    for uid in _left_ids(plan) - {user.pk}:  # who freed their place is no longer a mate
        users.pop(uid, None)
    themes = _theme_labels(plan)
    moments = round_moments(plan.event, len(plan.tables))
    seats = []
    for r, row in enumerate(plan.tables):
        t = row[i]
        if t < 0:
            continue
        mates = [
            users[plan.participants[j]]
            for j, other in enumerate(row)
            if other == t and j != i and plan.participants[j] in users
        ]
        theme = themes[t] if t < len(themes) else ""
        starts_at, question = moments[r]
        seats.append(Seat(r + 1, t + 1, theme, mates, starts_at=starts_at, question=question))
    return seats


def table_mates(event: Event, user) -> list[tuple]:
    """Everyone ``user`` shared a table with, and the rounds (1-based) they did."""
    plan = TablePlan.objects.filter(event=event).first()
    if plan is None:
        return []
    met: dict[int, tuple] = {}
    for seat in seats_of(plan, user):
        for mate in seat.mates:
            entry = met.setdefault(mate.pk, (mate, []))
            entry[1].append(seat.round)
    return sorted(met.values(), key=lambda e: e[0].get_full_name())


# A seat freed before the evening ------------------------------------------------------------

SEAT_HANDED_ON = audit.verb(
    "event.seat_handed_on", _l("a donné, dans le plan de table, les tables d'une place libérée à")
)


audit.field_labels(tables=_l("tables par tour"))


def plan_is_current(event: Event) -> bool:
    """Whether ``event`` has a plan that nobody left and nobody joined since it was made."""
    plan = TablePlan.objects.filter(event=event).first()
    return plan is not None and bool(plan.tables) and not changes_since(plan)


def _groups(plan: TablePlan) -> np.ndarray:
    """The circle of each of the plan's participants, as the engine reads them (``_arrays``)."""
    circles = dict(
        Registration.objects.filter(
            event_id=plan.event_id, user_id__in=plan.participants
        ).values_list("user_id", "circle_id")
    )
    return np.array([circles.get(uid) or -uid for uid in plan.participants], dtype=np.int64)


@transaction.atomic
def do_hand_on_seat(
    event: Event, *, leaver: Registration, newcomer: Registration, acting_user: Any
) -> TablePlan | None:
    """``newcomer``, just promoted from the waitlist, takes the seat that ``leaver`` freed
    in every round: the same table per round, so she meets exactly whom the leaver would
    have met and the plan keeps its repeats (none) and stays current. Done by whoever
    freed the seat (the person or an organiser for them). Returns the plan, or None when
    there is no seat to hand on (no plan, the leaver not in it, the newcomer already in it)."""
    event = Event.objects.select_for_update().select_related("host_circle").get(pk=event.pk)
    own = leaver.user_id == getattr(acting_user, "pk", None)
    if not own and not access.may_manage(acting_user, event):
        raise ActionError(_("Seuls les responsables du cercle peuvent gérer ses événements."))
    plan = TablePlan.objects.select_for_update().filter(event=event).first()
    held = set(
        Registration.objects.filter(
            pk__in=[leaver.pk, newcomer.pk], status=RegistrationStatus.REGISTERED
        ).values_list("pk", flat=True)
    )
    if (
        plan is None
        or not plan.tables
        or leaver.pk in held
        or newcomer.pk not in held
        or leaver.user_id not in plan.participants
        or newcomer.user_id in plan.participants
    ):
        return None
    i = plan.participants.index(leaver.user_id)
    plan.participants[i] = newcomer.user_id
    _save_changed_seats(plan, "participants")
    audit.record(
        SEAT_HANDED_ON,
        event,
        acting_user=acting_user,
        subject=newcomer.user,
        circle=event.host_circle_id,
        changes={"tables": [row[i] + 1 if row[i] >= 0 else None for row in plan.tables]},
    )
    return plan


def _save_changed_seats(plan: TablePlan, changed: str) -> None:
    """Saves a plan whose ``changed`` field was edited in place: its quality read again,
    its version one up (pages and printouts tell the new plan from the old)."""
    tables = np.array(plan.tables, dtype=np.int64)
    plan.quality = plan_quality(np.where(tables >= 0, tables, -1), groups=_groups(plan)).as_dict()
    plan.version += 1
    plan.save(update_fields=[changed, "quality", "version"])


# Moving a guest by hand ---------------------------------------------------------------------

GUEST_MOVED = audit.verb("event.guest_moved", _l("a changé de table, dans le plan de table,"))
audit.field_labels(round=_l("tour"), table=_l("table"))


@transaction.atomic
def do_move_guest(
    event: Event, *, user_id: int, round_number: int, table: int, acting_user: Any
) -> TablePlan:
    """An organiser seats one guest at another ``table`` (1-based) in one round (1-based)
    not played yet. Refused, naming them, when the guest would meet someone again that
    she meets in another round; the plan's other rounds and guests do not change."""
    _refuse_unless_organiser(acting_user, event)
    event = Event.objects.select_for_update().get(pk=event.pk)
    plan = TablePlan.objects.select_for_update().filter(event=event).first()
    if plan is None or not plan.tables:
        raise ActionError(_("Générez d'abord un plan de table."))
    users = _users(plan)
    if user_id not in plan.participants or user_id in _left_ids(plan):
        raise ActionError(_("Cette personne n'est pas dans le plan de table."))
    name = users[user_id].get_full_name() or users[user_id].email
    if not 1 <= round_number <= len(plan.tables):
        raise ActionError(_("Ce tour n'existe pas dans le plan."))
    if round_number <= plan.played_rounds:
        raise ActionError(_("Le tour %(round)s est déjà joué.") % {"round": round_number})
    if not 1 <= table <= plan.table_count:
        raise ActionError(_("Cette table n'existe pas dans le plan."))
    r, t, i = round_number - 1, table - 1, plan.participants.index(user_id)
    if plan.tables[r][i] == t:
        raise ActionError(
            _("%(name)s est déjà à la table %(table)s au tour %(round)s.")
            % {"name": name, "table": table, "round": round_number}
        )
    left = _left_ids(plan)
    met_again = [
        (users[other], s + 1)
        for j, other in enumerate(plan.participants)
        if j != i and other not in left and plan.tables[r][j] == t
        for s, row in enumerate(plan.tables)
        if s != r and row[i] >= 0 and row[i] == row[j]
    ]
    if met_again:
        raise ActionError(
            _(
                "Pas de changement : à la table %(table)s du tour %(round)s, %(name)s "
                "retrouverait %(others)s."
            )
            % {
                "table": table,
                "round": round_number,
                "name": name,
                "others": ", ".join(
                    _("%(mate)s (déjà ensemble au tour %(other_round)s)")
                    % {"mate": mate.get_full_name() or mate.email, "other_round": s}
                    for mate, s in met_again
                ),
            }
        )
    was = plan.tables[r][i]
    plan.tables[r][i] = t
    _save_changed_seats(plan, "tables")
    audit.record(
        GUEST_MOVED,
        event,
        acting_user=acting_user,
        subject=users[user_id],
        circle=event.host_circle_id,
        changes={"round": round_number, "table": [was + 1 if was >= 0 else None, table]},
    )
    return plan
