"""The fields of a list's filter form (label, widget, errors), rendered once per process
for each set of inputs that shapes their HTML: the language, the choices offered, the
data sent and its errors. Rendering the widgets cost 1-1.5 ms a page (the directory and
the events list, benchmarks/README.md). Forms whose choices are not passed (an operator
offered every circle) are rendered each time."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from django import forms
from django.template import Context, Template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

KEPT = 500  # fragments kept per process (a few kB each); emptied when full
_kept: dict[tuple[object, ...], SafeString] = {}


@cache
def _template(source: str) -> Template:
    return Template(source)


def rendered_fields(form: forms.Form, source: str, offered: Sequence[object] | None) -> SafeString:
    """``source`` (a template over ``form``) rendered, or the same HTML kept from an
    earlier page with the same inputs; ``offered``: the choices the form offers, None
    when they are not to be kept."""
    template = _template(source)
    if offered is None:
        return template.render(Context({"form": form}))
    data = form.data
    values = getattr(data, "getlist", None) or (lambda name: [data.get(name)])
    key = (
        source,
        get_language(),
        tuple(offered),
        form.is_bound,
        tuple((name, tuple(values(name))) for name in form.fields) if form.is_bound else (),
        tuple((name, tuple(map(str, errors))) for name, errors in form.errors.items()),
    )
    html = _kept.get(key)
    if html is None:
        if len(_kept) >= KEPT:
            _kept.clear()
        html = _kept[key] = template.render(Context({"form": form}))
    return html
