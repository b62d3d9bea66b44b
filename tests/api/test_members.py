"""The signed-in member and the directory through the API, and its documentation page."""

import re

from passerelles.members.models import Visibility


def test_me_lists_my_circles_and_my_language(client, bob, club):
    bob.profile.language = "en"
    bob.profile.save()
    client.force_login(bob)
    me = client.get("/api/me").json()
    assert me["email"] == bob.email and me["language"] == "en"
    assert me["circles"] == [{"slug": club.slug, "name": club.name}]


def test_directory_search_and_pages(client, alice, bob, club):
    bob.profile.organisation = "Durand Conseil"
    bob.profile.offers = "expertise comptable, fiscalité"
    bob.profile.save()
    client.force_login(alice)
    found = client.get("/api/members", {"q": "fiscalité"}).json()
    assert [p["name"] for p in found["items"]] == [bob.profile.name]
    everyone = client.get("/api/members", {"page_size": 1}).json()
    assert everyone["count"] == 2 and len(everyone["items"]) == 1
    assert client.get("/api/members", {"page": 0}).status_code == 422
    folded = client.get("/api/members", {"q": "FISCALITE", "sector": ""}).json()
    assert [p["name"] for p in folded["items"]] == [bob.profile.name]  # as on the page


def test_lists_give_each_profile_its_skills_by_name(client, alice, bob, club):
    from passerelles.members.models import Skill

    bob.profile.skills.set([Skill.objects.create(name=n) for n in ("zotero", "audit", "paie")])
    alice.profile.skills.set([Skill.objects.get(name="paie")])
    client.force_login(alice)
    expected = {bob.profile.name: ["audit", "paie", "zotero"], alice.profile.name: ["paie"]}
    for url in ("/api/members", f"/api/circles/{club.slug}/members"):
        items = client.get(url).json()["items"]
        assert {p["name"]: p["skills"] for p in items} == expected, url
    one = client.get(f"/api/members/{bob.profile.pk}").json()
    assert one["skills"] == ["audit", "paie", "zotero"]


def test_directory_filters_refuse_what_they_do_not_know(client, alice, club):
    client.force_login(alice)
    wrong = client.get("/api/members", {"sector": "ZZ"})
    assert wrong.status_code == 422 and wrong.json()["detail"].startswith("sector : ")
    unseen = client.get("/api/members", {"circle": "un-cercle-inconnu"})
    assert unseen.status_code == 422 and "circle" in unseen.json()["detail"]
    mine = client.get("/api/members", {"circle": club.slug}).json()
    assert mine["count"] == 2


def test_a_profile_kept_to_its_circles_is_not_found_outside(client, bob, charlie, club):
    bob.profile.visibility = Visibility.CIRCLES
    bob.profile.save()
    client.force_login(charlie)
    assert client.get(f"/api/members/{bob.profile.pk}").status_code == 404
    assert bob.profile.name not in str(client.get("/api/members").json())


def test_docs_are_served_without_a_cdn(client, bob):
    client.force_login(bob)
    page = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    # every script and stylesheet is served from this site (a random CSRF token may contain "cdn")
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith(("/", "#")) for s in sources), sources
    schema = client.get("/api/openapi.json").json()
    assert {"/api/me", "/api/introductions/{intro_id}/decision"} <= set(schema["paths"])
