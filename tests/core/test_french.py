"""French typography: « de » elides before a vowel sound, and « il y a 0 minute » never shows."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from passerelles.core.french import ago, de


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Alumni de l'ESC", "d'Alumni de l'ESC"),
        ("Hélène Martin", "d'Hélène Martin"),
        ("Émile", "d'Émile"),
        ("Lyon Entreprendre", "de Lyon Entreprendre"),
        ("Hauts-de-France Innovation", "de Hauts-de-France Innovation"),
        ("Yvette", "d'Yvette"),
        ("Club des Entrepreneurs", "de Club des Entrepreneurs"),
    ],
)
def test_de_elides_before_a_vowel_sound_in_french(name, expected):
    with translation.override("fr"):
        assert de(name) == expected


def test_de_gives_the_bare_name_in_english():
    with translation.override("en"):
        assert de("Alumni") == "Alumni"


def test_bridges_page_title_reads_in_both_languages():
    template = Template(
        "{% load i18n french %}{% blocktranslate with de_name=name|de %}"
        "Passerelles {{ de_name }}{% endblocktranslate %}"
    )
    with translation.override("fr"):
        assert template.render(Context({"name": "Alumni Lyon"})) == "Passerelles d&#x27;Alumni Lyon"
    with translation.override("en"):
        assert template.render(Context({"name": "Alumni Lyon"})) == "Bridges of Alumni Lyon"


def test_ago_says_just_now_under_a_minute_then_a_duration():
    now = timezone.now()
    with translation.override("fr"):
        assert ago(now - dt.timedelta(seconds=20)) == "à l'instant"
        assert ago(now - dt.timedelta(days=3)) == "il y a 3\xa0jours"
    with translation.override("en"):
        assert ago(now - dt.timedelta(seconds=20)) == "just now"
        assert ago(now - dt.timedelta(days=3)) == "3\xa0days ago"
    assert ago(None) == ""
