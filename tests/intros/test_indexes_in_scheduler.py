"""With a cache shared through Redis, the scheduler's keeper builds the "ask the network"
index and the bridge advisor's pool and stores them; web processes only read what is
stored: no build, no look at the data on a page request, and the page says politely
while nothing is stored yet. Here one process plays both sides (its memory cache stands
for Redis); ``ask.forget()`` makes it a web process that has read nothing yet."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from passerelles.core import background
from passerelles.intros import ask, bridge_advisor, warm
from tests.intros.conftest import run
from tests.intros.test_ask import NEED, names
from tests.intros.test_bridge_advisor import scene  # noqa: F401 (a fixture)
from tests.intros.test_indexes_off_request import large_site  # noqa: F401 (a fixture)

REDIS = "django.core.cache.backends.redis.RedisCache"


@pytest.fixture
def by_scheduler(settings):
    """Indexes left to the scheduler, whose keeper was heard of (a scheduler runs)."""
    settings.INDEXES_BUILT_BY = "scheduler"
    cache.set(warm.ALIVE_KEY, "another-host:1", warm.ALIVE_SECONDS)


@pytest.fixture
def no_scheduler(settings):
    """Indexes left to the scheduler, and none runs."""
    settings.INDEXES_BUILT_BY = "scheduler"
    cache.delete(warm.ALIVE_KEY)


@pytest.fixture
def looks(monkeypatch):
    """Every look at the data for the index's freshness (three aggregates each)."""
    calls = []
    version = ask.data_version

    def counting():
        calls.append(1)
        return version()

    monkeypatch.setattr(ask, "data_version", counting)
    return calls


@pytest.mark.parametrize(
    ("built_by", "backend", "in_web"),
    [
        ("auto", REDIS, False),
        ("auto", "django.core.cache.backends.locmem.LocMemCache", True),
        ("web", REDIS, True),
        ("scheduler", "django.core.cache.backends.locmem.LocMemCache", False),
    ],
)
def test_who_builds_the_indexes(settings, built_by, backend, in_web):
    settings.INDEXES_BUILT_BY = built_by
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "redis://127.0.0.1:1/0"}}
    assert warm.in_web_processes() is in_web


def test_only_one_side_starts_a_keeper(settings, jobs):
    settings.INDEXES_BUILT_BY = "scheduler"
    assert warm.start() is False and not jobs  # a web process: nothing to keep
    assert warm.start_in_scheduler() is True and list(jobs) == [warm.HEARTBEAT, warm.KEEPER]
    jobs.clear()
    settings.INDEXES_BUILT_BY = "web"
    assert warm.start_in_scheduler() is False and not jobs
    assert warm.start() is True and list(jobs) == [warm.KEEPER]


def test_a_cold_page_says_so_without_building_or_looking_at_the_data(
    client,
    world,
    by_scheduler,
    jobs,
    builds,
    looks,
    clock,
):
    client.force_login(world["marc"])
    url = reverse("intros:ask") + "?q=" + NEED
    html = client.get(url).content.decode()
    assert "Nous préparons la recherche" in html and "Karl Weber" not in html
    assert builds == [] and looks == [] and not jobs  # nothing asked of this process
    warm.warm_once()  # the scheduler's keeper
    assert len(builds) == 1
    jobs.clear()
    ask.forget()  # a web process that read nothing yet
    looked = len(looks)
    # Its first page sees the stamp and has the index read by a thread, not itself.
    assert "Nous préparons la recherche" in client.get(url).content.decode()
    assert list(jobs) == ["ask-index-read"]
    run(jobs)
    assert "Karl Weber" in client.get(url).content.decode()
    assert len(looks) == looked and len(builds) == 1  # read from the cache, as stored


