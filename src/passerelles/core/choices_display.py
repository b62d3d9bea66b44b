"""``get_<field>_display()`` without re-translating every choice at each call.

Django's version builds a dictionary of all the field's choices on every call, hashing
each lazily translated label, i.e. translating it: a directory page of 24 profiles
translated the 21 sector names 24 times. Here the labels of a field are translated once
per language and process (choices are fixed in code).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.db.models import Field
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language, override


@lru_cache(maxsize=512)
def choice_labels(field: Field[Any, Any], language: str | None) -> dict[Any, Any]:
    """``field``'s choices as {value: label} in ``language`` (usually the active one,
    from ``get_language()``), translated once per field, language and process. Worded in
    ``language`` whatever language is active when first asked: the result is kept under it."""
    with override(language):
        return {
            make_hashable(value): force_str(label, strings_only=True)
            for value, label in field.flatchoices
        }


class ChoicesDisplayMixin:
    """Put before ``models.Model`` in a model's bases: its ``get_<field>_display()``
    methods then read labels translated once per language."""

    def _get_FIELD_display(self, field: Field[Any, Any]) -> Any:  # noqa: N802 (Django's name)
        value = getattr(self, field.attname)
        return choice_labels(field, get_language()).get(make_hashable(value), value)
