"""Circles through the API: a member's role, bridges, and private partners left unnamed."""

from tests.conftest import make_circle


def test_circle_detail_says_my_role_and_bridges(client, alice, club, alumni, bridge):
    client.force_login(alice)
    detail = client.get(f"/api/circles/{club.slug}").json()
    assert detail["my_role"] == "owner" and detail["bridged_with"] == [alumni.slug]
    assert detail["members"] == 2


def test_a_private_partner_stays_unnamed(client, charlie, club, alumni, bridge):
    # The club is private; charlie, in neither circle, may read the listed alumni circle.
    client.force_login(charlie)
    detail = client.get(f"/api/circles/{alumni.slug}").json()
    assert detail["bridged_with"] == []
    assert client.get(f"/api/circles/{club.slug}").status_code == 404
    listed = make_circle(charlie, "Réseau ouvert", listed=True)
    assert [c["slug"] for c in client.get("/api/circles").json()["items"]] == sorted(
        [alumni.slug, listed.slug]
    )


def test_a_circle_says_whether_the_platform_recognises_it(client, charlie):
    client.force_login(charlie)
    new = make_circle(charlie, "Cercle tout neuf", listed=True, recognised=False)
    assert client.get(f"/api/circles/{new.slug}").json()["recognised"] is False
    listed = {c["slug"]: c["recognised"] for c in client.get("/api/circles").json()["items"]}
    assert listed == {new.slug: False}
    new.recognised = True
    new.save(update_fields=["recognised"])
    assert client.get(f"/api/circles/{new.slug}").json()["recognised"] is True
