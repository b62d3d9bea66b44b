"""Who comments on an event: its people. Those who may join it, and those who hold a seat
or a waitlist place taken through one of their circles, even once the bridge that let them
register has closed (their place stays valid, so their questions about the evening do
too); nobody else gains a say, and a place freed takes it away with the event."""

import pytest
from django.urls import reverse

from passerelles.circles import actions as circle_actions
from passerelles.discussions import access
from passerelles.discussions.actions import do_comment_event
from passerelles.discussions.models import Discussion, Post
from passerelles.events import actions
from passerelles.events.models import Openness, Registration
from tests.conftest import admit, make_user
from tests.events.conftest import make_event


@pytest.fixture
def evening(alice, bob, club, alumni, bridge, charlie):
    """Charlie (alumni) holds the only seat at the club's evening, Eve (alumni) waits, Fred
    (alumni) took none; the bridge then closes."""
    eve = make_user("eve@example.org", "Eve", "Noir")
    fred = make_user("fred@example.org", "Fred", "Blanc")
    for person in (charlie, eve, fred):
        admit(person, alumni)
    event = make_event(
        alice, club, title="Passerelle", openness=Openness.BRIDGED, open_to=[alumni], capacity=1
    )
    actions.do_register(event, acting_user=charlie)
    actions.do_register(event, acting_user=eve)
    do_comment_event(event, "Qui vient en vélo ?", acting_user=bob)
    circle_actions.do_revoke_bridge(bridge, acting_user=alice)
    return {"event": event, "seated": charlie, "waiting": eve, "without": fred}


def _comment(client, user, event, body="J'apporte les cartes de visite."):
    client.force_login(user)
    return client.post(reverse("discussions:comment_event", args=[event.pk]), {"body": body})


@pytest.mark.parametrize("who", ["seated", "waiting"])
def test_a_place_taken_through_a_closed_bridge_keeps_ones_say(client, evening, who):
    event, person = evening["event"], evening[who]
    assert access.may_comment(person, event)
    client.force_login(person)
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert f'action="{reverse("discussions:comment_event", args=[event.pk])}"' in page
    response = _comment(client, person, event)
    assert response.status_code == 302 and "#message-" in response["Location"]
    assert Post.objects.filter(discussion__event=event, author=person).exists()
    discussion = Discussion.objects.get(event=event)
    thread = client.get(discussion.get_absolute_url())
    assert thread.status_code == 200
    text = thread.content.decode()
    assert "J&#x27;apporte les cartes de visite." in text and "Répondre" in text
    reply = client.post(reverse("discussions:reply", args=[discussion.pk]), {"body": "Et moi"})
    assert reply.status_code == 302
    assert discussion.posts.filter(author=person).count() == 2


def test_a_member_of_the_closed_bridge_without_a_place_has_no_say(client, evening):
    event, fred = evening["event"], evening["without"]
    assert not access.may_comment(fred, event)
    assert _comment(client, fred, event).status_code == 404
    discussion = Discussion.objects.get(event=event)
    assert client.get(discussion.get_absolute_url()).status_code == 404
    assert not Post.objects.filter(author=fred).exists()


def test_freeing_the_place_ends_ones_say(client, evening):
    event, eve = evening["event"], evening["waiting"]
    registration = Registration.objects.get(event=event, user=eve)
    actions.do_cancel_registration(registration, acting_user=eve)
    assert not access.may_comment(eve, event)
    assert _comment(client, eve, event).status_code == 404


def test_an_operator_reads_but_does_not_comment_where_she_has_no_place(client, evening):
    operator = make_user("ops@example.org", "Opé", "Rateur", is_staff=True)
    event = evening["event"]
    client.force_login(operator)
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert reverse("discussions:comment_event", args=[event.pk]) not in page
    assert _comment(client, operator, event).status_code == 302
    assert not Post.objects.filter(author=operator).exists()