def test_a_data_change_reaches_the_pages_through_the_keeper(
    world,
    by_scheduler,
    jobs,
    builds,
    looks,
    clock,
):
    need = "traduction juridique en japonais"
    warm.warm_once()  # the keeper, at start-up (it also serves bridge advice)
    jobs.clear()
    ask.forget()  # the web process
    ask.read_stored()
    assert "Bob Durand" not in names(ask.ask(world["marc"], need))
    world["bob"].profile.offers = need
    world["bob"].profile.save()
    clock.now += ask.REBUILD_EVERY
    looked = len(looks)
    assert "Bob Durand" not in names(ask.ask(world["marc"], need))  # not rebuilt by a page
    assert len(looks) == looked and len(builds) == 1 and not jobs
    ask.prepare()  # the keeper's next look: the data changed, rebuilt and stored
    assert len(builds) == 2
    ask.forget()  # the web process again (the keeper's process shares its memory here)
    ask.read_stored()
    assert "Bob Durand" in names(ask.ask(world["marc"], need))


def test_a_web_process_reads_a_new_index_off_the_request_path_when_its_stamp_changes(
    world,
    by_scheduler,
    jobs,
    builds,
    clock,
):
    first = ask.prepare()
    ask.forget()  # the web process
    assert ask.stored_index() is None and list(jobs) == ["ask-index-read"]
    run(jobs)
    clock.now += ask.STAMP_CHECK_EVERY
    assert ask.stored_index() is not None and not jobs  # same stamp: nothing to read
    world["bob"].profile.offers = "traduction juridique en japonais"
    world["bob"].profile.save()
    ask.forget()  # the keeper's process, whose copy is now outdated
    ask.prepare()
    ask._cached, ask._checked_at = first, clock.now  # the web process, still on the first
    assert ask.stored_index() is first and not jobs  # until its next look at the stamp
    clock.now += ask.STAMP_CHECK_EVERY
    assert ask.stored_index() is first  # serving while the new one is read
    assert list(jobs) == ["ask-index-read"]
    run(jobs)
    assert ask.stored_index().key != first.key


def test_the_keeper_paces_itself_after_a_costly_build():
    assert warm.pause(0.2) == ask.REBUILD_EVERY  # a look that found nothing to rebuild
    assert warm.pause(36.0) == warm.PACE * 36.0  # after a build of 36 s of CPU


def test_one_keeper_builds_and_a_second_one_reads_it(world, by_scheduler, builds):
    warm.warm_once()  # the keeper of one scheduler...
    ask.forget()  # ...and of a second one (harmless): it takes the stored index
    assert ask.prepare() is not None and len(builds) == 1
    assert background.claim(ask.BUILDING_KEY, 60)  # a first keeper is building
    cache.delete(ask.SHARED_KEY)
    ask.forget()
    assert ask.prepare() is None and len(builds) == 1  # the second waits for it


def test_an_index_the_cache_lost_is_stored_again_without_a_build(world, by_scheduler, builds):
    ask.prepare()
    cache.clear()  # Redis flushed, or the index expired while the data did not change
    ask.prepare()
    assert len(builds) == 1
    assert cache.get(ask.STAMP_KEY) == cache.get(ask.SHARED_KEY).key


def test_bridge_advice_asked_by_a_page_is_computed_by_the_keeper(
    client,
    scene,  # noqa: F811
    by_scheduler,
    jobs,
):
    client.force_login(scene["owner"])
    url = reverse("circles:bridges", args=[scene["club"].slug])
    assert "Nous calculons" in client.get(url).content.decode()
    assert not jobs and cache.get(bridge_advisor.HOLDER_KEY) is None  # no web keeper
    assert cache.get(bridge_advisor.WANTED_KEY) == [scene["club"].pk]
    bridge_advisor.prepare()  # the scheduler's keeper, whatever the site's size
    assert bridge_advisor._pool is not None and list(jobs) == ["bridge-advice"]
    assert bridge_advisor.drain() == 1  # what its thread does every few seconds
    assert "Réseau Finance" in client.get(url).content.decode()


def test_a_stopping_scheduler_gives_its_claims_back(world, no_scheduler, jobs):
    assert warm.start_in_scheduler() and warm.HEARTBEAT in jobs
    warm.say_alive()  # what its heartbeat thread does every BEAT_SECONDS
    assert not warm.keeper_missing()
    assert background.claim(ask.BUILDING_KEY, 60)  # a build under way
    bridge_advisor.prepare()  # the bridge advisor's role
    assert cache.get(bridge_advisor.HOLDER_KEY) is not None
    warm.stop_in_scheduler()
    assert warm.keeper_missing()  # said at once, not after ALIVE_SECONDS
    assert cache.get(bridge_advisor.HOLDER_KEY) is None
    assert background.claim(ask.BUILDING_KEY, 60)  # the next keeper may build at once


