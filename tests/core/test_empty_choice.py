"""A required choice never offers « --------- »: radio buttons do without an empty one
(it showed first, checked, and the form then refused it), a list says « Choisir… »."""

from django.utils import translation

from passerelles.events.forms import EventForm
from passerelles.insights.views_simulation import SimulationForm


def test_required_radio_buttons_have_no_empty_button(db):
    html = str(EventForm()["axis"])
    assert "---------" not in html
    assert 'value=""' not in html
    assert "checked" not in html
    assert html.count('type="radio"') == 4


def test_a_required_list_asks_to_choose_in_the_reader_s_language(db):
    assert '<option value="" selected>Choisir…</option>' in str(EventForm()["format"])
    with translation.override("en"):
        assert '<option value="" selected>Choose…</option>' in str(EventForm()["format"])


def test_an_optional_list_keeps_its_empty_choice(db):
    from passerelles.circles.models import Circle

    html = str(SimulationForm(circles=Circle.objects.none())["avec"])
    assert '<option value="" selected>---------</option>' in html
