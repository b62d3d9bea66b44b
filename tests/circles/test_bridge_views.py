from django.urls import reverse

from passerelles.circles import actions
from passerelles.circles.models import Bridge, BridgeState
from passerelles.members.access import visible_profiles


def test_request_bridge_from_admin_page(client, alice, club, alumni):
    client.force_login(alice)
    page = client.get(reverse("circles:bridges", args=[club.slug]))
    assert alumni in page.context["form"].fields["target"].queryset
    response = client.post(
        reverse("circles:bridges", args=[club.slug]), {"target": alumni.pk, "message": "Salut"}
    )
    assert response.status_code == 302
    bridge = Bridge.objects.get()
    assert (bridge.from_circle, bridge.to_circle, bridge.state) == (
        club,
        alumni,
        BridgeState.REQUESTED,
    )


def test_only_the_asked_circle_answers(client, alice, dana, club, alumni):
    bridge = actions.do_request_bridge(club, alumni, acting_user=alice)
    client.force_login(alice)
    response = client.post(
        reverse("circles:bridge_answer", args=[club.slug, bridge.pk]),
        {"answer": "accept"},
        follow=True,
    )
    assert "Seul le cercle sollicité" in response.content.decode()
    bridge.refresh_from_db()
    assert bridge.state == BridgeState.REQUESTED
    client.force_login(dana)
    client.post(
        reverse("circles:bridge_answer", args=[alumni.slug, bridge.pk]), {"answer": "decline"}
    )
    bridge.refresh_from_db()
    assert bridge.state == BridgeState.DECLINED


def test_bridge_opens_and_closes_visibility(client, alice, bob, dana, club, alumni):
    bob_profile = bob.profile
    assert bob_profile not in visible_profiles(dana)
    bridge = actions.do_request_bridge(club, alumni, acting_user=alice)
    client.force_login(dana)
    client.post(
        reverse("circles:bridge_answer", args=[alumni.slug, bridge.pk]), {"answer": "accept"}
    )
    assert bob_profile in visible_profiles(dana)
    client.post(reverse("circles:bridge_revoke", args=[alumni.slug, bridge.pk]))
    assert bob_profile not in visible_profiles(dana)
    assert client.get(club.get_absolute_url()).status_code == 404  # private again


def test_propose_a_bridge_from_the_other_circles_page(client, alice, dana, club, alumni):
    client.force_login(dana)
    page = client.get(reverse("circles:detail", args=[alumni.slug]))
    assert reverse("circles:bridge_propose", args=[alumni.slug]) not in page.content.decode()
    client.force_login(alice)
    page = client.get(reverse("circles:detail", args=[alumni.slug]))
    propose = reverse("circles:bridge_propose", args=[alumni.slug])
    assert propose in page.content.decode()
    form = client.get(f"{propose}?depuis={club.slug}").context["form"]
    assert form.initial["from_circle"] == club
    assert list(form.fields["from_circle"].queryset) == [club]
    response = client.post(propose, {"from_circle": club.pk, "message": "Rencontrons-nous"})
    assert response.status_code == 302
    assert response.url == reverse("circles:bridges", args=[club.slug])
    bridge = Bridge.objects.get()
    assert (bridge.from_circle, bridge.to_circle, bridge.message) == (
        club,
        alumni,
        "Rencontrons-nous",
    )
    again = client.get(propose)
    assert not again.context["has_sources"]  # already asked: nothing left to propose from


def test_propose_only_on_behalf_of_a_circle_one_runs(client, bob, club, alumni):
    client.force_login(bob)  # a member of the club, not its admin
    response = client.post(
        reverse("circles:bridge_propose", args=[alumni.slug]), {"from_circle": club.pk}
    )
    assert response.status_code == 200
    assert not Bridge.objects.exists()


def test_the_other_circles_admins_are_told_by_email_in_their_language(
    client, alice, dana, club, alumni, django_capture_on_commit_callbacks
):
    from django.core import mail

    dana.profile.language = "en"
    dana.profile.save()
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("circles:bridge_propose", args=[alumni.slug]), {"from_circle": club.pk}
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [dana.email]
    assert message.subject == "[Passerelles] Bridge proposed by Club des Entrepreneurs de Lyon"
    assert "Hello Dana" in message.body
    assert reverse("circles:bridges", args=[alumni.slug]) in message.body
    bridge = Bridge.objects.get()
    client.force_login(dana)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("circles:bridge_answer", args=[alumni.slug, bridge.pk]), {"answer": "accept"}
        )
    bridge.refresh_from_db()
    assert bridge.state == BridgeState.ACTIVE
    assert mail.outbox[-1].to == [alice.email]
    assert "Anciens de l'École" in mail.outbox[-1].subject


def test_closing_a_bridge_asks_first_and_says_what_closes(client, alice, dana, club, alumni):
    from passerelles.intros.models import Introduction, Origin, Preference, Scope, Status
    from tests.conftest import admit, make_user

    bridge = actions.do_request_bridge(club, alumni, acting_user=alice)
    actions.do_answer_bridge(bridge, acting_user=dana, accept=True)
    ours, theirs = (
        make_user("o@example.org", "Oscar", "Un"),
        make_user("t@example.org", "Tea", "Deux"),
    )
    admit(ours, club)
    admit(theirs, alumni)
    for user, scope in ((ours, Scope.BRIDGED), (theirs, Scope.ALL)):
        Preference.objects.update_or_create(user=user, defaults={"consent": True, "scope": scope})
    intro = Introduction.objects.create(
        origin=Origin.ROUND, member_a=ours, member_b=theirs, reasons={}
    )
    client.force_login(alice)
    url = reverse("circles:bridge_revoke", args=[club.slug, bridge.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "1 suggestion en attente" in html and "Annuaire" in html
    bridge.refresh_from_db()
    assert bridge.state == BridgeState.ACTIVE  # asking closed nothing
    client.post(url)
    bridge.refresh_from_db()
    intro.refresh_from_db()
    assert bridge.state == BridgeState.REVOKED
    assert intro.status == Status.EXPIRED
