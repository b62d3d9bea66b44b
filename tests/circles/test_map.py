"""The circles map reads: whole names, cities grouped by region, bridges, a table."""

from types import SimpleNamespace

from django.urls import reverse

from passerelles.circles import actions
from passerelles.circles.map import circle_map, tone, wrap_name


def _circle(pk, name, city, department=""):
    return SimpleNamespace(
        pk=pk, name=name, city=city, department=department, get_absolute_url=lambda: f"/c/{pk}/"
    )


def test_names_are_wrapped_never_cut():
    a = "Club des Entrepreneurs de la Métropole de Lyon"
    b = "Cercle des Entrepreneurs de la Métropole de Lyon"
    picture = circle_map([_circle(1, a, "Lyon", "69"), _circle(2, b, "Lyon", "69")], [])
    lines = {n["id"]: n["lines"] for n in picture["nodes"]}
    assert " ".join(lines[1]) == a and " ".join(lines[2]) == b
    assert all(len(line) <= 20 for line in lines[1])
    assert wrap_name("Anticonstitutionnellement-Entrepreneurs") == [
        "Anticonstitutionnellement-Entrepreneurs"
    ]


def test_cities_of_a_region_sit_together_and_bridges_are_drawn():
    circles = [
        _circle(1, "A", "Lyon", "69"),
        _circle(2, "B", "Paris", "75"),
        _circle(3, "C", "Grenoble", "38"),
    ]
    picture = circle_map(circles, [(1, 3), (1, 2)])
    assert [c["name"] for c in picture["cities"]] == ["Grenoble", "Lyon", "Paris"]
    assert picture["cities"][0]["region"] == "Auvergne-Rhône-Alpes"
    assert len(picture["edges"]) == 2
    assert {n["id"]: n["bridges"] for n in picture["nodes"]} == {1: 2, 2: 1, 3: 1}


def test_tone_in_plain_words():
    assert [tone(x) for x in (None, -0.9, -0.2, 0.4)] == ["none", "closed", "mixed", "open"]


def test_the_page_has_the_legend_and_a_table(client, alice, club, alumni, dana):
    bridge = actions.do_request_bridge(club, alumni, acting_user=alice)
    actions.do_answer_bridge(bridge, acting_user=dana, accept=True)
    client.force_login(alice)
    html = client.get(reverse("circles:list")).content.decode()
    assert 'class="bridge"' in html
    assert "indice E-I" in html and "La carte sous forme de tableau" in html
    assert f'href="{club.get_absolute_url()}"' in html
    assert "<table>" in html and club.name in html


def test_the_table_lists_each_circle_once_under_its_city_and_region():
    """The table reads the nodes in order (grouped by city) with their city's region:
    the rows the former loop over every city and every node gave."""
    from django.template import Context, Template

    circles = [
        _circle(1, "Zèbre", "Lyon", "69"),
        _circle(2, "Alpha", "Paris", "75"),
        _circle(3, "Béta", "", ""),
        _circle(4, "Gamma", "Lyon", "69"),
        _circle(5, "Delta", "Grenoble", "38"),
        _circle(6, "Epsilon", "—", ""),
        _circle(7, "Sans région", "Papeete", ""),
    ]
    picture = circle_map(circles, [(1, 2)])
    row = "{{ n.name }}|{{ n.city|default:'—' }}|{{ r|default:'—' }};"
    former = Template(
        "{% for c in map.cities %}{% for n in map.nodes %}"
        "{% if n.city == c.name or not n.city and c.name == '—' %}"
        + row.replace("{{ r|", "{{ c.region|")
        + "{% endif %}{% endfor %}{% endfor %}"
    ).render(Context({"map": picture}))
    rows = row.replace("{{ r|", "{{ n.region|")
    now = Template("{% for n in map.nodes %}" + rows + "{% endfor %}")
    assert now.render(Context({"map": picture})) == former
    assert former.count(";") == len(circles)
