"""The organiser seats one guest at another table in one round, by hand, from the plan
page: refused with the names when the guest would meet someone again, logged otherwise."""

import pytest
from django.urls import reverse

from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry
from passerelles.events import actions, plans
from passerelles.events.models import TablePlan
from tests.events.conftest import members

pytestmark = pytest.mark.django_db


@pytest.fixture
def six(alice, club, event):
    """Six guests, two rounds of three tables of two: a+b, c+d, e+f, then a+c, b+e, d+f."""
    people = members(club, 6, "s")
    for person in people:
        actions.do_register(event, acting_user=person)
    plans.do_generate_plan(event, acting_user=alice, table_size="2", rounds=2)
    a, b, c, d, e, f = people
    TablePlan.objects.filter(event=event).update(
        participants=[p.pk for p in people], tables=[[0, 0, 1, 1, 2, 2], [0, 1, 0, 2, 1, 2]]
    )
    return event, people


def test_a_move_without_a_repeat_is_made_and_logged(client, alice, six):
    event, (a, b, c, d, e, f) = six
    client.force_login(alice)
    url = reverse("events:plan", args=[event.pk])
    response = client.post(url, {"move": "1", "guest": a.pk, "round_number": 2, "table": 3})
    assert response.status_code == 302
    plan = TablePlan.objects.get(event=event)
    assert plan.tables == [[0, 0, 1, 1, 2, 2], [2, 1, 0, 2, 1, 2]]
    assert plan.quality["repeats"] == 0
    page = client.get(url).content.decode()
    assert f"{a.get_full_name()} est maintenant à la table 3 au tour 2." in page
    mates = {m.pk for m in plans.seats_of(plan, a)[1].mates}
    assert mates == {d.pk, f.pk}
    entry = AuditEntry.objects.get(verb="event.guest_moved")
    assert (entry.acting_user, entry.subject_user) == (alice, a)
    assert entry.changes == {"round": 2, "table": [1, 3]}


def test_a_move_that_makes_a_repeat_is_refused_naming_whom(client, alice, six):
    event, (a, b, c, d, e, f) = six
    client.force_login(alice)
    url = reverse("events:plan", args=[event.pk])
    response = client.post(
        url, {"move": "1", "guest": a.pk, "round_number": 2, "table": 2}, follow=True
    )
    page = response.content.decode()
    assert (
        f"Pas de changement : à la table 2 du tour 2, {a.get_full_name()} retrouverait "
        f"{b.get_full_name()} (déjà ensemble au tour 1)."
    ) in page
    assert TablePlan.objects.get(event=event).tables[1] == [0, 1, 0, 2, 1, 2]
    assert not AuditEntry.objects.filter(verb="event.guest_moved").exists()


def test_played_rounds_same_table_and_guests_are_refused(alice, bob, six):
    event, (a, *_rest) = six
    with pytest.raises(ActionError, match="déjà à la table 1 au tour 2"):
        plans.do_move_guest(event, user_id=a.pk, round_number=2, table=1, acting_user=alice)
    TablePlan.objects.filter(event=event).update(played_rounds=1)
    with pytest.raises(ActionError, match="Le tour 1 est déjà joué"):
        plans.do_move_guest(event, user_id=a.pk, round_number=1, table=2, acting_user=alice)
    with pytest.raises(ActionError, match="Seuls les responsables"):
        plans.do_move_guest(event, user_id=a.pk, round_number=2, table=3, acting_user=bob)
    with pytest.raises(ActionError, match="pas dans le plan"):
        plans.do_move_guest(event, user_id=bob.pk, round_number=2, table=3, acting_user=alice)


def test_the_plan_page_offers_the_move_with_the_guests_by_name(client, alice, six):
    from django.utils import translation

    event, people = six
    client.force_login(alice)
    page = client.get(reverse("events:plan", args=[event.pk])).content.decode()
    assert "Changer une personne de table" in page
    assert f'<option value="{people[0].pk}">{people[0].get_full_name()}</option>' in page
    with translation.override("en"), pytest.raises(ActionError, match="would meet .* again"):
        plans.do_move_guest(event, user_id=people[0].pk, round_number=2, table=2, acting_user=alice)
