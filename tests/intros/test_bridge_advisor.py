"""The bridge advisor: circles whose members answer each other come first, with reasons."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import CircleKind
from passerelles.intros import bridge_advisor
from passerelles.intros.bridge_advisor import advise, suggest_bridges
from passerelles.intros.models import Scope
from tests.conftest import make_circle, make_user
from tests.intros.conftest import member


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def scene(db):
    """An industry club seeking finance and export; a finance network offering them; a
    choir with nothing to exchange. Everyone consents within bridged circles only."""
    owner = make_user("owner@example.org", "Odile", "Arnaud")
    club = make_circle(owner, "Club Industrie Rhône", city="Lyon", department="69")
    finance = make_circle(
        make_user("fin@example.org", "Fanny", "Bach"),
        "Réseau Finance",
        city="Paris",
        department="75",
        kind=CircleKind.REFERRAL,
    )
    choir = make_circle(
        make_user("choir@example.org", "Chloé", "Roy"),
        "Chorale du Marais",
        city="Paris",
        department="75",
        kind=CircleKind.OTHER,
    )
    bridged = {"scope": Scope.BRIDGED, "per_round": 2}
    needs = [
        "un directeur financier à temps partiel pour structurer notre trésorerie",
        "exporter en Allemagne, trouver un distributeur et financer l'export",
        "un expert-comptable pour notre levée de fonds",
    ]
    offers = [
        "direction financière à temps partiel, trésorerie, DAF externalisé",
        "accompagnement à l'export en Allemagne, financement de l'export",
        "expertise comptable, levée de fonds, commissariat aux comptes",
    ]
    for i, need in enumerate(needs):
        member(
            f"ind{i}@example.org",
            "Ind",
            f"N{i}",
            club,
            needs=need,
            offers="usinage de précision, fabrication de pièces mécaniques",
            **bridged,
        )
        member(
            f"fin{i}@example.org",
            "Fin",
            f"N{i}",
            finance,
            offers=offers[i],
            needs="un sous-traitant en usinage de précision pour un client",
            **bridged,
        )
        member(
            f"cho{i}@example.org",
            "Cho",
            f"N{i}",
            choir,
            offers="cours de chant choral",
            needs="partitions anciennes de Palestrina",
            **bridged,
        )
    return {"owner": owner, "club": club, "finance": finance, "choir": choir}


@pytest.fixture
def advised(scene):
    """The scene, the club's advice computed (as the keeper's thread does when asked)."""
    assert bridge_advisor.compute(scene["club"].pk)
    return scene


def test_matching_needs_and_offers_rank_above_nothing_to_exchange(scene):
    ranked = advise(scene["club"])
    order = [a.other_id for a in ranked]
    assert order.index(scene["finance"].pk) < order.index(scene["choir"].pk)
    finance = ranked[order.index(scene["finance"].pk)]
    choir = ranked[order.index(scene["choir"].pk)]
    assert finance.expected_introductions > 0
    assert finance.without_bridge == 0  # scopes keep them apart until a bridge opens
    assert choir.expected_introductions == 0
    assert finance.our_seekers == 3 and finance.their_seekers == 3
    assert choir.exchange == 0


def test_suggestions_word_their_reasons(advised):
    scene = advised
    suggestions = suggest_bridges(scene["club"], scene["owner"])
    top = suggestions[0]
    assert top.circle == scene["finance"]
    text = " ".join(top.reasons)
    assert "3 de vos membres cherchent ce que 3 des leurs proposent" in text
    assert "mises en relation de plus" in text


def test_never_the_circle_itself_nor_one_already_linked(advised):
    scene = advised
    circle_actions.do_request_bridge(scene["club"], scene["finance"], acting_user=scene["owner"])
    circles = [s.circle for s in suggest_bridges(scene["club"], scene["owner"])]
    assert scene["club"] not in circles
    assert scene["finance"] not in circles
    assert scene["choir"] in circles


def test_the_page_opens_at_once_and_fetches_its_suggestions_until_they_come(
    client,
    scene,
    jobs,
    monkeypatch,
):
    """The bridges page computed its advice within the request on a small site (8-15 s
    on a loaded machine): it now shows the bridges at once, asks the advice of a thread
    and fetches its suggestions again until they come."""
    computed = []
    monkeypatch.setattr(bridge_advisor, "advise", lambda *a, **k: computed.append(1) or [])
    client.force_login(scene["owner"])
    page = client.get(reverse("circles:bridges", args=[scene["club"].slug]))
    assert page.status_code == 200 and computed == []  # nothing computed in the request
    html = page.content.decode()
    assert "Passerelles suggérées" in html and "Nous calculons" in html
    fragment = reverse("intros:bridge_suggestions", args=[scene["club"].slug])
    assert f'hx-get="{fragment}?n=1"' in html and 'hx-trigger="load delay:2s"' in html
    assert list(jobs) == ["bridge-advice"]  # this process's thread computes it
    monkeypatch.undo()
    assert bridge_advisor.drain() == 1  # what the thread does
    html = client.get(fragment + "?n=1").content.decode()
    propose = reverse("circles:bridge_propose", args=[scene["finance"].slug])
    assert f"{propose}?depuis={scene['club'].slug}" in html
    assert "hx-get" not in html and "Nous calculons" not in html  # no more fetching


def test_the_fragment_asks_less_often_after_a_while_and_only_for_the_circle_s_admins(
    client,
    scene,
    jobs,
):
    fragment = reverse("intros:bridge_suggestions", args=[scene["club"].slug])
    client.force_login(scene["owner"])
    assert 'hx-trigger="load delay:2s"' in client.get(fragment + "?n=29").content.decode()
    html = client.get(fragment + "?n=30").content.decode()
    assert 'hx-trigger="load delay:15s"' in html and "?n=31" in html
    assert client.get(fragment + "?n=x").status_code == 200
    client.force_login(make_user("someone@example.org", "Sam", "One"))
    assert client.get(fragment).status_code == 404


def test_api_lists_suggestions_ranked_for_circle_admins(client, advised):
    scene = advised
    client.force_login(scene["owner"])
    response = client.get(f"/api/circles/{scene['club'].slug}/bridge-suggestions")
    assert response.status_code == 200
    items = response.json()
    slugs = [item["circle"]["slug"] for item in items]
    assert slugs[0] == scene["finance"].slug
    assert scene["club"].slug not in slugs
    expected = [item["expected_introductions"] for item in items]
    assert expected == sorted(expected, reverse=True)
    assert set(items[0]) == {"circle", "expected_introductions", "current_ties", "reasons"}
    assert items[0]["circle"] == {
        "slug": "reseau-finance",
        "name": "Réseau Finance",
        "city": "Paris",
    }
    assert items[0]["reasons"] and all(isinstance(r, str) for r in items[0]["reasons"])


def test_api_leaves_out_bridges_requested_or_active(client, advised):
    scene = advised
    choir = scene["choir"]
    circle_actions.do_request_bridge(
        choir, scene["club"], acting_user=choir.created_by
    )  # choir's owner
    client.force_login(scene["owner"])
    slugs = [
        i["circle"]["slug"]
        for i in client.get(f"/api/circles/{scene['club'].slug}/bridge-suggestions").json()
    ]
    assert slugs == [scene["finance"].slug]


def test_api_refuses_others(client, scene, jobs):
    url = f"/api/circles/{scene['club'].slug}/bridge-suggestions"
    assert client.get(url).status_code == 401
    member = make_user("someone@example.org", "Sam", "One")
    client.force_login(member)
    assert client.get(url).status_code == 403  # a listed circle one does not run
    private = make_circle(scene["owner"], "Club privé", listed=False)
    hidden = f"/api/circles/{private.slug}/bridge-suggestions"
    assert client.get(hidden).status_code == 404
    client.force_login(scene["owner"])
    assert client.get(hidden).status_code == 503  # asked of the keeper's thread, not computed
    assert bridge_advisor.drain() == 1
    assert client.get(hidden).status_code == 200
