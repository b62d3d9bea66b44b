"""Table plans stored for an event: seats, rounds, mixing, replanning, PDF."""

from collections import Counter
from itertools import combinations

import pytest
from django.utils import timezone

from passerelles.circles.models import Membership
from passerelles.core.errors import ActionError
from passerelles.events import actions, plans
from passerelles.events.models import EventFormat, Openness, Registration
from passerelles.events.pdf import plan_pdf
from tests.conftest import make_user
from tests.events.conftest import make_event, members

pytestmark = pytest.mark.django_db


@pytest.fixture
def evening(alice, club, alumni, bridge):
    """A speed meeting of 12 club members and 12 alumni, everybody registered."""
    event = make_event(alice, club, capacity=30, openness=Openness.BRIDGED, open_to=[alumni])
    people = members(club, 12, "c") + members(alumni, 12, "a")
    for person in people:
        actions.do_register(event, acting_user=person)
    return event


def _pairs(plan, rounds):
    met = Counter()
    for r in rounds:
        tables = {}
        for uid, t in zip(plan.participants, plan.tables[r], strict=True):
            if t >= 0:
                tables.setdefault(t, []).append(uid)
        for seated in tables.values():
            met.update(frozenset(p) for p in combinations(seated, 2))
    return met


def test_plan_invariants(evening):
    plan = plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="4", rounds=4)
    registered = set(
        Registration.objects.filter(event=evening, status="registered").values_list(
            "user_id", flat=True
        )
    )
    assert set(plan.participants) == registered
    assert len(plan.tables) == 4
    for row in plan.tables:
        assert len(row) == len(plan.participants)
        assert min(row) >= 0  # everybody seated every round
        assert max(Counter(row).values()) <= 4  # capacity never exceeded
    assert max(_pairs(plan, range(4)).values()) == 1  # nobody meets anyone twice
    assert plan.quality["repeats"] == 0
    assert plan.version == 1


def test_tables_mix_circles(evening):
    plan = plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="4", rounds=3)
    circle_of = dict(Registration.objects.filter(event=evening).values_list("user_id", "circle_id"))
    for row in plan.tables:
        tables = {}
        for uid, t in zip(plan.participants, row, strict=True):
            tables.setdefault(t, set()).add(circle_of[uid])
        assert all(len(circles) == 2 for circles in tables.values())


def test_table_sizes_list_and_themes(evening):
    for person in Registration.objects.filter(event=evening).select_related("user__profile")[:6]:
        person.user.profile.theme_list = ["savoir"]
        person.user.profile.save()
    plan = plans.do_generate_plan(
        evening,
        acting_user=evening.created_by,
        table_size="8, 8, 8",
        rounds=2,
        table_themes=["savoir", "", ""],
    )
    for row in plan.tables:
        assert max(Counter(row).values()) <= 8
    rounds = plans.rounds_view(plan)
    assert rounds[0]["tables"][0]["theme"] == "L'expérience et la connaissance"


def test_regenerating_bumps_the_version(evening):
    plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="6", rounds=2)
    plan = plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="6", rounds=3)
    assert plan.version == 2
    assert len(plan.tables) == 3


def test_checked_in_only(evening):
    present = list(Registration.objects.filter(event=evening)[:10])
    for registration in present:
        actions.do_check_in(registration, acting_user=evening.created_by)
    plan = plans.do_generate_plan(
        evening, acting_user=evening.created_by, table_size="5", rounds=2, checked_in_only=True
    )
    assert set(plan.participants) == {r.user_id for r in present}


def test_replanning_keeps_played_rounds(evening, club):
    plan = plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="4", rounds=4)
    before = [list(row) for row in plan.tables]
    registrations = list(Registration.objects.filter(event=evening).order_by("pk"))
    no_show = registrations[0]
    for registration in registrations[1:]:
        actions.do_check_in(registration, acting_user=evening.created_by)
    late = make_user("late@example.org", "Léa", "Tardive")
    Membership.objects.create(user=late, circle=club, state="admitted")
    evening.capacity = 40
    evening.save()
    Registration.objects.create(
        event=evening, user=late, circle=club, status="registered", checked_in_at=timezone.now()
    )
    plan = plans.do_replan(evening, acting_user=evening.created_by, played_rounds=2)
    assert plan.tables[:2] == [row + [-1] for row in before[:2]]
    assert plan.participants[-1] == late.pk
    i_absent = plan.participants.index(no_show.user_id)
    for row in plan.tables[2:]:
        assert row[i_absent] == -1
        assert row[-1] >= 0
        assert max(Counter(t for t in row if t >= 0).values()) <= 4
    assert max(_pairs(plan, range(4)).values()) == 1
    assert plan.played_rounds == 2
    assert plan.version == 2


def test_seats_of_a_participant(evening):
    plan = plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="4", rounds=3)
    user_id = plan.participants[0]
    registration = Registration.objects.get(event=evening, user_id=user_id)
    seats = plans.seats_of(plan, registration.user)
    assert [s.round for s in seats] == [1, 2, 3]
    assert all(len(s.mates) == 3 for s in seats)
    mates = plans.table_mates(evening, registration.user)
    assert len(mates) == 9


def test_plan_refused_for_formats_without_rounds(alice, club):
    event = make_event(alice, club, format=EventFormat.DEBATE)
    with pytest.raises(ActionError):
        plans.do_generate_plan(event, acting_user=event.created_by, table_size="6", rounds=2)


def test_bad_table_size(evening):
    with pytest.raises(ActionError, match="au moins 2"):
        plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="1", rounds=2)
    with pytest.raises(ActionError, match="taille"):
        plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="six", rounds=2)
    with pytest.raises(ActionError, match="impossible"):
        plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="4, 4", rounds=2)


def test_pdf_is_a_pdf(evening):
    plan = plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="6", rounds=2)
    body = plan_pdf(evening, plan)
    assert body.startswith(b"%PDF-")
    assert len(body) > 1000


def test_pdf_without_the_dejavu_font(evening, monkeypatch, tmp_path):
    from passerelles.core import pdf

    monkeypatch.setattr(pdf, "DEJAVU", tmp_path / "missing.ttf")
    plan = plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="6", rounds=2)
    assert plan_pdf(evening, plan).startswith(b"%PDF-")


def test_parse_table_size():
    assert plans.parse_table_size("6") == 6
    assert plans.parse_table_size("6; 6 8") == [6, 6, 8]
