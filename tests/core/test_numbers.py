"""Numbers on the pages and in the PDFs (``core.numbers.written``): the reader's writing,
a true minus sign (U+2212), no sign for a value rounded to zero."""

from django.template import Context, Template
from django.utils import translation

from passerelles.core.numbers import written


def test_no_sign_for_a_value_rounded_to_zero():
    with translation.override("fr"):
        assert written(-0.001, 2) == "0,00"
        assert written(-0.4) == "0"
        assert written(-1234.5, 1, grouping=True) == "\u22121\u00a0234,5"


def test_the_template_filter_writes_the_same():
    template = Template("{% load numbers %}[{{ v|written:2 }}][{{ none|written:2 }}]")
    with translation.override("fr"):
        assert template.render(Context({"v": -0.6, "none": None})) == "[\u22120,60][]"
