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
