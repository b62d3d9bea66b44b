"""``passerelles simulate`` on the platform's data: with and without a bridge."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.intros.test_bridge_advisor import scene  # noqa: F401 (the advisor's scene)


def test_simulate_prints_the_ei_index_with_and_without_the_bridge(scene):  # noqa: F811
    out = StringIO()
    args = ["--months", "3", "--seed", "5", "--with-bridge", scene["club"].slug]
    call_command("simulate", *args, scene["finance"].slug, stdout=out)
    text = out.getvalue()
    assert "E-I aujourd'hui" in text and "E-I changé" in text
    assert f"E-I {scene['club'].name}" in text
    again = StringIO()
    call_command("simulate", *args, scene["finance"].slug, stdout=again)
    assert again.getvalue() == text  # deterministic per seed
    lines = [line for line in text.splitlines() if line[:1].isdigit()]
    assert len(lines) == 4  # today and three months


def test_simulate_refuses_an_unknown_circle(scene):  # noqa: F811
    with pytest.raises(CommandError, match="inconnu"):
        call_command("simulate", "--with-bridge", scene["club"].slug, "nowhere")


def test_the_page_draws_the_months_with_and_without_the_bridge(client, scene):  # noqa: F811
    from django.urls import reverse

    url = reverse("insights:circle_simulation", args=[scene["club"].slug])
    client.force_login(scene["owner"])
    empty = client.get(url)
    assert empty.status_code == 200 and "chart-sim-ei" not in empty.content.decode()
    page = client.get(url, {"avec": scene["finance"].pk, "mois": 3, "graine": 1})
    html = page.content.decode()
    assert page.status_code == 200
    assert "chart-sim-ei" in html and "avec la passerelle vers Réseau Finance" in html
    other = scene["finance"].created_by
    client.force_login(other)  # an admin of another circle only
    assert client.get(url).status_code == 404


def test_only_newcomers_wait_for_a_first_recommendation(club, alice, bob, charlie):
    """An old member nobody vouched for is not a newcomer waiting for years; a newcomer
    waits from her request, as the dashboard counts it."""
    import datetime
    from types import SimpleNamespace

    import numpy as np
    from django.utils import timezone

    from passerelles.circles.models import Membership
    from passerelles.insights.simulation import _vouch_state
    from tests.conftest import admit

    now = timezone.now()
    admit(charlie, club)
    for user, days in ((bob, 3 * 365), (charlie, 30)):
        Membership.objects.filter(user=user, circle=club).update(
            requested_at=now - datetime.timedelta(days=days),
            admitted_at=now - datetime.timedelta(days=days - 2),
        )
    pool = SimpleNamespace(user_ids=np.array([bob.pk, charlie.pk]), n=2)
    vouched, waited = _vouch_state(pool, now)
    assert vouched.tolist() == [True, False]  # bob is no newcomer; charlie still waits
    assert round(waited[1]) == 30
