"""A seat freed after the table plan was made and nobody waiting to take it, then taken by
a new registration: the organiser is told, the plan and its printout mark who left, the
newcomer is told the plan predates them. (A seat the waitlist takes is handed on in the
plan: test_seat_handed_on.)"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.events import actions, plans
from passerelles.events.models import Registration, RegistrationStatus, TablePlan
from tests.events.conftest import members

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(client, alice, event, club):
    """Eight seats taken, a plan made an hour ago, one seat freed with nobody waiting,
    then taken by someone registering."""
    event.capacity = 8
    event.save()
    people = members(club, 9, prefix="p")
    for person in people[:8]:
        actions.do_register(event, acting_user=person)
    client.force_login(alice)
    client.post(reverse("events:plan", args=[event.pk]), {"table_size": "4", "rounds": "2"})
    plan = TablePlan.objects.get(event=event)
    TablePlan.objects.filter(pk=plan.pk).update(generated_at=timezone.now() - dt.timedelta(hours=1))
    leaver, waiting = people[0], people[8]
    assert leaver.pk in plan.participants and waiting.pk not in plan.participants
    registration = Registration.objects.get(event=event, user=leaver)
    assert actions.do_cancel_registration(registration, acting_user=leaver) == []
    seat = actions.do_register(event, acting_user=waiting)
    assert seat.status == RegistrationStatus.REGISTERED
    return event, leaver, waiting


def test_plan_page_says_who_left_and_who_arrived(client, alice, planned):
    event, leaver, waiting = planned
    client.force_login(alice)
    page = client.get(reverse("events:plan", args=[event.pk])).content.decode()
    assert "Le plan n'est plus à jour" in page
    assert "1 personne a libéré sa place depuis ce plan" in page
    assert "1 personne a obtenu une place depuis ce plan" in page
    assert waiting.get_full_name() in page
    assert f"<s>{leaver.get_full_name()}</s>" in page
    assert "Refaire le plan" in page


def test_redo_the_plan_seats_the_promoted_person(client, alice, planned):
    event, leaver, waiting = planned
    client.force_login(alice)
    url = reverse("events:plan", args=[event.pk])
    response = client.post(url, {"generate": "1", "table_size": "4", "rounds": "2"})
    assert response.status_code == 302
    plan = TablePlan.objects.get(event=event)
    assert waiting.pk in plan.participants and leaver.pk not in plan.participants
    assert not plans.changes_since(plan)
    assert "Le plan n'est plus à jour" not in client.get(url).content.decode()


def test_printout_marks_who_left(client, alice, planned):
    event, leaver, _waiting = planned
    plan = TablePlan.objects.get(event=event)
    lines = {line["user"].pk: line["has_left"] for line in plans.people_view(plan)}
    assert lines[leaver.pk] is True and sum(lines.values()) == 1
    seated = [u for r in plans.rounds_view(plan) for t in r["tables"] for u in t["people"]]
    assert any(u.pk == leaver.pk and u.has_left for u in seated)
    client.force_login(alice)
    pdf = client.get(reverse("events:plan_pdf", args=[event.pk]))
    assert pdf.content.startswith(b"%PDF-")


def test_mates_no_longer_include_who_left(planned):
    event, leaver, _waiting = planned
    plan = TablePlan.objects.get(event=event)
    someone = next(
        r.user
        for r in event.registrations.filter(status=RegistrationStatus.REGISTERED)
        if r.user_id in plan.participants
    )
    mates = {m.pk for seat in plans.seats_of(plan, someone) for m in seat.mates}
    assert leaver.pk not in mates


def test_who_got_a_place_after_the_plan_is_told_it_predates_them(client, planned):
    event, _leaver, waiting = planned
    client.force_login(waiting)
    page = client.get(reverse("events:my_tables", args=[event.pk])).content.decode()
    assert "Le plan de table a été fait avant votre inscription" in page
    assert "Vous n'êtes pas dans le plan de table" not in page
