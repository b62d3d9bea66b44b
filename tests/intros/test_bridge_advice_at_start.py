"""Right after a restart, a small site's first bridges page shows its suggestions at once:
the web process's keeper, at start-up, builds the pool of members and every circle's
advice in its background thread (the page said « Nous calculons … » for ~20 s while the
first request had both built)."""

from django.core.cache import cache
from django.urls import reverse

from passerelles.intros import bridge_advisor, warm
from tests.intros.test_bridge_advisor import scene  # noqa: F401 (a fixture)


def test_a_small_site_s_keeper_prepares_every_circle_s_advice_at_start_up(
    client,
    scene,  # noqa: F811
    jobs,
):
    assert warm.in_web_processes() and bridge_advisor._pool is None
    bridge_advisor.prepare()  # the keeper's start-up look (its own thread)
    assert bridge_advisor._pool is not None
    for circle in (scene["club"], scene["finance"]):
        assert isinstance(cache.get(bridge_advisor._advice_key(circle.pk)), dict)
    client.force_login(scene["owner"])
    html = client.get(reverse("circles:bridges", args=[scene["club"].slug])).content.decode()
    assert "Nous calculons" not in html and "Réseau Finance" in html
    assert not jobs  # the page asked nothing of the background
    bridge_advisor.prepare()  # the keeper's later looks: nothing built again
    assert not jobs
