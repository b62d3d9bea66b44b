"""French typography: « de » elides before a vowel sound, and « il y a 0 minute » never shows."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from passerelles.core.french import ago, de, format_date


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


@pytest.mark.parametrize(
    ("day", "fmt", "french", "english"),
    [
        (dt.date(2027, 3, 1), "j F", "1er mars", "1 March"),
        (dt.date(2027, 3, 1), "l j F Y", "lundi 1er mars 2027", "Monday 1 March 2027"),
        (dt.date(2027, 3, 2), "j F", "2 mars", "2 March"),
        (dt.date(2027, 3, 1), "j/m", "1/03", "1/03"),  # numeric dates keep the bare number
        (dt.date(2027, 3, 1), r"\j j F", "j 1er mars", "j 1 March"),  # an escaped j stays a j
    ],
)
def test_date_filter_writes_the_first_of_the_month_as_premier_in_french(day, fmt, french, english):
    template = Template("{{ day|date:fmt }}")
    with translation.override("fr"):
        assert template.render(Context({"day": day, "fmt": fmt})) == french
    with translation.override("en"):
        assert template.render(Context({"day": day, "fmt": fmt})) == english


def test_date_filter_uses_local_time_as_djangos_does():
    # 23:30 UTC on 28 February is already 1 March in Paris.
    moment = dt.datetime(2027, 2, 28, 23, 30, tzinfo=dt.UTC)
    with translation.override("fr"), timezone.override("Europe/Paris"):
        rendered = Template('{{ m|date:"j F, H:i" }}').render(Context({"m": moment}))
        assert rendered == "1er mars, 00:30"
        assert format_date(moment, "j F Y") == "1er mars 2027"
    assert Template("{{ m|date }}").render(Context({"m": None})) == ""
