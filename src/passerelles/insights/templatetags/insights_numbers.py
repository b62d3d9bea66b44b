"""``{{ value|written:2 }}``: a number in the reader's writing with a true minus sign."""

from django import template

from passerelles.insights.numbers import written as _written

register = template.Library()


@register.filter
def written(value: float | None, places: int = 0) -> str:
    if value is None or value == "":
        return ""
    return _written(float(value), int(places))
