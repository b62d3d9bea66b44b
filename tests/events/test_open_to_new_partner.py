"""A new bridge opens the host's coming « bridged » events to its partner, as offered.

Events open to « the host and the bridged circles chosen » name their guest circles one
by one: a bridge accepted later does not add itself. Each side's admins are offered, on
their bridges page and in the acceptance e-mail, to open their upcoming ones to the new
partner (all ticked); only an admin of the host may do it, while the bridge is active."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from passerelles.circles import actions as circle_actions
from passerelles.core.audit import AuditEntry
from passerelles.core.errors import ActionError
from passerelles.events import actions, views_bridge
from passerelles.events.models import Openness, Registration, RegistrationStatus
from tests.conftest import admit, make_circle, make_user
from tests.events.conftest import make_event


@pytest.fixture
def world(alice, bob, charlie, dana, club, alumni):
    """Alice runs the club (Bob a member), already bridged with a third circle; her speed
    meeting is open to that third circle. Then Dana's alumni (Charlie a member) and the
    club open a bridge, proposed by Alice and accepted by Dana."""
    erin = make_user("erin@example.org", "Erin", "Blanc")
    third = make_circle(erin, "Femmes Entrepreneures Loire-Atlantique")
    first = circle_actions.do_request_bridge(club, third, acting_user=alice)
    circle_actions.do_answer_bridge(first, acting_user=erin, accept=True)
    admit(charlie, alumni)
    soon = make_event(
        alice,
        club,
        title="Dirigeant et équilibre de vie",
        openness=Openness.BRIDGED,
        open_to=[third],
    )
    later = make_event(
        alice,
        club,
        title="Table ronde export",
        openness=Openness.BRIDGED,
        open_to=[third],
        starts_at=timezone.now() + datetime.timedelta(days=20),
    )
    inside = make_event(alice, club, title="Assemblée du club", openness=Openness.HOST)
    request = circle_actions.do_request_bridge(club, alumni, acting_user=alice)
    bridge = circle_actions.do_answer_bridge(request, acting_user=dana, accept=True)
    return {
        "bridge": bridge,
        "third": third,
        "erin": erin,
        "soon": soon,
        "later": later,
        "inside": inside,
    }


def _open_url(club, bridge):
    return reverse("events:open_to_bridged", args=[club.slug, bridge.pk])


def test_partner_members_see_and_join_only_after_the_host_opens(
    client, world, alice, charlie, club
):
    soon = world["soon"]
    client.force_login(charlie)
    detail = reverse("events:detail", args=[soon.pk])
    assert client.get(detail).status_code == 404
    assert (
        "Dirigeant et équilibre de vie" not in client.get(reverse("events:list")).content.decode()
    )

    client.force_login(alice)
    page = client.get(reverse("circles:bridges", args=[club.slug])).content.decode()
    assert "Ouvrir aussi vos 2 événements à venir (ouverts aux cercles reliés choisis)" in page
    assert "aux Anciens de l&#x27;École" in page
    assert "Dirigeant et équilibre de vie" in page and "Table ronde export" in page
    assert "Assemblée du club" not in page  # open to the host only: not offered
    response = client.post(_open_url(club, world["bridge"]), {"events": [soon.pk]})
    assert response.status_code == 302
    assert response.url == reverse("circles:bridges", args=[club.slug])
    followed = client.get(response.url).content.decode()
    assert "1 événement est désormais ouvert aux membres des Anciens de l&#x27;École." in followed
    # The unticked one is still offered, alone.
    assert "Ouvrir aussi votre événement à venir (ouvert aux cercles reliés choisis)" in followed

    client.force_login(charlie)
    assert client.get(detail).status_code == 200
    assert "Dirigeant et équilibre de vie" in client.get(reverse("events:list")).content.decode()
    client.post(reverse("events:register", args=[soon.pk]))
    registration = Registration.objects.get(event=soon, user=charlie)
    assert registration.status == RegistrationStatus.REGISTERED
    later = reverse("events:detail", args=[world["later"].pk])
    assert client.get(later).status_code == 404  # unticked: not opened


@pytest.mark.parametrize(
    "who, status",
    [("alice", 302), ("dana", 404), ("bob", 404), ("outsider", 404), ("anonymous", 302)],
)
def test_only_the_host_admins_open_its_events(client, world, club, alice, bob, dana, who, status):
    people = {"alice": alice, "bob": bob, "dana": dana}
    people["outsider"] = make_user("zoe@example.org", "Zoé", "Lune")
    if who != "anonymous":
        client.force_login(people[who])
    url = _open_url(club, world["bridge"])
    ids = [world["soon"].pk, world["later"].pk]
    response = client.post(url, {"events": ids})
    assert response.status_code == status
    if who == "anonymous":
        assert "/connexion/" in response.url or "login" in response.url
    assert client.get(url).status_code == (200 if who == "alice" else status)
    opened = world["soon"].open_to.filter(pk=world["bridge"].to_circle_id).exists()
    assert opened == (who == "alice")


@pytest.mark.parametrize("who", ["dana", "bob", "charlie", "outsider"])
def test_the_action_refuses_anyone_but_a_host_admin(world, club, alumni, who, dana, bob, charlie):
    people = {"dana": dana, "bob": bob, "charlie": charlie}
    people["outsider"] = make_user("zoe@example.org", "Zoé", "Lune")
    with pytest.raises(ActionError):
        actions.do_open_events_to_circle(club, alumni, [world["soon"].pk], acting_user=people[who])
    assert not world["soon"].open_to.filter(pk=alumni.pk).exists()


def test_the_action_needs_an_active_bridge_and_records_what_it_did(world, club, alumni, alice):
    circle_actions.do_revoke_bridge(world["bridge"], acting_user=alice)
    with pytest.raises(ActionError):
        actions.do_open_events_to_circle(club, alumni, [world["soon"].pk], acting_user=alice)
    again = circle_actions.do_request_bridge(club, alumni, acting_user=alice)
    with pytest.raises(ActionError):  # asked, not yet accepted
        actions.do_open_events_to_circle(club, alumni, [world["soon"].pk], acting_user=alice)
    circle_actions.do_answer_bridge(again, acting_user=alumni.memberships.first().user, accept=True)
    ids = [world["soon"].pk, world["later"].pk, world["inside"].pk]
    opened = actions.do_open_events_to_circle(club, alumni, ids, acting_user=alice)
    assert [e.pk for e in opened] == [world["soon"].pk, world["later"].pk]
    assert not world["inside"].open_to.exists()
    entries = AuditEntry.objects.filter(verb="event.opened_to_circle")
    assert entries.count() == 2
    assert {e.other_circle_id for e in entries} == {alumni.pk}
    assert {e.circle_id for e in entries} == {club.pk}
    # Twice is harmless: nothing left to open.
    assert actions.do_open_events_to_circle(club, alumni, ids, acting_user=alice) == []


def test_past_and_cancelled_events_are_not_offered(world, club, alumni, alice):
    actions.do_cancel_event(world["later"], acting_user=alice)
    offered = list(actions.openable_events(club, alumni))
    assert offered == [world["soon"]]


def test_the_partner_side_gets_the_offer_for_its_own_events(client, world, club, alumni, dana):
    own = make_event(
        dana,
        alumni,
        title="Afterwork des anciens",
        openness=Openness.BRIDGED,
        open_to=[club],
        city="Nantes",
    )
    own.open_to.clear()  # as if made before the bridge: it chose no circle yet
    client.force_login(dana)
    page = client.get(reverse("circles:bridges", args=[alumni.slug])).content.decode()
    assert "Ouvrir aussi votre événement à venir (ouvert aux cercles reliés choisis)" in page
    assert "Afterwork des anciens" in page and "Dirigeant et équilibre de vie" not in page


def test_the_acceptance_email_links_to_the_offer_and_promises_no_more(
    world, alice, dana, club, alumni, django_capture_on_commit_callbacks
):
    circle_actions.do_revoke_bridge(world["bridge"], acting_user=alice)
    request = circle_actions.do_request_bridge(club, alumni, acting_user=alice)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        circle_actions.do_answer_bridge(request, acting_user=dana, accept=True)
    [message] = mail.outbox
    assert message.to == [alice.email]
    assert "les accueillent" not in message.body
    assert "chaque cercle ouvre à l'autre les événements qu'il choisit" in message.body
    assert _open_url(club, request) in message.body


def test_the_bridges_page_no_longer_promises_what_it_does_not_do(client, world, alice, club):
    client.force_login(alice)
    page = client.get(reverse("circles:bridges", args=[club.slug])).content.decode()
    assert "donne accès à vos événements ouverts aux cercles reliés" not in page
    assert "chaque cercle ouvre à l'autre les événements qu'il choisit" in page


def test_the_offer_reads_in_english(client, world, alice, club):
    alice.profile.language = "en"
    alice.profile.save()
    client.force_login(alice)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("circles:bridges", args=[club.slug])).content.decode()
    assert "Also open your 2 upcoming events (open to chosen bridged circles) to Anciens" in page
    assert "Open the ticked events to Anciens" in page
    assert "each circle opens to the other the events it chooses" in page


def test_ne_plus_proposer_hides_the_offer_for_that_bridge_and_is_recorded(
    client, world, alice, club, alumni, dana
):
    bridge = world["bridge"]
    client.force_login(alice)

    response = client.post(_open_url(club, bridge), {"dismiss": "1"})

    assert response.status_code == 302
    assert response.url == reverse("circles:bridges", args=[club.slug])
    page = client.get(response.url).content.decode()
    assert "Cette proposition ne vous sera plus faite pour les Anciens" in page
    assert "Ouvrir aussi vos 2 événements" not in page
    assert "Ne plus proposer" not in page
    bridge.refresh_from_db()
    assert bridge.events_offer_dismissed(club) and not bridge.events_offer_dismissed(alumni)
    [entry] = AuditEntry.objects.filter(verb="bridge.events_offer_dismissed")
    assert (entry.acting_user, entry.circle_id, entry.other_circle_id) == (
        alice,
        club.pk,
        alumni.pk,
    )
    # Nothing was opened; the e-mail's link is gone; saying it twice records nothing more.
    assert not world["soon"].open_to.filter(pk=alumni.pk).exists()
    assert views_bridge.offer_url(club, bridge) == ""
    client.post(_open_url(club, bridge), {"dismiss": "1"})
    assert AuditEntry.objects.filter(verb="bridge.events_offer_dismissed").count() == 1
    # The other bridge of the club and the partner's own offer are untouched.
    own = make_event(dana, alumni, title="Afterwork des anciens", openness=Openness.BRIDGED,
                     open_to=[club])  # fmt: skip
    own.open_to.clear()
    client.force_login(dana)
    partner_page = client.get(reverse("circles:bridges", args=[alumni.slug])).content.decode()
    assert "Afterwork des anciens" in partner_page and "Ne plus proposer" in partner_page


@pytest.mark.parametrize(
    "who, status", [("alice", 302), ("dana", 404), ("bob", 404), ("outsider", 404)]
)
def test_only_the_host_admins_may_stop_the_offer(
    client, world, club, alice, bob, dana, who, status
):
    people = {"alice": alice, "bob": bob, "dana": dana}
    people["outsider"] = make_user("zoe@example.org", "Zoé", "Lune")
    client.force_login(people[who])
    response = client.post(_open_url(club, world["bridge"]), {"dismiss": "1"})
    assert response.status_code == status
    world["bridge"].refresh_from_db()
    assert world["bridge"].events_offer_dismissed(club) == (who == "alice")


def test_the_acceptance_email_goes_to_the_accepting_circles_other_admins_with_their_offer(
    world, alice, dana, club, alumni, django_capture_on_commit_callbacks
):
    from passerelles.circles.models import Membership, Role

    gaelle = make_user("gaelle@example.org", "Gaëlle", "Morin")
    admit(gaelle, alumni)
    Membership.objects.filter(user=gaelle, circle=alumni).update(role=Role.ADMIN)
    own = make_event(dana, alumni, title="Afterwork des anciens", openness=Openness.BRIDGED,
                     open_to=[club])  # fmt: skip
    circle_actions.do_revoke_bridge(world["bridge"], acting_user=alice)
    request = circle_actions.do_request_bridge(club, alumni, acting_user=alice)
    own.open_to.clear()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        circle_actions.do_answer_bridge(request, acting_user=dana, accept=True)

    by_reader = {message.to[0]: message.body for message in mail.outbox}
    assert set(by_reader) == {alice.email, gaelle.email}  # not Dana, who accepted it
    assert _open_url(club, request) in by_reader[alice.email]
    assert _open_url(alumni, request) in by_reader[gaelle.email]
    assert "ouvrez-les aussi au Club" in by_reader[gaelle.email]
    assert reverse("circles:bridges", args=[alumni.slug]) in by_reader[gaelle.email]
