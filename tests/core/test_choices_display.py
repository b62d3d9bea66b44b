"""A choice field's labels, translated once per language, for models and for queries."""

from django.utils import translation

from passerelles.circles.models import Circle
from passerelles.core.choices_display import choice_labels


def test_choice_labels_are_the_fields_labels_in_the_language_asked():
    field = Circle._meta.get_field("kind")
    assert choice_labels(field, "fr")["club"] == "Club d'affaires"
    assert choice_labels(field, "en")["club"] == "Business club"
    assert choice_labels(field, "fr") is choice_labels(field, "fr")  # computed once


def test_get_display_reads_the_same_labels():
    circle = Circle(kind="club")
    with translation.override("en"):
        assert (
            circle.get_kind_display() == choice_labels(Circle._meta.get_field("kind"), "en")["club"]
        )
