"""On a large site, "ask the network" and bridge suggestions never build their index
within a page request: it is built in the background (at start-up, and again when the
data changed), shared through the cache, and the page says politely while it is not
ready. Small sites (these tests' own size) are made "large" by the setting."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from passerelles.core import background
from passerelles.intros import ask, bridge_advisor, warm
from passerelles.intros.models import Introduction
from tests.intros.conftest import run
from tests.intros.test_ask import NEED, names
from tests.intros.test_bridge_advisor import scene  # noqa: F401 (a fixture)


@pytest.fixture
def large_site(settings):
    settings.INDEX_BUILD_IN_REQUEST_MAX = 0


def test_a_cold_large_site_says_the_search_is_being_prepared(
    client, world, large_site, jobs, builds
):
    client.force_login(world["marc"])
    url = reverse("intros:ask") + "?q=" + NEED
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Nous préparons la recherche" in html and "Relancer la recherche" in html
    assert "Karl Weber" not in html
    assert builds == [] and list(jobs) == ["ask-index"]  # asked of the background
    run(jobs)
    assert len(builds) == 1
    assert "Karl Weber" in client.get(url).content.decode()


def test_the_same_page_in_english(client, world, large_site, jobs):
    client.force_login(world["marc"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("intros:ask") + "?q=" + NEED).content.decode()
    assert "We are preparing the search" in html and "Search again" in html


def test_a_request_while_cold_is_sent_as_a_direct_one(client, world, large_site, jobs):
    client.force_login(world["marc"])
    url = reverse("intros:request", args=[world["karl"].pk])
    response = client.post(url, {"need": NEED, "message": "Bonjour", "warm": "on"})
    assert response.status_code == 302
    intro = Introduction.objects.get()
    assert {intro.member_a, intro.member_b} == {world["marc"], world["karl"]}
    assert intro.intermediary is None  # no path is offered without the index


def test_index_rebuilt_in_the_background_after_an_offer_changes(
    world, large_site, jobs, builds, clock
):
    ask.prepare()  # the start-up warm-up
    need = "traduction juridique en japonais"
    assert "Bob Durand" not in names(ask.ask(world["marc"], need))
    world["bob"].profile.offers = need
    world["bob"].profile.save()
    clock.now += ask.REBUILD_EVERY
    # The stale index answers at once; the rebuild is asked of the background.
    assert "Bob Durand" not in names(ask.ask(world["marc"], need))
    assert len(builds) == 1 and list(jobs) == ["ask-index"]
    run(jobs)
    assert len(builds) == 2
    assert "Bob Durand" in names(ask.ask(world["marc"], need))


def test_another_process_takes_the_index_from_the_shared_cache(world, large_site, jobs, builds):
    ask.prepare()  # built by one process...
    ask.forget()  # ...another one, same cache, nothing in memory
    assert "Karl Weber" in names(ask.ask(world["marc"], NEED))
    assert len(builds) == 1 and not jobs  # read back (unpickled), not built again


def test_one_process_builds_while_the_others_wait_for_it(world, large_site, jobs, builds):
    assert background.claim(ask.BUILDING_KEY, 60)  # another process is building
    assert ask.prepare() is None
    assert builds == []
    with pytest.raises(ask.NotReady):
        ask.ask(world["marc"], NEED)
    background.release(ask.BUILDING_KEY)
    assert ask.prepare() is not None and len(builds) == 1


def test_small_sites_still_build_within_the_request(world, builds, jobs):
    assert "Karl Weber" in names(ask.ask(world["marc"], NEED))
    assert len(builds) == 1 and not jobs


def test_warm_up_prepares_the_index_and_the_pool(world, large_site, jobs, builds):
    warm.warm_once()
    assert len(builds) == 1
    assert bridge_advisor._pool is not None
    assert cache.get(ask.SHARED_KEY) is not None
    assert "Karl Weber" in names(ask.ask(world["marc"], NEED))
    assert list(jobs) == ["bridge-advice"]  # this process serves the advice asked for


def test_advice_asked_of_another_process_waits_in_the_shared_cache(
    client,
    scene,  # noqa: F811
    large_site,
    jobs,
):
    cache.set(bridge_advisor.HOLDER_KEY, "elsewhere:1", 60)  # another process holds the pool
    client.force_login(scene["owner"])
    url = reverse("circles:bridges", args=[scene["club"].slug])
    assert "Nous calculons" in client.get(url).content.decode()
    assert not jobs and cache.get(bridge_advisor.WANTED_KEY) == [scene["club"].pk]
    assert bridge_advisor.drain() == 1  # ...which reads the list and computes it
    assert "Réseau Finance" in client.get(url).content.decode()


def test_a_cold_bridges_page_says_advice_is_being_computed(client, scene, large_site, jobs):  # noqa: F811
    client.force_login(scene["owner"])
    url = reverse("circles:bridges", args=[scene["club"].slug])
    html = client.get(url).content.decode()
    assert "Nous calculons ce que chaque passerelle ouvrirait" in html
    assert list(jobs) == ["bridge-advice"]
    api = f"/api/circles/{scene['club'].slug}/bridge-suggestions"
    assert client.get(api).status_code == 503
    jobs.clear()
    assert bridge_advisor.drain() == 1  # what the background thread does
    html = client.get(url).content.decode()
    propose = reverse("circles:bridge_propose", args=[scene["finance"].slug])
    assert f"{propose}?depuis={scene['club'].slug}" in html
    assert client.get(api).status_code == 200


def test_old_advice_serves_while_it_is_computed_again(client, scene, large_site, jobs, monkeypatch):  # noqa: F811
    bridge_advisor.compute(scene["club"].pk)
    monkeypatch.setattr(bridge_advisor, "CACHE_SECONDS", 0)
    client.force_login(scene["owner"])
    html = client.get(reverse("circles:bridges", args=[scene["club"].slug])).content.decode()
    assert "Nous calculons" not in html and "Réseau Finance" in html
    assert list(jobs) == ["bridge-advice"]


def test_the_index_survives_pickling_with_the_semantic_extra_off(world):
    import pickle

    built = ask.build_index(ask.data_version())
    again = pickle.loads(pickle.dumps(built))
    query = again.model.encode([NEED])
    assert (again.offers @ query == built.offers @ query).all()
