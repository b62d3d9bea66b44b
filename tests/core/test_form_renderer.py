"""Form widgets render through Jinja2 (settings ``FORM_RENDERER``, faster than Django's
template engine for a select's options): the HTML must be the one Django's templates
give, for every kind of field and widget the product's forms use, bound or not, with
errors, help texts, quotes to escape and groups of choices. Only the blank space between
tags may differ (Jinja2 leaves fewer blank lines between a select's options)."""

import re

import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.test import SimpleTestCase
from django.utils import translation

from passerelles.core.form_renderer import FormRenderer

GROUPED = [("", "Tous"), ("Ouest", [("35", "Ille-et-Vilaine"), ("44", "Loire-Atlantique")])]


class EveryWidget(forms.Form):
    text = forms.CharField(label="Nom", max_length=20, help_text="Aide « & »")
    quoted = forms.CharField(label='L\'« autre » "nom"', initial='l\'atelier "& co"')
    listed = forms.CharField(required=False, widget=forms.TextInput(attrs={"list": "names"}))
    secret = forms.CharField(widget=forms.PasswordInput, required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    agree = forms.BooleanField(required=False)
    sector = forms.ChoiceField(
        choices=[("", "Tous"), ("A", "Agriculture"), ("M", "Métiers"), ("Q", 'L\'"été" <b>')]
    )
    grouped = forms.ChoiceField(choices=GROUPED, required=False)
    typed = forms.TypedChoiceField(choices=[(1, "un"), (2, "deux")], coerce=int)
    radio = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    many = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple, required=False
    )
    multi = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)
    count = forms.IntegerField(min_value=1, max_value=9)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    when = forms.DateTimeField(
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}), required=False
    )
    hour = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}), required=False)
    link = forms.URLField(required=False, assume_scheme="https")
    upload = forms.FileField(required=False)
    picture = forms.FileField(widget=forms.ClearableFileInput, required=False)

    def clean(self):
        raise forms.ValidationError("Une erreur « globale ».")


BOUND = {
    "text": "<b>trop long pour ce champ</b>",
    "quoted": 'd\'où "ça" & <vient>',
    "sector": "M",
    "grouped": "44",
    "typed": "2",
    "radio": "z",
    "many": ["x", "y"],
    "multi": ["y"],
    "count": "12",
    "day": "pas une date",
    "agree": "on",
}


def squeezed(html: str) -> str:
    """The HTML with each run of blank space as one space, none between two tags."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def pieces(form: forms.Form) -> list[str]:
    out = [str(form.non_field_errors()), form.as_div(), form.as_p(), form.as_table()]
    for field in form:
        out += [str(field), field.label_tag(), str(field.errors), field.as_hidden()]
    return out


class TestJinjaWidgets(SimpleTestCase):
    def test_the_product_renders_forms_through_jinja(self):
        assert settings.FORM_RENDERER == "passerelles.core.form_renderer.FormRenderer"

    def test_every_widget_gives_the_html_of_django_templates(self):
        for language in ("fr", "en"):
            for data in (None, BOUND):
                with translation.override(language):
                    django_html = pieces(EveryWidget(data, renderer=DjangoTemplates()))
                    jinja_html = pieces(EveryWidget(data, renderer=FormRenderer()))
                for expected, got in zip(django_html, jinja_html, strict=True):
                    self.assertHTMLEqual(got, expected)
                    assert squeezed(got) == squeezed(expected)  # entities written alike


@pytest.mark.django_db
def test_the_directory_filters_read_as_before():
    """The directory's filters (a select of sectors, one of circles) through both."""
    from django.forms.renderers import get_default_renderer

    from passerelles.members.forms import DirectoryFilterForm
    from tests.conftest import admit, make_circle, make_user

    alice = make_user("alice@example.org", "Alice", "Martin")
    admit(alice, make_circle(alice, "Club Ouest"))
    get_default_renderer.cache_clear()
    django_form = DirectoryFilterForm(alice, {"sector": "M"}, renderer=DjangoTemplates())
    jinja_form = DirectoryFilterForm(alice, {"sector": "M"})
    assert isinstance(jinja_form.renderer, FormRenderer)
    for expected, got in zip(pieces(django_form), pieces(jinja_form), strict=True):
        assert squeezed(got) == squeezed(expected)
