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
    bridge = actions.do_request_bridge(club, alumni, alice)
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
    bridge = actions.do_request_bridge(club, alumni, alice)
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
