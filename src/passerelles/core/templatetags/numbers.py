"""``{{ value|written:2 }}``: a number in the reader's writing with a true minus sign
(see ``passerelles.core.numbers``); nothing for no value."""

from django import template

from passerelles.core.numbers import written as _written

register = template.Library()


@register.filter
def written(value: float | str | None, places: int = 0) -> str:
    if value is None or value == "":
        return ""
    return _written(float(value), int(places))
