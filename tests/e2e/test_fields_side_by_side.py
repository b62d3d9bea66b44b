"""Fields set side by side line up: the events' filters (a select was 3 px shorter than
the text field beside it, so « Ville » sat higher than the others) and the table plan's
« Taille des tables » and « Nombre de tours » (the help text under the first pushed the
second one's box 45 px lower)."""

import pytest

from passerelles.events.models import EventFormat
from tests.conftest import make_circle, make_user
from tests.e2e.conftest import login
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BOXES = """els => els.map(e => { const r = e.getBoundingClientRect();
    return [e.name, Math.round(r.top), Math.round(r.height)]; })"""


def test_the_filters_and_the_plan_form_line_up(new_page, live_server):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse")
    event = make_event(claire, club, format=EventFormat.SPEED_MEETING)
    page = new_page(1200, 900)
    login(page, "claire@example.org")

    page.goto("/evenements/")
    boxes = page.eval_on_selector_all(".filters select, .filters input[type=text]", BOXES)
    assert {name for name, _top, _h in boxes} >= {"axis", "format", "city"}
    assert len({top for _n, top, _h in boxes}) == 1, boxes
    assert len({height for _n, _t, height in boxes}) == 1, boxes
    # The header's language menu keeps its own, smaller size.
    assert page.locator("#lang-select").bounding_box()["height"] < 40

    page.goto(f"/evenements/{event.pk}/plan-de-table/")
    boxes = page.eval_on_selector_all("input[name=table_size], input[name=rounds]", BOXES)
    assert len(boxes) == 2 and boxes[0][1] == boxes[1][1], boxes