def test_a_deploy_check_warns_when_the_pages_could_not_see_the_scheduler_s_indexes(settings):
    from passerelles.jobs.checks import indexes_seen_by_the_pages

    settings.INDEXES_BUILT_BY = "scheduler"  # and the suite's memory cache, not Redis
    assert [w.id for w in indexes_seen_by_the_pages(None)] == ["passerelles.W102"]
    settings.INDEXES_BUILT_BY = "auto"
    assert indexes_seen_by_the_pages(None) == []


def test_without_a_scheduler_a_small_site_s_web_process_computes_the_advice(
    client,
    scene,  # noqa: F811
    no_scheduler,
    jobs,
):
    """« Being prepared » was said forever: nothing would ever compute it. A thread of
    the web process does, as without Redis (never the request itself)."""
    client.force_login(scene["owner"])
    url = reverse("circles:bridges", args=[scene["club"].slug])
    assert "Nous calculons" in client.get(url).content.decode()
    assert list(jobs) == ["bridge-advice"]  # this process took the role
    assert cache.get(bridge_advisor.HOLDER_KEY) is not None
    assert bridge_advisor.drain() == 1  # what its thread does
    assert "Réseau Finance" in client.get(url).content.decode()


def test_without_a_scheduler_a_small_site_builds_the_search_and_keeps_it_current(
    client,
    world,
    no_scheduler,
    jobs,
    builds,
    clock,
):
    client.force_login(world["marc"])
    url = reverse("intros:ask") + "?q=" + NEED
    assert "Karl Weber" in client.get(url).content.decode()
    assert len(builds) == 1 and not jobs
    need = "traduction juridique en japonais"
    world["bob"].profile.offers = need
    world["bob"].profile.save()
    clock.now += ask.REBUILD_EVERY
    assert "Bob Durand" in names(ask.ask(world["marc"], need))
    assert len(builds) == 2


def test_without_a_scheduler_a_large_site_says_that_nothing_prepares_them(
    client,
    scene,  # noqa: F811
    no_scheduler,
    large_site,  # noqa: F811
    jobs,
    builds,
):
    client.force_login(scene["owner"])
    bridges = reverse("circles:bridges", args=[scene["club"].slug])
    search = reverse("intros:ask") + "?q=" + NEED
    for url in (bridges, search):
        html = client.get(url).content.decode()
        assert "est arrêté" in html and "Nous calculons" not in html, url
        assert "Nous préparons" not in html, url
    assert builds == [] and not jobs  # never built in a web process of a large site
    warm.say_alive()  # a scheduler starts: its pages say again that it is being prepared
    assert "Nous calculons" in client.get(bridges).content.decode()
    assert "Nous préparons la recherche" in client.get(search).content.decode()
    api = client.get(f"/api/circles/{scene['club'].slug}/bridge-suggestions")
    assert api.status_code == 503 and "en cours de calcul" in api.json()["detail"]
    cache.delete(warm.ALIVE_KEY)
    api = client.get(f"/api/circles/{scene['club'].slug}/bridge-suggestions")
    assert api.status_code == 503 and "est arrêté" in api.json()["detail"]


def test_the_health_report_warns_when_no_scheduler_keeps_the_indexes(client, settings):
    settings.INDEXES_BUILT_BY = "scheduler"
    indexes = client.get("/sante/").json()["indexes"]
    assert indexes["ok"] is False and indexes["keeper"] == "missing"
    assert "passerelles scheduler" in indexes["warning"]
    warm.say_alive()
    assert client.get("/sante/").json()["indexes"] == {
        "ok": True,
        "built_by": "scheduler",
        "keeper": "running",
    }
    settings.INDEXES_BUILT_BY = "web"
    assert client.get("/sante/").json()["indexes"] == {"ok": True, "built_by": "web"}
