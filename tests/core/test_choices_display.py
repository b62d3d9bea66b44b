"""A choice field's labels, translated once per language, for models and for queries."""

from django.utils import translation

from passerelles.circles.models import Circle
from passerelles.core.choices_display import choice_labels


def test_choice_labels_are_the_fields_labels_in_the_language_asked():
    field = Circle._meta.get_field("kind")
    assert choice_labels(field, "fr")["club"] == "Club d'affaires"
    assert choice_labels(field, "en")["club"] == "Business club"
    assert choice_labels(field, "fr") is choice_labels(field, "fr")  # computed once


def test_labels_asked_in_one_language_while_another_is_active_are_in_the_one_asked():
    choice_labels.cache_clear()  # as in a new process: nothing kept for any language yet
    field = Circle._meta.get_field("kind")
    with translation.override("fr"):
        assert choice_labels(field, "en")["club"] == "Business club"
    with translation.override("en"):
        assert choice_labels(field, "fr")["club"] == "Club d'affaires"
        assert Circle(kind="club").get_kind_display() == "Business club"


def test_get_display_reads_the_same_labels():
    circle = Circle(kind="club")
    with translation.override("en"):
        assert (
            circle.get_kind_display() == choice_labels(Circle._meta.get_field("kind"), "en")["club"]
        )
