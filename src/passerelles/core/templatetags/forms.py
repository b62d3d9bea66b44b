"""``{% for field in form|refused_fields %}``: the visible fields a submitted form refused,
in the form's order (for the summary said at the top of a refused form)."""

from django import template
from django.forms import BaseForm, BoundField

register = template.Library()


@register.filter
def refused_fields(form: BaseForm) -> list[BoundField]:
    return [field for field in form.visible_fields() if field.errors]
