"""The engine searches outside any transaction; the write re-checks what it read.

SQLite holds a database-wide write lock for the whole of a write transaction: a search of
several seconds inside one would block every check-in of the evening meanwhile.
"""

import pytest
from django.db import connection
from django.utils import timezone

from passerelles.core.errors import ActionError
from passerelles.events import actions, plans
from passerelles.events.models import Registration, TablePlan
from tests.events.conftest import make_event, members

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def evening(alice, club):
    event = make_event(alice, club, capacity=30)
    for person in members(club, 12, "c"):
        actions.do_register(event, acting_user=person)
    return event


def _spy(monkeypatch, name, before_search=None):
    """Wrap the engine function ``name`` as plans.py calls it; record each call."""
    real = getattr(plans, name)
    calls = []

    def engine(*args, **kwargs):
        calls.append(connection.in_atomic_block)
        if before_search:
            before_search(len(calls))
        return real(*args, **kwargs)

    monkeypatch.setattr(plans, name, engine)
    return calls


def _check_in(event, count):
    organiser = event.created_by
    waiting = Registration.objects.filter(event=event, checked_in_at=None).order_by("pk")
    for registration in waiting[:count]:
        actions.do_check_in(registration, acting_user=organiser)


def test_plan_is_searched_outside_any_transaction(evening, monkeypatch):
    calls = _spy(monkeypatch, "plan_tables")
    plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="4", rounds=3)
    assert calls == [False]


def test_replan_is_searched_outside_any_transaction(evening, monkeypatch):
    plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="4", rounds=3)
    _check_in(evening, 12)
    calls = _spy(monkeypatch, "replan")
    plan = plans.do_replan(evening, acting_user=evening.created_by, played_rounds=1)
    assert calls == [False]
    assert plan.version == 2


def test_check_in_during_the_search_is_seen_by_a_second_search(evening, monkeypatch):
    _check_in(evening, 6)
    calls = _spy(monkeypatch, "plan_tables", lambda call: call == 1 and _check_in(evening, 1))
    plan = plans.do_generate_plan(
        evening, acting_user=evening.created_by, table_size="3", rounds=2, checked_in_only=True
    )
    assert len(calls) == 2
    present = Registration.objects.filter(event=evening).exclude(checked_in_at=None)
    assert sorted(plan.participants) == sorted(r.user_id for r in present)
    assert len(plan.participants) == 7


def test_plan_regenerated_during_a_replan_is_replanned_again(evening, monkeypatch):
    plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="4", rounds=3)
    _check_in(evening, 12)

    def regenerate(call):
        if call == 1:
            TablePlan.objects.filter(event=evening).update(version=5)

    calls = _spy(monkeypatch, "replan", regenerate)
    plan = plans.do_replan(evening, acting_user=evening.created_by, played_rounds=1)
    assert len(calls) == 2
    assert plan.version == 6


def test_inputs_changing_at_every_search_are_reported(evening, monkeypatch):
    _check_in(evening, 4)
    _spy(monkeypatch, "plan_tables", lambda call: _check_in(evening, 1))
    with pytest.raises(ActionError, match="ont changé pendant le calcul"):
        plans.do_generate_plan(
            evening, acting_user=evening.created_by, table_size="3", rounds=2, checked_in_only=True
        )
    assert not TablePlan.objects.filter(event=evening).exists()


def test_late_arrival_during_a_replan_joins_the_plan(evening, monkeypatch):
    plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="4", rounds=3)
    _check_in(evening, 10)
    late = Registration.objects.filter(event=evening, checked_in_at=None).first()

    def arrives(call):
        if call == 1:
            Registration.objects.filter(pk=late.pk).update(checked_in_at=timezone.now())

    calls = _spy(monkeypatch, "replan", arrives)
    plan = plans.do_replan(evening, acting_user=evening.created_by, played_rounds=1)
    assert len(calls) == 2
    i = plan.participants.index(late.user_id)
    assert all(row[i] >= 0 for row in plan.tables[1:])
