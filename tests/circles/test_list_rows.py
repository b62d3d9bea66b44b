"""The circles list's rows (cards, the map's shapes and table) are rendered in Python
(``circles.rows``): the same HTML as the template loops they replaced, escaped."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from passerelles.circles.map import circle_map
from passerelles.circles.models import Circle
from passerelles.circles.queries import with_member_counts
from passerelles.circles.rows import circle_cards, map_shapes, map_table
from passerelles.core.numbers import written
from tests.conftest import make_circle

pytestmark = pytest.mark.django_db

# The template loops the rows replaced, kept as the reference.
CARDS = Template(
    """{% load i18n %}{% for circle in page %}
  <li class="card">
    <h3><a href="{{ circle.get_absolute_url }}">{{ circle.name }}</a></h3>
    <p class="muted small">{{ circle.get_kind_display }} · {{ circle.city|default:"—" }} · {% blocktranslate count n=circle.members %}{{ n }} membre{% plural %}{{ n }} membres{% endblocktranslate %}</p>
    <p class="small">{{ circle.description|truncatewords:24 }}</p>
    {% if not circle.listed %}<span class="badge">{% translate "Privé" %}</span>{% endif %}
  </li>
  {% endfor %}"""  # noqa: E501 (the template as it was)
)
SHAPES = Template(
    """{% for e in map.edges %}<path class="bridge" d="{{ e.path }}" fill="none" stroke="#9a4d12" stroke-width="2.5" stroke-opacity=".75"/>{% endfor %}
      {% for c in map.cities %}<text x="{{ c.x }}" y="{{ c.y }}" text-anchor="middle" font-size="15" font-weight="700" fill="#52616a">{{ c.name }}{% if c.region %}<tspan font-size="11" font-weight="400"> · {{ c.region }}</tspan>{% endif %}</text>{% endfor %}
      {% for n in map.nodes %}<a href="{{ n.url }}"><circle class="tone-{{ n.tone }}" cx="{{ n.x }}" cy="{{ n.y }}" r="{{ n.r }}" stroke="#fff" stroke-width="2"/><text x="{{ n.x }}" y="{{ n.label_y }}" text-anchor="middle" font-size="11.5" fill="#1d2a30">{% for line in n.lines %}<tspan x="{{ n.x }}" dy="{% if forloop.first %}0{% else %}13{% endif %}">{{ line }}{% if not forloop.last %} {% endif %}</tspan>{% endfor %}</text></a>{% endfor %}"""  # noqa: E501 (the template as it was)
)
TABLE = Template(
    """{% load numbers %}{% for n in map.nodes %}<tr><th scope="row"><a href="{{ n.url }}">{{ n.name }}</a></th><td>{{ n.city|default:"—" }}</td><td>{{ n.region|default:"—" }}</td><td>{{ n.members|default_if_none:"—" }}</td><td>{{ n.bridges }}</td>{% if with_ei %}<td>{% if n.ei is None %}—{% else %}{{ n.ei|written:2 }}{% endif %}</td>{% endif %}</tr>{% endfor %}"""  # noqa: E501 (the template as it was, but for the index written as the dashboards write it)
)

HOSTILE = '<b>"Zoé" & l\'<script>alert(1)</script>'


def squeeze(html: str) -> str:
    return re.sub(r"\s+", " ", str(html)).strip()


def test_rows_render_what_the_template_did(alice, bob):
    first = make_circle(
        alice,
        HOSTILE,
        city="Saint-Étienne",
        department="42",
        description=" ".join(["mot"] * 30) + " <i>fin</i>",
        listed=False,
    )
    second = make_circle(alice, "Club des Entrepreneurs de la Vallée de la Chimie", city="")
    third = make_circle(bob, "Réseau <Lyon>", city="Lyon", department="69", listed=True)
    circles = list(with_member_counts(Circle.objects.order_by("pk")))
    ei = {first.pk: -0.5, second.pk: 0.125}
    for language in ("fr", "en"):
        with translation.override(language):
            expected = CARDS.render(Context({"page": circles}))
            assert squeeze(circle_cards(circles)) == squeeze(expected)
            for picture in (
                circle_map(circles, [(first.pk, third.pk), (second.pk, third.pk)], ei=ei),
                circle_map(circles, []),
            ):
                expected = SHAPES.render(Context({"map": picture}))
                assert squeeze(map_shapes(picture)) == squeeze(expected)
                for with_ei in (True, False):
                    expected = TABLE.render(Context({"map": picture, "with_ei": with_ei}))
                    assert squeeze(map_table(picture, with_ei)) == squeeze(expected)
            assert "<td>\u22120" in map_table(circle_map(circles, [], ei=ei), True)


def test_list_escapes_names_and_links_to_circles(client, alice):
    circle = make_circle(alice, HOSTILE, listed=True)
    for who in (None, alice):
        if who:
            client.force_login(who)
        html = client.get(reverse("circles:list")).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert html.count(f'href="{circle.get_absolute_url()}"') == 3  # card, map, table


def test_the_map_writes_an_index_as_the_dashboards_do(alice):
    """The map's table and the dashboards (and their PDF) write a circle's E-I index with one
    function: the same minus sign and the same rounding (-0.125 read « −0,13 » on the map and
    « −0,12 » on the dashboard)."""
    circle = make_circle(alice, "Cercle")
    circles = list(with_member_counts(Circle.objects.filter(pk=circle.pk)))
    for language in ("fr", "en"):
        with translation.override(language):
            for value in (-0.125, 0.125, -0.6, -0.001, 1.0):
                table = map_table(circle_map(circles, [], ei={circle.pk: value}), True)
                assert table.endswith(f"<td>{written(value, 2)}</td></tr>"), (value, table)
