"""Events through the API: coming and past ones, registering, the waitlist, refusals."""

import datetime

from django.utils import timezone

from passerelles.events.models import Registration
from tests.conftest import admit, make_user
from tests.events.conftest import bridged_event, event, make_event  # noqa: F401


def _register(client, event):  # noqa: F811
    return client.post(f"/api/events/{event.pk}/registration")


def test_coming_events_then_past_ones(client, bob, alice, club, event):  # noqa: F811
    past = make_event(
        alice,
        club,
        title="Table ronde passée",
        starts_at=timezone.now() - datetime.timedelta(days=9),
    )
    client.force_login(bob)
    coming = client.get("/api/events").json()
    assert [e["title"] for e in coming["items"]] == ["Soirée speed meeting"]
    assert coming["count"] == 1 and coming["items"][0]["host_circle"] == club.slug
    gone = client.get("/api/events?past=true").json()
    assert [e["id"] for e in gone["items"]] == [past.pk]


def test_register_then_waitlist_then_a_freed_seat_goes_to_the_first_waiting(
    client, alice, club, bob
):
    small = make_event(alice, club, capacity=1)
    carol = make_user("carol@example.org", "Carol", "Blanc")
    admit(carol, club)
    client.force_login(bob)
    assert _register(client, small).json() == {"event": small.pk, "status": "registered"}
    assert client.get(f"/api/events/{small.pk}").json()["my_registration"] == "registered"
    client.force_login(carol)
    assert _register(client, small).json()["status"] == "waitlisted"
    client.force_login(bob)
    given_back = client.delete(f"/api/events/{small.pk}/registration")
    assert given_back.json()["status"] == "cancelled"
    assert Registration.objects.get(event=small, user=carol).status == "registered"


def test_refusals_keep_the_page_s_words_and_write_nothing(client, bob, event, operator):  # noqa: F811
    client.force_login(bob)
    _register(client, event)
    again = _register(client, event)
    assert again.status_code == 400
    assert again.json() == {"detail": "Vous avez déjà une place à cet événement."}
    client.force_login(operator)  # operators see every event, but join only their circles'
    refused = _register(client, event)
    assert refused.status_code == 400 and "pas ouvert à vos cercles" in refused.json()["detail"]
    assert not Registration.objects.filter(event=event, user=operator).exists()
    assert client.delete(f"/api/events/{event.pk}/registration").status_code == 404


def test_an_event_of_someone_else_s_circle_is_not_found(client, charlie, event):  # noqa: F811
    client.force_login(charlie)
    assert client.get(f"/api/events/{event.pk}").status_code == 404
    assert _register(client, event).status_code == 404
    assert client.get("/api/events").json()["items"] == []


def test_a_bridged_circle_s_members_see_the_event_opened_to_them(client, dana, bridged_event):  # noqa: F811
    client.force_login(dana)
    assert [e["title"] for e in client.get("/api/events").json()["items"]] == ["Passerelle"]
    assert _register(client, bridged_event).json()["status"] == "registered"


def test_the_list_reads_each_row_from_one_query(client, bob, alice, club):
    """Every field of a row is in the list's query: more events, not more queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(bob)
    make_event(alice, club, title="Une")
    client.get("/api/events")  # the session's first request reads more
    with CaptureQueriesContext(connection) as one:
        first = client.get("/api/events").json()
    for n in range(4):
        make_event(alice, club, title=f"Autre {n}", registration_deadline=timezone.now())
    with CaptureQueriesContext(connection) as five:
        rows = client.get("/api/events").json()["items"]
    assert len(rows) == 5 and len(five) == len(one)
    assert set(rows[0]) == set(first["items"][0]) and rows[0]["registration_open"] is True
    assert {r["registration_open"] for r in rows} == {True, False}
