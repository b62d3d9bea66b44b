"""French typography: « de » elides before a vowel sound, and « il y a 0 minute » never shows."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from passerelles.core.french import a, ago, de, format_date, le


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Alumni de l'ESC", "d'Alumni de l'ESC"),
        ("Hélène Martin", "d'Hélène Martin"),
        ("Émile", "d'Émile"),
        ("Lyon Entreprendre", "de Lyon Entreprendre"),
        ("Hauts-de-France Innovation", "de Hauts-de-France Innovation"),
        ("Yvette", "d'Yvette"),
    ],
)
def test_de_elides_before_a_vowel_sound_in_french(name, expected):
    with translation.override("fr"):
        assert de(name) == expected


@pytest.mark.parametrize(
    ("name", "de_name", "a_name"),
    [
        (
            "Club des Entrepreneurs de Lyon",
            "du Club des Entrepreneurs de Lyon",
            "au Club des Entrepreneurs de Lyon",
        ),
        ("Chambre de Métiers", "de la Chambre de Métiers", "à la Chambre de Métiers"),
        (
            "Association des Diplômés",
            "de l'Association des Diplômés",
            "à l'Association des Diplômés",
        ),
        ("Incubateur Part-Dieu", "de l'Incubateur Part-Dieu", "à l'Incubateur Part-Dieu"),
        ("Anciens de l'École", "des Anciens de l'École", "aux Anciens de l'École"),
        (
            "Femmes Entrepreneures Rhône",
            "des Femmes Entrepreneures Rhône",
            "aux Femmes Entrepreneures Rhône",
        ),
        (
            "Jeune Barreau de Bordeaux",
            "du Jeune Barreau de Bordeaux",
            "au Jeune Barreau de Bordeaux",
        ),
        (
            "Jeune Chambre Économique",
            "de la Jeune Chambre Économique",
            "à la Jeune Chambre Économique",
        ),
        ("Les Audacieuses de Lyon", "des Audacieuses de Lyon", "aux Audacieuses de Lyon"),
        ("Le Cercle", "du Cercle", "au Cercle"),
        ("Alumni École de Commerce", "d'Alumni École de Commerce", "à Alumni École de Commerce"),
        ("Lyon Entreprendre", "de Lyon Entreprendre", "à Lyon Entreprendre"),
        ("Clubhouse Lyon", "de Clubhouse Lyon", "à Clubhouse Lyon"),
    ],
)
def test_a_name_that_starts_with_a_common_noun_takes_its_article(name, de_name, a_name):
    with translation.override("fr"):
        assert (de(name), a(name)) == (de_name, a_name)
    with translation.override("en"):
        assert (de(name), a(name)) == (name, name)


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


@pytest.mark.parametrize(
    ("name", "with_article"),
    [
        ("Club des Entrepreneurs de Lyon", "le Club des Entrepreneurs de Lyon"),
        ("Chambre de Commerce", "la Chambre de Commerce"),
        ("Association des Diplômés", "l'Association des Diplômés"),
        ("Anciens de l'École", "les Anciens de l'École"),
        ("Les Audacieuses de Lyon", "Les Audacieuses de Lyon"),  # its own article kept
        ("Le Cercle", "Le Cercle"),
        ("Lyon Entreprendre", "Lyon Entreprendre"),
    ],
)
def test_le_gives_a_name_its_article_after_avec(name, with_article):
    with translation.override("fr"):
        assert le(name) == with_article
    with translation.override("en"):
        assert le(name) == name
