"""A bridge closes after members of the guest circle took places at the host's event:
their places stay valid, so the event stays theirs to see (page, calendar, home, list,
API) and to leave; « Ouvert à » stops naming the closed circle; nobody else gains sight
of it."""

import pytest
from django.urls import reverse

from passerelles.circles import actions as circle_actions
from passerelles.events import actions, queries
from passerelles.events.models import Openness, Registration, RegistrationStatus
from tests.conftest import admit, make_user
from tests.events.conftest import make_event


@pytest.fixture
def stranded(alice, bob, club, alumni, bridge, charlie):
    """Charlie (alumni) holds the only seat, Eve (alumni) waits; then the bridge closes."""
    eve = make_user("eve@example.org", "Eve", "Noir")
    for person in (charlie, eve):
        admit(person, alumni)
    event = make_event(
        alice, club, title="Passerelle", openness=Openness.BRIDGED, open_to=[alumni], capacity=1
    )
    actions.do_register(event, acting_user=charlie)
    actions.do_register(event, acting_user=eve)
    circle_actions.do_revoke_bridge(bridge, acting_user=alice)
    return {"event": event, "seated": charlie, "waiting": eve}


def test_a_seat_holder_still_sees_the_event_page_and_its_calendar(client, stranded):
    event = stranded["event"]
    client.force_login(stranded["seated"])
    page = client.get(reverse("events:detail", args=[event.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Place réservée" in text and "Libérer ma place" in text
    assert "votre place reste valable" in text  # and freed, she could not take it back
    ics = client.get(reverse("events:ics", args=[event.pk]))
    assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.content


def test_a_waitlisted_member_still_sees_her_place_in_line(client, stranded):
    client.force_login(stranded["waiting"])
    text = client.get(reverse("events:detail", args=[stranded["event"].pk])).content.decode()
    assert "Liste d'attente : n° 1" in text and "Quitter la liste d'attente" in text


def test_open_to_names_only_circles_still_bridged(client, alice, club, alumni, bridge):
    event = make_event(alice, club, openness=Openness.BRIDGED, open_to=[alumni])
    client.force_login(alice)
    url = reverse("events:detail", args=[event.pk])
    assert "Anciens de l&#x27;École" in client.get(url).content.decode()
    circle_actions.do_revoke_bridge(bridge, acting_user=alice)
    assert "Anciens de l&#x27;École" not in client.get(url).content.decode()


def test_freeing_the_seat_promotes_the_waitlist_and_leads_back_to_the_list(client, stranded):
    event, seated = stranded["event"], stranded["seated"]
    client.force_login(seated)
    response = client.post(reverse("events:unregister", args=[event.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("events:list")
    status = dict(Registration.objects.filter(event=event).values_list("user_id", "status"))
    assert status == {
        seated.pk: RegistrationStatus.CANCELLED,
        stranded["waiting"].pk: RegistrationStatus.REGISTERED,
    }
    assert "Votre place est libérée" in client.get(reverse("events:list")).content.decode()
    # Without a place, nothing lets her see it any more.
    assert client.get(reverse("events:detail", args=[event.pk])).status_code == 404


def test_the_holder_cannot_register_again_but_comments(client, stranded):
    """Her place stays valid, so does her say in the event's discussion
    (tests/discussions/test_comment_with_a_place.py)."""
    client.force_login(stranded["seated"])
    text = client.get(reverse("events:detail", args=[stranded["event"].pk])).content.decode()
    assert reverse("events:register", args=[stranded["event"].pk]) not in text
    assert reverse("discussions:comment_event", args=[stranded["event"].pk]) in text


def test_home_list_and_api_keep_the_event_of_its_holders(client, stranded):
    """Out of a page view (the ORM) and in one (compiled statements, through the client)."""
    event, seated = stranded["event"], stranded["seated"]
    coming = queries.upcoming_for(seated)
    seen = queries.seen_event(seated, event.pk)
    assert [e.pk for e in coming] == [event.pk] and coming[0].mine
    assert seen is not None and seen.taken == 1
    client.force_login(seated)
    assert "Passerelle" in client.get(reverse("pages:home")).content.decode()
    assert "Passerelle" in client.get(reverse("events:list")).content.decode()
    assert [e["id"] for e in client.get("/api/events").json()["items"]] == [event.pk]
    assert client.get(f"/api/events/{event.pk}").json()["my_registration"] == "registered"


def test_a_member_of_the_closed_circle_without_a_place_loses_sight(client, stranded, alumni):
    other = make_user("fred@example.org", "Fred", "Gris")
    admit(other, alumni)
    client.force_login(other)
    assert client.get(reverse("events:detail", args=[stranded["event"].pk])).status_code == 404
    assert client.get("/api/events").json()["items"] == []


def test_leaving_the_circle_one_came_through_hides_the_event(client, stranded, alumni):
    from passerelles.circles.models import Membership, MembershipState

    seated = stranded["seated"]
    Membership.objects.filter(user=seated, circle=alumni).update(state=MembershipState.LEFT)
    client.force_login(seated)
    assert client.get(reverse("events:detail", args=[stranded["event"].pk])).status_code == 404


def test_holders_are_told_their_place_stays(
    alice, bob, club, alumni, bridge, charlie, mailoutbox, django_capture_on_commit_callbacks
):
    from passerelles.circles.models import Membership
    from passerelles.notifications.models import Notification

    admit(charlie, alumni)
    gone = make_user("gone@example.org", "Gaspard", "Parti")
    admit(gone, alumni)
    event = make_event(alice, club, title="Passerelle", openness=Openness.BRIDGED, open_to=[alumni])
    actions.do_register(event, acting_user=charlie)
    actions.do_register(event, acting_user=gone)
    left = Membership.objects.get(circle=alumni, user=gone)
    circle_actions.do_leave(left, acting_user=gone)  # no longer of the circle: not told
    with django_capture_on_commit_callbacks(execute=True):
        circle_actions.do_revoke_bridge(bridge, acting_user=alice)
    told = Notification.objects.filter(kind="place_kept")
    assert [n.user_id for n in told] == [charlie.pk]
    assert told[0].url == event.get_absolute_url()
    mails = [m for m in mailoutbox if "reste valable" in m.subject]
    assert [m.to for m in mails] == [[charlie.email]]
    assert "Votre place reste valable" in mails[0].body and "Passerelle" in mails[0].body
